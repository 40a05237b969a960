package dev.gmesim.junit5.readme;

import static dev.gmesim.junit5.GmeAssertions.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.junit5.GmeSimulatorHandle;
import dev.gmesim.junit5.GmeSimulatorTest;
import org.junit.jupiter.api.Test;

/** The README example's happy path: with nothing injected the player joins and sees no prompt. */
@GmeSimulatorTest
class VoiceLobbyJoinTest {
  @Test
  void withNothingInjectedThePlayerJoins(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) {
    VoiceLobby lobby = new VoiceLobby(gme, events);
    lobby.join("10003");
    awaitEvent(events, GmeEventType.ENTER_ROOM).succeeded();
    assertThat(lobby.prompt()).isEmpty();
    assertThat(sim.room("1400000000", "lobby")).hasValueSatisfying(r -> assertThat(r.openIds()).contains("10003"));
  }
}
