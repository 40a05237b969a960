package dev.gmesim.junit5;

import static dev.gmesim.junit5.GmeAssertions.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeDelegate;
import dev.gmesim.core.sdk.GmeEvent;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's example, run as a user's build runs it: a small piece of game code (a voice lobby
 * that asks the player to log in again when GME says the token is bad) tested with the annotations.
 */
@GmeSimulatorTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VoiceLobbyExampleTest {

  /** The game's code under test: it joins a lobby and turns GME's answer into what the player sees. */
  static final class VoiceLobby implements GmeDelegate {
    private final GmeContext gme;
    private final EventRecorder forwarded;
    private volatile String prompt = "";

    VoiceLobby(GmeContext gme, EventRecorder forwarded) {
      this.gme = gme;
      this.forwarded = forwarded;
      gme.setTMGDelegate(this);
    }

    void join(String openId) {
      gme.init("1400000000", openId);
      gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    }

    String prompt() {
      return prompt;
    }

    @Override
    public void onEvent(GmeEventType type, GmeEvent data) {
      if (type == GmeEventType.ENTER_ROOM) {
        int result = data.result();
        prompt = result == 0 ? "" : result == GmeErrorCode.AV_ERR_AUTH_FIALD.value() ? "Please log in again"
            : result == GmeErrorCode.AV_ERR_TIMEOUT.value() ? "Voice chat is unreachable; retrying" : "Voice chat failed";
      }
      forwarded.onEvent(type, data);
    }
  }

  @Test
  @InjectGmeError(7006)
  void expiredTokenAsksThePlayerToLogInAgain(GmeContext gme, EventRecorder events) {
    VoiceLobby lobby = new VoiceLobby(gme, events);
    lobby.join("10001");
    awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(GmeErrorCode.AV_ERR_AUTH_FIALD);
    assertThat(lobby.prompt()).isEqualTo("Please log in again");
  }

  @Test
  @InjectGmeError(1005)
  void silentServerTellsThePlayerVoiceIsUnreachable(GmeContext gme, EventRecorder events) {
    VoiceLobby lobby = new VoiceLobby(gme, events);
    lobby.join("10002");
    // 30 simulated seconds; 300 ms of wall time at the default scale.
    awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(1005).hasElapsedMillis(30_000);
    assertThat(lobby.prompt()).isEqualTo("Voice chat is unreachable; retrying");
  }

  @Test
  void withNothingInjectedThePlayerJoins(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) {
    VoiceLobby lobby = new VoiceLobby(gme, events);
    lobby.join("10003");
    awaitEvent(events, GmeEventType.ENTER_ROOM).succeeded();
    assertThat(lobby.prompt()).isEmpty();
    assertThat(sim.room("1400000000", "lobby")).hasValueSatisfying(r -> assertThat(r.openIds()).contains("10003"));
  }
}
