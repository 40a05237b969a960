package dev.gmesim.core.internal.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * What the control API needs beyond the shared state: metrics, access rules, and the simulator's
 * own addresses and reset (so the API resets exactly as {@code GmeSimulator.reset()} does).
 *
 * @param metrics the simulator's meters
 * @param admin who may use the control API
 * @param bindAddress the address the simulator listens on
 * @param roomAddress the room gateway's bound address, read when asked (the port is known only after binding)
 * @param reset clears faults, journal and rooms
 */
public record ControlPlane(SimulatorMetrics metrics, AdminAccess admin, InetAddress bindAddress,
    Supplier<InetSocketAddress> roomAddress, Runnable reset) {}
