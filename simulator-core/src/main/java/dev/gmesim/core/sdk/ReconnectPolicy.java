package dev.gmesim.core.sdk;

import dev.gmesim.core.catalog.GmeErrorCode;
import java.time.Duration;

/**
 * How a context gets back into its room when the room connection drops, on the session clock: it
 * reports {@code RECONNECT_START}, tries again at once and then every {@code interval}, and re-enters
 * with mic and speaker as they were ({@code RECONNECT_SUCCESS}); once {@code window} has passed
 * without success it reports {@code ROOM_DISCONNECT} with {@code result} and {@code errorInfo}. A
 * GME error the server answers (a refused re-entry) ends the reconnect at once with that code.
 *
 * <p>GME's FAQ says its SDK retries for up to 60 minutes; its docs are silent on the interval
 * (the simulator chose 30 s) and show {@code ROOM_DISCONNECT} as
 * {@code {"result":0,"error_info":"waiting timeout, please check your network"}}.
 *
 * <pre>{@code
 * GmeContext gme = GmeContext.builder().room(sim.roomAddress())
 *     .reconnect(ReconnectPolicy.gme().window(Duration.ofMinutes(5)).interval(Duration.ofSeconds(10)))
 *     .build();
 * }</pre>
 *
 * @param window how long after the loss the context keeps trying; zero for one attempt
 * @param interval the pause between two attempts
 * @param result the {@code result} of the final {@code ROOM_DISCONNECT}: 0 or a GME error code
 * @param errorInfo the {@code error_info} of the final {@code ROOM_DISCONNECT}
 * @since 0.1
 */
public record ReconnectPolicy(Duration window, Duration interval, int result, String errorInfo) {
  /** The longest window accepted. */
  public static final Duration MAX_WINDOW = Duration.ofHours(24);
  /** The shortest interval accepted. */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  /** The most attempts one window may take ({@code window / interval + 1}). */
  public static final long MAX_ATTEMPTS = 10_000;
  /** GME's {@code error_info} for a reconnect that timed out, from its docs' sample. */
  public static final String GME_TIMEOUT_INFO = "waiting timeout, please check your network";

  /** Checks every value, naming the bad one and the fix. */
  public ReconnectPolicy {
    if (window == null || window.isNegative() || window.compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException("ReconnectPolicy: window " + window + " is outside 0 to " + MAX_WINDOW
          + "; pass e.g. Duration.ofMinutes(60) (GME's), or Duration.ZERO for a single attempt");
    }
    if (interval == null || interval.compareTo(MIN_INTERVAL) < 0) {
      throw new IllegalArgumentException("ReconnectPolicy: interval " + interval + " is shorter than "
          + MIN_INTERVAL + "; pass e.g. Duration.ofSeconds(30)");
    }
    long attempts = window.toMillis() / interval.toMillis() + 1;
    if (attempts > MAX_ATTEMPTS) {
      throw new IllegalArgumentException("ReconnectPolicy: window " + window + " at interval " + interval
          + " makes " + attempts + " attempts, more than " + MAX_ATTEMPTS + "; pass a longer interval, at least "
          + Duration.ofMillis(Math.floorDiv(window.toMillis(), MAX_ATTEMPTS - 1) + 1));
    }
    if (result != 0 && GmeErrorCode.byValue(result).isEmpty()) {
      throw new IllegalArgumentException("ReconnectPolicy: result " + result + " is not 0 or a GME error code; "
          + "nearest: " + GmeErrorCode.nearest(result).label());
    }
    if (errorInfo == null) {
      throw new IllegalArgumentException("ReconnectPolicy: errorInfo is null; pass a text such as \""
          + GME_TIMEOUT_INFO + "\" or \"\"");
    }
  }

  /** Returns GME's policy: 60 minutes, every 30 s, then result 0 and {@link #GME_TIMEOUT_INFO}. */
  public static ReconnectPolicy gme() {
    return new ReconnectPolicy(Duration.ofMinutes(60), Duration.ofSeconds(30), 0, GME_TIMEOUT_INFO);
  }

  /** Returns this policy with another window. */
  public ReconnectPolicy window(Duration window) {
    return new ReconnectPolicy(window, interval, result, errorInfo);
  }

  /** Returns this policy with another interval between attempts. */
  public ReconnectPolicy interval(Duration interval) {
    return new ReconnectPolicy(window, interval, result, errorInfo);
  }

  /** Returns this policy with another final {@code ROOM_DISCONNECT} result and {@code error_info}. */
  public ReconnectPolicy disconnect(int result, String errorInfo) {
    return new ReconnectPolicy(window, interval, result, errorInfo);
  }
}
