package dev.gmesim.core.sdk;

import static dev.gmesim.core.catalog.GmeEventType.ENTER_ROOM;
import static dev.gmesim.core.catalog.GmeEventType.RECONNECT_START;
import static dev.gmesim.core.catalog.GmeEventType.RECONNECT_SUCCESS;
import static dev.gmesim.core.catalog.GmeEventType.ROOM_DISCONNECT;
import static dev.gmesim.core.catalog.GmeEventType.USER_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.JournalQuery;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.SimFixture.Client;
import dev.gmesim.core.time.TimeMode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GME's reconnect on the session clock: a member whose network goes down keeps trying for the
 * window, is back with mic and speaker as they were once the network returns, or gets
 * ROOM_DISCONNECT when the window ends. Simulated minutes cost milliseconds of wall time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReconnectionTest extends SimulatorPerTest {

  /** An inited context in {@code room} with the given clock, polling and policy. */
  private Client inRoom(String room, TimeMode clock, ReconnectPolicy policy) {
    Client c = f.connect(clock, PollMode.IMMEDIATE, policy);
    assertThat(c.gme().init(SimFixture.APP, c.openId())).isZero();
    c.gme().enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    assertThat(c.events().await(ENTER_ROOM).result()).isZero();
    return c;
  }

  /** Takes {@code c}'s network down for {@code outage} when it next calls InitSpatializer. */
  private void networkDownOnNextCall(Client c, Duration outage) {
    f.sim.addFault(FaultRule.on(Operation.INIT_SPATIALIZER).networkDown(outage).openId(c.openId()).times(1).build());
    assertThat(c.gme().initSpatializer("")).isEqualTo(GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.value());
  }

  private List<JournalEntry> inits(Client c) {
    return f.sim.journal(JournalQuery.builder().operation(Operation.INIT).openId(c.openId()).build());
  }

  @Nested
  class Outages {
    /** A member of team {@code team} in world mode at x, hearing as far as {@code range}, mic and speaker on. */
    private Client ranged(String room, int team, int range, int x) {
      Client c = f.inited();
      assertThat(c.gme().setRangeAudioTeamID(team)).isZero();
      assertThat(c.gme().setRangeAudioMode(GmeContext.RANGE_AUDIO_MODE_WORLD)).isZero();
      c.gme().enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      assertThat(c.events().await(ENTER_ROOM).result()).isZero();
      assertThat(c.gme().enableMic(true)).isZero();
      assertThat(c.gme().enableSpeaker(true)).isZero();
      assertThat(c.gme().getRoom().updateAudioRecvRange(range)).isZero();
      float[] axis = {1, 0, 0};
      assertThat(c.gme().getRoom().updateSelfPosition(new int[] {x, 0, 0}, axis, axis, axis)).isZero();
      return c;
    }

    @Test
    void rangeVoiceAndTheBlacklistOutliveTheOutage() {
      Client speaker = ranged("field", 2, 100, 50);
      Client pest = ranged("field", 3, 100, 10);
      Client listener = ranged("field", 1, 100, 0);
      assertThat(listener.gme().getAudioCtrl().addAudioBlackList(pest.openId())).isZero();

      networkDownOnNextCall(listener, Duration.ofMinutes(5));
      assertThat(listener.events().await(RECONNECT_SUCCESS).result()).isZero();
      listener.events().clear();

      // Another team, 50 away, inside the listener's range of 100: heard only if range voice came back.
      assertThat(speaker.gme().speak(Duration.ofSeconds(1))).isZero();
      assertThat(listener.events().await(e -> e.type() == USER_UPDATE && e.getIntExtra("event_id", 0) == 5,
          "the speaker heard again", EventRecorder.DEFAULT_TIMEOUT).getStringArrayExtra("user_list"))
          .containsExactly(speaker.openId());
      // The blacklisted member is still not heard: nothing but the speaker's 5, then its 6.
      assertThat(pest.gme().speak(Duration.ofSeconds(1))).isZero();
      listener.events().await(e -> e.type() == USER_UPDATE && e.getIntExtra("event_id", 0) == 6,
          "the speaker's silence", EventRecorder.DEFAULT_TIMEOUT);
      assertThat(listener.events().events(USER_UPDATE)).extracting(e -> e.getIntExtra("event_id", 0))
          .containsExactly(5, 6);
      assertThat(listener.events().events(GmeEventType.CHANGETEAMID)).isEmpty();
    }

    @Test
    void aFiveMinuteOutageIsSurvivedWithMicAndSpeakerKept() {
      Client alice = f.inRoom("lobby");
      Client bob = inRoom("lobby", TimeMode.virtual(), ReconnectPolicy.gme());
      assertThat(bob.gme().enableMic(true)).isZero();
      assertThat(bob.gme().enableSpeaker(true)).isZero();
      alice.events().await(e -> e.type() == USER_UPDATE && e.getIntExtra("event_id", 0) == 11, "mic opened",
          EventRecorder.DEFAULT_TIMEOUT);
      Duration before = bob.gme().clock().now();

      networkDownOnNextCall(bob, Duration.ofMinutes(5));

      assertThat(bob.events().await(RECONNECT_START).result()).isZero();
      GmeEvent back = bob.events().await(RECONNECT_SUCCESS);
      assertThat(back.result()).isZero();
      assertThat(back.elapsedMillis()).isEqualTo(Duration.ofMinutes(5).toMillis());
      assertThat(bob.gme().clock().now().minus(before)).isEqualTo(Duration.ofMinutes(5));
      assertThat(bob.gme().isRoomEntered()).isTrue();
      // Every 30 s from the loss the network was still down; the attempt at 5:00 got through.
      assertThat(inits(bob)).extracting(JournalEntry::effect).filteredOn(e -> e.startsWith("network down"))
          .hasSize(10);
      assertThat(f.sim.room(SimFixture.APP, "lobby").orElseThrow().members())
          .filteredOn(m -> m.openId().equals(bob.openId())).singleElement().satisfies(m -> {
            assertThat(m.micOn()).isTrue();
            assertThat(m.speakerOn()).isTrue();
          });
      // Alice saw Bob drop out, come back and be heard again.
      alice.events().await(e -> e.type() == USER_UPDATE && e.getIntExtra("event_id", 0) == 11, "mic opened again",
          EventRecorder.DEFAULT_TIMEOUT);
      assertThat(alice.events().events(USER_UPDATE)).extracting(e -> e.getIntExtra("event_id", 0))
          .containsExactly(1, 11, 2, 1, 11);
      assertThat(bob.events().events(ROOM_DISCONNECT)).isEmpty();
    }

    @Test
    void aSixtyOneMinuteOutageEndsInRoomDisconnectWhenTheWindowEnds() {
      Client alice = f.inRoom("lobby");
      Client bob = inRoom("lobby", TimeMode.virtual(), ReconnectPolicy.gme());
      Duration before = bob.gme().clock().now();

      networkDownOnNextCall(bob, Duration.ofMinutes(61));

      bob.events().await(RECONNECT_START);
      GmeEvent lost = bob.events().await(ROOM_DISCONNECT);
      // GME's documented sample for a reconnect that timed out.
      assertThat(lost.result()).isZero();
      assertThat(lost.errorInfo()).isEqualTo("waiting timeout, please check your network");
      assertThat(lost.elapsedMillis()).isEqualTo(Duration.ofMinutes(60).toMillis());
      assertThat(bob.gme().clock().now().minus(before)).isEqualTo(Duration.ofMinutes(60));
      assertThat(bob.gme().isRoomEntered()).isFalse();
      assertThat(bob.events().events(RECONNECT_SUCCESS)).isEmpty();
      assertThat(f.sim.room(SimFixture.APP, "lobby").orElseThrow().openIds()).containsExactly(alice.openId());
      // Attempts at 0:00, 0:30, ..., 60:00, all refused.
      assertThat(inits(bob)).filteredOn(e -> e.effect().startsWith("network down")).hasSize(121);
    }

    @Test
    void afterRoomDisconnectTheContextCanEnterAgainOnceTheNetworkIsBack() {
      Client bob = inRoom("lobby", TimeMode.manual(), ReconnectPolicy.gme().window(Duration.ofMinutes(1)));
      networkDownOnNextCall(bob, Duration.ofMinutes(2));
      bob.gme().clock().advance(Duration.ofMinutes(1));
      assertThat(bob.events().await(ROOM_DISCONNECT).elapsedMillis()).isEqualTo(60_000);
      // Still down: the game's own retry fails like any call without a network ...
      bob.gme().enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      assertThat(bob.events().await(ENTER_ROOM).result()).isEqualTo(GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.value());
      // ... and once the outage is over, the same context is usable again.
      bob.gme().clock().advance(Duration.ofMinutes(1));
      bob.gme().enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      assertThat(bob.events().await(ENTER_ROOM).result()).isZero();
      assertThat(f.sim.room(SimFixture.APP, "lobby").orElseThrow().openIds()).containsExactly(bob.openId());
    }

    @Test
    void onAManualClockNothingReconnectsUntilTheOutageHasPassed() {
      Client bob = inRoom("lobby", TimeMode.manual(), ReconnectPolicy.gme());
      networkDownOnNextCall(bob, Duration.ofMinutes(5));
      assertThat(bob.events().await(RECONNECT_START).result()).isZero();

      bob.gme().clock().advance(Duration.ofMinutes(5).minusSeconds(1));
      assertThat(bob.events().events(RECONNECT_SUCCESS)).isEmpty();
      assertThat(bob.gme().isRoomEntered()).isTrue();
      bob.gme().clock().advance(Duration.ofSeconds(1));
      assertThat(bob.events().await(RECONNECT_SUCCESS).elapsedMillis()).isEqualTo(300_000);
    }

    @Test
    void aCallDuringTheOutageFailsWithANetworkErrorAndTheReconnectGoesOn() {
      Client bob = inRoom("lobby", TimeMode.manual(), ReconnectPolicy.gme());
      assertThat(bob.gme().enableMic(true)).isZero();
      networkDownOnNextCall(bob, Duration.ofMinutes(1));
      bob.events().await(RECONNECT_START);

      assertThat(bob.gme().enableMic(false)).isEqualTo(GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.value());

      bob.gme().clock().advance(Duration.ofMinutes(1));
      assertThat(bob.events().await(RECONNECT_SUCCESS).result()).isZero();
      // The failed call changed nothing: the mic that was on is on again.
      assertThat(f.sim.room(SimFixture.APP, "lobby").orElseThrow().members()).singleElement()
          .satisfies(m -> assertThat(m.micOn()).isTrue());
    }
  }

  @Nested
  class Policy {
    @Test
    void theWindowIntervalAndFinalResultAreTheTestsToChoose() {
      ReconnectPolicy policy = ReconnectPolicy.gme().window(Duration.ofMinutes(2)).interval(Duration.ofSeconds(20))
          .disconnect(GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.value(), "gave up after 2 minutes");
      Client bob = inRoom("lobby", TimeMode.virtual(), policy);
      networkDownOnNextCall(bob, Duration.ofMinutes(10));

      GmeEvent lost = bob.events().await(ROOM_DISCONNECT);
      assertThat(lost.result()).isEqualTo(7004);
      assertThat(lost.errorInfo()).isEqualTo("gave up after 2 minutes");
      assertThat(lost.elapsedMillis()).isEqualTo(120_000);
      assertThat(inits(bob)).filteredOn(e -> e.effect().startsWith("network down")).hasSize(7);
    }

    @Test
    void aWindowThatEndsBetweenTwoAttemptsEndsTheReconnectAtItsEnd() {
      ReconnectPolicy policy = ReconnectPolicy.gme().window(Duration.ofSeconds(100));
      Client bob = inRoom("lobby", TimeMode.virtual(), policy);
      networkDownOnNextCall(bob, Duration.ofMinutes(10));
      assertThat(bob.events().await(ROOM_DISCONNECT).elapsedMillis()).isEqualTo(100_000);
      // Attempts at 0, 30, 60 and 90 s; none at 100 s, where the window ends.
      assertThat(inits(bob)).filteredOn(e -> e.effect().startsWith("network down")).hasSize(4);
    }

    @Test
    void aZeroWindowMakesOneAttempt() {
      Client bob = inRoom("lobby", TimeMode.virtual(), ReconnectPolicy.gme().window(Duration.ZERO));
      networkDownOnNextCall(bob, Duration.ofMinutes(1));
      assertThat(bob.events().await(ROOM_DISCONNECT).elapsedMillis()).isZero();
      assertThat(inits(bob)).filteredOn(e -> e.effect().startsWith("network down")).hasSize(1);
    }

    @Test
    void outOfRangeSettingsAreRefusedNamingTheValueAndTheFix() {
      ReconnectPolicy gme = ReconnectPolicy.gme();
      assertThatThrownBy(() -> gme.window(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("ReconnectPolicy: window PT-1M is outside 0 to PT24H; pass e.g. Duration.ofMinutes(60) "
              + "(GME's), or Duration.ZERO for a single attempt");
      assertThatThrownBy(() -> gme.interval(Duration.ofMillis(10)))
          .hasMessage("ReconnectPolicy: interval PT0.01S is shorter than PT1S; pass e.g. Duration.ofSeconds(30)");
      assertThatThrownBy(() -> gme.window(Duration.ofHours(24)).interval(Duration.ofSeconds(1)))
          .hasMessageContaining("makes 86401 attempts, more than 10000; pass a longer interval, at least PT8.641S");
      assertThatThrownBy(() -> gme.disconnect(70040, ""))
          .hasMessage("ReconnectPolicy: result 70040 is not 0 or a GME error code; nearest: 7004 AV_ERR_NET_REQUEST_FALLED");
      assertThatThrownBy(() -> gme.disconnect(0, null)).hasMessageContaining("errorInfo is null");
    }

    @Test
    void aNetworkDownFaultNeedsAPositiveOutageAndARoomOperation() {
      assertThatThrownBy(() -> FaultRule.on(Operation.ENABLE_MIC).networkDown(Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("outage 0s is not positive; pass a positive duration such as \"5m\"");
      assertThatThrownBy(() -> FaultRule.on(Operation.PTT_UPLOAD).networkDown(Duration.ofMinutes(1)).build())
          .hasMessageContaining("networkDown applies to room and device operations");
    }
  }
}
