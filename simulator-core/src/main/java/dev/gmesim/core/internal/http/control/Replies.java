package dev.gmesim.core.internal.http.control;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gmesim.core.api.internal.ControlJson;
import dev.gmesim.core.api.internal.Wire;
import dev.gmesim.core.fault.InvalidFaultRuleException;
import java.util.List;

/** Builds the control API's responses: contract values written by the one mapper, and errors in one shape. */
final class Replies {
  static final String JSON = "application/json";

  private Replies() {}

  /** A JSON answer: {@code body} is a contract value (a record of {@link Wire}, a status, ...). */
  static ResponseDefinition json(int status, Object body) {
    return new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", JSON)
        .withBody(ControlJson.write(body))
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
  static Wire.Error errorBody(int status, String field, String message, List<InvalidFaultRuleException.Problem> problems) {
    return new Wire.Error(status, reason(status), field, message, problems);
  }

  static ResponseDefinition error(ApiException e) {
    return json(e.status, errorBody(e.status, e.field, e.getMessage(), e.problems));
  }

  static ResponseDefinition unauthorized(String message) {
    return new ResponseDefinitionBuilder()
        .withStatus(401)
        .withHeader("Content-Type", JSON)
        .withHeader("WWW-Authenticate", "Bearer realm=\"gme-simulator\"")
        .withBody(ControlJson.write(errorBody(401, "Authorization", message,
            List.of(new InvalidFaultRuleException.Problem("Authorization", message)))))
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
