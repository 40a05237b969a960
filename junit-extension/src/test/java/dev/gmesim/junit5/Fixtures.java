package dev.gmesim.junit5;

import static dev.gmesim.junit5.GmeAssertions.awaitEvent;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeEvent;

/** What fixture tests do to GME, in one place. */
final class Fixtures {
  static final String APP = "1400000000";

  private Fixtures() {}

  /** Inits the context as {@code openId} and enters {@code room}; returns the ENTER_ROOM event. */
  static GmeEvent join(GmeContext gme, EventRecorder events, String openId, String room) {
    int init = gme.init(APP, openId);
    if (init != 0) {
      throw new AssertionError("Init returned " + init);
    }
    return enter(gme, events, room);
  }

  /** Enters {@code room} with an inited context; returns the ENTER_ROOM event. */
  static GmeEvent enter(GmeContext gme, EventRecorder events, String room) {
    gme.enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    return awaitEvent(events, GmeEventType.ENTER_ROOM).event();
  }
}
