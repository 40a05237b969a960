package dev.gmesim.core.api;

/**
 * What a running simulator is configured with, as {@code GET /__admin/gme/settings} reports it: a
 * test or a drill runner checks it before relying on a port, a time scale or the journal's size.
 *
 * <pre>{@code
 * SimulatorSettings s = sim.settings();
 * assertThat(s.enterRoomTimeoutMs()).isEqualTo(30_000);   // GME's EnterRoom timer
 * }</pre>
 *
 * @param version the simulator's version, or {@code development} when run from classes
 * @param bindAddress the address the simulator listens on
 * @param roomPort the room gateway's TCP port
 * @param timeScale the factor of scaled sessions that ask for none of their own
 * @param enterRoomTimeoutMs GME's EnterRoom timeout, in simulated milliseconds (1005 after it)
 * @param journalCapacity how many entries the journal keeps
 * @param admin how the control API is guarded: {@code token}, {@code loopback} or {@code insecure}
 * @since 0.1
 */
public record SimulatorSettings(String version, String bindAddress, int roomPort, double timeScale,
    long enterRoomTimeoutMs, int journalCapacity, String admin) {}
