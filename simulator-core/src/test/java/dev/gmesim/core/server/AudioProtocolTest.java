package dev.gmesim.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The audio-control ops, Pause/Resume and the room-type sub-event as docs/protocol.md shows them to
 * a harness in another language: raw frames on a socket, no Java SDK.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AudioProtocolTest {
  static final String APP = "1400000000";
  GmeSimulator sim;

  @BeforeEach
  void start() {
    sim = GmeSimulator.start();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private RawClient inited(String openId) throws Exception {
    return RawClient.inited(sim.roomAddress(), APP, openId);
  }

  private static JsonNode call(RawClient c, long id, String op, String args) throws Exception {
    c.sendJson("{\"id\":" + id + ",\"op\":\"" + op + "\",\"args\":" + args + "}");
    JsonNode reply = c.readReply();
    assertThat(reply.path("id").asLong()).isEqualTo(id);
    return reply;
  }

  @Test
  void aNewcomerAskingAnotherTypeGetsTheRoomsTypeThenSubEvent1UnderBothKeys() throws Exception {
    try (RawClient alice = inited("10001"); RawClient bob = inited("10002")) {
      assertThat(call(alice, 3, "ENTER_ROOM", "{\"roomId\":\"typed\",\"roomType\":2}").path("result").asInt()).isZero();
      JsonNode entered = call(bob, 3, "ENTER_ROOM", "{\"roomId\":\"typed\",\"roomType\":1}");
      assertThat(entered.path("data").path("roomType").asInt()).isEqualTo(2);

      JsonNode already = bob.read();
      assertThat(already.path("data").path("event_id").asInt()).as("who is already there").isEqualTo(1);
      JsonNode overridden = bob.read();
      assertThat(overridden.path("event").asText()).isEqualTo("CHANGE_ROOM_TYPE");
      assertThat(overridden.path("data").path("sub_event_type").asInt()).isEqualTo(1);
      assertThat(overridden.path("data").path("subEventType").asInt()).isEqualTo(1);
      assertThat(overridden.path("data").path("new_room_type").asInt()).isEqualTo(2);
      assertThat(overridden.path("data").path("result").asInt()).isZero();
    }
  }

  @Test
  void theOthersSeeTheMicWhenCaptureAndSendAreBothOnAndPauseClosesIt() throws Exception {
    try (RawClient alice = inited("10001"); RawClient bob = inited("10002")) {
      call(alice, 3, "ENTER_ROOM", "{\"roomId\":\"mics\",\"roomType\":1}");
      call(bob, 3, "ENTER_ROOM", "{\"roomId\":\"mics\",\"roomType\":1}");
      assertThat(alice.read().path("data").path("event_id").asInt()).as("Bob entered").isEqualTo(1);

      assertThat(call(bob, 4, "ENABLE_AUDIO_CAPTURE_DEVICE", "{\"enable\":true}").path("data").path("enabled")
          .asBoolean()).isTrue();
      call(bob, 5, "ENABLE_AUDIO_SEND", "{\"enable\":true}");
      assertThat(call(bob, 6, "PAUSE", "{}").path("data").path("paused").asBoolean()).isTrue();
      assertThat(call(bob, 7, "PAUSE", "{}").path("result").asInt()).isEqualTo(1003);
      call(bob, 8, "RESUME", "{}");

      // Capture alone sent nothing: the first mic event is the one send completed.
      assertThat(alice.read().path("data").path("event_id").asInt()).isEqualTo(11);
      assertThat(alice.read().path("data").path("event_id").asInt()).isEqualTo(12);
      assertThat(alice.read().path("data").path("event_id").asInt()).isEqualTo(11);
    }
  }

  @Test
  void aBadVolumeIs1004AndTheConnectionStays() throws Exception {
    try (RawClient bob = inited("10002")) {
      call(bob, 3, "ENTER_ROOM", "{\"roomId\":\"loud\",\"roomType\":1}");
      JsonNode tooLoud = call(bob, 4, "SET_MIC_VOLUME", "{\"volume\":250}");
      assertThat(tooLoud.path("result").asInt()).isEqualTo(1004);
      assertThat(tooLoud.path("errorInfo").asText()).startsWith("AV_ERR_INVALID_ARGUMENT").contains("250");
      JsonNode stranger = call(bob, 5, "SET_SPEAKER_VOLUME_BY_OPENID", "{\"openId\":\"424242\",\"volume\":100}");
      assertThat(stranger.path("result").asInt()).isEqualTo(1401);
      JsonNode ok = call(bob, 6, "SET_SPEAKER_VOLUME", "{\"volume\":150}");
      assertThat(ok.path("result").asInt()).isZero();
      assertThat(ok.path("data").path("volume").asInt()).isEqualTo(150);
    }
  }
}
