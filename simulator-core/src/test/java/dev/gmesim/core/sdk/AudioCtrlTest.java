package dev.gmesim.core.sdk;

import static dev.gmesim.core.catalog.GmeEventType.CHANGE_ROOM_TYPE;
import static dev.gmesim.core.catalog.GmeEventType.ENTER_ROOM;
import static dev.gmesim.core.catalog.GmeEventType.EXIT_ROOM;
import static dev.gmesim.core.catalog.GmeEventType.RECONNECT_SUCCESS;
import static dev.gmesim.core.catalog.GmeEventType.SWITCH_ROOM;
import static dev.gmesim.core.catalog.GmeEventType.USER_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.SimFixture.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GME's ITMGAudioCtrl split (capture, send, play, recv), its getters and volumes, ITMGRoom's
 * GetRoomType/GetRoomID with the room's actual type, and ITMGContext's Pause/Resume, as a game and
 * the other members of its room see them: two or more contexts on one embedded simulator.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AudioCtrlTest {
  private static final int INVALID = GmeErrorCode.AV_ERR_INVALID_ARGUMENT.value();
  private static final int NOT_IN_ROOM = GmeErrorCode.AV_ERR_ROOM_NOT_EXIST.value();
  private static final int ALREADY = GmeErrorCode.AV_ERR_HAS_IN_THE_STATE.value();
  private static final AtomicInteger ROOMS = new AtomicInteger();
  static SimFixture f;

  @BeforeAll
  static void start() {
    f = new SimFixture();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static String room() {
    return "audio-" + ROOMS.incrementAndGet();
  }

  /** The event_ids of the next {@code n} USER_UPDATE events {@code observer} receives about {@code who}. */
  private static List<Integer> nextUpdatesAbout(Client observer, Client who, int n) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      GmeEvent e = observer.events().await(ev -> ev.type() == USER_UPDATE
          && Arrays.asList(ev.getStringArrayExtra("user_list")).contains(who.openId()),
          "USER_UPDATE about " + who.openId(), Duration.ofSeconds(5));
      ids.add(e.getIntExtra("event_id", 0));
    }
    return ids;
  }

  /** A second member entering {@code room} after {@code first}, once {@code first} has seen it enter. */
  private static Client joins(String room, Client first) {
    Client c = f.inRoom(room);
    assertThat(nextUpdatesAbout(first, c, 1)).containsExactly(1);
    return c;
  }

  private static RoomSnapshot.Member member(String room, Client c) {
    return f.sim.room(SimFixture.APP, room).orElseThrow().members().stream()
        .filter(m -> m.openId().equals(c.openId())).findFirst().orElseThrow();
  }

  /** An inited context that entered {@code room} asking for {@code roomType}. */
  private static Client entered(String room, int roomType) {
    Client c = f.inited();
    enter(c, room, roomType);
    return c;
  }

  /** The server drops {@code c}'s connection; returns once GME's reconnect is done. */
  private static void reconnects(Client c) {
    f.sim.addFault(FaultRule.on(Operation.INIT_SPATIALIZER).disconnect().times(1).openId(c.openId()).build());
    c.gme().initSpatializer("");
    assertThat(c.events().await(RECONNECT_SUCCESS).result()).isZero();
  }

  private static GmeEvent enter(Client c, String room, int roomType) {
    assertThat(c.gme().enterRoom(room, roomType, new byte[0])).isZero();
    GmeEvent e = c.events().await(ENTER_ROOM);
    assertThat(e.result()).as("ENTER_ROOM %s", e).isZero();
    return e;
  }

  @Test
  void theReadmeSnippetDoesWhatItSays() {
    String room = room();
    Client alice = f.inRoom(room);
    Client bob = joins(room, alice);
    GmeContext gme = bob.gme();
    // tag::readme-audio-ctrl[]
    GmeAudioCtrl audio = gme.getAudioCtrl();
    audio.enableAudioCaptureDevice(true);   // open the device once (nothing to hear yet)...
    audio.enableAudioSend(true);            // ...then toggle sending: the others get USER_UPDATE 11
    int micState = audio.getMicState();     // 1
    int before = audio.getMicVolume();      // 101: GME's "never set"
    audio.setMicVolume(150);                // 0 to 200; 1004 outside
    int roomType = gme.getRoom().getRoomType();   // the room's type, fixed by its first member
    gme.pause();                            // the app goes to the background: the others get USER_UPDATE 12
    gme.resume();                           // and back: USER_UPDATE 11
    // end::readme-audio-ctrl[]
    assertThat(micState).isEqualTo(1);
    assertThat(before).isEqualTo(101);
    assertThat(audio.getMicVolume()).isEqualTo(150);
    assertThat(roomType).isEqualTo(GmeContext.ROOM_TYPE_FLUENCY);
    assertThat(nextUpdatesAbout(alice, bob, 3)).containsExactly(11, 12, 11);
  }

  @Nested
  class Switches {
    @Test
    void othersHearTheMicOnlyWhileCaptureAndSendAreBothOn() {
      String room = room();
      Client alice = f.inRoom(room);
      Client bob = joins(room, alice);
      GmeAudioCtrl audio = bob.gme().getAudioCtrl();

      assertThat(audio.enableAudioCaptureDevice(true)).isZero();   // capture alone: nothing to hear
      assertThat(audio.enableAudioSend(true)).isZero();            // both: 11
      assertThat(audio.enableAudioCaptureDevice(false)).isZero();  // capture off: 12
      assertThat(audio.enableAudioSend(false)).isZero();           // already closed: nothing
      assertThat(audio.enableAudioSend(true)).isZero();            // send alone: nothing
      assertThat(audio.enableAudioCaptureDevice(true)).isZero();   // both again: 11
      bob.gme().exitRoom();                                        // a marker: 2

      assertThat(nextUpdatesAbout(alice, bob, 4)).containsExactly(11, 12, 11, 2);
    }

    @Test
    void enableMicThenSendOffClosesTheMicForOthers() {
      String room = room();
      Client alice = f.inRoom(room);
      Client bob = joins(room, alice);
      GmeAudioCtrl audio = bob.gme().getAudioCtrl();

      assertThat(audio.enableMic(true)).isZero();
      assertThat(audio.getMicState()).isEqualTo(1);
      assertThat(audio.isAudioCaptureDeviceEnabled()).isTrue();
      assertThat(audio.isAudioSendEnabled()).isTrue();
      assertThat(audio.enableAudioSend(false)).isZero();

      assertThat(nextUpdatesAbout(alice, bob, 2)).containsExactly(11, 12);
      assertThat(audio.getMicState()).isZero();
      assertThat(audio.isAudioCaptureDeviceEnabled()).isTrue();
      assertThat(audio.isAudioSendEnabled()).isFalse();
      assertThat(member(room, bob).micOn()).isFalse();
    }

    @Test
    void enableSpeakerIsPlayAndRecvAndEitherOffSilencesIt() {
      String room = room();
      Client bob = f.inRoom(room);
      GmeAudioCtrl audio = bob.gme().getAudioCtrl();
      assertThat(audio.getSpeakerState()).isZero();

      assertThat(audio.enableSpeaker(true)).isZero();
      assertThat(audio.isAudioPlayDeviceEnabled()).isTrue();
      assertThat(audio.isAudioRecvEnabled()).isTrue();
      assertThat(audio.getSpeakerState()).isEqualTo(1);
      assertThat(member(room, bob).speakerOn()).isTrue();

      assertThat(audio.enableAudioRecv(false)).isZero();
      assertThat(audio.getSpeakerState()).isZero();
      assertThat(audio.isAudioPlayDeviceEnabled()).isTrue();
      assertThat(member(room, bob).speakerOn()).isFalse();

      assertThat(audio.enableAudioRecv(true)).isZero();
      assertThat(audio.enableAudioPlayDevice(false)).isZero();
      assertThat(audio.getSpeakerState()).isZero();
      assertThat(member(room, bob).speakerOn()).isFalse();
    }

    @Test
    void theSwitchesSurviveSwitchRoom() {
      String from = room();
      String to = room();
      Client carol = f.inRoom(to);
      Client bob = f.inRoom(from);
      GmeAudioCtrl audio = bob.gme().getAudioCtrl();
      assertThat(audio.enableAudioCaptureDevice(true)).isZero();
      assertThat(audio.enableSpeaker(true)).isZero();

      bob.gme().getRoom().switchRoom(to, new byte[0]);
      assertThat(bob.events().await(SWITCH_ROOM).result()).isZero();
      assertThat(audio.isAudioCaptureDeviceEnabled()).isTrue();
      assertThat(audio.isAudioSendEnabled()).isFalse();
      assertThat(audio.getSpeakerState()).isEqualTo(1);
      assertThat(member(to, bob).speakerOn()).isTrue();

      // The server kept the capture device across the switch: send alone now opens the mic in the new room.
      assertThat(audio.enableAudioSend(true)).isZero();
      assertThat(nextUpdatesAbout(carol, bob, 2)).containsExactly(1, 11);
    }

    @Test
    void outsideARoomEverySwitchIs1201AndTheNextCallWorks() {
      Client bob = f.inited();
      GmeAudioCtrl audio = bob.gme().getAudioCtrl();
      assertThat(audio.enableAudioCaptureDevice(true)).isEqualTo(NOT_IN_ROOM);
      assertThat(audio.enableAudioSend(true)).isEqualTo(NOT_IN_ROOM);
      assertThat(audio.enableAudioPlayDevice(true)).isEqualTo(NOT_IN_ROOM);
      assertThat(audio.enableAudioRecv(true)).isEqualTo(NOT_IN_ROOM);
      assertThat(audio.isAudioCaptureDeviceEnabled()).isFalse();

      enter(bob, room(), GmeContext.ROOM_TYPE_FLUENCY);
      assertThat(audio.enableAudioCaptureDevice(true)).isZero();
      assertThat(audio.isAudioCaptureDeviceEnabled()).isTrue();
    }

    @Test
    void leavingTheRoomSwitchesEverythingOff() {
      String room = room();
      Client bob = f.inRoom(room);
      GmeAudioCtrl audio = bob.gme().getAudioCtrl();
      audio.enableMic(true);
      audio.enableSpeaker(true);
      bob.gme().exitRoom();
      assertThat(bob.events().await(EXIT_ROOM).result()).isZero();

      assertThat(audio.getMicState()).isZero();
      assertThat(audio.getSpeakerState()).isZero();
      assertThat(audio.isAudioCaptureDeviceEnabled()).isFalse();
      assertThat(audio.isAudioRecvEnabled()).isFalse();
    }

    @Test
    void aReconnectRestoresTheSplitSwitches() {
      String room = room();
      Client alice = f.inRoom(room);
      Client bob = joins(room, alice);
      GmeAudioCtrl audio = bob.gme().getAudioCtrl();
      assertThat(audio.enableAudioCaptureDevice(true)).isZero();
      assertThat(audio.enableAudioPlayDevice(true)).isZero();
      reconnects(bob);
      assertThat(nextUpdatesAbout(alice, bob, 2)).as("the old session left, the new one entered").containsExactly(2, 1);

      // The new session holds the capture device: send alone opens the mic for Alice.
      assertThat(audio.enableAudioSend(true)).isZero();
      assertThat(nextUpdatesAbout(alice, bob, 1)).containsExactly(11);
      assertThat(audio.enableAudioRecv(true)).isZero();
      assertThat(member(room, bob).speakerOn()).isTrue();
    }
  }

  @Nested
  class Volumes {
    @Test
    void volumesRead101UntilSetThenWhatWasSet() {
      Client bob = f.inRoom(room());
      GmeAudioCtrl audio = bob.gme().getAudioCtrl();
      assertThat(audio.getMicVolume()).isEqualTo(101);
      assertThat(audio.getSpeakerVolume()).isEqualTo(101);

      assertThat(audio.setMicVolume(150)).isZero();
      assertThat(audio.setSpeakerVolume(0)).isZero();
      assertThat(audio.getMicVolume()).isEqualTo(150);
      assertThat(audio.getSpeakerVolume()).isZero();
      assertThat(audio.setSpeakerVolume(200)).isZero();
      assertThat(audio.getSpeakerVolume()).isEqualTo(200);
    }

    @Test
    void outOfRangeVolumesAre1004AndKeepTheLastValue() {
      Client bob = f.inRoom(room());
      GmeAudioCtrl audio = bob.gme().getAudioCtrl();
      assertThat(audio.setMicVolume(150)).isZero();
      assertThat(audio.setMicVolume(-1)).isEqualTo(INVALID);
      assertThat(audio.setMicVolume(201)).isEqualTo(INVALID);
      assertThat(audio.setSpeakerVolume(1000)).isEqualTo(INVALID);
      assertThat(audio.getMicVolume()).isEqualTo(150);
      assertThat(audio.getSpeakerVolume()).isEqualTo(101);
      assertThat(audio.setSpeakerVolume(80)).isZero();
    }

    @Test
    void volumesOutsideARoomAre1201() {
      Client bob = f.inited();
      GmeAudioCtrl audio = bob.gme().getAudioCtrl();
      assertThat(audio.setMicVolume(150)).isEqualTo(NOT_IN_ROOM);
      assertThat(audio.setSpeakerVolume(150)).isEqualTo(NOT_IN_ROOM);
      assertThat(audio.setSpeakerVolumeByOpenID("10001", 150)).isEqualTo(NOT_IN_ROOM);
      assertThat(audio.getMicVolume()).isEqualTo(101);
    }

    @Test
    void aMembersVolumeIsKeptPerOpenIdAndLapsesOnExit() {
      String room = room();
      Client alice = f.inRoom(room);
      Client bob = joins(room, alice);
      GmeAudioCtrl audio = alice.gme().getAudioCtrl();
      assertThat(audio.getSpeakerVolumeByOpenID(bob.openId())).isEqualTo(101);

      assertThat(audio.setSpeakerVolumeByOpenID(bob.openId(), 150)).isZero();
      assertThat(audio.getSpeakerVolumeByOpenID(bob.openId())).isEqualTo(150);
      assertThat(audio.getSpeakerVolume()).as("the room's volume is another setting").isEqualTo(101);

      alice.gme().exitRoom();
      assertThat(alice.events().await(EXIT_ROOM).result()).isZero();
      assertThat(audio.getSpeakerVolumeByOpenID(bob.openId())).isEqualTo(101);
    }

    @Test
    void anOpenIdNotInTheRoomIs1401AndABadArgumentIs1004() {
      String room = room();
      Client alice = f.inRoom(room);
      Client bob = joins(room, alice);
      GmeAudioCtrl audio = alice.gme().getAudioCtrl();
      assertThat(audio.setSpeakerVolumeByOpenID("99999999", 150))
          .isEqualTo(GmeErrorCode.AV_ERR_ENDPOINT_NOT_EXIST.value());
      assertThat(audio.setSpeakerVolumeByOpenID("", 150)).isEqualTo(INVALID);
      assertThat(audio.setSpeakerVolumeByOpenID(null, 150)).isEqualTo(INVALID);
      assertThat(audio.setSpeakerVolumeByOpenID(bob.openId(), 201)).isEqualTo(INVALID);
      assertThat(audio.getSpeakerVolumeByOpenID("99999999")).isEqualTo(101);
      assertThat(audio.getSpeakerVolumeByOpenID(bob.openId())).isEqualTo(101);
      assertThat(audio.setSpeakerVolumeByOpenID(bob.openId(), 50)).isZero();
      assertThat(audio.getSpeakerVolumeByOpenID(bob.openId())).isEqualTo(50);
    }
  }

  @Nested
  class RoomType {
    @Test
    void aNewcomerAskingAnotherTypeGetsTheRoomsTypeAndSubEvent1() {
      String room = room();
      Client alice = entered(room, GmeContext.ROOM_TYPE_STANDARD);
      Client bob = f.inited();
      GmeEvent entered = enter(bob, room, GmeContext.ROOM_TYPE_FLUENCY);
      assertThat(entered.getIntExtra("roomType", 0)).isEqualTo(GmeContext.ROOM_TYPE_STANDARD);

      GmeEvent overridden = bob.events().await(CHANGE_ROOM_TYPE);
      assertThat(overridden.result()).isZero();
      assertThat(overridden.getIntExtra("subEventType", 0)).isEqualTo(1);
      assertThat(overridden.getIntExtra("sub_event_type", 0)).isEqualTo(1);
      assertThat(overridden.getIntExtra("new_room_type", 0)).isEqualTo(GmeContext.ROOM_TYPE_STANDARD);
      assertThat(bob.gme().getRoom().getRoomType()).isEqualTo(GmeContext.ROOM_TYPE_STANDARD);
      assertThat(bob.gme().getRoom().getRoomID()).isEqualTo(room);
      assertThat(alice.gme().getRoom().getRoomType()).isEqualTo(GmeContext.ROOM_TYPE_STANDARD);
    }

    @Test
    void aNewcomerAskingTheRoomsTypeGetsNoSubEvent() {
      String room = room();
      Client alice = entered(room, GmeContext.ROOM_TYPE_STANDARD);
      Client bob = entered(room, GmeContext.ROOM_TYPE_STANDARD);
      alice.gme().getRoom().changeRoomType(GmeContext.ROOM_TYPE_HIGHQUALITY);

      // The first CHANGE_ROOM_TYPE Bob sees is Alice's change (3), not an entry sub-event (1).
      GmeEvent first = bob.events().await(CHANGE_ROOM_TYPE);
      assertThat(first.getIntExtra("subEventType", 0)).isEqualTo(3);
      assertThat(first.getIntExtra("sub_event_type", 0)).isEqualTo(3);
    }

    @Test
    void anotherMembersChangeIsTheRoomTypeEveryoneReads() {
      String room = room();
      Client alice = f.inRoom(room);
      Client bob = joins(room, alice);
      alice.gme().getRoom().changeRoomType(GmeContext.ROOM_TYPE_HIGHQUALITY);

      GmeEvent own = alice.events().await(CHANGE_ROOM_TYPE);
      assertThat(own.result()).isZero();
      assertThat(own.getIntExtra("subEventType", 0)).isEqualTo(3);
      assertThat(own.getIntExtra("new_room_type", 0)).isEqualTo(GmeContext.ROOM_TYPE_HIGHQUALITY);
      GmeEvent seen = bob.events().await(CHANGE_ROOM_TYPE);
      assertThat(seen.getIntExtra("new_room_type", 0)).isEqualTo(GmeContext.ROOM_TYPE_HIGHQUALITY);
      assertThat(alice.gme().getRoom().getRoomType()).isEqualTo(GmeContext.ROOM_TYPE_HIGHQUALITY);
      assertThat(bob.gme().getRoom().getRoomType()).isEqualTo(GmeContext.ROOM_TYPE_HIGHQUALITY);
    }

    @Test
    void outsideARoomTheTypeIs0AndTheIdEmpty() {
      Client bob = f.inited();
      assertThat(bob.gme().getRoom().getRoomType()).isZero();
      assertThat(bob.gme().getRoom().getRoomID()).isEmpty();
      enter(bob, room(), GmeContext.ROOM_TYPE_STANDARD);
      bob.gme().exitRoom();
      assertThat(bob.events().await(EXIT_ROOM).result()).isZero();
      assertThat(bob.gme().getRoom().getRoomType()).isZero();
      assertThat(bob.gme().getRoom().getRoomID()).isEmpty();
    }

    @Test
    void aSwitchIntoARoomOfAnotherTypeReportsThatRoomsType() {
      String to = room();
      Client carol = entered(to, GmeContext.ROOM_TYPE_HIGHQUALITY);
      Client bob = f.inRoom(room());
      bob.gme().getRoom().switchRoom(to, new byte[0]);
      assertThat(bob.events().await(SWITCH_ROOM).result()).isZero();
      assertThat(bob.events().await(CHANGE_ROOM_TYPE).getIntExtra("subEventType", 0)).isEqualTo(1);
      assertThat(bob.gme().getRoom().getRoomType()).isEqualTo(GmeContext.ROOM_TYPE_HIGHQUALITY);
    }

    @Test
    void aReconnectReentersWithTheRoomsActualType() {
      String room = room();
      Client alice = entered(room, GmeContext.ROOM_TYPE_STANDARD);
      Client bob = entered(room, GmeContext.ROOM_TYPE_FLUENCY);
      alice.gme().exitRoom();
      assertThat(alice.events().await(EXIT_ROOM).result()).isZero();

      // Bob alone: his drop empties the room, so his re-entry creates it again with the type he sends.
      reconnects(bob);
      assertThat(f.sim.room(SimFixture.APP, room).orElseThrow().roomType()).isEqualTo(GmeContext.ROOM_TYPE_STANDARD);
      assertThat(bob.gme().getRoom().getRoomType()).isEqualTo(GmeContext.ROOM_TYPE_STANDARD);
    }
  }

  @Nested
  class PauseAndResume {
    @Test
    void pauseReleasesTheDevicesAndResumeBringsThemBack() {
      String room = room();
      Client alice = f.inRoom(room);
      Client bob = joins(room, alice);
      GmeAudioCtrl audio = bob.gme().getAudioCtrl();
      audio.enableMic(true);
      audio.enableSpeaker(true);

      assertThat(bob.gme().pause()).isZero();
      assertThat(audio.getMicState()).isZero();
      assertThat(audio.getSpeakerState()).isZero();
      assertThat(audio.isAudioCaptureDeviceEnabled()).as("the game's switch is kept").isTrue();
      assertThat(member(room, bob).micOn()).isFalse();
      assertThat(member(room, bob).speakerOn()).isFalse();

      assertThat(bob.gme().resume()).isZero();
      assertThat(audio.getMicState()).isEqualTo(1);
      assertThat(audio.getSpeakerState()).isEqualTo(1);
      assertThat(member(room, bob).speakerOn()).isTrue();
      assertThat(nextUpdatesAbout(alice, bob, 3)).containsExactly(11, 12, 11);
    }

    @Test
    void enableMicWhilePausedTakesEffectOnResume() {
      String room = room();
      Client alice = f.inRoom(room);
      Client bob = joins(room, alice);
      GmeAudioCtrl audio = bob.gme().getAudioCtrl();
      assertThat(bob.gme().pause()).isZero();
      assertThat(audio.enableMic(true)).isZero();
      assertThat(audio.getMicState()).isZero();
      assertThat(bob.gme().resume()).isZero();
      assertThat(audio.getMicState()).isEqualTo(1);
      bob.gme().exitRoom();
      // One 11, at Resume; none while paused.
      assertThat(nextUpdatesAbout(alice, bob, 2)).containsExactly(11, 2);
    }

    @Test
    void pauseTwiceAndResumeWithoutPauseAre1003AndChangeNothing() {
      Client bob = f.inRoom(room());
      GmeAudioCtrl audio = bob.gme().getAudioCtrl();
      audio.enableMic(true);
      assertThat(bob.gme().resume()).isEqualTo(ALREADY);
      assertThat(audio.getMicState()).isEqualTo(1);
      assertThat(bob.gme().pause()).isZero();
      assertThat(bob.gme().pause()).isEqualTo(ALREADY);
      assertThat(audio.getMicState()).isZero();
      assertThat(bob.gme().resume()).isZero();
      assertThat(bob.gme().resume()).isEqualTo(ALREADY);
      assertThat(audio.getMicState()).isEqualTo(1);
      assertThat(audio.enableMic(false)).isZero();
    }

    @Test
    void pauseBeforeInitIs1101AndAPauseOutsideARoomHoldsInTheNextRoom() {
      Client bob = f.connect();
      assertThat(bob.gme().pause()).isEqualTo(GmeErrorCode.AV_ERR_CONTEXT_NOT_EXIST.value());
      assertThat(bob.gme().init(SimFixture.APP, bob.openId())).isZero();
      assertThat(bob.gme().pause()).isZero();

      String room = room();
      Client alice = f.inRoom(room);
      enter(bob, room, GmeContext.ROOM_TYPE_FLUENCY);
      assertThat(bob.gme().getAudioCtrl().enableMic(true)).isZero();
      assertThat(member(room, bob).micOn()).isFalse();
      assertThat(bob.gme().resume()).isZero();
      assertThat(nextUpdatesAbout(alice, bob, 2)).containsExactly(1, 11);
    }
  }
}
