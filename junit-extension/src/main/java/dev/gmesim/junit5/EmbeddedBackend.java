package dev.gmesim.junit5;

import dev.gmesim.core.auth.AppCredentials;

import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.fault.RuleStatus;
import dev.gmesim.core.server.GmeSimulator;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.time.TimeScale;
import dev.gmesim.core.world.RoomSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** A simulator in this JVM; closes it at the end of its scope unless the user started it. */
final class EmbeddedBackend implements Backend {
  private final GmeSimulator simulator;
  private final boolean owned;
  private final AtomicBoolean closed = new AtomicBoolean();

  EmbeddedBackend(GmeSimulator simulator, boolean owned) {
    this.simulator = simulator;
    this.owned = owned;
  }

  @Override
  public GmeEndpoints endpoints() {
    return new GmeEndpoints(simulator.roomAddress(), simulator.httpBaseUri());
  }

  @Override
  public TimeScale timeScale() {
    return simulator.timeScale();
  }

  @Override
  public FaultRule addFault(FaultRule rule) {
    return simulator.addFault(rule);
  }

  @Override
  public boolean removeFault(String id) {
    return simulator.removeFault(id);
  }

  @Override
  public List<RuleStatus> faults() {
    return simulator.faults();
  }

  @Override
  public int removeFaultsOwnedBy(String owner) {
    return simulator.removeFaultsByOwner(owner);
  }

  @Override
  public List<JournalEntry> journal(String tag) {
    return simulator.journal().find(e -> Objects.equals(tag, e.tag()));
  }

  @Override
  public List<RoomSnapshot> rooms() {
    return simulator.rooms();
  }

  @Override
  public void addApp(AppCredentials app) {
    simulator.addApp(app.appId(), app.key().reveal());
  }

  @Override
  public String describe() {
    return "embedded simulator (room " + simulator.roomAddress().getHostString() + ":"
        + simulator.roomAddress().getPort() + ", " + simulator.httpBaseUri() + ")";
  }

  @Override
  public void close() {
    if (owned && closed.compareAndSet(false, true)) {
      simulator.close();
    }
  }
}
