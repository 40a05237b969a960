package dev.gmesim.core.internal.cloud;

import dev.gmesim.core.cloud.ApiErrorCode;

/** A server-API call refused with an API 3.0 code and a message naming the field and the fix. */
final class ApiFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  ApiFailure(ApiErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code.code();
  }

  /** Returns the wire code. */
  String code() {
    return code;
  }
}
