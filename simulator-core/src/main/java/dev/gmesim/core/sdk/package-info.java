/**
 * The simulated GME SDK: {@link dev.gmesim.core.sdk.GmeContext} mirrors {@code ITMGContext}, and
 * {@link dev.gmesim.core.sdk.EventRecorder} waits for events in tests. It knows only the wire.
 */
package dev.gmesim.core.sdk;
