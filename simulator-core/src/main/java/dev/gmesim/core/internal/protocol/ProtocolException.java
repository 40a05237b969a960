package dev.gmesim.core.internal.protocol;

/**
 * A frame that breaks the room protocol; {@link #code()} is the error frame's code.
 */
public class ProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  /** Creates an exception with an error-frame code such as {@code MALFORMED_FRAME} and a message naming the fix. */
  public ProtocolException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** Returns the error-frame code. */
  public String code() {
    return code;
  }
}
