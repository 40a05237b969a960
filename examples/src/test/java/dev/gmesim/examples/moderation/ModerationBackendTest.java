package dev.gmesim.examples.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeEvent;
import dev.gmesim.junit5.GmeCloudApi;
import dev.gmesim.junit5.GmeSimulatorHandle;
import dev.gmesim.junit5.GmeSimulatorTest;
import dev.gmesim.junit5.InjectGmeServerError;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The moderation backend against the simulator: players enter a room with the simulated SDK, the
 * backend moderates them through the official GmeClient, and each player's client sees the result.
 */
@GmeSimulatorTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ModerationBackendTest {
  static final String APP = "1400000000";
  static final String ROOM = "match-42";

  final List<Duration> pauses = new CopyOnWriteArrayList<>();
  ModerationBackend moderation;

  record Player(GmeContext ctx, EventRecorder events, String openId) {}

  @BeforeEach
  void backend(GmeCloudApi api) {
    // The test's client: its requests carry the test's tag, so only this test's server errors reach it.
    moderation = new ModerationBackend(api.gmeClient(), Long.parseLong(APP), pauses::add);
  }

  static Player enter(GmeSimulatorHandle sim, String openId) {
    EventRecorder events = new EventRecorder();
    GmeContext ctx = sim.newContext(events);
    assertThat(ctx.init(APP, openId)).isZero();
    ctx.enterRoom(ROOM, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    assertThat(events.await(GmeEventType.ENTER_ROOM).result()).isZero();
    return new Player(ctx, events, openId);
  }

  @Test
  void listsThePlayersInTheRoom(GmeSimulatorHandle sim) throws Exception {
    enter(sim, "10001");
    enter(sim, "10002");
    assertThat(moderation.members(ROOM)).containsExactlyInAnyOrder("10001", "10002");
    assertThat(moderation.members("empty-room")).isEmpty();
  }

  @Test
  void theKickedPlayersClientIsToldItWasKicked(GmeSimulatorHandle sim) throws Exception {
    Player stays = enter(sim, "10001");
    Player cheater = enter(sim, "10002");

    moderation.kick(ROOM, cheater.openId());

    GmeEvent kicked = cheater.events().await(GmeEventType.ROOM_DISCONNECT);
    assertThat(kicked.getStringExtra("reason")).isEqualTo("kicked");
    assertThat(cheater.ctx().isRoomEntered()).isFalse();
    assertThat(stays.ctx().isRoomEntered()).isTrue();
    assertThat(moderation.members(ROOM)).containsExactly("10001");
  }

  @Test
  void aServerMuteCannotBeLiftedByThePlayersClient(GmeSimulatorHandle sim) throws Exception {
    Player listener = enter(sim, "10001");
    Player loud = enter(sim, "10002");
    assertThat(loud.ctx().enableMic(true)).isZero();
    listener.events().await(e -> e.type() == GmeEventType.USER_UPDATE && e.getIntExtra("event_id", 0) == 11,
        "the loud player's mic opened", Duration.ofSeconds(10));

    moderation.mute(ROOM, loud.openId());

    listener.events().await(e -> e.type() == GmeEventType.USER_UPDATE && e.getIntExtra("event_id", 0) == 12,
        "the loud player's mic closed", Duration.ofSeconds(10));
    // The client's switch answers 0, as GME's does, but the microphone stays closed.
    assertThat(loud.ctx().enableMic(true)).isZero();
    assertThat(micOn(sim, loud.openId())).isFalse();

    moderation.unmute(ROOM, loud.openId());
    assertThat(loud.ctx().enableMic(true)).isZero();
    assertThat(micOn(sim, loud.openId())).isTrue();
  }

  @Test
  void aPlayerWhoIsNotInTheRoomIsReportedSo(GmeSimulatorHandle sim) {
    enter(sim, "10001");
    ModerationException e = catchThrowableOfType(ModerationException.class, () -> moderation.mute(ROOM, "99999"));
    assertThat(e.code()).isEqualTo("NotInRoom");
    assertThat(e).hasMessage("muting 99999 in room match-42: the player is not in the room");
  }

  @Test
  @InjectGmeServerError(value = "RequestLimitExceeded", actions = "DescribeRoomInfo", times = 2)
  void aThrottledRoomQueryIsRetriedWithGrowingPauses(GmeSimulatorHandle sim) throws Exception {
    enter(sim, "10001");
    assertThat(moderation.members(ROOM)).containsExactly("10001");
    assertThat(pauses).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  @InjectGmeServerError(value = "RequestLimitExceeded", actions = "DescribeRoomInfo")
  void aQueryStillThrottledAfterTheLastAttemptIsAClearError() {
    ModerationException e = catchThrowableOfType(ModerationException.class, () -> moderation.members(ROOM));
    assertThat(e.code()).isEqualTo("RequestLimitExceeded");
    assertThat(e).hasMessageStartingWith("listing the players of room match-42 failed after 3 attempts: GME answered"
        + " RequestLimitExceeded").hasMessageEndingWith("GME is throttling this app, try again in a minute");
    assertThat(pauses).hasSize(2);
  }

  static boolean micOn(GmeSimulatorHandle sim, String openId) {
    return sim.room(APP, ROOM).orElseThrow().members().stream().filter(m -> m.openId().equals(openId)).findFirst()
        .map(RoomSnapshot.Member::micOn).orElseThrow();
  }
}
