package dev.gmesim.core.internal.server;

import dev.gmesim.core.internal.fault.FaultPlan;
import dev.gmesim.core.internal.server.Journal;
import dev.gmesim.core.internal.world.GmeWorld;
import dev.gmesim.core.internal.world.VoiceMessages;
import dev.gmesim.core.time.TimeScale;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * What every connection's handler shares: the world, the fault plan, the journal and the settings
 * announced in the handshake.
 *
 * @param idleTimeout wall-clock time a connection may stay silent before the server drops it
 * @param heartbeatInterval wall-clock interval the server asks clients to ping at
 * @param control metrics, admin access and addresses for the control API
 * @param voiceMessages the voice-message files, transcripts and recordings
 * @param httpPort the HTTP side's port, announced in the handshake (read once the HTTP side is bound)
 * @param clocks every session's clock, and the default mode of sessions that name none
 * @param timeScale the factor of scaled sessions that name none
 * @param auth the apps with permission keys and the auth-buffer checks
 */
public record SimulatorState(GmeWorld world, FaultPlan faults, Journal journal, TimeScale timeScale,
    Duration enterRoomTimeout, Duration requestTimeout, Duration idleTimeout, Duration heartbeatInterval,
    ControlPlane control, VoiceMessages voiceMessages, IntSupplier httpPort, SessionClocks clocks, AuthGate auth) {

  /**
   * The "now" that auth-buffer expiry is checked against, in Unix seconds: the session's simulated
   * epoch (its start's wall-clock time plus its simulated time), or the wall clock for a call that
   * names no session (a voice-message call without {@code X-Gme-Session}).
   */
  public long authNowEpochSeconds(String sessionId) {
    return clocks.get(sessionId).map(t -> Math.floorDiv(t.epochMs(), 1000L))
        .orElseGet(() -> java.time.Instant.now().getEpochSecond());
  }
}
