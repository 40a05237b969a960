package dev.gmesim.examples.moderation;

/** A moderation action GME refused or could not do, with GME's error code for the operator's log. */
public final class ModerationException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;

  /** A failure with GME's API 3.0 code (or the backend's own, such as {@code NotInRoom}) and a sentence for the operator. */
  public ModerationException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** Returns GME's error code, such as {@code RequestLimitExceeded}, or the backend's own ({@code NotInRoom}). */
  public String code() {
    return code;
  }
}
