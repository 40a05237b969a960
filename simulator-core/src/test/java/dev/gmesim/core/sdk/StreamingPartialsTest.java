package dev.gmesim.core.sdk;

import static dev.gmesim.core.catalog.GmeEventType.PTT_STREAMINGRECOGNITION_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_STREAMINGRECOGNITION_IS_RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.internal.world.VoiceMessages;
import dev.gmesim.core.sdk.SimFixture.Client;
import dev.gmesim.core.time.TimeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming recognition reports {@code PTT_STREAMINGRECOGNITION_IS_RUNNING} while the user speaks,
 * as GME does: one partial result per recorded second, on the session clock, so a virtual or manual
 * clock sees each at a fixed simulated time; {@code PTT_STREAMINGRECOGNITION_COMPLETE} follows the stop.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamingPartialsTest extends SimulatorPerTest {
  static final String FIRST = "this is";
  static final String SECOND = "this is a simulated";

  @TempDir
  Path dir;

  Client authorized(TimeMode clock) {
    Client c = f.inited(clock);
    assertThat(c.gme().getPTT().applyPTTAuthbuffer(PttDriver.AUTH)).isZero();
    return c;
  }

  static void advance(Client c, long ms) {
    c.gme().clock().advance(Duration.ofMillis(ms));
  }

  static java.util.List<String> partials(Client c) {
    return c.events().events(PTT_STREAMINGRECOGNITION_IS_RUNNING).stream().map(e -> e.getStringExtra("text")).toList();
  }

  @Nested
  class OnAManualClock {
    @Test
    void aPartialArrivesAtEachRecordedSecondAndTheCompletionAfterTheStop() {
      Client c = authorized(TimeMode.manual());
      GmePtt ptt = c.gme().getPTT();
      Path file = dir.resolve("live.wav");
      assertThat(ptt.startRecordingWithStreamingRecognition(file.toString())).isZero();
      advance(c, 999);
      assertThat(partials(c)).isEmpty();
      advance(c, 1);
      assertThat(partials(c)).containsExactly(FIRST);
      GmeEvent first = c.events().events(PTT_STREAMINGRECOGNITION_IS_RUNNING).get(0);
      assertThat(first.result()).isZero();
      assertThat(first.getStringExtra("file_path")).isEqualTo(file.toString());
      assertThat(first.getStringExtra("file_id")).isEmpty();
      advance(c, 1000);
      assertThat(partials(c)).containsExactly(FIRST, SECOND);
      assertThat(c.events().events(PTT_STREAMINGRECOGNITION_COMPLETE)).as("nothing completes while recording").isEmpty();

      ptt.stopRecording();
      GmeEvent done = c.events().await(PTT_STREAMINGRECOGNITION_COMPLETE);
      assertThat(done.result()).as(done.toString()).isZero();
      assertThat(done.getStringExtra("text")).isEqualTo(VoiceMessages.DEFAULT_TRANSCRIPT);
      assertThat(done.getStringExtra("file_id")).contains("/gme/ptt/v1/files/");
      assertThat(partials(c)).as("no partial after the stop").containsExactly(FIRST, SECOND);
      assertThat(ptt.getVoiceFileDuration(file.toString())).isEqualTo(2000);
    }

    @Test
    void aPausedRecordingReportsNoPartialsUntilItResumes() {
      Client c = authorized(TimeMode.manual());
      GmePtt ptt = c.gme().getPTT();
      ptt.startRecordingWithStreamingRecognition(dir.resolve("paused.wav").toString());
      advance(c, 1000);
      assertThat(partials(c)).containsExactly(FIRST);
      assertThat(ptt.pauseRecording()).isZero();
      advance(c, 5000);
      assertThat(partials(c)).containsExactly(FIRST);
      assertThat(ptt.resumeRecording()).isZero();
      advance(c, 999);
      assertThat(partials(c)).containsExactly(FIRST);
      advance(c, 1);
      assertThat(partials(c)).containsExactly(FIRST, SECOND);
      assertThat(c.gme().clock().now()).isEqualTo(Duration.ofMillis(7000));
      ptt.stopRecording();
      assertThat(c.events().await(PTT_STREAMINGRECOGNITION_COMPLETE).result()).isZero();
    }

    @Test
    void aRecordingCancelledBeforeItsFirstSecondReportsNothing() {
      Client c = authorized(TimeMode.manual());
      GmePtt ptt = c.gme().getPTT();
      ptt.startRecordingWithStreamingRecognition(dir.resolve("short.wav").toString());
      advance(c, 500);
      ptt.cancelRecording();
      advance(c, 5000);
      assertThat(c.events().events()).as("a cancelled recording reports nothing").isEmpty();
    }

    @Test
    void aStopRightAfterTheStartLeavesNoPartialOrAutomaticStopBehind() {
      Client c = authorized(TimeMode.manual());
      GmePtt ptt = c.gme().getPTT();
      ptt.setMaxMessageLength(2000);
      ptt.startRecordingWithStreamingRecognition(dir.resolve("instant.wav").toString());
      ptt.stopRecording();
      assertThat(c.events().await(PTT_STREAMINGRECOGNITION_COMPLETE).result()).isEqualTo(4103);
      advance(c, 5000);
      assertThat(c.events().events()).extracting(GmeEvent::type).containsExactly(PTT_STREAMINGRECOGNITION_COMPLETE);
    }

    @Test
    void aFailedStartReportsNoPartials() {
      Client c = authorized(TimeMode.manual());
      f.sim.addFault(FaultRule.on(Operation.PTT_START_RECORDING).error(4102).openId(c.openId()).build());
      c.gme().getPTT().startRecordingWithStreamingRecognition(dir.resolve("denied.wav").toString());
      assertThat(c.events().await(PTT_STREAMINGRECOGNITION_COMPLETE).result()).isEqualTo(4102);
      advance(c, 5000);
      assertThat(partials(c)).isEmpty();
    }
  }

  @Nested
  class OnAVirtualClock {
    @Test
    void eachPartialArrivesAtItsSimulatedSecondInNoWallTime() {
      Client c = authorized(TimeMode.virtual());
      GmePtt ptt = c.gme().getPTT();
      ptt.setMaxMessageLength(3500);
      ptt.startRecordingWithStreamingRecognition(dir.resolve("virtual.wav").toString());
      for (int second = 1; second <= 3; second++) {
        GmeEvent p = c.events().await(PTT_STREAMINGRECOGNITION_IS_RUNNING);
        assertThat(c.gme().clock().now()).as("partial %d", second).isEqualTo(Duration.ofSeconds(second));
        assertThat(p.getStringExtra("text")).isEqualTo(VoiceMessages.partials(VoiceMessages.DEFAULT_TRANSCRIPT)
            .get(second - 1));
      }
      GmeEvent done = c.events().await(PTT_STREAMINGRECOGNITION_COMPLETE);
      assertThat(done.result()).as(done.toString()).isZero();
      assertThat(c.gme().clock().now()).isEqualTo(Duration.ofMillis(3500));
    }
  }
}
