package dev.gmesim.core.sdk;

import static dev.gmesim.core.catalog.GmeEventType.ENTER_ROOM;
import static dev.gmesim.core.catalog.GmeEventType.EXIT_ROOM;
import static dev.gmesim.core.catalog.GmeEventType.SWITCH_ROOM;
import static dev.gmesim.core.catalog.GmeEventType.USER_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.SimFixture.Client;
import dev.gmesim.core.time.TimeMode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each row of DESIGN.md's table of errors the world produces without any injected fault. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NaturalErrorsTest extends SimulatorPerTest {
  @Nested
  class EnteringRooms {
    @Test
    void enterRoomBeforeInitFailsWith1101() {
      Client c = f.connect();
      c.gme().enterRoom("lobby", 1, new byte[0]);
      assertThat(c.events().await(ENTER_ROOM).result()).isEqualTo(1101);
      assertThat(c.gme().isRoomEntered()).isFalse();
    }

    @Test
    void enterRoomWhileAnEntryIsInFlightFailsWith1001() {
      // A manual clock: the second call comes in the middle of the first one's wait, which a virtual clock
      // would skip as soon as the first reply is held.
      Client c = f.inited(TimeMode.manual());
      f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).noReply().times(1).build());
      c.gme().enterRoom("lobby", 1, new byte[0]);
      c.gme().enterRoom("lobby", 1, new byte[0]);
      GmeEvent second = c.events().await(ENTER_ROOM);
      assertThat(second.result()).isEqualTo(1001);
      assertThat(second.errorInfo()).startsWith("AV_ERR_REPEATED_OPERATION");
    }

    @Test
    void enterRoomIntoTheRoomYouAreInReports1003AndStaysIn() {
      Client c = f.inRoom("lobby");
      c.gme().enterRoom("lobby", 1, new byte[0]);
      assertThat(c.events().await(ENTER_ROOM).result()).isEqualTo(1003);
      assertThat(c.gme().isRoomEntered()).isTrue();
      assertThat(f.sim.room(SimFixture.APP, "lobby").orElseThrow().openIds()).containsExactly(c.openId());
    }

    @Test
    void enterRoomWhileInAnotherRoomFailsWith7007() {
      Client c = f.inRoom("lobby");
      c.gme().enterRoom("arena", 1, new byte[0]);
      assertThat(c.events().await(ENTER_ROOM).result()).isEqualTo(7007);
      assertThat(c.gme().currentRoom()).isEqualTo("lobby");
    }

    @Test
    void exitRoomWhileTheEntryIsInFlightEndsTheEntryWith7013() {
      Client c = f.inited(TimeMode.manual());
      f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).noReply().times(1).build());
      c.gme().enterRoom("lobby", 1, new byte[0]);
      c.gme().exitRoom();
      assertThat(c.events().await(ENTER_ROOM).result()).isEqualTo(7013);
      assertThat(f.sim.rooms()).isEmpty();
    }

    @Test
    void anInvalidRoomTypeFailsWith1004() {
      Client c = f.inited();
      c.gme().enterRoom("lobby", 9, new byte[0]);
      GmeEvent e = c.events().await(ENTER_ROOM);
      assertThat(e.result()).isEqualTo(1004);
      assertThat(e.errorInfo()).contains("roomType 9");
    }
  }

  @Nested
  class OutsideARoom {
    @Test
    void exitRoomOutsideARoomFailsWith1201() {
      Client c = f.inited();
      c.gme().exitRoom();
      assertThat(c.events().await(EXIT_ROOM).result()).isEqualTo(1201);
    }

    @Test
    void switchRoomOutsideARoomFailsWith1201() {
      Client c = f.inited();
      c.gme().switchRoom("arena", new byte[0]);
      assertThat(c.events().await(SWITCH_ROOM).result()).isEqualTo(1201);
    }

    @Test
    void enableMicOutsideARoomFailsWith1201() {
      Client c = f.inited();
      assertThat(c.gme().enableMic(true)).isEqualTo(1201);
    }

    @Test
    void uninitWhileInARoomFailsWith1202() {
      Client c = f.inRoom("lobby");
      assertThat(c.gme().uninit()).isEqualTo(1202);
      assertThat(c.gme().isRoomEntered()).isTrue();
    }

    @Test
    void uninitAfterLeavingSucceeds() {
      Client c = f.inRoom("lobby");
      c.gme().exitRoom();
      assertThat(c.events().await(EXIT_ROOM).result()).isZero();
      assertThat(c.gme().uninit()).isZero();
    }
  }

  @Nested
  class ThreeDVoice {
    @Test
    void enableSpatializerBeforeInitSpatializerFailsWith7003() {
      Client c = f.inRoom("lobby");
      assertThat(c.gme().enableSpatializer(true, false)).isEqualTo(7003);
    }

    @Test
    void enableSpatializerAfterInitSpatializerSucceeds() {
      Client c = f.inRoom("lobby");
      assertThat(c.gme().initSpatializer("")).isZero();
      assertThat(c.gme().enableSpatializer(true, false)).isZero();
    }
  }

  @Nested
  class Members {
    @Test
    void membersSeeEachOtherEnterAndLeave() {
      Client alice = f.inRoom("lobby");
      Client bob = f.inited();
      bob.gme().enterRoom("lobby", 1, new byte[0]);
      assertThat(bob.events().await(ENTER_ROOM).result()).isZero();
      GmeEvent seen = alice.events().await(USER_UPDATE);
      assertThat(seen.getIntExtra("event_id", 0)).isEqualTo(1);
      assertThat(seen.getStringArrayExtra("user_list")).containsExactly(bob.openId());
      // The newcomer is told who is already there.
      assertThat(bob.events().await(USER_UPDATE).getStringArrayExtra("user_list")).containsExactly(alice.openId());

      bob.gme().exitRoom();
      assertThat(bob.events().await(EXIT_ROOM).result()).isZero();
      GmeEvent left = alice.events().await(USER_UPDATE);
      assertThat(left.getIntExtra("event_id", 0)).isEqualTo(2);
      assertThat(left.getStringArrayExtra("user_list")).containsExactly(bob.openId());
      assertThat(f.sim.room(SimFixture.APP, "lobby").orElseThrow().openIds()).containsExactly(alice.openId());
    }

    @Test
    void aClosedConnectionLeavesItsRoomAndTheOthersSeeTheExit() {
      Client alice = f.inRoom("lobby");
      Client bob = f.inRoom("lobby");
      alice.events().await(USER_UPDATE);
      bob.gme().close();
      GmeEvent left = alice.events().await(USER_UPDATE, Duration.ofSeconds(5));
      assertThat(left.getIntExtra("event_id", 0)).isEqualTo(2);
    }
  }
}
