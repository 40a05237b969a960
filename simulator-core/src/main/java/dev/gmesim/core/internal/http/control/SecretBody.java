package dev.gmesim.core.internal.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gmesim.core.api.internal.ControlJson;
import java.io.IOException;
import java.util.Iterator;

/** Reads a body of one secret string field ({@code {"key": ...}}, {@code {"secretKey": ...}}) so no message can echo the secret. */
final class SecretBody {
  private SecretBody() {}

  /** Returns the one field's text; refuses a body that is not JSON, lacks it, or has another field, naming only field names. */
  static String read(ApiRequest req, String field, String placeholder) {
    String shape = "send {\"" + field + "\": \"" + placeholder + "\"}";
    JsonNode body;
    try {
      // The contract's mapper never quotes the source in its messages, which here would carry the secret.
      body = ControlJson.mapper().readTree(req.secretJsonBody());
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
