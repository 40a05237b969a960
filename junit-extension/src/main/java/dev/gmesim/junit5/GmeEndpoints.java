package dev.gmesim.junit5;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;

/**
 * Where the simulator a test runs against listens: the room gateway for SDK connections and the
 * HTTP side (voice messages, the control API under {@code /__admin/gme/}). Ask for it as a
 * parameter, e.g. to point a game client under test at the simulator:
 *
 * <pre>{@code
 * @Test
 * void clientConnects(GmeEndpoints gme) {
 *   GameVoiceClient client = new GameVoiceClient(gme.room().getHostString(), gme.room().getPort());
 *   ...
 * }
 * }</pre>
 *
 * @param room the room gateway's address
 * @param http the HTTP side's base URI, {@code http://host:port}
 * @since 0.1
 */
public record GmeEndpoints(InetSocketAddress room, URI http) {

  /** Checks that both addresses are present. */
  public GmeEndpoints {
    Objects.requireNonNull(room, "GmeEndpoints: room address is null");
    Objects.requireNonNull(http, "GmeEndpoints: http base URI is null");
  }
}
