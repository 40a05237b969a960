package dev.gmesim.examples.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.examples.voice.PlayerNotice.Kind;
import dev.gmesim.examples.voice.TeamVoiceChat.Status;
import dev.gmesim.junit5.GmeSimulatorHandle;
import dev.gmesim.junit5.GmeSimulatorTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The team voice chat's talking indicator (GME's USER_UPDATE 5/6) and its "poor connection" notice
 * (CHANGE_ROOM_QUALITY), on a manual clock so the test steps through GME's 2 s periods.
 */
@GmeSimulatorTest(clock = "manual")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TeamVoiceChatIndicatorsTest {
  static final String APP = "1400000000";
  static final Duration WAIT = Duration.ofSeconds(10);

  ScheduledExecutorService scheduler;
  List<PlayerNotice> notices;
  TeamVoiceChat chat;
  String player;
  GmeContext teammate;
  String teammateId;

  @BeforeEach
  void joinWithATeammate(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) {
    scheduler = Executors.newSingleThreadScheduledExecutor();
    notices = new CopyOnWriteArrayList<>();
    player = String.valueOf(200000 + (System.identityHashCode(this) % 100000));
    teammateId = String.valueOf(Long.parseLong(player) + 500000);
    chat = new TeamVoiceChat(new SimulatedGmeVoiceSdk(gme, null, events), room -> new byte[0], RetryPolicy.DEFAULT,
        scheduler, notices::add);
    assertThat(chat.start(APP, player)).isZero();
    chat.join("squad-" + player);
    await().atMost(WAIT).until(chat::status, s -> s == Status.IN_ROOM);
    // GME: mic and speaker are off after entry; the game turns them on.
    assertThat(gme.enableSpeaker(true)).isZero();

    EventRecorder mateEvents = new EventRecorder();
    teammate = GmeContext.builder().room(sim.roomAddress()).delegate(mateEvents).build();
    assertThat(teammate.init(APP, teammateId)).isZero();
    teammate.enterRoom("squad-" + player, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    assertThat(mateEvents.await(GmeEventType.ENTER_ROOM).result()).isZero();
    assertThat(teammate.enableMic(true)).isZero();
  }

  @AfterEach
  void stop() {
    teammate.close();
    scheduler.shutdownNow();
  }

  @Test
  void aTalkingTeammateLightsTheIndicatorUntilTwoSecondsOfSilence(GmeContext gme) {
    assertThat(teammate.speak(Duration.ofSeconds(1))).isZero();
    await().atMost(WAIT).until(chat::talking, t -> t.contains(teammateId));
    gme.clock().advance(Duration.ofMillis(2999));
    assertThat(chat.talking()).containsExactly(teammateId);
    gme.clock().advance(Duration.ofMillis(1));
    await().atMost(WAIT).until(chat::talking, t -> t.isEmpty());
  }

  @Test
  void aPoorNetworkShowsOnePoorConnectionNoticeUntilItRecovers(GmeContext gme, GmeSimulatorHandle sim) {
    FaultRule poor = sim.addFault(FaultRule.on(Operation.ROOM_QUALITY).fault(Fault.poorNetwork(40))
        .delay(Duration.ofMillis(300)).openId(player).build());
    gme.clock().advance(Duration.ofSeconds(6));
    await().atMost(WAIT).until(chat::poorConnection);
    assertThat(notices).filteredOn(n -> n.kind() == Kind.POOR_CONNECTION).hasSize(1)
        .first().extracting(PlayerNotice::text).asString().contains("40% loss", "320 ms");

    sim.removeFault(poor.id());
    gme.clock().advance(Duration.ofSeconds(2));
    await().atMost(WAIT).until(() -> !chat.poorConnection());
    assertThat(notices).filteredOn(n -> n.kind() == Kind.POOR_CONNECTION).hasSize(1);
  }
}
