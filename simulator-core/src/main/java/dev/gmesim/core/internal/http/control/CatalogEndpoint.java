package dev.gmesim.core.internal.http.control;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gmesim.core.api.internal.Wire;
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

    List<Wire.Code> codes = Arrays.stream(GmeErrorCode.values())
        .filter(c -> (code == null || c == code)
            && (name == null || c.name().contains(name))
            && (category == null || c.category() == category)
            && (op == null || c.operations().contains(op)))
        .map(Wire.Code::of)
        .toList();
    return Replies.json(200, new Wire.Catalog(codes, codes.size()));
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

}
