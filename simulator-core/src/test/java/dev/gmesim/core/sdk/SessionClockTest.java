package dev.gmesim.core.sdk;

import static dev.gmesim.core.catalog.GmeEventType.ENTER_ROOM;
import static dev.gmesim.core.catalog.GmeEventType.EXIT_ROOM;
import static dev.gmesim.core.catalog.GmeEventType.PTT_RECORD_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_UPLOAD_COMPLETE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.sdk.SimFixture.Client;
import dev.gmesim.core.time.TimeMode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each session's clock: virtual, manual and scaled, over real sockets; no outcome depends on the machine's speed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionClockTest extends SimulatorPerTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Nested
  class ASlowServer {
    /** Every server-to-client byte arrives 2 s late, as from an overloaded server: no fault, just slowness. */
    @Test
    void makesNoTimeoutOnAVirtualClock() throws Exception {
      try (DelayingProxy slow = new DelayingProxy(f.sim.roomAddress(), Duration.ofSeconds(2));
           GmeContext gme = GmeContext.builder().room(slow.address()).connectTimeout(Duration.ofSeconds(20))
               .clock(TimeMode.virtual()).build()) {
        EventRecorder events = new EventRecorder();
        gme.setTMGDelegate(events);
        assertThat(gme.init(SimFixture.APP, "slow-1")).isZero();
        gme.enterRoom("lobby", 1, new byte[0]);
        GmeEvent entered = events.await(ENTER_ROOM, Duration.ofSeconds(30));
        assertThat(entered.result()).as(entered.toString()).isZero();
        assertThat(gme.clock().now()).isEqualTo(Duration.ZERO);
      }
    }

    /** The same slowness on a scaled(100) clock: its 30 s timer is 300 ms of wall time, so the SDK gives up. */
    @Test
    void makesA1005OnAScaledClockWhichIsWhyTestsRunVirtual() throws Exception {
      try (DelayingProxy slow = new DelayingProxy(f.sim.roomAddress(), Duration.ofSeconds(2));
           GmeContext gme = GmeContext.builder().room(slow.address()).connectTimeout(Duration.ofSeconds(20))
               .clock(TimeMode.scaled(100)).build()) {
        EventRecorder events = new EventRecorder();
        gme.setTMGDelegate(events);
        assertThat(gme.init(SimFixture.APP, "slow-2")).isZero();
        gme.enterRoom("lobby", 1, new byte[0]);
        GmeEvent entered = events.await(ENTER_ROOM, Duration.ofSeconds(30));
        assertThat(entered.result()).isEqualTo(GmeErrorCode.AV_ERR_TIMEOUT.value());
        assertThat(entered.elapsedMillis()).isEqualTo(30_000);
      }
    }
  }

  @Nested
  class Virtual {
    @Test
    void theHelloReplyNamesTheModeAndTheClockStartsAtZero() {
      Client c = f.inited();
      assertThat(c.gme().clock().mode()).isEqualTo(TimeMode.virtual());
      assertThat(c.gme().clock().now()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aTenSecondDelayArrivesWithElapsedTenSeconds() {
      Client c = f.inited();
      f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD)
          .delay(Duration.ofSeconds(10)).build());
      c.gme().enterRoom("lobby", 1, new byte[0]);
      GmeEvent e = c.events().await(ENTER_ROOM);
      assertThat(e.result()).isEqualTo(7006);
      assertThat(e.elapsedMillis()).isEqualTo(10_000);
      assertThat(c.gme().clock().now()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theJournalCarriesTheSessionsSimulatedTime() {
      Client c = f.inited();
      f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).noReply().times(1).build());
      c.gme().enterRoom("lobby", 1, new byte[0]);
      assertThat(c.events().await(ENTER_ROOM).result()).isEqualTo(1005);
      c.gme().enterRoom("lobby", 1, new byte[0]);
      assertThat(c.events().await(ENTER_ROOM).result()).isZero();
      assertThat(SimulatorInternals.journal(f.sim).find(Operation.ENTER_ROOM)).extracting(JournalEntry::sessionTimeMs)
          .containsExactly(0L, 30_000L);
    }

    @Test
    void twoSessionsKeepTheirOwnTime() {
      Client slow = f.inited();
      Client other = f.inited();
      f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).noReply().openId(slow.openId()).build());
      slow.gme().enterRoom("lobby", 1, new byte[0]);
      assertThat(slow.events().await(ENTER_ROOM).result()).isEqualTo(1005);
      other.gme().enterRoom("lobby", 1, new byte[0]);
      assertThat(other.events().await(ENTER_ROOM).result()).isZero();
      assertThat(slow.gme().clock().now()).isEqualTo(Duration.ofSeconds(30));
      assertThat(other.gme().clock().now()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aRecordingWithAMaximumLengthCompletesAtThatLength() {
      Client c = f.inited();
      GmePtt ptt = c.gme().getPTT();
      assertThat(ptt.setMaxMessageLength(2000)).isZero();
      ptt.startRecording(dir.resolve("two.wav").toString());
      GmeEvent done = c.events().await(PTT_RECORD_COMPLETE);
      assertThat(done.result()).as(done.toString()).isZero();
      assertThat(done.getIntExtra("duration_ms", -1)).isEqualTo(2000);
      assertThat(c.gme().clock().now()).isEqualTo(Duration.ofSeconds(2));
    }

    /** Ten simulated minutes of delay: if they cost wall time, the 5 s await would fail. */
    @Test
    void aDelayedUploadCostsNoWallTime() {
      Client c = f.inited();
      GmePtt ptt = c.gme().getPTT();
      assertThat(ptt.applyPTTAuthbuffer("auth".getBytes(StandardCharsets.UTF_8))).isZero();
      ptt.setMaxMessageLength(1500);
      Path file = dir.resolve("up.wav");
      ptt.startRecording(file.toString());
      assertThat(c.events().await(PTT_RECORD_COMPLETE).result()).isZero();
      f.sim.addFault(FaultRule.on(Operation.PTT_UPLOAD).error(GmeErrorCode.QAVPTTERROR_UPLOAD_COS_INTERNAL_FAIL)
          .delay(Duration.ofSeconds(5)).times(1).build());
      ptt.uploadRecordedFile(file.toString());
      GmeEvent failed = c.events().await(PTT_UPLOAD_COMPLETE, Duration.ofSeconds(5));
      assertThat(failed.result()).isEqualTo(8195);
      assertThat(failed.getIntExtra("elapsed_ms", -1)).isEqualTo(5000);
      ptt.uploadRecordedFile(file.toString());
      assertThat(c.events().await(PTT_UPLOAD_COMPLETE).result()).isZero();
      // A held answer that outlasts the SDK's 30 s request timeout is a timeout, on the session's clock.
      f.sim.addFault(FaultRule.on(Operation.PTT_UPLOAD).error(GmeErrorCode.QAVPTTERROR_UPLOAD_COS_INTERNAL_FAIL)
          .delay(Duration.ofMinutes(10)).times(1).build());
      long before = c.gme().clock().now().toMillis();
      ptt.uploadRecordedFile(file.toString());
      GmeEvent late = c.events().await(PTT_UPLOAD_COMPLETE, Duration.ofSeconds(5));
      assertThat(late.getIntExtra("elapsed_ms", -1)).isEqualTo(30_000);
      assertThat(late.errorInfo()).contains("within 30000 ms (simulated)");
      assertThat(c.gme().clock().now().toMillis() - before).isEqualTo(30_000);
    }
  }

  @Nested
  class Manual {
    @Test
    void exitRoomAtTenSecondsDuringASilentEntryEndsItWith7013() {
      Client c = f.inited(TimeMode.manual());
      f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).noReply().times(1).build());
      c.gme().enterRoom("lobby", 1, new byte[0]);
      c.gme().clock().advance(Duration.ofSeconds(10));
      assertThat(c.events().events(ENTER_ROOM)).isEmpty();
      c.gme().exitRoom();
      GmeEvent entry = c.events().await(ENTER_ROOM);
      assertThat(entry.result()).isEqualTo(GmeErrorCode.AV_ERR_USER_CANCELED.value());
      assertThat(entry.elapsedMillis()).isEqualTo(10_000);
      assertThat(c.events().await(EXIT_ROOM).result()).isZero();
      assertThat(c.gme().clock().now()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theEnterTimerFiresExactlyAtThirtySeconds() {
      Client c = f.inited(TimeMode.manual());
      f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).noReply().times(1).build());
      c.gme().enterRoom("lobby", 1, new byte[0]);
      c.gme().clock().advance(Duration.ofMillis(29_999));
      assertThat(c.events().events(ENTER_ROOM)).isEmpty();
      c.gme().clock().advance(Duration.ofSeconds(5));
      GmeEvent e = c.events().await(ENTER_ROOM);
      assertThat(e.result()).isEqualTo(1005);
      assertThat(e.elapsedMillis()).isEqualTo(30_000);
      assertThat(c.gme().clock().now()).isEqualTo(Duration.ofMillis(34_999));
    }

    @Test
    void aRecordingLastsAsLongAsTheTestAdvances() {
      Client c = f.inited(TimeMode.manual());
      GmePtt ptt = c.gme().getPTT();
      ptt.startRecording(dir.resolve("three.wav").toString());
      c.gme().clock().advance(Duration.ofSeconds(3));
      ptt.stopRecording();
      GmeEvent done = c.events().await(PTT_RECORD_COMPLETE);
      assertThat(done.result()).as(done.toString()).isZero();
      assertThat(done.getIntExtra("duration_ms", -1)).isEqualTo(3000);
    }
  }

  @Nested
  class BadInput {
    @Test
    void advanceOnAClockThatIsNotManualThrowsWithTheFix() {
      Client c = f.inited();
      assertThatThrownBy(() -> c.gme().clock().advance(Duration.ofSeconds(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("needs a manual clock; this session's clock is virtual")
          .hasMessageContaining("clock(TimeMode.manual())");
    }

    @Test
    void advanceByANegativeDurationThrowsWithTheFix() {
      Client c = f.inited(TimeMode.manual());
      assertThatThrownBy(() -> c.gme().clock().advance(Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("advance(PT-1S)").hasMessageContaining("zero or positive");
      assertThat(c.gme().clock().now()).isEqualTo(Duration.ZERO);
    }

    @Test
    void anUnknownClockInHelloGetsAnErrorFrameNamingTheModesAndOthersCarryOn() throws Exception {
      try (Socket s = new Socket(f.sim.roomAddress().getAddress(), f.sim.roomAddress().getPort())) {
        s.setSoTimeout(10_000);
        JsonNode error = exchange(s, "{\"id\":1,\"op\":\"HELLO\",\"args\":{\"version\":1,\"clock\":\"warp\"}}");
        assertThat(error.path("error").path("code").asText()).isEqualTo("UNKNOWN_CLOCK");
        assertThat(error.path("error").path("message").asText()).contains("'warp'")
            .contains("virtual, manual or scaled");
      }
      Client c = f.inited();
      c.gme().enterRoom("lobby", 1, new byte[0]);
      assertThat(c.events().await(ENTER_ROOM).result()).isZero();
    }

    @Test
    void advanceBackwardsOrOnAScaledSessionIsRefusedWith1004() throws Exception {
      try (Socket s = new Socket(f.sim.roomAddress().getAddress(), f.sim.roomAddress().getPort())) {
        s.setSoTimeout(10_000);
        JsonNode hello = exchange(s, "{\"id\":1,\"op\":\"HELLO\",\"args\":{\"version\":1,\"clock\":\"manual\"}}");
        assertThat(hello.path("data").path("clock").asText()).isEqualTo("manual");
        assertThat(exchange(s, "{\"id\":2,\"op\":\"ADVANCE\",\"args\":{\"now\":5000}}").path("result").asInt())
            .isZero();
        JsonNode back = exchange(s, "{\"id\":3,\"op\":\"ADVANCE\",\"args\":{\"now\":10}}");
        assertThat(back.path("result").asInt()).isEqualTo(1004);
        assertThat(back.path("errorInfo").asText()).contains("10 ms lies before the session's time 5000 ms");
        JsonNode none = exchange(s, "{\"id\":4,\"op\":\"ADVANCE\",\"args\":{}}");
        assertThat(none.path("errorInfo").asText()).contains("ADVANCE needs args.now");
      }
      try (Socket s = new Socket(f.sim.roomAddress().getAddress(), f.sim.roomAddress().getPort())) {
        s.setSoTimeout(10_000);
        JsonNode hello = exchange(s,
            "{\"id\":1,\"op\":\"HELLO\",\"args\":{\"version\":1,\"clock\":\"scaled\",\"timeScale\":10}}");
        assertThat(hello.path("data").path("timeScale").asDouble()).isEqualTo(10.0);
        JsonNode refused = exchange(s, "{\"id\":2,\"op\":\"ADVANCE\",\"args\":{\"now\":5000}}");
        assertThat(refused.path("result").asInt()).isEqualTo(1004);
        assertThat(refused.path("errorInfo").asText()).contains("follows the wall clock");
      }
    }

    /** A server that answers HELLO and then nothing: the wall-clock guard ends the wait with a message, not a code. */
    @Test
    void aReplyThatStallsWithoutNoticeFailsLoudly() throws Exception {
      try (ServerSocket mute = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
        Thread server = new Thread(() -> {
          try (Socket s = mute.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            read(in);
            write(new DataOutputStream(s.getOutputStream()),
                "{\"id\":1,\"result\":0,\"data\":{\"clock\":\"virtual\",\"sessionId\":\"mute\"}}");
            while (true) {
              read(in);
            }
          } catch (IOException closed) {
            // the test ended
          }
        });
        server.setDaemon(true);
        server.start();
        EventRecorder events = new EventRecorder();
        try (GmeContext gme = GmeContext.builder().room(InetAddress.getLoopbackAddress().getHostAddress(),
            mute.getLocalPort()).stallGuard(Duration.ofMillis(300)).delegate(events).build()) {
          assertThatThrownBy(() -> gme.init(SimFixture.APP, "mute"))
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("INIT got no reply within")
              .hasMessageContaining("did not announce it as held");
          gme.enterRoom("lobby", 1, new byte[0]);
          assertThatThrownBy(() -> events.await(ENTER_ROOM, Duration.ofSeconds(20)))
              .isInstanceOf(AssertionError.class)
              .hasMessageContaining("No ENTER_ROOM event: ENTER_ROOM got no reply within");
          assertThat(events.events()).isEmpty();
        }
      }
    }
  }

  static JsonNode exchange(Socket s, String request) throws IOException {
    write(new DataOutputStream(s.getOutputStream()), request);
    DataInputStream in = new DataInputStream(s.getInputStream());
    while (true) {
      JsonNode m = JSON.readTree(read(in));
      if (m.has("error") || m.has("result")) {
        return m;
      }
    }
  }

  static void write(DataOutputStream out, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
    out.flush();
  }

  static byte[] read(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }
}
