package dev.gmesim.core.fault;

/** Checks shared by {@link Fault} and {@link FaultRule.Builder}, so both word a bad value the same way. */
final class FaultChecks {

  private FaultChecks() {}

  /** Checks that an HTTP status is a server error, which is all a SERVER_ERROR fault can send. */
  static int serverStatus(String where, int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException(where + ": status " + status
          + " is not a server error; pass a status in 500..599, or http(HttpFailure) for other HTTP failures");
    }
    return status;
  }
}
