package dev.gmesim.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.internal.server.SimulatorInternals;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Voice messages as a harness in another language sees them: room-protocol frames and plain HTTP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VoiceProtocolTest {
  GmeSimulator sim;
  RawClient raw;

  @BeforeEach
  void start() throws Exception {
    sim = GmeSimulator.builder().start();
    raw = new RawClient(sim.roomAddress());
  }

  @AfterEach
  void stop() throws Exception {
    raw.close();
    sim.close();
  }

  JsonNode hello() throws Exception {
    raw.sendJson("{\"id\":1,\"op\":\"HELLO\",\"args\":{\"version\":1,\"sdk\":\"raw\"}}");
    return raw.readReply();
  }

  @Test
  void helloAnnouncesTheHttpBaseUri() throws Exception {
    assertThat(hello().path("data").path("httpBaseUri").asText()).isEqualTo(sim.httpBaseUri().toString());
  }

  @Test
  void recordingOverTheRoomProtocolGivesGmesNaturalErrors() throws Exception {
    hello();
    raw.sendJson("{\"id\":2,\"op\":\"PTT_STOP_RECORDING\",\"args\":{}}");
    assertThat(raw.readReply().path("result").asInt()).isEqualTo(4104);
    raw.sendJson("{\"id\":3,\"op\":\"PTT_START_RECORDING\",\"args\":{\"filePath\":\"/tmp/a.wav\",\"maxLengthMs\":2000}}");
    assertThat(raw.readReply().path("result").asInt()).isZero();
    raw.sendJson("{\"id\":4,\"op\":\"PTT_START_RECORDING\",\"args\":{\"filePath\":\"/tmp/b.wav\"}}");
    JsonNode again = raw.readReply();
    assertThat(again.path("result").asInt()).isEqualTo(4099);
    assertThat(again.path("errorInfo").asText()).startsWith("QAVPTTERROR_RECORDER_RECORDING_ERR");
    raw.sendJson("{\"id\":5,\"op\":\"PTT_CANCEL_RECORDING\",\"args\":{}}");
    assertThat(raw.readReply().path("result").asInt()).isZero();
    raw.sendJson("{\"id\":6,\"op\":\"PTT_STOP_RECORDING\",\"args\":{}}");
    assertThat(raw.readReply().path("result").asInt()).isEqualTo(4104);
  }

  @Test
  void pauseAndResumeOverTheRoomProtocolLeavePausedTimeOutOfTheDuration() throws Exception {
    hello();
    raw.sendJson("{\"id\":2,\"op\":\"PTT_PAUSE_RECORDING\",\"args\":{}}");
    JsonNode none = raw.readReply();
    assertThat(none.path("result").asInt()).isEqualTo(4104);
    assertThat(none.path("errorInfo").asText()).startsWith("QAVPTTERROR_RECORDER_RECORD_NOT_START");
    raw.sendJson("{\"id\":3,\"op\":\"PTT_START_RECORDING\",\"args\":{\"filePath\":\"/tmp/p.wav\"}}");
    assertThat(raw.readReply().path("result").asInt()).isZero();
    advance(4, 1000);
    raw.sendJson("{\"id\":5,\"op\":\"PTT_PAUSE_RECORDING\",\"args\":{}}");
    JsonNode paused = raw.readReply();
    assertThat(paused.path("result").asInt()).isZero();
    assertThat(paused.path("data").path("recorded_ms").asLong()).isEqualTo(1000);
    assertThat(paused.path("data").path("paused").asBoolean()).isTrue();
    raw.sendJson("{\"id\":6,\"op\":\"PTT_PAUSE_RECORDING\",\"args\":{}}");
    assertThat(raw.readReply().path("result").asInt()).isEqualTo(1003);
    advance(7, 4000);
    raw.sendJson("{\"id\":8,\"op\":\"PTT_RESUME_RECORDING\",\"args\":{}}");
    JsonNode resumed = raw.readReply();
    assertThat(resumed.path("result").asInt()).isZero();
    assertThat(resumed.path("data").path("recorded_ms").asLong()).isEqualTo(1000);
    assertThat(resumed.path("data").path("paused").asBoolean()).isFalse();
    raw.sendJson("{\"id\":9,\"op\":\"PTT_RESUME_RECORDING\",\"args\":{}}");
    assertThat(raw.readReply().path("result").asInt()).isEqualTo(1003);
    advance(10, 5000);
    raw.sendJson("{\"id\":11,\"op\":\"PTT_STOP_RECORDING\",\"args\":{}}");
    JsonNode stopped = raw.readReply();
    assertThat(stopped.path("result").asInt()).isZero();
    assertThat(stopped.path("data").path("duration_ms").asLong()).isEqualTo(2000);
  }

  @Test
  void aStreamingStartAnswersThePartialResultsAndTheirRecordedTimes() throws Exception {
    hello();
    raw.sendJson("{\"id\":2,\"op\":\"PTT_START_RECORDING\",\"args\":{\"filePath\":\"/tmp/s.wav\","
        + "\"streaming\":true,\"language\":\"en-US\",\"translateLanguage\":\"en-US\"}}");
    JsonNode started = raw.readReply();
    assertThat(started.path("result").asInt()).isZero();
    assertThat(started.path("data").path("language").asText()).isEqualTo("en-US");
    JsonNode partials = started.path("data").path("partials");
    assertThat(partials).hasSize(3);
    assertThat(partials.get(0).path("at_ms").asLong()).isEqualTo(1000);
    assertThat(partials.get(0).path("text").asText()).isEqualTo("this is");
    assertThat(partials.get(2).path("at_ms").asLong()).isEqualTo(3000);
  }

  @Test
  void aPlainHttpClientGets32785ForALanguageThatIsNoLanguageCode() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> up = http.send(HttpRequest.newBuilder(sim.httpBaseUri().resolve("/gme/ptt/v1/upload"))
        .header("X-Gme-AuthBuffer", "YXV0aA==").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})).build(),
        HttpResponse.BodyHandlers.ofString());
    String fileId = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(up.body())
        .path("file_id").asText();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(sim.httpBaseUri().resolve("/gme/ptt/v1/speech-to-text"))
        .header("X-Gme-AuthBuffer", "YXV0aA==")
        .POST(HttpRequest.BodyPublishers.ofString("{\"file_id\":\"" + fileId + "\",\"language\":\"english\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(r.body()).contains("\"result\":32785").contains("'english'");
  }

  /** ADVANCE: the raw session's virtual clock moves to {@code now}; the simulator answers after its releases. */
  void advance(int id, long now) throws Exception {
    raw.sendJson("{\"id\":" + id + ",\"op\":\"ADVANCE\",\"args\":{\"now\":" + now + "}}");
    assertThat(raw.readReply().path("data").path("now").asLong()).isEqualTo(now);
  }

  @Test
  void httpOperationsOnTheRoomChannelAreRefusedPointingAtHttp() throws Exception {
    hello();
    raw.sendJson("{\"id\":2,\"op\":\"PTT_UPLOAD\",\"args\":{}}");
    JsonNode r = raw.readReply();
    assertThat(r.path("result").asInt()).isEqualTo(1006);
    assertThat(r.path("errorInfo").asText()).contains("HTTP").contains("PTT_START_RECORDING");
  }

  @Test
  void aPlainHttpClientUploadsAndDownloads() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> up = http.send(HttpRequest.newBuilder(sim.httpBaseUri().resolve("/gme/ptt/v1/upload"))
        .header("X-Gme-AuthBuffer", "YXV0aA==").header("X-Gme-OpenId", "py-1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {7, 7, 7})).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(up.statusCode()).isEqualTo(200);
    String fileId = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(up.body())
        .path("file_id").asText();
    HttpResponse<byte[]> down = http.send(HttpRequest.newBuilder(URI.create(fileId))
        .header("X-Gme-AuthBuffer", "YXV0aA==").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(down.body()).containsExactly(7, 7, 7);
    assertThat(SimulatorInternals.journal(sim).find(dev.gmesim.core.catalog.Operation.PTT_UPLOAD)).singleElement()
        .extracting(JournalEntry::openId).isEqualTo("py-1");
  }

  @Test
  void theVoiceMessageSummaryCountsStoredFiles() throws Exception {
    SimulatorInternals.voiceMessages(sim).store(new byte[10], 0, null, null);
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        sim.httpBaseUri().resolve("/__admin/gme/voice-messages")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.body()).contains("\"files\":1").contains("\"bytes\":10");
  }

  @Test
  void resetForgetsVoiceMessages() {
    SimulatorInternals.voiceMessages(sim).store(new byte[10], 0, null, null);
    sim.reset();
    assertThat(SimulatorInternals.voiceMessages(sim).fileCount()).isZero();
  }
}
