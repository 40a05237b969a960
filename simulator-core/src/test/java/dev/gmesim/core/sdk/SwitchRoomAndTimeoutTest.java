package dev.gmesim.core.sdk;

import static dev.gmesim.core.catalog.GmeEventType.ENTER_ROOM;
import static dev.gmesim.core.catalog.GmeEventType.SWITCH_ROOM;
import static dev.gmesim.core.catalog.GmeEventType.USER_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.sdk.SimFixture.Client;
import dev.gmesim.core.time.TimeMode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SwitchRoomAndTimeoutTest {

  @Nested
  class SwitchRoom {
    @Test
    void successMovesTheMemberAndBothRoomsSeeIt() {
      try (SimFixture f = new SimFixture()) {
        Client alice = f.inRoom("red");
        Client bob = f.inRoom("red");
        Client carol = f.inRoom("blue");
        alice.events().await(USER_UPDATE);
        bob.gme().switchRoom("blue", new byte[0]);
        assertThat(bob.events().await(SWITCH_ROOM).result()).isZero();
        assertThat(bob.gme().currentRoom()).isEqualTo("blue");
        assertThat(alice.events().await(USER_UPDATE).getIntExtra("event_id", 0)).isEqualTo(2);
        assertThat(carol.events().await(USER_UPDATE).getStringArrayExtra("user_list")).containsExactly(bob.openId());
        assertThat(f.sim.room(SimFixture.APP, "blue").orElseThrow().openIds())
            .containsExactly(carol.openId(), bob.openId());
      }
    }

    @Test
    void switchRoomWith2001StaysInTheOldRoomAndItStillWorks() {
      try (SimFixture f = new SimFixture()) {
        Client alice = f.inRoom("red");
        Client bob = f.inRoom("red");
        alice.events().await(USER_UPDATE);
        f.sim.addFault(FaultRule.on(Operation.SWITCH_ROOM).error(GmeErrorCode.QAV_ERR_NOT_TRY_NEW_ROOM).build());

        bob.gme().switchRoom("blue", new byte[0]);
        GmeEvent e = bob.events().await(SWITCH_ROOM);
        assertThat(e.result()).isEqualTo(2001);
        assertThat(e.errorInfo()).startsWith("QAV_ERR_NOT_TRY_NEW_ROOM");
        assertThat(bob.gme().isRoomEntered()).isTrue();
        assertThat(bob.gme().currentRoom()).isEqualTo("red");
        assertThat(bob.gme().enableMic(true)).isZero();
        // The old room is usable: alice sees bob's mic open.
        assertThat(alice.events().await(USER_UPDATE).getIntExtra("event_id", 0)).isEqualTo(11);
        assertThat(f.sim.room(SimFixture.APP, "red").orElseThrow().openIds())
            .containsExactly(alice.openId(), bob.openId());
        assertThat(f.sim.room(SimFixture.APP, "blue")).isEmpty();
      }
    }

    @Test
    void switchRoomWith2002LeavesTheOldRoomAndTheOthersSeeTheExit() {
      try (SimFixture f = new SimFixture()) {
        Client alice = f.inRoom("red");
        Client bob = f.inRoom("red");
        alice.events().await(USER_UPDATE);
        f.sim.addFault(FaultRule.on(Operation.SWITCH_ROOM).error(GmeErrorCode.QAV_ERR_TRY_NEW_ROOM_FAILED).build());

        bob.gme().switchRoom("blue", new byte[0]);
        assertThat(bob.events().await(SWITCH_ROOM).result()).isEqualTo(2002);
        assertThat(bob.gme().isRoomEntered()).isFalse();
        GmeEvent exit = alice.events().await(USER_UPDATE);
        assertThat(exit.getIntExtra("event_id", 0)).isEqualTo(2);
        assertThat(exit.getStringArrayExtra("user_list")).containsExactly(bob.openId());
        assertThat(f.sim.room(SimFixture.APP, "red").orElseThrow().openIds()).containsExactly(alice.openId());
        assertThat(bob.gme().enableMic(true)).isEqualTo(1201);
        // GME's advice after 2002: enter again.
        bob.gme().enterRoom("red", 1, new byte[0]);
        assertThat(bob.events().await(ENTER_ROOM).result()).isZero();
      }
    }
  }

  @Nested
  class EnterRoomTimeout {
    @Test
    void silentServerGives1005AfterThirtySimulatedSeconds() {
      try (SimFixture f = new SimFixture()) {
        Client c = f.inited();
        f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).noReply().build());
        c.gme().enterRoom("lobby", 1, new byte[0]);
        GmeEvent e = c.events().await(ENTER_ROOM, Duration.ofSeconds(5));
        assertThat(e.result()).isEqualTo(1005);
        assertThat(e.errorInfo()).startsWith("AV_ERR_TIMEOUT").contains("30000 ms");
        assertThat(e.elapsedMillis()).isEqualTo(30_000);
        // The SDK's own timer ended it, on the session's clock, which now reads 30 s.
        assertThat(c.gme().clock().now()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.gme().isRoomEntered()).isFalse();
        assertThat(SimulatorInternals.journal(f.sim).find(Operation.ENTER_ROOM)).singleElement()
            .satisfies(j -> assertThat(j.effect()).isEqualTo("no reply"));
      }
    }

    @Test
    void afterATimeoutTheNextEntryIsNotRefusedAsInFlight() {
      try (SimFixture f = new SimFixture()) {
        Client c = f.inited();
        f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).noReply().times(1).build());
        c.gme().enterRoom("lobby", 1, new byte[0]);
        assertThat(c.events().await(ENTER_ROOM).result()).isEqualTo(1005);
        c.gme().enterRoom("lobby", 1, new byte[0]);
        assertThat(c.events().await(ENTER_ROOM).result()).isZero();
      }
    }

    @Test
    void onAScaled100ClockTheTimeoutTakesThreeHundredMillisecondsOfWallTime() {
      try (SimFixture f = new SimFixture(TimeMode.scaled(100))) {
        Client c = f.inited();
        f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).noReply().build());
        long start = System.nanoTime();
        c.gme().enterRoom("lobby", 1, new byte[0]);
        GmeEvent e = c.events().await(ENTER_ROOM, Duration.ofSeconds(10));
        assertThat(e.result()).isEqualTo(1005);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(299);
      }
    }
  }

  @Nested
  class Journal {
    @Test
    void everyCallIsJournaledWithTheDecisionTaken() {
      try (SimFixture f = new SimFixture()) {
        Client c = f.inited();
        var rule = f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD)
            .times(1).alias("expired token").build());
        c.gme().enterRoom("lobby", 1, new byte[0]);
        assertThat(c.events().await(ENTER_ROOM).result()).isEqualTo(7006);
        c.gme().enterRoom("lobby", 1, new byte[0]);
        assertThat(c.events().await(ENTER_ROOM).result()).isZero();
        assertThat(SimulatorInternals.journal(f.sim).find(Operation.ENTER_ROOM))
            .extracting(JournalEntry::source, JournalEntry::result, JournalEntry::openId, JournalEntry::roomId)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(rule.id(), 7006, c.openId(), "lobby"),
                org.assertj.core.groups.Tuple.tuple(JournalEntry.WORLD, 0, c.openId(), "lobby"));
      }
    }
  }
}
