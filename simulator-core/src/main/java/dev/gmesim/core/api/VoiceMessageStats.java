package dev.gmesim.core.api;

/**
 * What the simulator's voice-message store holds, as {@code GET /__admin/gme/voice-messages} reports
 * it: a test checks that a failed upload stored nothing, or a drill that the store did not fill up.
 *
 * @param files how many uploaded voice messages are stored
 * @param bytes how many bytes they take
 * @param maxBytes the store's limit; an upload past it fails as GME's storage would
 * @since 0.1
 */
public record VoiceMessageStats(int files, long bytes, long maxBytes) {}
