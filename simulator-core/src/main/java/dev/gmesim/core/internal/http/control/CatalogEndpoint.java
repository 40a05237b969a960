package dev.gmesim.core.internal.http.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gmesim.core.catalog.ErrorCategory;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.NearestName;
import dev.gmesim.core.catalog.Operation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code GET /__admin/gme/catalog}: GME's documented error codes, filtered by code, name, category, operation. */
final class CatalogEndpoint {

  ResponseDefinition list(ApiRequest req) {
    req.query("code", "name", "category", "operation");
    GmeErrorCode code = req.param("code").map(v -> ApiRequest.code("code", v)).orElse(null);
    String name = req.param("name").map(v -> v.strip().toUpperCase(Locale.ROOT)).orElse(null);
    ErrorCategory category = req.param("category").map(CatalogEndpoint::category).orElse(null);
    Operation op = req.operationParam("operation").orElse(null);

    ObjectNode body = Replies.object();
    ArrayNode codes = body.putArray("codes");
    for (GmeErrorCode c : GmeErrorCode.values()) {
      if ((code == null || c == code)
          && (name == null || c.name().contains(name))
          && (category == null || c.category() == category)
          && (op == null || c.operations().contains(op))) {
        codes.add(toJson(c));
      }
    }
    body.put("count", codes.size());
    return Replies.json(200, body);
  }

  private static ErrorCategory category(String value) {
    List<String> names = Arrays.stream(ErrorCategory.values()).map(ErrorCategory::name).toList();
    String v = value.strip().toUpperCase(Locale.ROOT);
    if (!names.contains(v)) {
      throw ApiException.badRequest("category", "unknown category '" + value + "'" + NearestName.hint(v, names)
          + "; categories are " + names);
    }
    return ErrorCategory.valueOf(v);
  }

  static ObjectNode toJson(GmeErrorCode c) {
    ObjectNode o = Replies.object();
    o.put("code", c.value());
    o.put("name", c.name());
    o.put("category", c.category().name());
    ArrayNode ops = o.putArray("operations");
    c.operations().forEach(op -> ops.add(op.name()));
    o.put("errorInfo", c.errorInfo());
    o.put("english", c.english());
    o.put("meaningZh", c.meaningZh());
    o.put("causeZh", c.causeZh());
    o.put("adviceZh", c.adviceZh());
    return o;
  }
}
