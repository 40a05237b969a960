package dev.gmesim.core.internal.http.control;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Iterator;

/** Reads a body of one secret string field ({@code {"key": ...}}, {@code {"secretKey": ...}}) so no message can echo the secret. */
final class SecretBody {
  /** Parses without source excerpts in its messages, which could carry the secret. */
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private SecretBody() {}

  /** Returns the one field's text; refuses a body that is not JSON, lacks it, or has another field, naming only field names. */
  static String read(ApiRequest req, String field, String placeholder) {
    String shape = "send {\"" + field + "\": \"" + placeholder + "\"}";
    JsonNode body;
    try {
      body = STRICT.readTree(req.secretJsonBody());
    } catch (IOException e) {
      throw ApiException.badRequest("body", "not JSON; " + shape);
    }
    if (body == null || !body.isObject() || !body.path(field).isTextual()) {
      throw ApiException.badRequest(field, "missing; " + shape);
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals(field)) {
        throw ApiException.badRequest(name, "unknown field '" + name + "'; the body has one field, " + field);
      }
    }
    return body.get(field).asText();
  }
}
