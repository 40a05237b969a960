package dev.gmesim.core.server.internal;

import dev.gmesim.core.fault.FaultPlan;
import dev.gmesim.core.server.Journal;
import dev.gmesim.core.time.TimeScale;
import dev.gmesim.core.world.GmeWorld;
import java.time.Duration;

/**
 * What every connection's handler shares: the world, the fault plan, the journal and the settings
 * announced in the handshake.
 *
 * @param idleTimeout wall-clock time a connection may stay silent before the server drops it
 * @param heartbeatInterval wall-clock interval the server asks clients to ping at
 * @param control metrics, admin access and addresses for the control API
 */
public record SimulatorState(GmeWorld world, FaultPlan faults, Journal journal, TimeScale timeScale,
    Duration enterRoomTimeout, Duration requestTimeout, Duration idleTimeout, Duration heartbeatInterval,
    ControlPlane control) {}
