package dev.gmesim.junit5;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.JournalQuery;
import dev.gmesim.core.auth.AppCredentials;

import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.fault.RuleStatus;
import dev.gmesim.core.remote.GmeSimulatorClient;
import dev.gmesim.core.remote.RemoteSimulatorException;
import dev.gmesim.core.time.TimeScale;
import dev.gmesim.core.world.RoomSnapshot;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Remote mode: a simulator running in another process or container, named by {@code gmesim.url} /
 * {@code GMESIM_URL}, driven over its control API. Closing it leaves the simulator running; the
 * tests' rules are removed one test at a time by owner, as in embedded mode.
 */
final class RemoteBackend implements Backend {
  private final RemoteTarget target;
  private final GmeSimulatorClient client;
  private final GmeEndpoints endpoints;
  private final TimeScale timeScale;

  private RemoteBackend(RemoteTarget target, GmeSimulatorClient client) {
    this.target = target;
    this.client = client;
    String url = target.url().toString();
    // The room address comes from the simulator's own settings; the HTTP side is the URL the user gave.
    this.endpoints = new GmeEndpoints(target.room() != null ? target.room() : client.roomAddress(),
        URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
    this.timeScale = client.timeScale();
  }

  /** Connects to the remote simulator; an unreachable simulator or a refused token fails with the fix. */
  static Backend connect(RemoteTarget target) {
    try {
      return new RemoteBackend(target, GmeSimulatorClient.connect(target.url(), target.token()));
    } catch (RemoteSimulatorException e) {
      String fix = e.status() == 401 || e.status() == 403
          ? "set gmesim.token / GMESIM_TOKEN to the simulator's admin token (--admin-token / GMESIM_ADMIN_TOKEN)"
          : "start the simulator there (java -jar gme-simulator.jar, or the container), or unset "
              + RemoteTarget.URL_PROPERTY + " and " + RemoteTarget.URL_ENV + " to run against an embedded simulator";
      throw new ExtensionConfigurationException(RemoteTarget.URL_PROPERTY + " / " + RemoteTarget.URL_ENV
          + " is set to " + target + ", but " + e.getMessage() + "; " + fix, e);
    }
  }

  @Override
  public GmeEndpoints endpoints() {
    return endpoints;
  }

  @Override
  public TimeScale timeScale() {
    return timeScale;
  }

  @Override
  public FaultRule addFault(FaultRule rule) {
    return client.addFault(rule);
  }

  @Override
  public boolean removeFault(String id) {
    return client.removeFault(id);
  }

  @Override
  public List<RuleStatus> faults() {
    return client.faults();
  }

  @Override
  public int removeFaultsOwnedBy(String owner) {
    return client.removeFaultsByOwner(owner);
  }

  @Override
  public List<JournalEntry> journal(String tag) {
    return client.journal(JournalQuery.builder().tag(tag).limit(JournalQuery.MAX_LIMIT).build());
  }

  @Override
  public List<RoomSnapshot> rooms() {
    return client.rooms();
  }

  @Override
  public void addApp(AppCredentials app) {
    client.addApp(app.appId(), app.key().reveal());
  }

  @Override
  public String describe() {
    return "remote simulator at " + target.url() + " (room " + endpoints.room().getHostString() + ":"
        + endpoints.room().getPort() + ")";
  }

  @Override
  public void close() {
    // Nothing to release: the client holds no connection of its own, and the simulator belongs to its owner.
  }
}
