package dev.gmesim.examples.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.examples.voice.PlayerNotice.Kind;
import dev.gmesim.examples.voice.TeamVoiceChat.Status;
import dev.gmesim.junit5.GmeSimulatorHandle;
import dev.gmesim.junit5.GmeSimulatorTest;
import dev.gmesim.junit5.InjectGmeError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team voice chat against the GME Simulator: each test makes GME fail one way and checks
 * what the player ends up with: the room they are in and the notice they see.
 */
@GmeSimulatorTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TeamVoiceChatTest {
  static final String APP = "1400000000";
  static final Duration WAIT = Duration.ofSeconds(10);
  /** Short pauses, so retries take milliseconds in tests; the shipped policy waits seconds. */
  static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(20), 2.0, Duration.ofMillis(100));

  ScheduledExecutorService scheduler;
  List<PlayerNotice> notices;
  TeamVoiceChat chat;
  String player;

  @BeforeEach
  void startChat(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) {
    scheduler = Executors.newSingleThreadScheduledExecutor();
    notices = new CopyOnWriteArrayList<>();
    player = String.valueOf(100000 + (System.identityHashCode(this) % 100000));
    VoiceSdk sdk = new SimulatedGmeVoiceSdk(gme, new byte[] {1, 2, 3}, events);
    chat = new TeamVoiceChat(sdk, room -> ("token-for-" + room).getBytes(), FAST, scheduler, notices::add);
    assertThat(chat.start(APP, player)).isZero();
  }

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  private List<JournalEntry> calls(GmeSimulatorHandle sim, Operation op) {
    return sim.journal().stream().filter(e -> e.operation() == op).toList();
  }

  private void awaitStatus(Status status) {
    await().atMost(WAIT).until(chat::status, s -> s == status);
  }

  @Nested
  class JoiningAChannel {
    @Test
    void joinsTheLobbyWhenGmeIsHealthy(GmeSimulatorHandle sim) {
      chat.join("lobby-ok");
      awaitStatus(Status.IN_ROOM);
      assertThat(chat.currentRoom()).contains("lobby-ok");
      assertThat(sim.room(APP, "lobby-ok").orElseThrow().openIds()).contains(player);
      assertThat(notices).isEmpty();
    }

    @Test
    @InjectGmeError(value = 1005, times = 2)
    void retriesWithBackoffWhenTheEntryTimesOut(GmeSimulatorHandle sim) {
      chat.join("lobby-1005");
      awaitStatus(Status.IN_ROOM);
      assertThat(calls(sim, Operation.ENTER_ROOM)).hasSize(3);
      assertThat(notices).extracting(PlayerNotice::kind).containsExactly(Kind.RETRYING, Kind.INFO);
    }

    @Test
    @InjectGmeError(value = 7004, times = 1)
    void retriesAfterANetworkError(GmeSimulatorHandle sim) {
      chat.join("lobby-7004");
      awaitStatus(Status.IN_ROOM);
      assertThat(calls(sim, Operation.ENTER_ROOM)).extracting(JournalEntry::result).containsExactly(7004, 0);
    }

    @Test
    @InjectGmeError(value = 10004, times = 2)
    void retriesAfterAServerTimeout(GmeSimulatorHandle sim) {
      chat.join("lobby-10004");
      awaitStatus(Status.IN_ROOM);
      assertThat(calls(sim, Operation.ENTER_ROOM)).extracting(JournalEntry::result)
          .containsExactly(10004, 10004, 0);
    }

    @Test
    @InjectGmeError(1005)
    void givesUpAfterTheLastRetryAndSaysVoiceIsUnavailable(GmeSimulatorHandle sim) {
      chat.join("lobby-down");
      awaitStatus(Status.UNAVAILABLE);
      assertThat(calls(sim, Operation.ENTER_ROOM)).hasSize(1 + FAST.maxAttempts());
      assertThat(notices).last().extracting(PlayerNotice::kind).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    @InjectGmeError(7006)
    void aRefusedTokenIsRefreshedOnceThenThePlayerIsAskedToLogInAgain(GmeSimulatorHandle sim) {
      chat.join("lobby-7006");
      awaitStatus(Status.NEEDS_LOGIN);
      assertThat(notices).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo(Kind.LOG_IN_AGAIN);
        assertThat(n.gmeCode()).isEqualTo(7006);
      });
      // One entry with the first token, one with a fresh one from the backend, then no more.
      assertThat(calls(sim, Operation.ENTER_ROOM)).hasSize(2);
    }
  }

  @Nested
  class SwitchingChannels {
    @BeforeEach
    void inTheLobby() {
      chat.join("lobby-switch");
      awaitStatus(Status.IN_ROOM);
    }

    @Test
    @InjectGmeError(value = 2001, operations = Operation.SWITCH_ROOM)
    void staysInTheOldRoomAfter2001(GmeSimulatorHandle sim) {
      chat.switchTo("team-red-2001");
      await().atMost(WAIT).until(() -> !notices.isEmpty());
      assertThat(chat.status()).isEqualTo(Status.IN_ROOM);
      assertThat(chat.currentRoom()).contains("lobby-switch");
      assertThat(notices).singleElement().extracting(PlayerNotice::kind).isEqualTo(Kind.INFO);
      assertThat(sim.room(APP, "lobby-switch").orElseThrow().openIds()).contains(player);
      assertThat(chat.talk(true)).isTrue();
    }

    @Test
    @InjectGmeError(value = 2002, operations = Operation.SWITCH_ROOM)
    void reentersTheTargetRoomAfter2002(GmeSimulatorHandle sim) {
      chat.switchTo("team-blue-2002");
      await().atMost(WAIT).until(() -> chat.currentRoom().filter("team-blue-2002"::equals).isPresent());
      assertThat(chat.status()).isEqualTo(Status.IN_ROOM);
      assertThat(sim.room(APP, "team-blue-2002").orElseThrow().openIds()).contains(player);
      assertThat(sim.room(APP, "lobby-switch")).isEmpty();
      assertThat(calls(sim, Operation.ENTER_ROOM)).extracting(JournalEntry::roomId)
          .containsExactly("lobby-switch", "team-blue-2002");
    }
  }

  @Nested
  class GoingToTheBackground {
    @Test
    void teammatesHearTheMicCloseAndOpenAgainOnReturn(GmeSimulatorHandle sim) {
      chat.join("lobby-background");
      awaitStatus(Status.IN_ROOM);
      EventRecorder teammate = new EventRecorder();
      GmeContext mate = sim.newContext(teammate);
      assertThat(mate.init(APP, "777001")).isZero();
      mate.enterRoom("lobby-background", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      assertThat(teammate.await(GmeEventType.ENTER_ROOM).result()).isZero();
      assertThat(chat.talk(true)).isTrue();
      assertThat(micEvent(teammate)).isEqualTo(11);

      assertThat(chat.background()).isTrue();
      assertThat(micEvent(teammate)).isEqualTo(12);
      assertThat(sim.room(APP, "lobby-background").orElseThrow().members())
          .filteredOn(m -> m.openId().equals(player)).singleElement()
          .satisfies(m -> assertThat(m.micOn()).isFalse());
      assertThat(chat.background()).as("already paused: 1003, treated as success").isTrue();

      assertThat(chat.foreground()).isTrue();
      assertThat(micEvent(teammate)).isEqualTo(11);
      assertThat(notices).isEmpty();
    }

    /** The next USER_UPDATE about the player's mic (11 opened, 12 closed) that the teammate receives. */
    private int micEvent(EventRecorder teammate) {
      return teammate.await(e -> e.type() == GmeEventType.USER_UPDATE
          && java.util.Arrays.asList(e.getStringArrayExtra("user_list")).contains(player)
          && e.getIntExtra("event_id", 0) >= 11, "the player's mic", WAIT).getIntExtra("event_id", 0);
    }
  }

  @Nested
  class VoiceMessages {
    Path recording;

    @BeforeEach
    void aRecording(@TempDir Path dir) throws IOException {
      recording = dir.resolve("hello-team.wav");
      Files.write(recording, new byte[2048]);
    }

    @Test
    @InjectGmeError(value = 8195, times = 1)
    void resendsAfterAnUploadNetworkError(GmeSimulatorHandle sim) {
      chat.sendVoiceMessage(recording);
      await().atMost(WAIT).until(() -> chat.sentFileId(recording).isPresent());
      assertThat(chat.sentFileId(recording).orElseThrow()).startsWith("http");
      assertThat(calls(sim, Operation.PTT_UPLOAD)).extracting(JournalEntry::result).containsExactly(8195, 0);
      assertThat(notices).isEmpty();
    }

    @Test
    @InjectGmeError(8194)
    void tellsThePlayerWhenAMessageCannotBeSent() {
      chat.sendVoiceMessage(recording);
      await().atMost(WAIT).until(() -> !notices.isEmpty());
      assertThat(notices).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo(Kind.MESSAGE_NOT_SENT);
        assertThat(n.gmeCode()).isEqualTo(8194);
      });
      assertThat(chat.sentFileId(recording)).isEmpty();
    }
  }

  @Nested
  class OneNoticePerCategory {
    @Test
    @InjectGmeError(7012)
    void generalErrorsSayVoiceIsUnavailable() {
      chat.join("lobby-7012");
      awaitStatus(Status.UNAVAILABLE);
      assertThat(notices).singleElement().satisfies(n -> assertThat(n.text()).contains("unavailable"));
    }

    @Test
    @InjectGmeError(value = 1004, operations = Operation.ENTER_ROOM)
    void clientErrorsSuggestRejoining() {
      chat.join("lobby-1004");
      awaitStatus(Status.UNAVAILABLE);
      assertThat(notices).singleElement().satisfies(n -> assertThat(n.text()).contains("Try rejoining"));
    }

    @Test
    @InjectGmeError(10001)
    void serverErrorsBlameTheServer() {
      chat.join("lobby-10001");
      awaitStatus(Status.UNAVAILABLE);
      assertThat(notices).singleElement().satisfies(n -> assertThat(n.text()).contains("voice server"));
    }
  }
}
