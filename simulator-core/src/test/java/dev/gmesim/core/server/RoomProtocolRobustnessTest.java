package dev.gmesim.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.JournalQuery;
import dev.gmesim.core.catalog.Operation;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RoomProtocolRobustnessTest {
  static GmeSimulator sim;

  @BeforeAll
  static void start() {
    sim = GmeSimulator.builder().start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  /** A well-behaved client that must keep working while another one misbehaves. */
  private static RawClient bystander() throws Exception {
    RawClient c = new RawClient(sim.roomAddress());
    c.sendJson("{\"id\":1,\"op\":\"HELLO\",\"args\":{\"version\":1,\"sdk\":\"test\"}}");
    assertThat(c.readReply().path("result").asInt()).isZero();
    c.sendJson("{\"id\":2,\"op\":\"INIT\",\"args\":{\"appId\":\"1400000000\",\"openId\":\"20001\"}}");
    assertThat(c.readReply().path("result").asInt()).isZero();
    return c;
  }

  private static void assertStillServed(RawClient c) throws Exception {
    c.sendJson("{\"id\":9,\"op\":\"ENTER_ROOM\",\"args\":{\"roomId\":\"calm\",\"roomType\":1}}");
    JsonNode reply = c.readReply();
    assertThat(reply.path("id").asLong()).isEqualTo(9);
    assertThat(reply.path("result").asInt()).isZero();
    c.sendJson("{\"id\":10,\"op\":\"EXIT_ROOM\",\"args\":{}}");
    assertThat(c.readReply().path("result").asInt()).isZero();
  }

  @Nested
  class BadFrames {
    @Test
    void garbageGetsAnErrorFrameAndIsClosedWhileABystanderCarriesOn() throws Exception {
      try (RawClient good = bystander(); RawClient bad = new RawClient(sim.roomAddress())) {
        bad.sendFrame("this is not json at all".getBytes(StandardCharsets.UTF_8));
        JsonNode err = bad.read();
        assertThat(err.path("error").path("code").asText()).isEqualTo("MALFORMED_FRAME");
        assertThat(err.path("error").path("message").asText()).contains("not valid JSON");
        assertThat(bad.closedByServer()).isTrue();
        assertStillServed(good);
      }
    }

    @Test
    void truncatedJsonIsRefusedAndClosed() throws Exception {
      try (RawClient good = bystander(); RawClient bad = new RawClient(sim.roomAddress())) {
        bad.sendJson("{\"id\":1,\"op\":\"HEL");
        JsonNode err = bad.read();
        assertThat(err.path("error").path("code").asText()).isEqualTo("MALFORMED_FRAME");
        assertThat(bad.closedByServer()).isTrue();
        assertStillServed(good);
      }
    }

    @Test
    void oversizedFrameIsRefusedBeforeItsBodyArrives() throws Exception {
      try (RawClient good = bystander(); RawClient bad = new RawClient(sim.roomAddress())) {
        bad.sendRaw(ByteBuffer.allocate(4).putInt(2 * 1024 * 1024).array());
        JsonNode err = bad.read();
        assertThat(err.path("error").path("code").asText()).isEqualTo("FRAME_TOO_LARGE");
        assertThat(err.path("error").path("message").asText()).contains("1 MiB");
        assertThat(bad.closedByServer()).isTrue();
        assertStillServed(good);
      }
    }

    @Test
    void aRequestBeforeHelloIsRefused() throws Exception {
      try (RawClient bad = new RawClient(sim.roomAddress())) {
        bad.sendJson("{\"id\":1,\"op\":\"ENTER_ROOM\",\"args\":{\"roomId\":\"x\"}}");
        JsonNode err = bad.read();
        assertThat(err.path("error").path("code").asText()).isEqualTo("HELLO_REQUIRED");
        assertThat(bad.closedByServer()).isTrue();
      }
    }

    @Test
    void aWrongProtocolVersionIsRefusedNamingTheSupportedOne() throws Exception {
      try (RawClient bad = new RawClient(sim.roomAddress())) {
        bad.sendJson("{\"id\":1,\"op\":\"HELLO\",\"args\":{\"version\":99}}");
        JsonNode err = bad.read();
        assertThat(err.path("error").path("code").asText()).isEqualTo("UNSUPPORTED_VERSION");
        assertThat(err.path("error").path("message").asText()).contains("99").contains("speaks 1");
      }
    }

    @Test
    void aRequestWithoutAnIntegerIdIsRefused() throws Exception {
      try (RawClient bad = new RawClient(sim.roomAddress())) {
        bad.sendJson("{\"id\":\"seven\",\"op\":\"HELLO\",\"args\":{}}");
        JsonNode err = bad.read();
        assertThat(err.path("error").path("message").asText()).contains("\"id\" must be an integer");
      }
    }
  }

  @Nested
  class Handshake {
    @Test
    void helloAnnouncesTheServersSettings() throws Exception {
      try (RawClient c = new RawClient(sim.roomAddress())) {
        c.sendJson("{\"id\":1,\"op\":\"HELLO\",\"args\":{\"version\":1,\"sdk\":\"python-harness\"}}");
        JsonNode data = c.readReply().path("data");
        assertThat(data.path("timeScale").asDouble()).isEqualTo(1.0);
        assertThat(data.path("enterRoomTimeoutMs").asLong()).isEqualTo(30_000);
        assertThat(data.path("version").asInt()).isEqualTo(1);
        assertThat(data.path("heartbeatIntervalMs").asLong()).isPositive();
      }
    }

    @Test
    void anUnknownOpIsAnsweredWithNotImplementedAndTheConnectionStays() throws Exception {
      try (RawClient c = bystander()) {
        c.sendJson("{\"id\":5,\"op\":\"FLY_TO_MOON\",\"args\":{}}");
        JsonNode reply = c.readReply();
        assertThat(reply.path("result").asInt()).isEqualTo(1006);
        assertThat(reply.path("errorInfo").asText()).contains("FLY_TO_MOON").contains("ENTER_ROOM");
        assertStillServed(c);
      }
    }
  }

  /** Typed arguments: a field that is missing, misspelt or of the wrong type is named in a 1004, and the session goes on. */
  @Nested
  class BadArguments {
    private JsonNode enterWith(RawClient c, String args) throws Exception {
      c.sendJson("{\"id\":5,\"op\":\"ENTER_ROOM\",\"args\":" + args + "}");
      JsonNode reply = c.readReply();
      assertThat(reply.path("id").asLong()).isEqualTo(5);
      return reply;
    }

    @Test
    void aWrongTypeIsRefusedWith1004NamingTheFieldAndTheValueAndTheSessionGoesOn() throws Exception {
      try (RawClient c = bystander()) {
        JsonNode reply = enterWith(c, "{\"roomId\":\"calm\",\"roomType\":\"two\"}");
        assertThat(reply.path("result").asInt()).isEqualTo(1004);
        assertThat(reply.path("errorInfo").asText())
            .isEqualTo("AV_ERR_INVALID_ARGUMENT: ENTER_ROOM args.roomType must be a whole number (32-bit); got \"two\"");
        assertStillServed(c);
      }
    }

    @Test
    void aMisspeltFieldIsRefusedNamingTheNearestInsteadOfTakingADefault() throws Exception {
      try (RawClient c = bystander()) {
        JsonNode reply = enterWith(c, "{\"roomId\":\"calm\",\"roomtype\":2}");
        assertThat(reply.path("result").asInt()).isEqualTo(1004);
        assertThat(reply.path("errorInfo").asText()).contains("ENTER_ROOM args.roomtype is not an argument of ENTER_ROOM")
            .contains("nearest: roomType").contains("ENTER_ROOM takes roomId, roomType, authBuffer");
        assertStillServed(c);
      }
    }

    @Test
    void aMissingFieldIsRefusedNamingItAndTheJournalSaysWhich() throws Exception {
      try (RawClient c = bystander()) {
        JsonNode reply = enterWith(c, "{\"roomType\":1}");
        assertThat(reply.path("result").asInt()).isEqualTo(1004);
        assertThat(reply.path("errorInfo").asText()).contains("ENTER_ROOM needs args.roomId (a string); got none");
        assertThat(sim.journal(JournalQuery.builder().operation(Operation.ENTER_ROOM).openId("20001").build()))
            .extracting(JournalEntry::effect).contains("reply (bad argument: roomId)");
        assertStillServed(c);
      }
    }

    @Test
    void argumentsForAnOpThatTakesNoneAreRefusedSayingSo() throws Exception {
      try (RawClient c = bystander()) {
        c.sendJson("{\"id\":6,\"op\":\"EXIT_ROOM\",\"args\":{\"roomId\":\"calm\"}}");
        JsonNode reply = c.readReply();
        assertThat(reply.path("result").asInt()).isEqualTo(1004);
        assertThat(reply.path("errorInfo").asText()).contains("EXIT_ROOM takes no arguments");
        assertStillServed(c);
      }
    }

    @Test
    void aBadHelloGetsAnErrorFrameNamingTheFieldWhileABystanderCarriesOn() throws Exception {
      try (RawClient good = bystander(); RawClient bad = new RawClient(sim.roomAddress())) {
        bad.sendJson("{\"id\":1,\"op\":\"HELLO\",\"args\":{\"version\":\"one\"}}");
        JsonNode err = bad.read();
        assertThat(err.path("error").path("code").asText()).isEqualTo("MALFORMED_FRAME");
        assertThat(err.path("error").path("message").asText())
            .isEqualTo("HELLO args.version must be a whole number (32-bit); got \"one\"");
        assertThat(bad.closedByServer()).isTrue();
        assertStillServed(good);
      }
    }
  }
}
