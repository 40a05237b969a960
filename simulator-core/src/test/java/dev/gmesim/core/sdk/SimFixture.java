package dev.gmesim.core.sdk;

import dev.gmesim.core.server.GmeSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A simulator on random ports plus SDK contexts that each test opens and closes. */
final class SimFixture implements AutoCloseable {
  static final String APP = "1400000000";
  private static final AtomicInteger OPEN_IDS = new AtomicInteger(10000);

  final GmeSimulator sim;
  private final List<GmeContext> contexts = new ArrayList<>();

  SimFixture(double timeScale) {
    this(GmeSimulator.builder().timeScale(timeScale));
  }

  SimFixture(GmeSimulator.Builder settings) {
    sim = settings.start();
  }

  /** A connected context with an EventRecorder, not yet inited. */
  Client connect() {
    EventRecorder events = new EventRecorder();
    GmeContext ctx = GmeContext.builder().room(sim.roomAddress()).delegate(events).build();
    contexts.add(ctx);
    return new Client(ctx, events, String.valueOf(OPEN_IDS.incrementAndGet()));
  }

  /** A connected, inited context. */
  Client inited() {
    Client c = connect();
    if (c.gme.init(APP, c.openId) != 0) {
      throw new AssertionError("Init failed");
    }
    return c;
  }

  /** An inited context that has entered {@code room}. */
  Client inRoom(String room) {
    Client c = inited();
    c.gme.enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    GmeEvent e = c.events.await(dev.gmesim.core.catalog.GmeEventType.ENTER_ROOM);
    if (e.result() != 0) {
      throw new AssertionError("EnterRoom failed: " + e);
    }
    c.events.clear();
    return c;
  }

  record Client(GmeContext gme, EventRecorder events, String openId) {}

  @Override
  public void close() {
    contexts.forEach(GmeContext::close);
    sim.close();
  }
}
