package dev.gmesim.core.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.SimFixture.Client;
import dev.gmesim.core.time.TimeMode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Speaking (USER_UPDATE 5/6), the audio blacklist, levels and range voice, as the members of one room see them. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RoomVoiceTest extends SimulatorPerTest {
  /** A member with mic and speaker on. */
  private Client talker(String room, TimeMode clock) {
    Client c = f.inRoom(room, clock);
    assertThat(c.gme().enableMic(true)).isZero();
    assertThat(c.gme().enableSpeaker(true)).isZero();
    c.events().clear();
    return c;
  }

  private static GmeEvent awaitAudio(Client c, int eventId) {
    return c.events().await(e -> e.type() == GmeEventType.USER_UPDATE && e.getIntExtra("event_id", -1) == eventId,
        "USER_UPDATE " + eventId, Duration.ofSeconds(5));
  }

  private static List<GmeEvent> audioEvents(Client c) {
    return c.events().events(GmeEventType.USER_UPDATE).stream()
        .filter(e -> e.getIntExtra("event_id", -1) == 5 || e.getIntExtra("event_id", -1) == 6).toList();
  }

  @Nested
  class Speaking {
    @Test
    void aListenerSeesHasAudioThenNoAudioTwoSimulatedSecondsAfterTheVoiceEnds() {
      Client speaker = talker("speak-1", null);
      Client listener = talker("speak-1", null);
      assertThat(speaker.gme().speak(Duration.ofSeconds(3))).isZero();

      GmeEvent has = awaitAudio(listener, 5);
      long heardAt = listener.gme().clock().now().toMillis();
      assertThat(has.getStringArrayExtra("user_list")).containsExactly(speaker.openId());
      assertThat(has.data()).containsOnlyKeys("event_id", "user_list");
      assertThat(listener.gme().getAudioCtrl().getRecvStreamLevel(speaker.openId())).isEqualTo(100);
      assertThat(listener.gme().getAudioCtrl().getSpeakerLevel()).isEqualTo(50);
      assertThat(speaker.gme().getAudioCtrl().getMicLevel()).isEqualTo(50);
      assertThat(speaker.gme().getAudioCtrl().getSendStreamLevel()).isEqualTo(50);

      GmeEvent none = awaitAudio(listener, 6);
      assertThat(none.getStringArrayExtra("user_list")).containsExactly(speaker.openId());
      // Virtual clock: no wall time spent, and exactly 3 s of voice plus GME's 2 s of silence.
      assertThat(listener.gme().clock().now().toMillis() - heardAt).isEqualTo(5000);
      assertThat(listener.gme().getAudioCtrl().getRecvStreamLevel(speaker.openId())).isZero();
      assertThat(listener.gme().getAudioCtrl().getSpeakerLevel()).isZero();
    }

    @Test
    void talkingAgainBeforeTheSilenceEndsGivesNoSecondHasAudio() {
      Client speaker = talker("speak-2", TimeMode.manual());
      Client listener = talker("speak-2", TimeMode.manual());
      assertThat(speaker.gme().speak(Duration.ofSeconds(1))).isZero();
      awaitAudio(listener, 5);
      listener.gme().clock().advance(Duration.ofMillis(2500));
      assertThat(speaker.gme().speak(Duration.ofSeconds(1))).isZero();
      // A round trip of the listener's: the server answers it only after the new audio reached the listener.
      assertThat(listener.gme().enableSpeaker(true)).isZero();
      listener.gme().clock().advance(Duration.ofMillis(2999));
      assertThat(audioEvents(listener)).extracting(e -> e.getIntExtra("event_id", -1)).containsExactly(5);
      listener.gme().clock().advance(Duration.ofMillis(1));
      awaitAudio(listener, 6);
      assertThat(audioEvents(listener)).extracting(e -> e.getIntExtra("event_id", -1)).containsExactly(5, 6);
    }

    @Test
    void aListenerWithItsSpeakerOffHearsNothing() {
      Client speaker = talker("speak-3", null);
      Client deaf = talker("speak-3", null);
      Client hearing = talker("speak-3", null);
      assertThat(deaf.gme().enableSpeaker(false)).isZero();
      assertThat(speaker.gme().speak(Duration.ofSeconds(1))).isZero();
      awaitAudio(hearing, 5);
      assertThat(audioEvents(deaf)).isEmpty();
    }

    @Test
    void speakingWithoutTheMicOrOutsideARoomIsRefusedAndTheContextCarriesOn() {
      Client speaker = f.inRoom("speak-4");
      assertThat(speaker.gme().speak(Duration.ofSeconds(1))).isEqualTo(GmeErrorCode.AV_ERR_DEVICE_NOT_EXIST.value());
      assertThat(speaker.gme().enableMic(true)).isZero();
      assertThat(speaker.gme().speak(Duration.ZERO)).isEqualTo(GmeErrorCode.AV_ERR_INVALID_ARGUMENT.value());
      assertThat(speaker.gme().speak(null)).isEqualTo(GmeErrorCode.AV_ERR_INVALID_ARGUMENT.value());
      assertThat(speaker.gme().speak(Duration.ofSeconds(1))).isZero();
      Client outside = f.inited();
      assertThat(outside.gme().speak(Duration.ofSeconds(1))).isEqualTo(GmeErrorCode.AV_ERR_ROOM_NOT_EXIST.value());
    }
  }

  @Nested
  class Blacklist {
    @Test
    void aBlacklistedSpeakerProducesNeitherHasAudioNorNoAudioForThatListenerOnly() {
      Client speaker = talker("black-1", null);
      Client blocking = talker("black-1", null);
      Client other = talker("black-1", null);
      assertThat(blocking.gme().getAudioCtrl().addAudioBlackList(speaker.openId())).isZero();
      assertThat(blocking.gme().getAudioCtrl().isOpenIdInAudioBlackList(speaker.openId())).isTrue();

      assertThat(speaker.gme().speak(Duration.ofSeconds(1))).isZero();
      awaitAudio(other, 5);
      awaitAudio(other, 6);
      assertThat(audioEvents(blocking)).isEmpty();
      assertThat(blocking.gme().getAudioCtrl().getRecvStreamLevel(speaker.openId())).isZero();

      assertThat(blocking.gme().getAudioCtrl().removeAudioBlackList(speaker.openId())).isZero();
      assertThat(blocking.gme().getAudioCtrl().isOpenIdInAudioBlackList(speaker.openId())).isFalse();
      assertThat(speaker.gme().speak(Duration.ofSeconds(1))).isZero();
      awaitAudio(blocking, 5);
    }

    @Test
    void theBlacklistLapsesWhenTheListenerLeavesTheRoom() {
      Client speaker = talker("black-2", null);
      Client blocking = talker("black-2", null);
      assertThat(blocking.gme().getAudioCtrl().addAudioBlackList(speaker.openId())).isZero();
      blocking.gme().exitRoom();
      blocking.events().await(GmeEventType.EXIT_ROOM);
      assertThat(blocking.gme().getAudioCtrl().isOpenIdInAudioBlackList(speaker.openId())).isFalse();
      blocking.gme().enterRoom("black-2", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      blocking.events().await(GmeEventType.ENTER_ROOM);
      assertThat(blocking.gme().enableSpeaker(true)).isZero();
      blocking.events().clear();
      assertThat(speaker.gme().speak(Duration.ofSeconds(1))).isZero();
      awaitAudio(blocking, 5);
    }

    @Test
    void blacklistingOneselfAnEmptyIdOrOutsideARoomIsRefused() {
      Client c = talker("black-3", null);
      GmeAudioCtrl audio = c.gme().getAudioCtrl();
      assertThat(audio.addAudioBlackList(c.openId())).isEqualTo(GmeErrorCode.AV_ERR_INVALID_ARGUMENT.value());
      assertThat(audio.addAudioBlackList("")).isEqualTo(GmeErrorCode.AV_ERR_INVALID_ARGUMENT.value());
      assertThat(audio.isOpenIdInAudioBlackList(c.openId())).isFalse();
      assertThat(audio.addAudioBlackList("20001")).isZero();
      Client outside = f.inited();
      assertThat(outside.gme().getAudioCtrl().addAudioBlackList("20001"))
          .isEqualTo(GmeErrorCode.AV_ERR_ROOM_NOT_EXIST.value());
    }
  }

  @Nested
  class RangeVoice {
    /** A talker in range voice: team set before entry, mode and position in the room. */
    private Client ranged(String room, int team, int mode, int range, int x) {
      Client c = f.inited();
      assertThat(c.gme().setRangeAudioTeamID(team)).isZero();
      assertThat(c.gme().setRangeAudioMode(mode)).isZero();
      c.gme().enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      assertThat(c.events().await(GmeEventType.ENTER_ROOM).result()).isZero();
      assertThat(c.gme().enableMic(true)).isZero();
      assertThat(c.gme().enableSpeaker(true)).isZero();
      assertThat(c.gme().getRoom().updateAudioRecvRange(range)).isZero();
      float[] axis = {1, 0, 0};
      assertThat(c.gme().getRoom().updateSelfPosition(new int[] {x, 0, 0}, axis, axis, axis)).isZero();
      c.events().clear();
      return c;
    }

    @Test
    void inWorldModeWithTheDefaultRangeNobodyOutsideTheTeamIsHeard() {
      Client speaker = ranged("range-1", 1, GmeContext.RANGE_AUDIO_MODE_WORLD, 0, 0);
      Client mate = ranged("range-1", 1, GmeContext.RANGE_AUDIO_MODE_WORLD, 0, 500);
      Client stranger = ranged("range-1", 2, GmeContext.RANGE_AUDIO_MODE_WORLD, 0, 0);
      assertThat(speaker.gme().speak(Duration.ofSeconds(1))).isZero();
      awaitAudio(mate, 5);
      awaitAudio(mate, 6);
      assertThat(audioEvents(stranger)).isEmpty();
    }

    @Test
    void withPositionsAndRangesOnlyThoseInRangeHear() {
      Client speaker = ranged("range-2", 1, GmeContext.RANGE_AUDIO_MODE_WORLD, 100, 0);
      Client near = ranged("range-2", 2, GmeContext.RANGE_AUDIO_MODE_WORLD, 100, 100);
      Client far = ranged("range-2", 3, GmeContext.RANGE_AUDIO_MODE_WORLD, 100, 101);
      Client farButListening = ranged("range-2", 4, GmeContext.RANGE_AUDIO_MODE_WORLD, 1000, 600);
      Client teamOnly = ranged("range-2", 5, GmeContext.RANGE_AUDIO_MODE_TEAM, 100, 0);
      assertThat(speaker.gme().speak(Duration.ofSeconds(1))).isZero();
      awaitAudio(near, 5);
      awaitAudio(farButListening, 5);
      awaitAudio(near, 6);
      assertThat(audioEvents(far)).isEmpty();
      assertThat(audioEvents(teamOnly)).isEmpty();
    }

    @Test
    void aTeamChangeInARoomReportsChangeTeamIdAndChangesWhoIsHeard() {
      Client speaker = ranged("range-3", 1, GmeContext.RANGE_AUDIO_MODE_TEAM, 0, 0);
      Client listener = ranged("range-3", 2, GmeContext.RANGE_AUDIO_MODE_TEAM, 0, 0);
      assertThat(listener.gme().setRangeAudioTeamID(1)).isZero();
      GmeEvent changed = listener.events().await(GmeEventType.CHANGETEAMID);
      assertThat(changed.result()).isZero();
      assertThat(changed.errorInfo()).isEmpty();
      assertThat(changed.getIntExtra("teamid", -1)).isEqualTo(1);
      assertThat(speaker.gme().speak(Duration.ofSeconds(1))).isZero();
      awaitAudio(listener, 5);
    }

    @Test
    void badRangeArgumentsAreRefusedWith1004AndTheSessionCarriesOn() {
      Client c = ranged("range-4", 1, GmeContext.RANGE_AUDIO_MODE_WORLD, 0, 0);
      int bad = GmeErrorCode.AV_ERR_INVALID_ARGUMENT.value();
      assertThat(c.gme().setRangeAudioTeamID(0)).isZero();
      GmeEvent refused = c.events().await(GmeEventType.CHANGETEAMID);
      assertThat(refused.result()).isEqualTo(bad);
      assertThat(refused.errorInfo()).contains("non-zero team id");
      GmeRoom room = c.gme().getRoom();
      float[] ok = {0, 0, 1};
      assertThat(room.updateSelfPosition(new int[] {1, 2}, ok, ok, ok)).isEqualTo(bad);
      assertThat(room.updateSelfPosition(new int[] {1, 2, 3}, new float[] {Float.NaN, 0, 0}, ok, ok)).isEqualTo(bad);
      assertThat(room.updateSelfPosition(new int[] {1, 2, 3}, ok, new float[] {0, 1}, ok)).isEqualTo(bad);
      assertThat(room.updateAudioRecvRange(-1)).isEqualTo(bad);
      assertThat(c.gme().setRangeAudioMode(2)).isEqualTo(bad);
      assertThat(c.gme().setRangeAudioMode(100)).isEqualTo(bad);
      assertThat(room.updateAudioRecvRange(100)).isZero();
      assertThat(room.updateSelfPosition(new int[] {1, 2, 3}, ok, ok, ok)).isZero();
      Client outside = f.inited();
      assertThat(outside.gme().getRoom().updateAudioRecvRange(100)).isEqualTo(GmeErrorCode.AV_ERR_ROOM_NOT_EXIST.value());
      assertThat(outside.gme().setRangeAudioTeamID(0)).isZero();
      assertThat(outside.events().events(GmeEventType.CHANGETEAMID)).isEmpty();
    }
  }

  @Nested
  class Quality {
    @Test
    void aPoorNetworkRuleGivesPoorReportsEveryTwoSimulatedSecondsAndQualityTipsReflectIt() {
      Client poor = f.inRoom("quality-1", TimeMode.manual());
      Client fine = f.inRoom("quality-1", TimeMode.manual());
      f.sim.addFault(FaultRule.on(Operation.ROOM_QUALITY).fault(Fault.poorNetwork(30))
          .delay(Duration.ofMillis(400)).openId(poor.openId()).build());
      assertThat(poor.gme().getRoom().getQualityTips()).isEmpty();

      poor.gme().clock().advance(Duration.ofMillis(1999));
      assertThat(poor.events().events(GmeEventType.CHANGE_ROOM_QUALITY)).isEmpty();
      poor.gme().clock().advance(Duration.ofMillis(1));
      GmeEvent first = poor.events().await(GmeEventType.CHANGE_ROOM_QUALITY);
      assertThat(first.data()).containsOnlyKeys("weight", "loss", "delay");
      assertThat(first.getIntExtra("weight", -1)).isBetween(1, 29);
      assertThat(first.getIntExtra("loss", -1)).isEqualTo(30);
      assertThat(first.getIntExtra("delay", -1)).isEqualTo(420);
      assertThat(poor.gme().getRoom().getQualityTips()).contains("loss=30%", "delay=420ms", "poor network");

      poor.gme().clock().advance(Duration.ofSeconds(6));
      assertThat(poor.events().events(GmeEventType.CHANGE_ROOM_QUALITY)).hasSize(4)
          .allSatisfy(e -> assertThat(e.getIntExtra("weight", -1)).isLessThan(30));

      // The rule is scoped to one openId: the other member of the room keeps a good network.
      fine.gme().clock().advance(Duration.ofSeconds(2));
      GmeEvent good = fine.events().await(GmeEventType.CHANGE_ROOM_QUALITY);
      assertThat(good.getIntExtra("weight", -1)).isGreaterThanOrEqualTo(30);
      assertThat(good.getIntExtra("loss", -1)).isZero();
      assertThat(fine.gme().getRoom().getQualityTips()).contains("good network");
    }

    @Test
    void reportsStopWhenTheMemberLeavesTheRoom() {
      Client c = f.inRoom("quality-2", TimeMode.manual());
      c.gme().clock().advance(Duration.ofSeconds(2));
      c.events().await(GmeEventType.CHANGE_ROOM_QUALITY);
      c.gme().exitRoom();
      c.events().await(GmeEventType.EXIT_ROOM);
      c.events().clear();
      c.gme().clock().advance(Duration.ofSeconds(10));
      assertThat(c.events().events(GmeEventType.CHANGE_ROOM_QUALITY)).isEmpty();
      assertThat(c.gme().getRoom().getQualityTips()).isEmpty();
    }

    @Test
    void onAVirtualClockTheReportsNeverMoveTimeByThemselves() {
      Client c = f.inRoom("quality-3");
      long before = c.gme().clock().now().toMillis();
      // Awaiting something that never comes must not let the periodic report drive the clock.
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.events().await(GmeEventType.SWITCH_ROOM,
          Duration.ofMillis(300))).isInstanceOf(AssertionError.class);
      assertThat(c.gme().clock().now().toMillis()).isEqualTo(before);
      assertThat(c.events().events(GmeEventType.CHANGE_ROOM_QUALITY)).isEmpty();
    }
  }
}
