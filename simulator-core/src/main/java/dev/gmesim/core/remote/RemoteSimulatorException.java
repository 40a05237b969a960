package dev.gmesim.core.remote;

import java.util.List;

/**
 * The simulator refused a control request, or could not be reached: carries the HTTP status (0
 * when no response came), the field the server named, and the server's message with its fix.
 *
 * @since 0.1
 */
public final class RemoteSimulatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String field;
  private final transient List<String> problems;

  RemoteSimulatorException(int status, String field, String message, List<String> problems, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.field = field;
    this.problems = List.copyOf(problems);
  }

  /** Returns the HTTP status, or 0 when the simulator could not be reached. */
  public int status() {
    return status;
  }

  /** Returns the field the server named (such as {@code probability} or {@code Authorization}), or null. */
  public String field() {
    return field;
  }

  /** Returns every problem the server listed, each as {@code field: message}. */
  public List<String> problems() {
    return problems;
  }
}
