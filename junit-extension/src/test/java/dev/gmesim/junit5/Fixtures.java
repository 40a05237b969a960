package dev.gmesim.junit5;

import static dev.gmesim.junit5.GmeAssertions.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeEvent;
import dev.gmesim.core.sdk.GmePtt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

  /**
   * Inits the context as {@code openId}, applies a PTT auth buffer and records a 1.5 s voice message
   * (simulated time); returns the recorded file.
   */
  static Path recorded(GmeContext gme, EventRecorder events, String openId) throws IOException {
    gme.init(APP, openId);
    GmePtt ptt = gme.getPTT();
    assertThat(ptt.applyPTTAuthbuffer("auth".getBytes(StandardCharsets.UTF_8))).isZero();
    ptt.setMaxMessageLength(1500);
    Path file = Files.createTempFile("gmesim-fixture", ".wav");
    ptt.startRecording(file.toString());
    awaitEvent(events, GmeEventType.PTT_RECORD_COMPLETE).succeeded();
    return file;
  }

  /** Enters {@code room} with an inited context; returns the ENTER_ROOM event. */
  static GmeEvent enter(GmeContext gme, EventRecorder events, String room) {
    gme.enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    return awaitEvent(events, GmeEventType.ENTER_ROOM).event();
  }
}
