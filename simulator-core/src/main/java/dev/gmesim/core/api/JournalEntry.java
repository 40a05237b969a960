package dev.gmesim.core.api;

import dev.gmesim.core.catalog.Operation;
import java.time.Instant;

/**
 * One call the simulator answered, with the decision taken: {@code source} is the id of the fault
 * rule that fired, or {@code "world"} when the stateful world answered.
 *
 * @param seq the call's position in the simulator's life, from 1
 * @param at when the call arrived
 * @param operation the SDK call
 * @param appId the caller's appId, or null before Init
 * @param openId the caller's openId, or null before Init
 * @param roomId the room the call concerns (the target for ENTER_ROOM and SWITCH_ROOM), or null
 * @param tag the connection's tag (for example the JUnit test that owns it), or null
 * @param source the fault rule id, or {@code "world"}; for an HTTP call that asked for an error or a
 *     transport failure by header, that header ({@code X-Gme-Error}, {@code X-Gme-Fault})
 * @param effect what happened: {@code "reply"}, {@code "reply (delayed)"}, {@code "no reply"}, {@code "disconnect"},
 *     {@code "reset"}, ...
 * @param result the result code sent, 0 for success, -1 when nothing was sent; for a delayed reply, journaled
 *     when decided, the code it carries
 * @param sessionTimeMs the calling session's simulated time in milliseconds when the call was decided,
 *     or -1 when no session clock applies (an HTTP call that named no session)
 * @since 0.1
 */
public record JournalEntry(long seq, Instant at, Operation operation, String appId, String openId,
    String roomId, String tag, String source, String effect, int result, long sessionTimeMs) {

  /** An entry without a session clock ({@code sessionTimeMs} -1). */
  public JournalEntry(long seq, Instant at, Operation operation, String appId, String openId,
      String roomId, String tag, String source, String effect, int result) {
    this(seq, at, operation, appId, openId, roomId, tag, source, effect, result, -1);
  }

  /** The source of calls that no fault rule touched. */
  public static final String WORLD = "world";

  /** Returns whether a fault rule decided this call. */
  public boolean faulted() {
    return !WORLD.equals(source);
  }
}
