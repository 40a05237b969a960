package dev.gmesim.core.internal.protocol;

/**
 * A request's {@code args} (or a message's {@code data}) with a field that is missing, unknown or of
 * the wrong JSON type. The room gateway answers it with 1004 ({@code AV_ERR_INVALID_ARGUMENT}) and
 * keeps the connection, or, for HELLO, with the error frame {@code MALFORMED_FRAME}.
 */
public final class ArgumentException extends ProtocolException {
  private static final long serialVersionUID = 1L;
  private final String field;

  /** Creates an exception about {@code field}, with a message naming the op, the value and what was expected. */
  public ArgumentException(String field, String message) {
    super("MALFORMED_FRAME", message);
    this.field = field;
  }

  /** Returns the JSON field at fault. */
  public String field() {
    return field;
  }
}
