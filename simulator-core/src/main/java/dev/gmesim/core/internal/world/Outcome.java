package dev.gmesim.core.internal.world;

import dev.gmesim.core.catalog.GmeErrorCode;
import java.util.List;
import java.util.Map;

/**
 * What the world answers to one call: the result code for the caller, reply data, and the events
 * other sessions (or the caller itself) receive after the reply.
 *
 * @param result 0 for success, else a GME error code value
 * @param errorInfo GME's error text for a failure, empty on success
 * @param data reply fields for the caller
 * @param deliveries events to send after the reply, in order
 * @param cancelledEntry the request id of an ENTER_ROOM this call cancelled (it must be answered
 *     with 7013), or -1
 */
public record Outcome(int result, String errorInfo, Map<String, Object> data, List<Delivery> deliveries,
    long cancelledEntry) {

  /** A success with no data and no events. */
  public static Outcome ok() {
    return new Outcome(0, "", Map.of(), List.of(), -1);
  }

  /** A success with events to deliver after the reply. */
  public static Outcome ok(Map<String, Object> data, List<Delivery> deliveries) {
    return new Outcome(0, "", data, deliveries, -1);
  }

  /** A failure with GME's code and a text saying what was wrong. */
  public static Outcome error(GmeErrorCode code, String why) {
    return new Outcome(code.value(), code.name() + ": " + why, Map.of(), List.of(), -1);
  }

  /** Returns whether the call succeeded. */
  public boolean isOk() {
    return result == 0;
  }

  /** Sends every delivery in order. */
  public void deliver() {
    deliveries.forEach(Delivery::send);
  }
}
