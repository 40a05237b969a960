package dev.gmesim.core.sdk;

import dev.gmesim.core.time.TimeMode;
import java.time.Duration;

/**
 * A context's simulated clock, which times everything simulated for that session: the SDK's
 * enter-room and request timeouts, fault delays, recording and playback lengths. Its mode is
 * chosen with {@link GmeContext.Builder#clock(TimeMode)} and confirmed by the simulator's HELLO.
 *
 * <pre>{@code
 * GmeContext gme = GmeContext.builder().room(sim.roomAddress()).clock(TimeMode.manual()).build();
 * gme.enterRoom("lobby", 1, buffer);              // the server holds the reply (a noReply fault)
 * gme.clock().advance(Duration.ofSeconds(10));     // 10 simulated seconds pass, in no wall time
 * gme.exitRoom();                                  // the entry ends with 7013
 * gme.clock().now();                               // PT10S
 * }</pre>
 *
 * @since 0.1
 */
public interface SessionClock {

  /** Returns the session's mode, as the simulator confirmed it. */
  TimeMode mode();

  /** Returns the simulated time since the session started. */
  Duration now();

  /**
   * Advances a manual clock by {@code by}, firing every timer and releasing every held reply that
   * falls due on the way, in order; returns once they have been handled. Throws
   * {@link IllegalStateException} on a clock that is not manual and
   * {@link IllegalArgumentException} for a negative duration.
   */
  void advance(Duration by);
}
