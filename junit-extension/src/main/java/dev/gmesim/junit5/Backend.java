package dev.gmesim.junit5;

import dev.gmesim.core.api.GmeSimulatorControl;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.JournalQuery;
import dev.gmesim.core.auth.AppCredentials;
import dev.gmesim.core.remote.GmeSimulatorClient;
import dev.gmesim.core.remote.RemoteSimulatorException;
import dev.gmesim.core.server.GmeSimulator;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The simulator the tests of a scope share, embedded in this JVM or running elsewhere, driven
 * through {@link GmeSimulatorControl} either way; the per-test {@link GmeSimulatorHandle} narrows
 * it to one test. Kept in a JUnit store, which closes it at the end of its scope.
 */
final class Backend implements StoreResource {
  private final GmeSimulatorControl control;
  private final GmeEndpoints endpoints;
  private final String description;
  /** The embedded simulator this scope started and must stop; null when the user or another process owns it. */
  private final GmeSimulator owned;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Backend(GmeSimulatorControl control, GmeEndpoints endpoints, String description, GmeSimulator owned) {
    this.control = control;
    this.endpoints = endpoints;
    this.description = description;
    this.owned = owned;
  }

  /** A simulator in this JVM; closed at the end of its scope only if {@code owned}. */
  static Backend embedded(GmeSimulator simulator, boolean owned) {
    GmeEndpoints endpoints = new GmeEndpoints(simulator.roomAddress(), simulator.httpBaseUri());
    return new Backend(simulator, endpoints, "embedded simulator (room " + simulator.roomAddress().getHostString()
        + ":" + simulator.roomAddress().getPort() + ", " + simulator.httpBaseUri() + ")", owned ? simulator : null);
  }

  /**
   * Remote mode: a simulator in another process or container, named by {@code gmesim.url} /
   * {@code GMESIM_URL}; an unreachable simulator or a refused token fails with the fix. Closing it
   * leaves the simulator running.
   */
  static Backend remote(RemoteTarget target) {
    GmeSimulatorClient client;
    try {
      client = GmeSimulatorClient.connect(target.url(), target.token());
    } catch (RemoteSimulatorException e) {
      String fix = e.status() == 401 || e.status() == 403
          ? "set gmesim.token / GMESIM_TOKEN to the simulator's admin token (--admin-token / GMESIM_ADMIN_TOKEN)"
          : "start the simulator there (java -jar gme-simulator.jar, or the container), or unset "
              + RemoteTarget.URL_PROPERTY + " and " + RemoteTarget.URL_ENV + " to run against an embedded simulator";
      throw new ExtensionConfigurationException(RemoteTarget.URL_PROPERTY + " / " + RemoteTarget.URL_ENV
          + " is set to " + target + ", but " + e.getMessage() + "; " + fix, e);
    }
    String url = target.url().toString();
    // The room address comes from the simulator's own settings; the HTTP side is the URL the user gave.
    GmeEndpoints endpoints = new GmeEndpoints(target.room() != null ? target.room() : client.roomAddress(),
        URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
    return new Backend(client, endpoints, "remote simulator at " + target.url() + " (room "
        + endpoints.room().getHostString() + ":" + endpoints.room().getPort() + ")", null);
  }

  GmeSimulatorControl control() {
    return control;
  }

  GmeEndpoints endpoints() {
    return endpoints;
  }

  /** The journal entries of connections with this tag, oldest first (the newest 10 000 at most). */
  List<JournalEntry> journal(String tag) {
    return control.journal(JournalQuery.builder().tag(tag).limit(JournalQuery.MAX_LIMIT).build());
  }

  /** Makes the simulator check this app's auth buffers with its key. */
  void addApp(AppCredentials app) {
    control.addApp(app.appId(), app.key().reveal());
  }

  /** Names the simulator in messages, e.g. {@code embedded simulator (room 127.0.0.1:40123)}. */
  String describe() {
    return description;
  }

  @Override
  public void close() {
    if (owned != null && closed.compareAndSet(false, true)) {
      owned.close();
    }
  }
}
