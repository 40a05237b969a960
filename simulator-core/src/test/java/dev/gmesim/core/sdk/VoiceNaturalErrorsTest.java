package dev.gmesim.core.sdk;

import static dev.gmesim.core.catalog.GmeEventType.PTT_DOWNLOAD_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_PLAY_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_RECORD_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_SPEECH2TEXT_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_STREAMINGRECOGNITION_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_UPLOAD_COMPLETE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.sdk.SimFixture.Client;
import dev.gmesim.core.sdk.internal.Wav;
import dev.gmesim.core.server.GmeSimulator;
import dev.gmesim.core.time.TimeMode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The voice-message rows of DESIGN.md's table of errors the world produces without any injected fault. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VoiceNaturalErrorsTest extends SimulatorPerTest {
  @TempDir
  Path dir;

  String wav(String name, long ms) {
    return PttDriver.write(dir.resolve(name), Wav.tone(ms)).toString();
  }

  @Nested
  class WithoutTheAuthBuffer {
    @Test
    void applyPTTAuthbufferBeforeInitFailsWith1101() {
      assertThat(f.connect().gme().getPTT().applyPTTAuthbuffer(PttDriver.AUTH)).isEqualTo(1101);
    }

    @Test
    void anEmptyAuthBufferIsRefusedWith1004() {
      assertThat(f.inited().gme().getPTT().applyPTTAuthbuffer(new byte[0])).isEqualTo(1004);
    }

    @Test
    void uploadFailsWith8200() {
      Client c = f.inited();
      c.gme().getPTT().uploadRecordedFile(wav("a.wav", 1200));
      GmeEvent e = c.events().await(PTT_UPLOAD_COMPLETE);
      assertThat(e.result()).isEqualTo(8200);
      assertThat(e.errorInfo()).startsWith("QAVPTTERROR_UPLOAD_APPINFO_UNSET").contains("ApplyPTTAuthbuffer");
      assertThat(e.getStringExtra("file_id")).isEmpty();
      assertThat(SimulatorInternals.voiceMessages(f.sim).fileCount()).isZero();
    }

    @Test
    void downloadFailsWith12297() {
      Client owner = PttDriver.authorized(f);
      owner.gme().getPTT().uploadRecordedFile(wav("a.wav", 1200));
      String fileId = owner.events().await(PTT_UPLOAD_COMPLETE).getStringExtra("file_id");
      Client c = f.inited();
      c.gme().getPTT().downloadRecordedFile(fileId, dir.resolve("b.wav").toString());
      assertThat(c.events().await(PTT_DOWNLOAD_COMPLETE).result()).isEqualTo(12297);
    }

    @Test
    void speechToTextFailsWith32774() {
      Client c = f.inited();
      c.gme().getPTT().speechToText("http://127.0.0.1:1/gme/ptt/v1/files/x");
      assertThat(c.events().await(PTT_SPEECH2TEXT_COMPLETE).result()).isEqualTo(32774);
    }

    @Test
    void streamingRecognitionFailsWith32774AfterRecording() {
      Client c = f.inited();
      c.gme().getPTT().setMaxMessageLength(1200);
      c.gme().getPTT().startRecordingWithStreamingRecognition(dir.resolve("s.wav").toString());
      assertThat(c.events().await(PTT_STREAMINGRECOGNITION_COMPLETE).result()).isEqualTo(32774);
    }
  }

  @Nested
  class Files {
    @Test
    void downloadOfAnUnknownFileIdFailsWith12292() {
      Client c = PttDriver.authorized(f);
      c.gme().getPTT().downloadRecordedFile(f.sim.httpBaseUri() + "/gme/ptt/v1/files/neveruploaded",
          dir.resolve("x.wav").toString());
      GmeEvent e = c.events().await(PTT_DOWNLOAD_COMPLETE);
      assertThat(e.result()).isEqualTo(12292);
      assertThat(e.errorInfo()).contains("neveruploaded");
    }

    @Test
    void aFullStoreDropsTheOldestFileWhoseDownloadThenFailsWith12292() {
      try (SimFixture small = new SimFixture(GmeSimulator.builder().voiceStoreBytes(100_000))) {
        Client c = PttDriver.authorized(small);
        GmePtt ptt = c.gme().getPTT();
        ptt.uploadRecordedFile(wav("first.wav", 2000));    // 64 044 bytes
        String first = c.events().await(PTT_UPLOAD_COMPLETE).getStringExtra("file_id");
        ptt.uploadRecordedFile(wav("second.wav", 1500));   // 48 044 bytes: the first must go
        String second = c.events().await(PTT_UPLOAD_COMPLETE).getStringExtra("file_id");
        ptt.downloadRecordedFile(first, dir.resolve("1.wav").toString());
        assertThat(c.events().await(PTT_DOWNLOAD_COMPLETE).result()).isEqualTo(12292);
        ptt.downloadRecordedFile(second, dir.resolve("2.wav").toString());
        assertThat(c.events().await(PTT_DOWNLOAD_COMPLETE).result()).isZero();
        assertThat(SimulatorInternals.voiceMessages(small.sim).storedBytes()).isEqualTo(48_044);
      }
    }

    @Test
    void speechToTextWithAnEmptyFileIdFailsWith32784() {
      Client c = PttDriver.authorized(f);
      c.gme().getPTT().speechToText("");
      GmeEvent e = c.events().await(PTT_SPEECH2TEXT_COMPLETE);
      assertThat(e.result()).isEqualTo(32784);
      assertThat(e.errorInfo()).startsWith("QAVPTTERROR_S2T_PARAM_NULL");
    }

    @Test
    void speechToTextOfAnUnknownFileFailsWith32785() {
      Client c = PttDriver.authorized(f);
      c.gme().getPTT().speechToText(f.sim.httpBaseUri() + "/gme/ptt/v1/files/neveruploaded");
      assertThat(c.events().await(PTT_SPEECH2TEXT_COMPLETE).result()).isEqualTo(32785);
    }

    @Test
    void uploadOfAMissingFileFailsWith8193() {
      Client c = PttDriver.authorized(f);
      c.gme().getPTT().uploadRecordedFile(dir.resolve("missing.wav").toString());
      assertThat(c.events().await(PTT_UPLOAD_COMPLETE).result()).isEqualTo(8193);
    }

    @Test
    void downloadIntoAMissingFolderFailsWith12289() {
      Client c = PttDriver.authorized(f);
      c.gme().getPTT().downloadRecordedFile("abc", dir.resolve("no/such/folder/x.wav").toString());
      assertThat(c.events().await(PTT_DOWNLOAD_COMPLETE).result()).isEqualTo(12289);
    }

    @Test
    void playingAnEmptyPathFailsWith20483AndAMissingFileWith20484() {
      Client c = f.inited();
      c.gme().getPTT().playRecordedFile("");
      assertThat(c.events().await(PTT_PLAY_COMPLETE).result()).isEqualTo(20483);
      c.gme().getPTT().playRecordedFile(dir.resolve("missing.wav").toString());
      assertThat(c.events().await(PTT_PLAY_COMPLETE).result()).isEqualTo(20484);
    }
  }

  @Nested
  class Recording {
    @Test
    void stopWithoutStartFailsWith4104() {
      Client c = f.inited();
      c.gme().getPTT().stopRecording();
      GmeEvent e = c.events().await(PTT_RECORD_COMPLETE);
      assertThat(e.result()).isEqualTo(4104);
      assertThat(e.errorInfo()).startsWith("QAVPTTERROR_RECORDER_RECORD_NOT_START");
    }

    @Test
    void startWhileRecordingFailsWith4099AndTheRunningRecordingCompletes() {
      Client c = f.inited();
      GmePtt ptt = c.gme().getPTT();
      ptt.setMaxMessageLength(3000);
      ptt.startRecording(dir.resolve("first.wav").toString());
      ptt.startRecording(dir.resolve("second.wav").toString());
      GmeEvent refused = c.events().await(PTT_RECORD_COMPLETE);
      assertThat(refused.result()).isEqualTo(4099);
      assertThat(refused.getStringExtra("file_path")).endsWith("second.wav");
      GmeEvent done = c.events().await(PTT_RECORD_COMPLETE);
      assertThat(done.result()).isZero();
      assertThat(done.getStringExtra("file_path")).endsWith("first.wav");
      assertThat(ptt.getVoiceFileDuration(dir.resolve("first.wav").toString())).isEqualTo(3000);
    }

    @Test
    void streamingWhileAStreamingRecordingRunsFailsWith32786() {
      Client c = PttDriver.authorized(f);
      GmePtt ptt = c.gme().getPTT();
      ptt.setMaxMessageLength(3000);
      ptt.startRecordingWithStreamingRecognition(dir.resolve("first.wav").toString());
      ptt.startRecordingWithStreamingRecognition(dir.resolve("second.wav").toString());
      GmeEvent refused = c.events().await(PTT_STREAMINGRECOGNITION_COMPLETE);
      assertThat(refused.result()).isEqualTo(32786);
      assertThat(refused.getStringExtra("file_path")).endsWith("second.wav");
      GmeEvent done = c.events().await(PTT_STREAMINGRECOGNITION_COMPLETE);
      assertThat(done.result()).as(done.toString()).isZero();
      assertThat(done.getStringExtra("file_path")).endsWith("first.wav");
    }

    @Test
    void startRecordingWithAnEmptyPathFailsWith4097() {
      Client c = f.inited();
      c.gme().getPTT().startRecording("");
      assertThat(c.events().await(PTT_RECORD_COMPLETE).result()).isEqualTo(4097);
    }

    @Test
    void startRecordingIntoAMissingFolderFailsWith4101() {
      Client c = f.inited();
      c.gme().getPTT().startRecording(dir.resolve("no/such/folder/x.wav").toString());
      assertThat(c.events().await(PTT_RECORD_COMPLETE).result()).isEqualTo(4101);
    }
  }

  /** On a virtual clock a recording stopped at once lasts 0 simulated milliseconds, under GME's 1000 ms. */
  @Nested
  class StoppedAtOnce {
    @Test
    void aRecordingShorterThan1000MsFailsWith4103AndLeavesNoFile() {
      try (SimFixture realTime = new SimFixture()) {
        Client c = realTime.inited();
        GmePtt ptt = c.gme().getPTT();
        Path file = dir.resolve("short.wav");
        ptt.startRecording(file.toString());
        ptt.stopRecording();
        GmeEvent e = c.events().await(PTT_RECORD_COMPLETE);
        assertThat(e.result()).isEqualTo(4103);
        assertThat(e.errorInfo()).startsWith("QAVPTTERROR_RECORDER_AUDIO_TOO_SHORT").contains("1000 ms");
        assertThat(file).doesNotExist();
      }
    }
  }
}
