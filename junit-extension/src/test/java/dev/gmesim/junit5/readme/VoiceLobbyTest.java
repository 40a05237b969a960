package dev.gmesim.junit5.readme;

// tag::junit-readme-voice-lobby[]
import static dev.gmesim.junit5.GmeAssertions.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.junit5.GmeSimulatorTest;
import dev.gmesim.junit5.InjectGmeError;
import org.junit.jupiter.api.Test;

@GmeSimulatorTest
class VoiceLobbyTest {

  @Test
  @InjectGmeError(7006)
  void expiredTokenAsksThePlayerToLogInAgain(GmeContext gme, EventRecorder events) {
    VoiceLobby lobby = new VoiceLobby(gme, events);   // your game's code; forwards events to the recorder
    lobby.join("10001");                              // Init, then EnterRoom
    awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(GmeErrorCode.AV_ERR_AUTH_FIALD);
    assertThat(lobby.prompt()).isEqualTo("Please log in again");
  }

  @Test
  @InjectGmeError(1005)
  void silentServerTellsThePlayerVoiceIsUnreachable(GmeContext gme, EventRecorder events) {
    VoiceLobby lobby = new VoiceLobby(gme, events);
    lobby.join("10002");
    // GME's 30 s timer, on the test's virtual clock: no wall time, and the event says 30 000 ms.
    awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(1005).hasElapsedMillis(30_000);
    assertThat(lobby.prompt()).isEqualTo("Voice chat is unreachable; retrying");
  }
}
// end::junit-readme-voice-lobby[]
