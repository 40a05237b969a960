package dev.gmesim.junit5;

import static dev.gmesim.junit5.GmeAssertions.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeEvent;
import dev.gmesim.core.sdk.GmePtt;
import dev.gmesim.core.time.TimeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Fixture classes for the session clocks of the extension's contexts, run embedded and against the jar. */
final class ClockCases {
  private ClockCases() {}

  /** Voice messages on the default virtual clock: recording lengths and fault delays cost no wall time. */
  @GmeSimulatorTest
  static class VirtualVoiceCases {
    @Test
    void aRecordingWithAMaximumLengthCompletesAtThatLength(GmeContext gme, EventRecorder events) throws Exception {
      assertThat(gme.clock().mode()).isEqualTo(TimeMode.virtual());
      gme.init(Fixtures.APP, "voice-1");
      GmePtt ptt = gme.getPTT();
      ptt.setMaxMessageLength(2000);
      Path file = Files.createTempFile("gmesim-clock", ".wav");
      ptt.startRecording(file.toString());
      GmeEvent done = awaitEvent(events, GmeEventType.PTT_RECORD_COMPLETE).succeeded().event();
      assertThat(done.getLongExtra("duration_ms", -1)).isEqualTo(2000);
    }

    /** Five simulated seconds of delay, reported by the event and skipped by the virtual clock. */
    @Test
    @InjectGmeError(value = 8195, operations = Operation.PTT_UPLOAD, delay = "5s", times = 1)
    void aDelayedUploadReportsItsDelayInNoWallTime(GmeContext gme, EventRecorder events) throws Exception {
      Path file = Fixtures.recorded(gme, events, "voice-2");
      GmePtt ptt = gme.getPTT();
      ptt.uploadRecordedFile(file.toString());
      awaitEvent(events, GmeEventType.PTT_UPLOAD_COMPLETE, Duration.ofSeconds(5)).hasResult(8195)
          .hasElapsedMillis(5000);
      ptt.uploadRecordedFile(file.toString());
      awaitEvent(events, GmeEventType.PTT_UPLOAD_COMPLETE).succeeded();
    }
  }
}
