package dev.gmesim.core.internal.protocol;

/**
 * Protocol-level operations that are not GME SDK calls; SDK calls use {@code Operation} names.
 */
public final class Ops {
  /** The first frame of every connection; its reply carries the server's settings. */
  public static final String HELLO = "HELLO";
  /** A heartbeat; the server drops connections that stay silent longer than its idle timeout. */
  public static final String PING = "PING";
  /** The SDK gave up waiting for an ENTER_ROOM reply (its own 30 s timer fired); no reply follows. */
  public static final String CANCEL_ENTER = "CANCEL_ENTER";
  /** CancelRecording(): drops the recording in progress; GME sends no event for it, the reply is result 0. */
  public static final String PTT_CANCEL_RECORDING = "PTT_CANCEL_RECORDING";
  /**
   * A virtual or manual session's clock moved: {@code {"op":"ADVANCE","args":{"now":10000}}}. The
   * server releases, in order, every reply it held until then, and answers after them.
   */
  public static final String ADVANCE = "ADVANCE";
  /** The server's notice that it holds a reply on a virtual or manual session's clock (an event). */
  public static final String HELD = "HELD";
  /**
   * Not a GME call: the player talks for {@code durationMs} simulated ms (the test's stand-in for a
   * voice); the reply is 0, 1201 outside a room, 1301 with the mic off, 1004 for a duration under 1.
   */
  public static final String SPEAK = "SPEAK";
  /** The protocol version this build speaks. */
  public static final int PROTOCOL_VERSION = 1;
  /** The largest frame either side accepts, in bytes. */
  public static final int MAX_FRAME_BYTES = 1 << 20;

  private Ops() {}
}
