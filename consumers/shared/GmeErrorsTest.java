package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeEvent;
import dev.gmesim.core.sdk.GmePtt;
import dev.gmesim.junit5.GmeSimulatorTest;
import dev.gmesim.junit5.InjectGmeError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same test in every consumer project (consumers/README.md): the extension and the simulated SDK on the
 * consumer's own classpath, with only the annotation defaults.
 */
@GmeSimulatorTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GmeErrorsTest {
  static final String APP = "1400000000";

  static GmeEvent join(GmeContext gme, EventRecorder events, String openId) {
    assertEquals(0, gme.init(APP, openId));
    gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    return events.await(GmeEventType.ENTER_ROOM);
  }

  @Test
  @InjectGmeError(7006)
  void anExpiredTokenFailsEnterRoom(GmeContext gme, EventRecorder events) {
    assertEquals(7006, join(gme, events, "10001").result());
    assertFalse(gme.isRoomEntered());
  }

  @Test
  @InjectGmeError(1005)
  void aSilentServerTimesEnterRoomOut(GmeContext gme, EventRecorder events) {
    assertEquals(1005, join(gme, events, "10002").result());
  }

  @Test
  @InjectGmeError(value = 2002, operations = Operation.SWITCH_ROOM)
  void switchRoomFails(GmeContext gme, EventRecorder events) {
    assertEquals(0, join(gme, events, "10003").result());
    gme.switchRoom("arena", new byte[0]);
    assertEquals(2002, events.await(GmeEventType.SWITCH_ROOM).result());
  }

  @Test
  void aVoiceMessageIsRecordedAndUploaded(GmeContext gme, EventRecorder events, @TempDir Path dir) {
    assertEquals(0, gme.init(APP, "10004"));
    GmePtt ptt = gme.getPTT();
    assertEquals(0, ptt.applyPTTAuthbuffer("ptt-auth-buffer".getBytes(StandardCharsets.UTF_8)));
    assertEquals(0, ptt.setMaxMessageLength(2000));
    Path file = dir.resolve("hello.wav");
    assertEquals(0, ptt.startRecording(file.toString()));
    assertEquals(0, events.await(GmeEventType.PTT_RECORD_COMPLETE).result());
    ptt.uploadRecordedFile(file.toString());
    GmeEvent uploaded = events.await(GmeEventType.PTT_UPLOAD_COMPLETE);
    assertEquals(0, uploaded.result(), uploaded::toString);
    assertFalse(uploaded.getStringExtra("file_id").isBlank());
  }
}
