package dev.gmesim.examples.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmesim.examples.voice.TeamVoiceChat.Status;
import dev.gmesim.junit5.ExploreGmeErrors;
import dev.gmesim.junit5.GmeSimulatorHandle;
import dev.gmesim.junit5.GmeSimulatorTest;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The lobby join, explored: run once clean, then once for every code GME documents on each call the
 * join makes (Init, ApplyPTTAuthbuffer, EnterRoom), that code on that call alone. Whatever GME
 * answers, the chat must end somewhere the player can make sense of. The matrix goes to
 * {@code target/gme-error-exploration.md}.
 */
@GmeSimulatorTest
class TeamVoiceChatExplorationTest {
  static final String APP = "1400000000";
  static final Duration WAIT = Duration.ofSeconds(10);
  /** No pauses: exploring asks where the chat ends up, not how long it waits on its own wall-clock timer. */
  static final RetryPolicy NO_PAUSES = new RetryPolicy(3, Duration.ZERO, 1.0, Duration.ZERO);

  ScheduledExecutorService scheduler;

  @BeforeEach
  void startScheduler() {
    scheduler = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  /**
   * 1003 is left out on purpose, and the report lists it as excluded: GME's docs say "already in
   * that room, treat it as success", and the chat does; an injected 1003 on a first entry tells a
   * player who is not in the lobby that they are, a state GME does not produce.
   */
  @ExploreGmeErrors(excludeCodes = 1003)
  void joiningTheLobbyAlwaysEndsSomewhereSane(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) {
    List<PlayerNotice> notices = new CopyOnWriteArrayList<>();
    // A player of its own per run, so no run meets another's leftovers in the shared lobby.
    String player = "player-" + Integer.toUnsignedString(sim.tag().hashCode());
    TeamVoiceChat chat = new TeamVoiceChat(new SimulatedGmeVoiceSdk(gme, new byte[] {1, 2, 3}, events),
        room -> ("token-for-" + room).getBytes(), NO_PAUSES, scheduler, notices::add);

    chat.start(APP, player);
    chat.join("lobby");

    // A fine poll: the outcome comes in milliseconds, and Awaitility's default first look is 100 ms away.
    await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(chat::status, s -> s != Status.JOINING);
    assertThat(chat.status()).isIn(Status.IN_ROOM, Status.NEEDS_LOGIN, Status.UNAVAILABLE);
    assertThat(notices).allSatisfy(n -> assertThat(n.text()).isNotBlank());
    // Whatever GME answered, the chat never misuses the SDK: every refusal in the journal is the injected one.
    assertThat(sim.journal()).filteredOn(e -> !e.faulted() && e.result() != 0)
        .as("calls GME refused because of the chat's own state").isEmpty();
    if (chat.status() == Status.IN_ROOM) {
      // What the chat shows is what GME did: the player is in the lobby.
      assertThat(sim.room(APP, "lobby")).as("the lobby as GME sees it")
          .hasValueSatisfying(room -> assertThat(room.openIds()).contains(player));
    } else {
      assertThat(notices).as("what the player is told about voice being off").isNotEmpty();
    }
  }
}
