package dev.gmesim.core.sdk;

import static dev.gmesim.core.catalog.GmeEventType.ENTER_ROOM;
import static dev.gmesim.core.catalog.GmeEventType.RECONNECT_START;
import static dev.gmesim.core.catalog.GmeEventType.RECONNECT_SUCCESS;
import static dev.gmesim.core.catalog.GmeEventType.ROOM_DISCONNECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.DelayDistribution;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.sdk.SimFixture.Client;
import dev.gmesim.core.time.TimeMode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The effects a fault rule can have on the room channel, seen from the client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultEffectsTest extends SimulatorPerTest {
  @Nested
  class Delays {
    @Test
    void aDelayedErrorArrivesAfterItsSimulatedDelayAndTheEntryIsInFlightMeanwhile() {
      Client c = f.inited(TimeMode.manual());
      f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_SERVER_TIMEOUT)
          .delay(Duration.ofSeconds(10)).times(1).build());
      c.gme().enterRoom("lobby", 1, new byte[0]);
      c.gme().enterRoom("lobby", 1, new byte[0]);
      // The second entry is refused while the first is still in flight ...
      assertThat(c.events().await(ENTER_ROOM).result()).isEqualTo(1001);
      // ... and the first fails once 10 simulated seconds have passed, not a millisecond earlier.
      c.gme().clock().advance(Duration.ofMillis(9_999));
      assertThat(c.events().events(ENTER_ROOM)).hasSize(1);
      c.gme().clock().advance(Duration.ofMillis(1));
      GmeEvent first = c.events().await(ENTER_ROOM);
      assertThat(first.result()).isEqualTo(10004);
      assertThat(first.elapsedMillis()).isEqualTo(10_000);
      assertThat(c.gme().isRoomEntered()).isFalse();
    }

    @Test
    void exitRoomCancelsADelayedFailureWith7013AndNothingElseArrives() {
      Client c = f.inited(TimeMode.manual());
      f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD)
          .delay(DelayDistribution.fixed(Duration.ofSeconds(5))).times(1).build());
      c.gme().enterRoom("lobby", 1, new byte[0]);
      c.gme().exitRoom();
      assertThat(c.events().await(ENTER_ROOM).result()).isEqualTo(7013);
      assertThat(c.events().await(GmeEventType.EXIT_ROOM).result()).isZero();
      // Once the 5 simulated seconds have passed, the cancelled entry must stay silent.
      c.gme().clock().advance(Duration.ofSeconds(5));
      c.gme().enterRoom("lobby", 1, new byte[0]);
      GmeEvent next = c.events().await(ENTER_ROOM);
      assertThat(next.result()).isZero();
      assertThat(c.events().events(ENTER_ROOM)).extracting(GmeEvent::result).containsExactly(7013, 0);
    }

    @Test
    void aDelayedErrorCancelledByExitRoomIsJournaledWhenDecided() {
      Client c = f.inited(TimeMode.manual());
      FaultRule rule = f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD)
          .delay(DelayDistribution.fixed(Duration.ofSeconds(5))).times(1).build());
      c.gme().enterRoom("lobby", 1, new byte[0]);
      c.gme().exitRoom();
      assertThat(c.events().await(ENTER_ROOM).result()).isEqualTo(7013);
      assertThat(SimulatorInternals.journal(f.sim).find(e -> e.operation() == Operation.ENTER_ROOM)).singleElement().satisfies(e -> {
        assertThat(e.source()).isEqualTo(rule.id());
        assertThat(e.effect()).isEqualTo("reply (delayed)");
        assertThat(e.result()).isEqualTo(7006);
      });
    }

    @Test
    void aDelayedErrorWhoseConnectionClosesFirstIsJournaledWhenDecided() {
      Client c = f.inRoom("lobby", TimeMode.manual());
      FaultRule rule = f.sim.addFault(FaultRule.on(Operation.CHANGE_ROOM_TYPE)
          .error(GmeErrorCode.AV_ERR_SERVER_TIMEOUT).delay(Duration.ofMinutes(10)).times(1).build());
      c.gme().changeRoomType(GmeContext.ROOM_TYPE_STANDARD);
      c.gme().close();
      await().atMost(Duration.ofSeconds(5)).until(() -> f.sim.rooms().isEmpty());
      assertThat(SimulatorInternals.journal(f.sim).find(e -> e.operation() == Operation.CHANGE_ROOM_TYPE)).singleElement()
          .satisfies(e -> {
            assertThat(e.source()).isEqualTo(rule.id());
            assertThat(e.effect()).isEqualTo("reply (delayed)");
          });
    }
  }

  @Nested
  class Connections {
    @Test
    void aDisconnectInARoomReconnectsAndTheClientIsBackInItsRoom() {
      Client c = f.inRoom("lobby");
      f.sim.addFault(FaultRule.on(Operation.ENABLE_MIC).disconnect().times(1).build());
      assertThat(c.gme().enableMic(true)).isEqualTo(GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.value());
      assertThat(c.events().await(RECONNECT_START).result()).isZero();
      assertThat(c.events().await(RECONNECT_SUCCESS).result()).isZero();
      assertThat(c.gme().isRoomEntered()).isTrue();
      assertThat(f.sim.room(SimFixture.APP, "lobby").orElseThrow().openIds()).containsExactly(c.openId());
      assertThat(c.gme().enableMic(true)).isZero();
    }

    @Test
    void aReconnectRestoresTheMicAndSpeakerThatWereOn() {
      Client c = f.inRoom("lobby");
      assertThat(c.gme().enableMic(true)).isZero();
      assertThat(c.gme().enableSpeaker(true)).isZero();
      f.sim.addFault(FaultRule.on(Operation.INIT_SPATIALIZER).disconnect().times(1).build());
      c.gme().initSpatializer("");
      assertThat(c.events().await(RECONNECT_SUCCESS).result()).isZero();
      // GME keeps device state across a reconnect: the new session is heard and hears, as the old one did.
      assertThat(f.sim.room(SimFixture.APP, "lobby").orElseThrow().members()).singleElement().satisfies(m -> {
        assertThat(m.micOn()).isTrue();
        assertThat(m.speakerOn()).isTrue();
      });
    }

    @Test
    void aReconnectLeavesAMicThatWasOffOff() {
      Client c = f.inRoom("lobby");
      assertThat(c.gme().enableMic(true)).isZero();
      assertThat(c.gme().enableMic(false)).isZero();
      f.sim.addFault(FaultRule.on(Operation.INIT_SPATIALIZER).disconnect().times(1).build());
      c.gme().initSpatializer("");
      assertThat(c.events().await(RECONNECT_SUCCESS).result()).isZero();
      assertThat(f.sim.room(SimFixture.APP, "lobby").orElseThrow().members()).singleElement()
          .satisfies(m -> assertThat(m.micOn()).isFalse());
      assertThat(SimulatorInternals.journal(f.sim).find(Operation.ENABLE_MIC)).hasSize(2);
    }

    @Test
    void whenTheRoomCannotBeEnteredAgainTheClientGetsRoomDisconnect() {
      Client c = f.inRoom("lobby");
      f.sim.addFault(FaultRule.on(Operation.ENABLE_MIC).reset().times(1).build());
      f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_SERVER_ALLOC_RESOURCE_FAILED)
          .build());
      c.gme().enableMic(true);
      c.events().await(RECONNECT_START);
      GmeEvent lost = c.events().await(ROOM_DISCONNECT);
      assertThat(lost.result()).isEqualTo(10005);
      assertThat(c.gme().isRoomEntered()).isFalse();
      assertThat(c.events().events(RECONNECT_SUCCESS)).isEmpty();
    }

    @Test
    void aPendingEntryFailsWithANetworkErrorWhenTheConnectionDrops() {
      Client c = f.inited();
      f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).disconnect().times(1).build());
      c.gme().enterRoom("lobby", 1, new byte[0]);
      GmeEvent e = c.events().await(ENTER_ROOM);
      assertThat(e.result()).isEqualTo(7004);
      assertThat(e.errorInfo()).contains("connection closed");
      // Not in a room, so no reconnect events; but the next call works on a new connection.
      c.gme().enterRoom("lobby", 1, new byte[0]);
      assertThat(c.events().await(ENTER_ROOM).result()).isZero();
      assertThat(c.events().events(RECONNECT_START)).isEmpty();
    }
  }

  @Nested
  class Scope {
    @Test
    void aRuleScopedToATagTouchesOnlyConnectionsWithThatTag() {
      EventRecorder mine = new EventRecorder();
      EventRecorder theirs = new EventRecorder();
      try (GmeContext a = GmeContext.builder().room(f.sim.roomAddress()).tag("test-A").delegate(mine).build();
           GmeContext b = GmeContext.builder().room(f.sim.roomAddress()).tag("test-B").delegate(theirs).build()) {
        f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD).tag("test-A").build());
        a.init(SimFixture.APP, "1");
        b.init(SimFixture.APP, "2");
        a.enterRoom("lobby", 1, new byte[0]);
        b.enterRoom("lobby", 1, new byte[0]);
        assertThat(mine.await(ENTER_ROOM).result()).isEqualTo(7006);
        assertThat(theirs.await(ENTER_ROOM).result()).isZero();
      }
    }

    @Test
    void aRuleScopedToARoomGlobTouchesOnlyMatchingRooms() {
      Client c = f.inited();
      f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_SERVER_FAILED)
          .roomId("ranked-*").build());
      c.gme().enterRoom("ranked-7", 1, new byte[0]);
      assertThat(c.events().await(ENTER_ROOM).result()).isEqualTo(10001);
      c.gme().enterRoom("casual-7", 1, new byte[0]);
      assertThat(c.events().await(ENTER_ROOM).result()).isZero();
    }
  }

  @Nested
  class ManualPolling {
    @Test
    void withManualPollEventsWaitForPoll() {
      EventRecorder events = new EventRecorder();
      try (GmeContext g = GmeContext.builder().room(f.sim.roomAddress()).delegate(events).poll(PollMode.STRICT).build()) {
        g.init(SimFixture.APP, "77");
        g.enterRoom("lobby", 1, new byte[0]);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
            .until(() -> f.sim.room(SimFixture.APP, "lobby").isPresent());
        assertThat(events.events()).isEmpty();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
          g.poll();
          return !events.events(ENTER_ROOM).isEmpty();
        });
        assertThat(events.events(ENTER_ROOM).get(0).result()).isZero();
      }
    }
  }
}
