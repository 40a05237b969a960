package dev.gmesim.core.sdk;

import dev.gmesim.core.catalog.GmeEventType;

/**
 * Receives the simulated SDK's events, as GME's {@code ITMGDelegate.OnEvent(type, data)} does.
 * Called on the SDK's I/O thread unless the context polls manually; it must not block.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface GmeDelegate {
  /** Handles one event of {@code type} with its payload. */
  void onEvent(GmeEventType type, GmeEvent data);
}
