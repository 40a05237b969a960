package dev.gmesim.core.internal.world;

import dev.gmesim.core.catalog.GmeEventType;
import java.util.Map;

/**
 * An event the world wants delivered to one session once the caller has had its reply.
 */
public record Delivery(EventSink target, GmeEventType type, Map<String, Object> data) {
  /** Hands the event to its target. */
  public void send() {
    target.push(type, data);
  }
}
