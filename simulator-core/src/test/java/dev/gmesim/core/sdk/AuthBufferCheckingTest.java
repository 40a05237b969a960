package dev.gmesim.core.sdk;

import static dev.gmesim.core.catalog.GmeEventType.ENTER_ROOM;
import static dev.gmesim.core.catalog.GmeEventType.PTT_DOWNLOAD_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_SPEECH2TEXT_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_STREAMINGRECOGNITION_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.PTT_UPLOAD_COMPLETE;
import static dev.gmesim.core.catalog.GmeEventType.SWITCH_ROOM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.auth.AppKey;
import dev.gmesim.core.auth.AuthBufferGenerator;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.sdk.SimFixture.Client;
import dev.gmesim.core.sdk.internal.Wav;
import dev.gmesim.core.server.GmeSimulator;
import dev.gmesim.core.time.TimeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a key configured for the AppID, auth buffers are checked on both channels: the room protocol
 * (EnterRoom, SwitchRoom: 7006) through a real GmeContext over sockets, and voice messages over HTTP
 * through GmePtt (8194, 12290, 32776). Without a key, any bytes pass.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthBufferCheckingTest {
  static final String KEY_TEXT = "0123456789abcdef";
  static final AppKey KEY = AppKey.of(KEY_TEXT);
  static final long APP = Long.parseLong(SimFixture.APP);

  SimFixture f;
  @TempDir
  Path dir;

  @BeforeEach
  void start() {
    f = new SimFixture(GmeSimulator.builder().app(SimFixture.APP, KEY_TEXT));
  }

  @AfterEach
  void stop() {
    f.close();
  }

  static Instant later() {
    return Instant.now().plusSeconds(300);
  }

  static byte[] room(String roomId, String openId) {
    return AuthBufferGenerator.roomBuffer(APP, roomId, openId, KEY, later());
  }

  GmeEvent enter(Client c, String roomId, byte[] buffer) {
    c.gme().enterRoom(roomId, GmeContext.ROOM_TYPE_FLUENCY, buffer);
    return c.events().await(ENTER_ROOM);
  }

  List<JournalEntry> journal(Operation op) {
    return SimulatorInternals.journal(f.sim).find(op);
  }

  /** Expiry is checked on the session's simulated clock: its wall-clock start plus its simulated time. */
  @Nested
  class OnTheSessionClock {
    @Test
    void aBufferValidForFiveMinutesExpiresWhenSixSimulatedMinutesHavePassed() {
      Client c = f.inited(TimeMode.manual());
      byte[] fiveMinutes = room("lobby", c.openId());
      c.gme().clock().advance(Duration.ofMinutes(4));
      assertThat(enter(c, "lobby", fiveMinutes).result()).isZero();
      c.gme().exitRoom();
      assertThat(c.events().await(GmeEventType.EXIT_ROOM).result()).isZero();
      c.gme().clock().advance(Duration.ofMinutes(2));
      GmeEvent e = enter(c, "lobby", fiveMinutes);
      assertThat(e.result()).isEqualTo(7006);
      assertThat(e.errorInfo()).startsWith("AV_ERR_AUTH_FIALD").contains("expired");
    }
  }

  @Nested
  class RoomProtocol {
    @Test
    void aCorrectBufferEnters() {
      Client c = f.inited();
      assertThat(enter(c, "lobby", room("lobby", c.openId())).result()).isZero();
      assertThat(f.sim.room(SimFixture.APP, "lobby")).isPresent();
    }

    @Test
    void aBufferForAnotherRoomFailsWith7006NamingBothRooms() {
      Client c = f.inited();
      GmeEvent e = enter(c, "lobby", room("lobby-2", c.openId()));
      assertThat(e.result()).isEqualTo(7006);
      assertThat(e.errorInfo())
          .startsWith("AV_ERR_AUTH_FIALD: auth buffer is for room 'lobby-2', EnterRoom asked for 'lobby'");
      assertThat(f.sim.room(SimFixture.APP, "lobby")).isEmpty();
      assertThat(journal(Operation.ENTER_ROOM)).singleElement().satisfies(j -> {
        assertThat(j.result()).isEqualTo(7006);
        assertThat(j.source()).isEqualTo(JournalEntry.WORLD);
        assertThat(j.effect()).isEqualTo("reply (auth buffer: roomId)");
      });
      // The refused entry is over: the same client can enter with a correct buffer.
      c.events().clear();
      assertThat(enter(c, "lobby", room("lobby", c.openId())).result()).isZero();
    }

    @Test
    void aBufferForAnotherOpenIdFailsWith7006() {
      Client c = f.inited();
      GmeEvent e = enter(c, "lobby", room("lobby", "someone-else"));
      assertThat(e.result()).isEqualTo(7006);
      assertThat(e.errorInfo()).contains("auth buffer is for OpenID 'someone-else', Init was called with '"
          + c.openId() + "'");
    }

    @Test
    void aBufferForAnotherAppIdFailsWith7006() {
      Client c = f.inited();
      byte[] other = AuthBufferGenerator.roomBuffer(APP + 1, "lobby", c.openId(), KEY, later());
      GmeEvent e = enter(c, "lobby", other);
      assertThat(e.result()).isEqualTo(7006);
      assertThat(e.errorInfo()).contains("auth buffer is for AppID 1400000001, Init was called with 1400000000");
    }

    @Test
    void aBufferMadeWithAnotherKeyFailsWith7006WithoutShowingAKey() {
      Client c = f.inited();
      AppKey stale = AppKey.of("fedcba9876543210");
      GmeEvent e = enter(c, "lobby", AuthBufferGenerator.roomBuffer(APP, "lobby", c.openId(), stale, later()));
      assertThat(e.result()).isEqualTo(7006);
      assertThat(e.errorInfo()).contains("does not decrypt").doesNotContain(KEY_TEXT, "fedcba9876543210");
      assertThat(journal(Operation.ENTER_ROOM).get(0).effect()).isEqualTo("reply (auth buffer: buffer)");
    }

    @Test
    void undecryptableBytesFailWith7006() {
      Client c = f.inited();
      GmeEvent e = enter(c, "lobby", "auth".getBytes());
      assertThat(e.result()).isEqualTo(7006);
      assertThat(e.errorInfo()).contains("4 bytes, too short to hold a header");
    }

    @Test
    void anExpiredBufferFailsWith7006() {
      Client c = f.inited();
      byte[] expired = AuthBufferGenerator.roomBuffer(APP, "lobby", c.openId(), KEY, Instant.now().minusSeconds(10));
      GmeEvent e = enter(c, "lobby", expired);
      assertThat(e.result()).isEqualTo(7006);
      assertThat(e.errorInfo()).contains("auth buffer expired at").contains("ask the game's backend for a fresh");
      assertThat(journal(Operation.ENTER_ROOM).get(0).effect()).isEqualTo("reply (auth buffer: expiry)");
    }

    @Test
    void aSwitchWithABufferForAnotherRoomFailsWith7006AndStaysInTheOldRoom() {
      Client c = f.inited();
      assertThat(enter(c, "lobby", room("lobby", c.openId())).result()).isZero();
      c.gme().switchRoom("arena", room("lobby", c.openId()));
      GmeEvent e = c.events().await(SWITCH_ROOM);
      assertThat(e.result()).isEqualTo(7006);
      assertThat(e.errorInfo()).contains("auth buffer is for room 'lobby', SwitchRoom asked for 'arena'");
      assertThat(f.sim.room(SimFixture.APP, "lobby")).isPresent();
      assertThat(f.sim.room(SimFixture.APP, "arena")).isEmpty();
      c.events().clear();
      c.gme().switchRoom("arena", room("arena", c.openId()));
      assertThat(c.events().await(SWITCH_ROOM).result()).isZero();
    }

    @Test
    void stateErrorsComeBeforeTheBufferCheck() {
      Client c = f.connect();
      // EnterRoom before Init: 1101, whatever the buffer.
      assertThat(enter(c, "lobby", "auth".getBytes()).result()).isEqualTo(1101);
    }

    @Test
    void anAppWithoutAKeyAcceptsAnyBytes() {
      Client c = f.connect();
      assertThat(c.gme().init("1400000999", c.openId())).isZero();
      assertThat(enter(c, "lobby", "any bytes".getBytes()).result()).isZero();
    }

    @Test
    void removingTheKeyTurnsCheckingOffAndAddingItTurnsItOn() {
      Client c = f.inited();
      assertThat(f.sim.apps()).containsExactly(SimFixture.APP);
      assertThat(f.sim.removeApp(SimFixture.APP)).isTrue();
      assertThat(enter(c, "lobby", new byte[0]).result()).isZero();
      c.gme().exitRoom();
      c.events().await(dev.gmesim.core.catalog.GmeEventType.EXIT_ROOM);
      c.events().clear();
      assertThat(f.sim.addApp(SimFixture.APP, KEY_TEXT)).isFalse();
      assertThat(enter(c, "lobby", new byte[0]).result()).isEqualTo(7006);
    }
  }

  @Nested
  class VoiceMessages {
    String wav(String name) {
      return PttDriver.write(dir.resolve(name), Wav.tone(1200)).toString();
    }

    Client withBuffer(String bufferOpenId) {
      Client c = f.inited();
      byte[] buffer = AuthBufferGenerator.voiceMessageBuffer(APP, bufferOpenId == null ? c.openId() : bufferOpenId,
          KEY, later());
      assertThat(c.gme().getPTT().applyPTTAuthbuffer(buffer)).isZero();
      return c;
    }

    Client withBytes(byte[] buffer) {
      Client c = f.inited();
      // ApplyPTTAuthbuffer accepts the bytes; GME's servers check them on each voice-message call.
      assertThat(c.gme().getPTT().applyPTTAuthbuffer(buffer)).isZero();
      return c;
    }

    String uploaded() {
      Client owner = withBuffer(null);
      owner.gme().getPTT().uploadRecordedFile(wav("owner.wav"));
      GmeEvent up = owner.events().await(PTT_UPLOAD_COMPLETE);
      assertThat(up.result()).isZero();
      return up.getStringExtra("file_id");
    }

    @Test
    void aCorrectBufferUploads() {
      Client c = withBuffer(null);
      c.gme().getPTT().uploadRecordedFile(wav("a.wav"));
      assertThat(c.events().await(PTT_UPLOAD_COMPLETE).result()).isZero();
    }

    @Test
    void anotherOpenIdFailsTheUploadWith8194() {
      Client c = withBuffer("someone-else");
      c.gme().getPTT().uploadRecordedFile(wav("a.wav"));
      GmeEvent e = c.events().await(PTT_UPLOAD_COMPLETE);
      assertThat(e.result()).isEqualTo(8194);
      assertThat(e.errorInfo()).startsWith("QAVPTTERROR_UPLOAD_SIGN_CHECK_FAIL: auth buffer is for OpenID "
          + "'someone-else', Init was called with '" + c.openId() + "'");
      assertThat(SimulatorInternals.voiceMessages(f.sim).fileCount()).isZero();
      assertThat(journal(Operation.PTT_UPLOAD)).singleElement()
          .satisfies(j -> assertThat(j.effect()).isEqualTo("reply (auth buffer: openId)"));
    }

    @Test
    void anotherOpenIdFailsTheDownloadWith12290() {
      String fileId = uploaded();
      Client c = withBuffer("someone-else");
      c.gme().getPTT().downloadRecordedFile(fileId, dir.resolve("b.wav").toString());
      assertThat(c.events().await(PTT_DOWNLOAD_COMPLETE).result()).isEqualTo(12290);
    }

    @Test
    void anotherOpenIdFailsSpeechToTextWith32776() {
      String fileId = uploaded();
      Client c = withBuffer("someone-else");
      c.gme().getPTT().speechToText(fileId);
      assertThat(c.events().await(PTT_SPEECH2TEXT_COMPLETE).result()).isEqualTo(32776);
    }

    @Test
    void anotherOpenIdFailsStreamingRecognitionWith32776() {
      Client c = withBuffer("someone-else");
      c.gme().getPTT().setMaxMessageLength(1200);
      c.gme().getPTT().startRecordingWithStreamingRecognition(dir.resolve("s.wav").toString());
      assertThat(c.events().await(PTT_STREAMINGRECOGNITION_COMPLETE).result()).isEqualTo(32776);
    }

    @Test
    void undecryptableBytesFailTheUploadWith8194() {
      Client c = withBytes("24 bytes that are no key".getBytes());
      c.gme().getPTT().uploadRecordedFile(wav("a.wav"));
      GmeEvent e = c.events().await(PTT_UPLOAD_COMPLETE);
      assertThat(e.result()).isEqualTo(8194);
      assertThat(e.errorInfo()).contains("does not decrypt");
    }

    @Test
    void anExpiredBufferFailsTheUploadWith8194() {
      Client c = withBytes(AuthBufferGenerator.voiceMessageBuffer(APP, "x", KEY, Instant.now().minusSeconds(1)));
      c.gme().getPTT().uploadRecordedFile(wav("a.wav"));
      assertThat(c.events().await(PTT_UPLOAD_COMPLETE).result()).isEqualTo(8194);
    }

    @Test
    void anExpiredBufferFailsSpeechToTextWith32776() {
      String fileId = uploaded();
      Client c = f.inited();
      c.gme().getPTT().applyPTTAuthbuffer(
          AuthBufferGenerator.voiceMessageBuffer(APP, c.openId(), KEY, Instant.now().minusSeconds(1)));
      c.gme().getPTT().speechToText(fileId);
      GmeEvent e = c.events().await(PTT_SPEECH2TEXT_COMPLETE);
      assertThat(e.result()).isEqualTo(32776);
      assertThat(e.errorInfo()).contains("expired");
    }
  }
}
