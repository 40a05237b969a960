package dev.gmesim.core.auth;

/**
 * An auth buffer that cannot be read: too short, of a length no encryption produces, encrypted with
 * another key, or not GME's layout. The message says which and how to fix it, never the key.
 *
 * @since 0.1
 */
public final class InvalidAuthBufferException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the problem and the fix. */
  public InvalidAuthBufferException(String message) {
    super(message);
  }
}
