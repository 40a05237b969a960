package dev.gmesim.core.sdk;

import static dev.gmesim.core.catalog.GmeEventType.PTT_DOWNLOAD_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_SPEECH2TEXT_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_STREAMINGRECOGNITION_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_STREAMINGRECOGNITION_IS_RUNNING;
import static dev.gmesim.core.catalog.GmeEventType.PTT_UPLOAD_COMPLETE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.sdk.SimFixture.Client;
import dev.gmesim.core.sdk.internal.Wav;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language overloads of SpeechToText and StartRecordingWithStreamingRecognition: the speech
 * language reaches the simulator (which answers the language it recognized), the translate
 * language is sent and, as GME documents, not used, and a value that is no language code fails on
 * the operation's event without harming the session.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SpeechLanguagesTest extends SimulatorPerTest {
  @TempDir
  Path dir;

  Client c;
  GmePtt ptt;

  @BeforeEach
  void authorized() {
    c = PttDriver.authorized(f);
    ptt = c.gme().getPTT();
  }

  String uploaded(String transcript) {
    ptt.uploadRecordedFile(PttDriver.write(dir.resolve("up.wav"), Wav.tone(1200)).toString());
    GmeEvent up = c.events().await(PTT_UPLOAD_COMPLETE);
    assertThat(up.result()).as(up.toString()).isZero();
    String fileId = up.getStringExtra("file_id");
    f.sim.transcript(fileId, transcript);
    return fileId;
  }

  @Nested
  class SpeechToText {
    @Test
    void theOneArgumentFormRecognizesGmesDefaultLanguage() {
      String fileId = uploaded("meet at the bridge");
      ptt.speechToText(fileId);
      GmeEvent e = c.events().await(PTT_SPEECH2TEXT_COMPLETE);
      assertThat(e.result()).isZero();
      assertThat(e.getStringExtra("language")).isEqualTo(GmePtt.DEFAULT_LANGUAGE).isEqualTo("cmn-Hans-CN");
    }

    @Test
    void theTwoArgumentFormSendsItsLanguage() {
      String fileId = uploaded("meet at the bridge");
      assertThat(ptt.speechToText(fileId, "en-US")).isZero();
      GmeEvent e = c.events().await(PTT_SPEECH2TEXT_COMPLETE);
      assertThat(e.result()).as(e.toString()).isZero();
      assertThat(e.getStringExtra("text")).isEqualTo("meet at the bridge");
      assertThat(e.getStringExtra("file_id")).isEqualTo(fileId);
      assertThat(e.getStringExtra("language")).isEqualTo("en-US");
    }

    @Test
    void theTranslateLanguageIsIgnoredAsGmeDocuments() {
      String fileId = uploaded("meet at the bridge");
      ptt.speechToText(fileId, "en-US", "ja-JP");
      GmeEvent e = c.events().await(PTT_SPEECH2TEXT_COMPLETE);
      assertThat(e.result()).isZero();
      assertThat(e.getStringExtra("text")).as("not translated").isEqualTo("meet at the bridge");
      assertThat(e.getStringExtra("language")).isEqualTo("en-US");
    }

    @Test
    void aNullLanguageMeansTheDefault() {
      String fileId = uploaded("over");
      ptt.speechToText(fileId, null);
      assertThat(c.events().await(PTT_SPEECH2TEXT_COMPLETE).getStringExtra("language")).isEqualTo("cmn-Hans-CN");
    }

    @Test
    void aValueThatIsNoLanguageCodeFailsWith32785AndTheNextCallWorks() {
      String fileId = uploaded("meet at the bridge");
      assertThat(ptt.speechToText(fileId, "english")).isZero();
      GmeEvent refused = c.events().await(PTT_SPEECH2TEXT_COMPLETE);
      assertThat(refused.result()).isEqualTo(32785);
      assertThat(refused.errorInfo()).startsWith("QAVPTTERROR_S2T_AUTO_SPEECH_REC_ERROR")
          .contains("'english'").contains("cmn-Hans-CN");
      assertThat(refused.getStringExtra("text")).isEmpty();
      assertThat(SimulatorInternals.journal(f.sim).find(Operation.PTT_SPEECH_TO_TEXT))
          .extracting(JournalEntry::result).containsExactly(32785);

      ptt.speechToText(fileId, "ja-JP");
      GmeEvent next = c.events().await(PTT_SPEECH2TEXT_COMPLETE);
      assertThat(next.result()).isZero();
      assertThat(next.getStringExtra("text")).isEqualTo("meet at the bridge");
    }

    @Test
    void anEmptyLanguageIsNoLanguageCodeEither() {
      ptt.speechToText(uploaded("x"), "");
      assertThat(c.events().await(PTT_SPEECH2TEXT_COMPLETE).result()).isEqualTo(32785);
    }
  }

  @Nested
  class Streaming {
    @Test
    void theTwoArgumentFormSendsItsLanguageAndStillReportsPartials() {
      ptt.setMaxMessageLength(2500);
      assertThat(ptt.startRecordingWithStreamingRecognition(dir.resolve("en.wav").toString(), "en-US")).isZero();
      GmeEvent done = c.events().await(PTT_STREAMINGRECOGNITION_COMPLETE);
      assertThat(done.result()).as(done.toString()).isZero();
      assertThat(done.getStringExtra("language")).isEqualTo("en-US");
      assertThat(c.events().events(PTT_STREAMINGRECOGNITION_IS_RUNNING)).hasSize(2);
    }

    @Test
    void theThreeArgumentFormRecognizesTheSpeechLanguage() {
      ptt.setMaxMessageLength(1500);
      ptt.startRecordingWithStreamingRecognition(dir.resolve("ja.wav").toString(), "ja-JP", "en-US");
      GmeEvent done = c.events().await(PTT_STREAMINGRECOGNITION_COMPLETE);
      assertThat(done.result()).isZero();
      assertThat(done.getStringExtra("language")).isEqualTo("ja-JP");
    }

    @Test
    void aValueThatIsNoLanguageCodeRecordsAndUploadsButEndsWith32777AndNoPartials() {
      ptt.setMaxMessageLength(2500);
      Path file = dir.resolve("klingon.wav");
      ptt.startRecordingWithStreamingRecognition(file.toString(), "tlh_Piqd!");
      GmeEvent done = c.events().await(PTT_STREAMINGRECOGNITION_COMPLETE);
      assertThat(done.result()).isEqualTo(32777);
      assertThat(done.errorInfo()).startsWith("QAVPTTERROR_STREAMIN_UPLOADANDRECORD_SUC_REC_FAIL")
          .contains("'tlh_Piqd!'");
      assertThat(done.getStringExtra("text")).isEmpty();
      assertThat(c.events().events(PTT_STREAMINGRECOGNITION_IS_RUNNING)).isEmpty();
      assertThat(ptt.getVoiceFileDuration(file.toString())).isEqualTo(2500);

      // GME's advice for 32777: the message carries the uploaded file's URL; another member can fetch it.
      String fileId = done.getStringExtra("file_id");
      assertThat(fileId).contains("/gme/ptt/v1/files/");
      Client bob = PttDriver.authorized(f);
      bob.gme().getPTT().downloadRecordedFile(fileId, dir.resolve("bob.wav").toString());
      assertThat(bob.events().await(PTT_DOWNLOAD_COMPLETE).result()).isZero();
      assertThat(bob.gme().getPTT().getVoiceFileDuration(dir.resolve("bob.wav").toString())).isEqualTo(2500);
    }
  }
}
