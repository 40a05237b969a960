package dev.gmesim.core.sdk;

import dev.gmesim.core.server.GmeSimulator;
import dev.gmesim.core.time.TimeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A simulator on random ports plus SDK contexts that each test opens and closes. */
final class SimFixture implements AutoCloseable {
  static final String APP = "1400000000";
  private static final AtomicInteger OPEN_IDS = new AtomicInteger(10000);

  final GmeSimulator sim;
  private final List<GmeContext> contexts = new ArrayList<>();

  /** A simulator whose sessions run on the default virtual clock. */
  SimFixture() {
    this(GmeSimulator.builder());
  }

  /** A simulator whose sessions run on {@code clock} unless a test asks for another. */
  SimFixture(TimeMode clock) {
    this(GmeSimulator.builder().clock(clock));
  }

  SimFixture(GmeSimulator.Builder settings) {
    sim = settings.start();
  }

  /** A connected context with an EventRecorder, not yet inited, on the simulator's default clock. */
  Client connect() {
    return connect(null);
  }

  /** A connected context with an EventRecorder on {@code clock} (null: the simulator's default), not yet inited. */
  Client connect(TimeMode clock) {
    return connect(clock, PollMode.IMMEDIATE);
  }

  /** A connected context with an EventRecorder on {@code clock} (null: the simulator's default) and {@code poll}, not yet inited. */
  Client connect(TimeMode clock, PollMode poll) {
    return connect(clock, poll, ReconnectPolicy.gme());
  }

  /** A connected context with an EventRecorder, a clock (null: the simulator's default), polling and reconnect policy. */
  Client connect(TimeMode clock, PollMode poll, ReconnectPolicy reconnect) {
    EventRecorder events = new EventRecorder();
    GmeContext.Builder b = GmeContext.builder().room(sim.roomAddress()).delegate(events).poll(poll)
        .reconnect(reconnect);
    if (clock != null) {
      b.clock(clock);
    }
    GmeContext ctx = b.build();
    contexts.add(ctx);
    return new Client(ctx, events, String.valueOf(OPEN_IDS.incrementAndGet()));
  }

  /** A connected, inited context. */
  Client inited() {
    return inited(null);
  }

  /** A connected, inited context on {@code clock} (null: the simulator's default). */
  Client inited(TimeMode clock) {
    Client c = connect(clock);
    if (c.gme.init(APP, c.openId) != 0) {
      throw new AssertionError("Init failed");
    }
    return c;
  }

  /** An inited context that has entered {@code room}. */
  Client inRoom(String room) {
    return inRoom(room, null);
  }

  /** An inited context on {@code clock} (null: the simulator's default) that has entered {@code room}. */
  Client inRoom(String room, TimeMode clock) {
    Client c = inited(clock);
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
