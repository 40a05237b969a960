package dev.gmesim.core.internal.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The voice-message store and recording state machine, on a hand-moved simulated clock. */
class VoiceMessagesStoreTest {
  final AtomicLong clock = new AtomicLong();

  VoiceMessages voice(long maxBytes) {
    return new VoiceMessages(maxBytes, clock::get);
  }

  @Nested
  class Store {
    @Test
    void aStoredFileComesBackUnderItsIdUntilTheBoundPushesItOut() {
      VoiceMessages v = voice(10);
      String a = v.store(new byte[] {1, 2, 3, 4}, 1500, "app", "alice");
      String b = v.store(new byte[] {5, 6, 7, 8}, 0, "app", "bob");
      assertThat(v.file(a).orElseThrow().bytes()).containsExactly(1, 2, 3, 4);
      assertThat(v.file(a).orElseThrow().durationMs()).isEqualTo(1500);
      String c = v.store(new byte[] {9, 9, 9}, 0, "app", "carol");
      assertThat(v.file(a)).isEmpty();
      assertThat(v.file(b)).isPresent();
      assertThat(v.file(c)).isPresent();
      assertThat(v.storedBytes()).isEqualTo(7);
      assertThat(v.fileCount()).isEqualTo(2);
    }

    @Test
    void aFileLargerThanTheWholeBoundIsRefusedNamingTheSizes() {
      assertThatThrownBy(() -> voice(10).store(new byte[11], 0, null, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("11 bytes").hasMessageContaining("10 bytes").hasMessageContaining("larger");
    }

    @Test
    void transcriptsBelongToStoredFilesAndDefaultToAStableText() {
      VoiceMessages v = voice(100);
      String id = v.store(new byte[] {1}, 0, null, null);
      assertThat(v.transcriptOf(id)).isEqualTo(VoiceMessages.DEFAULT_TRANSCRIPT);
      v.transcript(id, "meet at the bridge");
      assertThat(v.transcriptOf(id)).isEqualTo("meet at the bridge");
      assertThatThrownBy(() -> v.transcript("nope", "x")).hasMessageContaining("'nope'").hasMessageContaining("upload");
    }

    @Test
    void idOfTakesTheLastSegmentOfAFileIdUrl() {
      assertThat(VoiceMessages.idOf("http://127.0.0.1:8080/gme/ptt/v1/files/ab12")).isEqualTo("ab12");
      assertThat(VoiceMessages.idOf("http://h/gme/ptt/v1/files/ab12/?x=1")).isEqualTo("ab12");
      assertThat(VoiceMessages.idOf("ab12")).isEqualTo("ab12");
      assertThat(VoiceMessages.idOf(null)).isEmpty();
    }

    @Test
    void partialsGrowToTheWholeText() {
      assertThat(VoiceMessages.partials("this is a simulated voice message"))
          .containsExactly("this is", "this is a simulated", "this is a simulated voice message");
      assertThat(VoiceMessages.partials("hello")).containsExactly("hello");
      assertThat(VoiceMessages.partials("")).isEmpty();
    }

    @Test
    void resetForgetsEverything() {
      VoiceMessages v = voice(100);
      v.store(new byte[] {1}, 0, null, null);
      v.startRecording("s1", "/tmp/a.wav", 0, false, null);
      v.reset();
      assertThat(v.fileCount()).isZero();
      assertThat(v.storedBytes()).isZero();
      assertThat(v.isRecording("s1")).isFalse();
    }
  }

  @Nested
  class Recording {
    @Test
    void aRecordingLastsTheSimulatedTimeBetweenStartAndStop() {
      VoiceMessages v = voice(100);
      assertThat(v.startRecording("s1", "/tmp/a.wav", 0, false, null).isOk()).isTrue();
      clock.addAndGet(2500);
      Outcome stopped = v.stopRecording("s1");
      assertThat(stopped.isOk()).isTrue();
      assertThat(stopped.data()).containsEntry("duration_ms", 2500L).containsEntry("file_path", "/tmp/a.wav");
    }

    @Test
    void aRecordingIsCutAtItsMaximumLength() {
      VoiceMessages v = voice(100);
      v.startRecording("s1", "/tmp/a.wav", 2000, false, null);
      clock.addAndGet(9000);
      assertThat(v.stopRecording("s1").data()).containsEntry("duration_ms", 2000L);
      v.startRecording("s1", "/tmp/a.wav", 0, false, null);
      clock.addAndGet(90_000);
      assertThat(v.stopRecording("s1").data()).containsEntry("duration_ms", VoiceMessages.MAX_RECORDING_MS);
    }

    @Test
    void underOneSecondIs4103AndEndsTheRecording() {
      VoiceMessages v = voice(100);
      v.startRecording("s1", "/tmp/a.wav", 0, false, null);
      clock.addAndGet(999);
      assertThat(v.stopRecording("s1").result()).isEqualTo(4103);
      assertThat(v.isRecording("s1")).isFalse();
    }

    @Test
    void startWhileRecordingIs4099AndStreamingWhileStreamingIs32786() {
      VoiceMessages v = voice(100);
      v.startRecording("s1", "/tmp/a.wav", 0, false, null);
      assertThat(v.startRecording("s1", "/tmp/b.wav", 0, false, null).result()).isEqualTo(4099);
      assertThat(v.startRecording("s1", "/tmp/b.wav", 0, true, null).result()).isEqualTo(4099);
      v.startRecording("s2", "/tmp/c.wav", 0, true, null);
      assertThat(v.startRecording("s2", "/tmp/d.wav", 0, true, null).result()).isEqualTo(32786);
      assertThat(v.startRecording("s2", "/tmp/d.wav", 0, false, null).result()).isEqualTo(4099);
    }

    @Test
    void stopWithoutStartIs4104AndAnEmptyPathIs4097() {
      VoiceMessages v = voice(100);
      assertThat(v.stopRecording("s1").result()).isEqualTo(4104);
      assertThat(v.startRecording("s1", " ", 0, false, null).result()).isEqualTo(4097);
      assertThat(v.play("").result()).isEqualTo(20483);
    }

    @Test
    void pausedTimeIsLeftOutOfTheLengthAndTheMaximum() {
      VoiceMessages v = voice(100);
      v.startRecording("s1", "/tmp/a.wav", 2000, false, null);
      clock.addAndGet(1000);
      assertThat(v.pauseRecording("s1").data()).containsEntry("recorded_ms", 1000L).containsEntry("paused", true);
      clock.addAndGet(30_000);
      assertThat(v.resumeRecording("s1").data()).containsEntry("recorded_ms", 1000L).containsEntry("paused", false);
      clock.addAndGet(500);
      assertThat(v.stopRecording("s1").data()).containsEntry("duration_ms", 1500L);

      v.startRecording("s1", "/tmp/b.wav", 2000, false, null);
      v.pauseRecording("s1");
      clock.addAndGet(60_000);
      v.resumeRecording("s1");
      clock.addAndGet(5000);
      assertThat(v.stopRecording("s1").data()).as("capped at the maximum, counting recorded time only")
          .containsEntry("duration_ms", 2000L);
    }

    @Test
    void aStopWhilePausedEndsAtThePause() {
      VoiceMessages v = voice(100);
      v.startRecording("s1", "/tmp/a.wav", 0, false, null);
      clock.addAndGet(1200);
      v.pauseRecording("s1");
      clock.addAndGet(9000);
      assertThat(v.stopRecording("s1").data()).containsEntry("duration_ms", 1200L);
      assertThat(v.isRecording("s1")).isFalse();
    }

    @Test
    void pauseOrResumeWithoutARecordingIs4104AndTwiceIs1003() {
      VoiceMessages v = voice(100);
      assertThat(v.pauseRecording("s1").result()).isEqualTo(4104);
      assertThat(v.resumeRecording("s1").result()).isEqualTo(4104);
      v.startRecording("s1", "/tmp/a.wav", 0, false, null);
      assertThat(v.resumeRecording("s1").result()).isEqualTo(1003);
      assertThat(v.pauseRecording("s1").isOk()).isTrue();
      Outcome again = v.pauseRecording("s1");
      assertThat(again.result()).isEqualTo(1003);
      assertThat(again.errorInfo()).startsWith("AV_ERR_HAS_IN_THE_STATE").contains("ResumeRecording");
      assertThat(v.isRecording("s1")).isTrue();
    }

    @Test
    void aStreamingStartPlansOnePartialPerRecordedSecond() {
      VoiceMessages v = voice(100);
      Outcome started = v.startRecording("s1", "/tmp/a.wav", 0, true, "en-US");
      assertThat(started.data()).containsEntry("language", "en-US");
      assertThat(started.data().get("partials")).asList().containsExactly(
          java.util.Map.of("at_ms", 1000L, "text", "this is"),
          java.util.Map.of("at_ms", 2000L, "text", "this is a simulated"),
          java.util.Map.of("at_ms", 3000L, "text", "this is a simulated voice message"));
      assertThat(v.startRecording("s2", "/tmp/b.wav", 0, false, null).data()).doesNotContainKey("partials");
      assertThat(v.startRecording("s3", "/tmp/c.wav", 0, true, "english").data().get("partials")).asList().isEmpty();
    }

    @Test
    void languageCodesHaveGmesShape() {
      assertThat(java.util.stream.Stream.of("cmn-Hans-CN", "en-US", "ja-JP", "yue-Hant-HK", "ko"))
          .allMatch(VoiceMessages::isLanguageCode);
      assertThat(java.util.stream.Stream.of("english", "", " en-US", "en_US", "en-", "e", "中文"))
          .noneMatch(VoiceMessages::isLanguageCode);
      assertThat(VoiceMessages.isLanguageCode(null)).isFalse();
    }

    @Test
    void sessionsRecordIndependently() {
      VoiceMessages v = voice(100);
      v.startRecording("s1", "/tmp/a.wav", 0, false, null);
      assertThat(v.startRecording("s2", "/tmp/b.wav", 0, false, null).isOk()).isTrue();
      v.forget("s1");
      assertThat(v.isRecording("s1")).isFalse();
      assertThat(v.isRecording("s2")).isTrue();
    }
  }
}
