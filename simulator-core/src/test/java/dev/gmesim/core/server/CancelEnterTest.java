package dev.gmesim.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CANCEL_ENTER is the SDK saying its own timer reported 1005. If the entry's success reply crossed
 * it on the wire, the server must undo the entry, so client and server agree the player is in no room.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CancelEnterTest {
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

  private static void enter(RawClient c, long id) throws Exception {
    c.sendJson("{\"id\":" + id + ",\"op\":\"ENTER_ROOM\",\"args\":{\"roomId\":\"late-room\",\"roomType\":1}}");
    assertThat(c.readReply().path("result").asInt()).isZero();
  }

  @Test
  void cancellingAnEntryThatAlreadySucceededLeavesTheRoomAndTheOthersSeeIt() throws Exception {
    try (RawClient alice = inited("1"); RawClient bob = inited("2")) {
      enter(alice, 3);
      enter(bob, 3);
      JsonNode entered = alice.read();
      assertThat(entered.path("data").path("event_id").asInt()).isEqualTo(1);

      bob.sendJson("{\"id\":4,\"op\":\"CANCEL_ENTER\",\"args\":{\"requestId\":3}}");

      JsonNode left = alice.read();
      assertThat(left.path("event").asText()).isEqualTo("USER_UPDATE");
      assertThat(left.path("data").path("event_id").asInt()).isEqualTo(2);
      assertThat(left.path("data").path("user_list").get(0).asText()).isEqualTo("2");
      await().atMost(Duration.ofSeconds(5))
          .until(() -> sim.room(APP, "late-room").orElseThrow().openIds(), ids -> ids.equals(java.util.List.of("1")));
    }
  }

  @Test
  void aCancelForAnotherRequestLeavesTheMemberInItsRoom() throws Exception {
    try (RawClient bob = inited("2")) {
      enter(bob, 5);
      bob.sendJson("{\"id\":6,\"op\":\"CANCEL_ENTER\",\"args\":{\"requestId\":4}}");
      // A PING answered after the cancel proves the cancel was handled first.
      bob.sendJson("{\"id\":7,\"op\":\"PING\",\"args\":{}}");
      assertThat(bob.readReply().path("id").asLong()).isEqualTo(7);
      assertThat(sim.room(APP, "late-room").orElseThrow().openIds()).containsExactly("2");
    }
  }
}
