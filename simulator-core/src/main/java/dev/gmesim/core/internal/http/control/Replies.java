package dev.gmesim.core.internal.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gmesim.core.fault.InvalidFaultRuleException;
import dev.gmesim.core.internal.fault.FaultRuleJson;
import java.util.List;

/** Builds the control API's responses: JSON bodies, and errors in one shape. */
final class Replies {
  static final String JSON = "application/json";

  private Replies() {}

  static ObjectNode object() {
    return FaultRuleJson.mapper().createObjectNode();
  }

  static ResponseDefinition json(int status, JsonNode body) {
    return new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", JSON)
        .withBody(body.toString())
        .build();
  }

  static ResponseDefinition text(String contentType, String body) {
    return new ResponseDefinitionBuilder()
        .withStatus(200)
        .withHeader("Content-Type", contentType)
        .withBody(body)
        .build();
  }

  /**
   * {@code {"status": 400, "error": "Bad Request", "field": "probability", "message": "...", "problems": [...]}}:
   * the first problem on top, every problem in the list.
   */
  static ObjectNode errorBody(int status, String field, String message,
      List<InvalidFaultRuleException.Problem> problems) {
    ObjectNode o = object();
    o.put("status", status);
    o.put("error", reason(status));
    o.put("field", field);
    o.put("message", message);
    ArrayNode list = o.putArray("problems");
    for (InvalidFaultRuleException.Problem p : problems) {
      list.addObject().put("field", p.field()).put("message", p.message());
    }
    return o;
  }

  static ResponseDefinition error(ApiException e) {
    return json(e.status, errorBody(e.status, e.field, e.getMessage(), e.problems));
  }

  static ResponseDefinition unauthorized(String message) {
    return new ResponseDefinitionBuilder()
        .withStatus(401)
        .withHeader("Content-Type", JSON)
        .withHeader("WWW-Authenticate", "Bearer realm=\"gme-simulator\"")
        .withBody(errorBody(401, "Authorization", message,
            List.of(new InvalidFaultRuleException.Problem("Authorization", message))).toString())
        .build();
  }

  private static String reason(int status) {
    switch (status) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 404: return "Not Found";
      case 409: return "Conflict";
      case 413: return "Payload Too Large";
      case 415: return "Unsupported Media Type";
      case 500: return "Internal Server Error";
      default: return "HTTP " + status;
    }
  }
}
