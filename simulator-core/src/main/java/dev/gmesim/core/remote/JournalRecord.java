package dev.gmesim.core.remote;

import dev.gmesim.core.catalog.Operation;
import java.time.Instant;

/**
 * One call a remote simulator answered, as its journal reports it: {@code source} is the id of the
 * fault rule that decided the call, or {@code "world"}.
 *
 * @param seq the call's position in the simulator's life, from 1
 * @param at when the call arrived
 * @param operation the SDK call
 * @param appId the caller's appId, or null
 * @param openId the caller's openId, or null
 * @param roomId the room the call concerns, or null
 * @param tag the connection's tag, or null
 * @param source the fault rule id, or {@code "world"}
 * @param effect what happened: {@code reply}, {@code no reply}, {@code disconnect}, {@code reset}, ...
 * @param result the result code sent, 0 for success, -1 when nothing was sent
 * @param sessionTimeMs the calling session's simulated time in ms when decided, or -1 without a session clock
 */
public record JournalRecord(long seq, Instant at, Operation operation, String appId, String openId, String roomId,
    String tag, String source, String effect, int result, long sessionTimeMs) {

  /** Returns whether a fault rule decided this call. */
  public boolean faulted() {
    return !"world".equals(source);
  }
}
