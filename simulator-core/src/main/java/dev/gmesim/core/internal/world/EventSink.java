package dev.gmesim.core.internal.world;

import dev.gmesim.core.catalog.GmeEventType;
import java.util.Map;

/**
 * Where the world sends the events one session receives (the room gateway writes them to that
 * session's connection).
 */
@FunctionalInterface
public interface EventSink {
  /** Delivers one event with GME's payload fields; must not block. */
  void push(GmeEventType type, Map<String, Object> data);
}
