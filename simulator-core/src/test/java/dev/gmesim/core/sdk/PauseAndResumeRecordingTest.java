package dev.gmesim.core.sdk;

import static dev.gmesim.core.catalog.GmeEventType.PTT_DOWNLOAD_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_RECORD_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_UPLOAD_COMPLETE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.internal.server.SimulatorInternals;
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
 * PauseRecording and ResumeRecording as a game sees them: paused time counts toward neither the
 * recording's length nor its maximum, the codes they return, and the file another member downloads.
 * The tests act in the middle of a recording, so they run on manual clocks.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PauseAndResumeRecordingTest extends SimulatorPerTest {
  static final int NOT_STARTED = GmeErrorCode.QAVPTTERROR_RECORDER_RECORD_NOT_START.value();
  static final int ALREADY = GmeErrorCode.AV_ERR_HAS_IN_THE_STATE.value();

  @TempDir
  Path dir;

  Client manual() {
    return f.inited(TimeMode.manual());
  }

  static void advance(Client c, long ms) {
    c.gme().clock().advance(Duration.ofMillis(ms));
  }

  /** Stops the recording and returns the {@code duration_ms} of its {@code PTT_RECORD_COMPLETE}. */
  static int stoppedLength(Client c) {
    c.gme().getPTT().stopRecording();
    GmeEvent done = c.events().await(PTT_RECORD_COMPLETE);
    assertThat(done.result()).as(done.toString()).isZero();
    return done.getIntExtra("duration_ms", -1);
  }

  @Nested
  class PausedTime {
    @Test
    void oneSecondThenThreePausedThenOneMoreMakeATwoSecondFile() {
      Client c = manual();
      GmePtt ptt = c.gme().getPTT();
      Path file = dir.resolve("two.wav");
      assertThat(ptt.startRecording(file.toString())).isZero();
      advance(c, 1000);
      assertThat(ptt.pauseRecording()).isZero();
      advance(c, 3000);
      assertThat(ptt.resumeRecording()).isZero();
      advance(c, 1000);
      ptt.stopRecording();
      GmeEvent done = c.events().await(PTT_RECORD_COMPLETE);
      assertThat(done.result()).as(done.toString()).isZero();
      assertThat(done.getStringExtra("file_path")).isEqualTo(file.toString());
      assertThat(done.getIntExtra("duration_ms", -1)).isEqualTo(2000);
      assertThat(ptt.getVoiceFileDuration(file.toString())).isEqualTo(2000);
      assertThat(c.gme().clock().now()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aStopWhilePausedKeepsWhatWasRecordedBeforeThePause() {
      Client c = manual();
      GmePtt ptt = c.gme().getPTT();
      ptt.startRecording(dir.resolve("p.wav").toString());
      advance(c, 1500);
      assertThat(ptt.pauseRecording()).isZero();
      advance(c, 20_000);
      assertThat(stoppedLength(c)).isEqualTo(1500);
    }

    @Test
    void theMaximumLengthCountsOnlyRecordedTime() {
      Client c = manual();
      GmePtt ptt = c.gme().getPTT();
      assertThat(ptt.setMaxMessageLength(2000)).isZero();
      ptt.startRecording(dir.resolve("max.wav").toString());
      advance(c, 1000);
      assertThat(ptt.pauseRecording()).isZero();
      advance(c, 10_000);
      assertThat(c.events().events(PTT_RECORD_COMPLETE)).as("a paused recording does not reach its maximum").isEmpty();
      assertThat(ptt.resumeRecording()).isZero();
      advance(c, 999);
      assertThat(c.events().events(PTT_RECORD_COMPLETE)).isEmpty();
      advance(c, 1);
      GmeEvent done = c.events().await(PTT_RECORD_COMPLETE);
      assertThat(done.result()).as(done.toString()).isZero();
      assertThat(done.getIntExtra("duration_ms", -1)).isEqualTo(2000);
      assertThat(c.gme().clock().now()).isEqualTo(Duration.ofMillis(12_000));
    }

    @Test
    void anotherMemberDownloadsTheFileWithThePausedTimeLeftOut() throws Exception {
      Client alice = manual();
      GmePtt ptt = alice.gme().getPTT();
      assertThat(ptt.applyPTTAuthbuffer(PttDriver.AUTH)).isZero();
      Path file = dir.resolve("alice.wav");
      ptt.startRecording(file.toString());
      advance(alice, 1200);
      ptt.pauseRecording();
      advance(alice, 5000);
      ptt.resumeRecording();
      advance(alice, 800);
      ptt.stopRecording();
      assertThat(alice.events().await(PTT_RECORD_COMPLETE).result()).isZero();
      ptt.uploadRecordedFile(file.toString());
      GmeEvent up = alice.events().await(PTT_UPLOAD_COMPLETE);
      assertThat(up.result()).as(up.toString()).isZero();
      String fileId = up.getStringExtra("file_id");

      Client bob = PttDriver.authorized(f);
      Path copy = dir.resolve("bob.wav");
      bob.gme().getPTT().downloadRecordedFile(fileId, copy.toString());
      assertThat(bob.events().await(PTT_DOWNLOAD_COMPLETE).result()).isZero();
      assertThat(bob.gme().getPTT().getVoiceFileDuration(copy.toString())).isEqualTo(2000);
      assertThat(SimulatorInternals.voiceMessages(f.sim).file(VoiceMessages.idOf(fileId)).orElseThrow().durationMs())
          .isEqualTo(2000);
    }

    @Test
    void pauseAndResumeSendNoEventAndAreJournaledWithTheCaller() {
      Client c = manual();
      GmePtt ptt = c.gme().getPTT();
      ptt.startRecording(dir.resolve("j.wav").toString());
      advance(c, 1000);
      ptt.pauseRecording();
      ptt.resumeRecording();
      assertThat(c.events().events()).isEmpty();
      assertThat(SimulatorInternals.journal(f.sim).find(Operation.PTT_PAUSE_RECORDING)).singleElement()
          .satisfies(e -> {
            assertThat(e.result()).isZero();
            assertThat(e.openId()).isEqualTo(c.openId());
            assertThat(e.source()).isEqualTo(JournalEntry.WORLD);
            assertThat(e.sessionTimeMs()).isEqualTo(1000);
          });
      assertThat(SimulatorInternals.journal(f.sim).find(Operation.PTT_RESUME_RECORDING))
          .extracting(JournalEntry::result).containsExactly(0);
    }
  }

  /** Misuse returns a code and leaves the session usable; GME's docs are silent, so these are the simulator's choices. */
  @Nested
  class BadInput {
    @Test
    void pauseOrResumeWithoutARecordingReturns4104AndRecordingStillWorks() {
      Client c = manual();
      GmePtt ptt = c.gme().getPTT();
      assertThat(ptt.pauseRecording()).isEqualTo(NOT_STARTED);
      assertThat(ptt.resumeRecording()).isEqualTo(NOT_STARTED);
      assertThat(c.events().events()).isEmpty();
      ptt.startRecording(dir.resolve("after.wav").toString());
      advance(c, 1200);
      ptt.stopRecording();
      GmeEvent done = c.events().await(PTT_RECORD_COMPLETE);
      assertThat(done.result()).as(done.toString()).isZero();
      assertThat(done.getIntExtra("duration_ms", -1)).isEqualTo(1200);
    }

    @Test
    void pausingTwiceReturns1003AndTheRecordingStaysPausedFromTheFirstPause() {
      Client c = manual();
      GmePtt ptt = c.gme().getPTT();
      ptt.startRecording(dir.resolve("twice.wav").toString());
      advance(c, 1000);
      assertThat(ptt.pauseRecording()).isZero();
      advance(c, 1000);
      assertThat(ptt.pauseRecording()).isEqualTo(ALREADY);
      advance(c, 1000);
      assertThat(ptt.resumeRecording()).isZero();
      advance(c, 500);
      assertThat(stoppedLength(c)).isEqualTo(1500);
    }

    @Test
    void resumingARunningRecordingReturns1003AndItRunsOn() {
      Client c = manual();
      GmePtt ptt = c.gme().getPTT();
      ptt.startRecording(dir.resolve("running.wav").toString());
      advance(c, 1000);
      assertThat(ptt.resumeRecording()).isEqualTo(ALREADY);
      advance(c, 1000);
      assertThat(stoppedLength(c)).isEqualTo(2000);
    }

    @Test
    void pauseAfterTheRecordingStoppedByItselfReturns4104() {
      Client c = manual();
      GmePtt ptt = c.gme().getPTT();
      ptt.setMaxMessageLength(1500);
      ptt.startRecording(dir.resolve("ended.wav").toString());
      advance(c, 1500);
      assertThat(c.events().await(PTT_RECORD_COMPLETE).result()).isZero();
      assertThat(ptt.pauseRecording()).isEqualTo(NOT_STARTED);
      assertThat(ptt.resumeRecording()).isEqualTo(NOT_STARTED);
    }

    @Test
    void aCancelledPausedRecordingCannotBeResumed() {
      Client c = manual();
      GmePtt ptt = c.gme().getPTT();
      ptt.startRecording(dir.resolve("cancelled.wav").toString());
      advance(c, 1000);
      ptt.pauseRecording();
      ptt.cancelRecording();
      assertThat(ptt.resumeRecording()).isEqualTo(NOT_STARTED);
      assertThat(c.events().events()).isEmpty();
    }

    @Test
    void theJournalRecordsTheRefusals() {
      Client c = manual();
      c.gme().getPTT().pauseRecording();
      assertThat(SimulatorInternals.journal(f.sim).find(Operation.PTT_PAUSE_RECORDING))
          .extracting(JournalEntry::result).containsExactly(NOT_STARTED);
    }
  }

  @Nested
  class Faults {
    @Test
    void anInjectedCodeOnPauseIsReturnedAndTheRecordingRunsOn() {
      Client c = manual();
      GmePtt ptt = c.gme().getPTT();
      FaultRule rule = f.sim.addFault(FaultRule.on(Operation.PTT_PAUSE_RECORDING)
          .error(GmeErrorCode.QAVPTTERROR_RECORDER_RECORD_NOT_START).openId(c.openId()).build());
      ptt.startRecording(dir.resolve("f.wav").toString());
      advance(c, 1000);
      assertThat(ptt.pauseRecording()).isEqualTo(NOT_STARTED);
      advance(c, 1000);
      assertThat(stoppedLength(c)).isEqualTo(2000);
      assertThat(f.sim.fault(rule.id()).orElseThrow().fired()).isEqualTo(1);
    }

    @Test
    void anInjectedCodeOnResumeIsReturnedAndTheRecordingStaysPaused() {
      Client c = manual();
      GmePtt ptt = c.gme().getPTT();
      f.sim.addFault(FaultRule.on(Operation.PTT_RESUME_RECORDING).error(GmeErrorCode.AV_ERR_HAS_IN_THE_STATE)
          .openId(c.openId()).times(1).build());
      ptt.startRecording(dir.resolve("g.wav").toString());
      advance(c, 1000);
      assertThat(ptt.pauseRecording()).isZero();
      assertThat(ptt.resumeRecording()).isEqualTo(ALREADY);
      advance(c, 4000);
      assertThat(ptt.resumeRecording()).isZero();
      advance(c, 1000);
      assertThat(stoppedLength(c)).isEqualTo(2000);
    }
  }
}
