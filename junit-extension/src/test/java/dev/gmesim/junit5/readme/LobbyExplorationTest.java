package dev.gmesim.junit5.readme;

import static dev.gmesim.junit5.readme.VoiceLobby.State.IN_ROOM;
import static dev.gmesim.junit5.readme.VoiceLobby.State.NEEDS_LOGIN;
import static dev.gmesim.junit5.readme.VoiceLobby.State.RETRYING;
import static dev.gmesim.junit5.readme.VoiceLobby.State.VOICE_UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.junit5.ExploreGmeErrors;
import dev.gmesim.junit5.GmeSimulatorTest;

// tag::junit-readme-exploration[]
@GmeSimulatorTest
class LobbyExplorationTest {
  @ExploreGmeErrors                                 // INIT x 5 codes, ENTER_ROOM x 26
  void joiningTheLobbyEndsSomewhereSane(GmeContext gme, EventRecorder events) {
    VoiceLobby lobby = new VoiceLobby(gme, events);
    lobby.join("10001");
    await().until(() -> gme.poll() == 0 && lobby.settled());   // a game loop: Poll, then look
    assertThat(lobby.state()).isIn(IN_ROOM, RETRYING, NEEDS_LOGIN, VOICE_UNAVAILABLE);
    assertThat(lobby.state() == IN_ROOM || !lobby.prompt().isBlank()).isTrue();   // a failure always says why
  }
}
// end::junit-readme-exploration[]
