package dev.gmesim.benchmarks.roomload;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeDelegate;
import dev.gmesim.core.sdk.GmeEvent;

/** One SDK context's loop, driven by its events. */
final class SdkClient implements GmeDelegate {
  private static final byte[] AUTH = new byte[0];
  private final Run run;
  private final int index;
  private final String room;
  GmeContext gme;
  /** Written and read on the context's serial callback executor only (and once by start()). */
  private long started;

  SdkClient(Run run, int index, String room) {
    this.run = run;
    this.index = index;
    this.room = room;
  }

  void enter() {
    started = System.nanoTime();
    int r = gme.enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, AUTH);
    if (r != 0) {
      fail("enterRoom returned " + r);
    }
  }

  @Override
  public void onEvent(GmeEventType type, GmeEvent event) {
    if (type == GmeEventType.ENTER_ROOM) {
      if (event.result() != 0) {
        fail("ENTER_ROOM " + event);
      } else if (gme.exitRoom() != 0) {
        fail("exitRoom refused");
      }
    } else if (type == GmeEventType.EXIT_ROOM) {
      if (event.result() != 0) {
        fail("EXIT_ROOM " + event);
      } else if (run.record(index, System.nanoTime() - started)) {
        enter();
      } else {
        run.finished();
      }
    }
  }

  private void fail(String what) {
    run.error("sdk client " + index + ": " + what);
    run.finished();
  }
}
