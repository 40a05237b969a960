package dev.gmesim.core.internal.http.control;

import dev.gmesim.core.fault.InvalidFaultRuleException;
import java.util.List;

/** A control request that cannot be served: the status, the field at fault and a message with the fix. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String field;
  final transient List<InvalidFaultRuleException.Problem> problems;

  ApiException(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
    this.problems = List.of(new InvalidFaultRuleException.Problem(field, message));
  }

  private ApiException(int status, InvalidFaultRuleException e) {
    super(e.problems().get(0).message());
    this.status = status;
    this.field = e.field();
    this.problems = e.problems();
  }

  /** 400: a parameter or body field has a bad value. */
  static ApiException badRequest(String field, String message) {
    return new ApiException(400, field, message);
  }

  /** 404: the named thing does not exist. */
  static ApiException notFound(String field, String message) {
    return new ApiException(404, field, message);
  }

  /** 400 carrying every problem the fault-rule codec found. */
  static ApiException invalid(InvalidFaultRuleException e) {
    return new ApiException(400, e);
  }
}
