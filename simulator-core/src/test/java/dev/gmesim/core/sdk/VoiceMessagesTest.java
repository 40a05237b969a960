package dev.gmesim.core.sdk;

import static dev.gmesim.core.catalog.GmeEventType.PTT_DOWNLOAD_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_PLAY_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_RECORD_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_SPEECH2TEXT_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_STREAMINGRECOGNITION_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_STREAMINGRECOGNITION_IS_RUNNING;
import static dev.gmesim.core.catalog.GmeEventType.PTT_UPLOAD_COMPLETE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.internal.world.VoiceMessages;
import dev.gmesim.core.sdk.SimFixture.Client;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The voice-message round trip through the simulated SDK: record, upload, download, play, speech-to-text. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VoiceMessagesTest extends SimulatorPerTest {
  static final byte[] AUTH = "ptt-auth-buffer".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;

  /** An inited client with the PTT auth buffer applied. */
  Client authorized() {
    Client c = f.inited();
    assertThat(c.gme().getPTT().applyPTTAuthbuffer(AUTH)).isZero();
    return c;
  }

  /** Records {@code ms} of simulated audio into {@code file}: the maximum length stops it by itself. */
  static GmeEvent record(Client c, Path file, int ms) {
    GmePtt ptt = c.gme().getPTT();
    assertThat(ptt.setMaxMessageLength(ms)).isZero();
    assertThat(ptt.startRecording(file.toString())).isZero();
    return c.events().await(PTT_RECORD_COMPLETE);
  }

  static String upload(Client c, Path file) {
    c.gme().getPTT().uploadRecordedFile(file.toString());
    GmeEvent up = c.events().await(PTT_UPLOAD_COMPLETE);
    assertThat(up.result()).as(up.toString()).isZero();
    return up.getStringExtra("file_id");
  }

  @Nested
  class Recording {
    @Test
    void aRecordingStopsAtTheMaximumLengthAndLeavesAWavOfThatLength() throws Exception {
      Client c = f.inited();
      Path file = dir.resolve("msg.wav");
      GmeEvent done = record(c, file, 2000);
      assertThat(done.result()).as(done.toString()).isZero();
      assertThat(done.getStringExtra("file_path")).isEqualTo(file.toString());
      assertThat(c.gme().getPTT().getVoiceFileDuration(file.toString())).isEqualTo(2000);
      assertThat(c.gme().getPTT().getFileSize(file.toString())).isEqualTo((int) Files.size(file)).isEqualTo(44 + 64_000);
    }

    @Test
    void cancelRecordingSendsNoEventAndLetsAStopFailWith4104() {
      Client c = f.inited();
      GmePtt ptt = c.gme().getPTT();
      ptt.startRecording(dir.resolve("x.wav").toString());
      assertThat(ptt.cancelRecording()).isZero();
      ptt.stopRecording();
      GmeEvent e = c.events().await(PTT_RECORD_COMPLETE);
      assertThat(e.result()).isEqualTo(4104);
      assertThat(c.events().events(PTT_RECORD_COMPLETE)).hasSize(1);
    }

    @Test
    void setMaxMessageLengthAcceptsOnlyMoreThan1000UpTo58000Ms() {
      GmePtt ptt = f.inited().gme().getPTT();
      assertThat(ptt.setMaxMessageLength(1000)).isEqualTo(1004);
      assertThat(ptt.setMaxMessageLength(58_001)).isEqualTo(1004);
      assertThat(ptt.setMaxMessageLength(1001)).isZero();
      assertThat(ptt.setMaxMessageLength(58_000)).isZero();
    }

    @Test
    void recordingIsJournaledAsDeviceOperations() {
      Client c = f.inited();
      record(c, dir.resolve("j.wav"), 1500);
      assertThat(SimulatorInternals.journal(f.sim).find(Operation.PTT_START_RECORDING)).extracting(JournalEntry::result).containsExactly(0);
      assertThat(SimulatorInternals.journal(f.sim).find(Operation.PTT_STOP_RECORDING)).extracting(JournalEntry::openId)
          .containsExactly(c.openId());
    }
  }

  @Nested
  class UploadAndDownload {
    @Test
    void aRecordingComesBackByteForByteUnderItsFileId() throws Exception {
      Client alice = authorized();
      Path file = dir.resolve("hello.wav");
      record(alice, file, 1500);
      String fileId = upload(alice, file);
      assertThat(fileId).startsWith(f.sim.httpBaseUri() + "/gme/ptt/v1/files/");

      Client bob = authorized();
      Path copy = dir.resolve("copy.wav");
      bob.gme().getPTT().downloadRecordedFile(fileId, copy.toString());
      GmeEvent down = bob.events().await(PTT_DOWNLOAD_COMPLETE);
      assertThat(down.result()).as(down.toString()).isZero();
      assertThat(down.getStringExtra("file_id")).isEqualTo(fileId);
      assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(file));
      assertThat(SimulatorInternals.voiceMessages(f.sim).file(VoiceMessages.idOf(fileId)).orElseThrow().durationMs()).isEqualTo(1500);
    }

    @Test
    void theFileIdIsAPlainUrlAnyHttpClientCanFetch() throws Exception {
      Client c = authorized();
      Path file = dir.resolve("plain.wav");
      record(c, file, 1200);
      String fileId = upload(c, file);
      HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fileId))
          .header("X-Gme-AuthBuffer", "eA==").build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void uploadAndDownloadAreJournaledWithTheCaller() throws Exception {
      Client c = authorized();
      Path file = dir.resolve("j.bin");
      Files.write(file, new byte[] {1, 2, 3});
      upload(c, file);
      assertThat(SimulatorInternals.journal(f.sim).find(Operation.PTT_UPLOAD)).singleElement()
          .satisfies(e -> {
            assertThat(e.openId()).isEqualTo(c.openId());
            assertThat(e.source()).isEqualTo(JournalEntry.WORLD);
            assertThat(e.result()).isZero();
          });
    }
  }

  @Nested
  class Playback {
    @Test
    void playingAFileCompletesAfterItsLength() {
      Client c = f.inited();
      Path file = dir.resolve("p.wav");
      record(c, file, 1500);
      assertThat(c.gme().getPTT().playRecordedFile(file.toString())).isZero();
      GmeEvent played = c.events().await(PTT_PLAY_COMPLETE);
      assertThat(played.result()).isZero();
      assertThat(played.getStringExtra("file_path")).isEqualTo(file.toString());
    }

    @Test
    void stopPlayFileStillReportsPlayCompleteAndWithoutPlayback20485() throws Exception {
      Client c = f.inited();
      GmePtt ptt = c.gme().getPTT();
      // A WAV whose header announces an hour: playback outlasts the test, so the stop always finds it playing.
      byte[] wav = dev.gmesim.core.sdk.internal.Wav.tone(1000);
      java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(40, 32_000 * 3600);
      Path file = Files.write(dir.resolve("hour.wav"), wav);
      assertThat(ptt.getVoiceFileDuration(file.toString())).isEqualTo(3_600_000);
      assertThat(ptt.stopPlayFile()).isEqualTo(20485);
      ptt.playRecordedFile(file.toString());
      org.awaitility.Awaitility.await().until(() -> ptt.stopPlayFile() == 0);
      GmeEvent stopped = c.events().await(PTT_PLAY_COMPLETE);
      assertThat(stopped.result()).isZero();
      assertThat(stopped.getStringExtra("file_path")).isEqualTo(file.toString());
      assertThat(ptt.stopPlayFile()).isEqualTo(20485);
    }

    @Test
    void playingSomethingThatIsNotAWavFailsWith20484() throws Exception {
      Client c = f.inited();
      Path file = dir.resolve("noise.bin");
      Files.write(file, new byte[] {9, 9, 9});
      c.gme().getPTT().playRecordedFile(file.toString());
      assertThat(c.events().await(PTT_PLAY_COMPLETE).result()).isEqualTo(20484);
    }
  }

  @Nested
  class SpeechToText {
    @Test
    void speechToTextReturnsTheTranscriptATestSetElseTheDefault() throws Exception {
      Client c = authorized();
      Path file = dir.resolve("s.wav");
      record(c, file, 1500);
      String fileId = upload(c, file);
      GmePtt ptt = c.gme().getPTT();
      ptt.speechToText(fileId);
      GmeEvent first = c.events().await(PTT_SPEECH2TEXT_COMPLETE);
      assertThat(first.result()).isZero();
      assertThat(first.getStringExtra("text")).isEqualTo(VoiceMessages.DEFAULT_TRANSCRIPT);
      assertThat(first.getStringExtra("file_id")).isEqualTo(fileId);

      f.sim.transcript(fileId, "meet at the bridge");
      ptt.speechToText(fileId);
      assertThat(c.events().await(PTT_SPEECH2TEXT_COMPLETE).getStringExtra("text")).isEqualTo("meet at the bridge");
    }

    @Test
    void theAdminRouteSetsATranscriptAndNamesAnUnknownId() throws Exception {
      Client c = authorized();
      Path file = dir.resolve("a.wav");
      record(c, file, 1500);
      String fileId = upload(c, file);
      String id = VoiceMessages.idOf(fileId);
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> set = http.send(HttpRequest.newBuilder(
              f.sim.httpBaseUri().resolve("/__admin/gme/voice-messages/" + id + "/transcript"))
          .PUT(HttpRequest.BodyPublishers.ofString("{\"text\":\"over and out\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
      c.gme().getPTT().speechToText(fileId);
      assertThat(c.events().await(PTT_SPEECH2TEXT_COMPLETE).getStringExtra("text")).isEqualTo("over and out");

      HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(
              f.sim.httpBaseUri().resolve("/__admin/gme/voice-messages/nosuchfile/transcript"))
          .PUT(HttpRequest.BodyPublishers.ofString("{\"text\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.body()).contains("nosuchfile").contains("upload it first");
    }

    @Test
    void streamingRecognitionReportsRunningPartialsThenTheTextAndAFileId() {
      Client c = authorized();
      GmePtt ptt = c.gme().getPTT();
      Path file = dir.resolve("stream.wav");
      ptt.setMaxMessageLength(3500);
      assertThat(ptt.startRecordingWithStreamingRecognition(file.toString())).isZero();
      GmeEvent done = c.events().await(PTT_STREAMINGRECOGNITION_COMPLETE);
      assertThat(done.result()).as(done.toString()).isZero();
      assertThat(done.getStringExtra("text")).isEqualTo(VoiceMessages.DEFAULT_TRANSCRIPT);
      assertThat(done.getStringExtra("file_path")).isEqualTo(file.toString());
      assertThat(done.getStringExtra("file_id")).contains("/gme/ptt/v1/files/");
      // One partial per recorded second, all while recording: before the completion, not with it.
      assertThat(c.events().events()).extracting(GmeEvent::type).containsExactly(PTT_STREAMINGRECOGNITION_IS_RUNNING,
          PTT_STREAMINGRECOGNITION_IS_RUNNING, PTT_STREAMINGRECOGNITION_IS_RUNNING, PTT_STREAMINGRECOGNITION_COMPLETE);
      assertThat(c.events().events(PTT_STREAMINGRECOGNITION_IS_RUNNING))
          .extracting(e -> e.getStringExtra("text"))
          .containsExactly("this is", "this is a simulated", "this is a simulated voice message");
      assertThat(c.events().events(PTT_STREAMINGRECOGNITION_IS_RUNNING))
          .allSatisfy(e -> assertThat(e.getStringExtra("file_id")).isEmpty());
    }
  }
}
