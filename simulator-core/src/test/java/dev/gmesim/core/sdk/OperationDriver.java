package dev.gmesim.core.sdk;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.sdk.SimFixture.Client;
import java.util.function.Supplier;

/**
 * Puts a client in the state an operation needs (in a room for ExitRoom, ...), performs the
 * operation, and returns the code the client saw: the event's result, or the call's return value.
 */
final class OperationDriver {
  private static final float[] AXIS = {0, 0, 1};

  private OperationDriver() {}

  /** Returns a client ready for {@code op}; the rules a test installs must be added after this. */
  static Client ready(SimFixture f, Operation op, Supplier<String> room) {
    return switch (op) {
      case INIT -> f.connect();
      case UNINIT, ENTER_ROOM, PAUSE -> f.inited();
      case RESUME -> {
        Client c = f.inited();
        if (c.gme().pause() != 0) {
          throw new AssertionError("Pause failed");
        }
        yield c;
      }
      case ENABLE_SPATIALIZER -> {
        Client c = f.inRoom(room.get());
        if (c.gme().initSpatializer("") != 0) {
          throw new AssertionError("InitSpatializer failed");
        }
        yield c;
      }
      default -> f.inRoom(room.get());
    };
  }

  /** Performs {@code op} and returns the code GME would hand the game. */
  static int perform(Client c, Operation op) {
    GmeContext g = c.gme();
    return switch (op) {
      case INIT -> g.init(SimFixture.APP, c.openId());
      case UNINIT -> g.uninit();
      case ENABLE_MIC -> g.enableMic(true);
      case ENABLE_SPEAKER -> g.enableSpeaker(true);
      case INIT_SPATIALIZER -> g.initSpatializer("");
      case ENABLE_SPATIALIZER -> g.enableSpatializer(true, false);
      case ENABLE_AUDIO_CAPTURE_DEVICE -> g.getAudioCtrl().enableAudioCaptureDevice(true);
      case ENABLE_AUDIO_SEND -> g.getAudioCtrl().enableAudioSend(true);
      case ENABLE_AUDIO_PLAY_DEVICE -> g.getAudioCtrl().enableAudioPlayDevice(true);
      case ENABLE_AUDIO_RECV -> g.getAudioCtrl().enableAudioRecv(true);
      case SET_MIC_VOLUME -> g.getAudioCtrl().setMicVolume(150);
      case SET_SPEAKER_VOLUME -> g.getAudioCtrl().setSpeakerVolume(150);
      // Its own openId: a member of the room, so the call would succeed without the fault.
      case SET_SPEAKER_VOLUME_BY_OPENID -> g.getAudioCtrl().setSpeakerVolumeByOpenID(c.openId(), 150);
      case PAUSE -> g.pause();
      case RESUME -> g.resume();
      case ENTER_ROOM -> event(c, GmeEventType.ENTER_ROOM, g.enterRoom("target-room", 1, new byte[0]));
      case EXIT_ROOM -> event(c, GmeEventType.EXIT_ROOM, g.exitRoom());
      case SWITCH_ROOM -> event(c, GmeEventType.SWITCH_ROOM, g.switchRoom("target-room", new byte[0]));
      case CHANGE_ROOM_TYPE -> event(c, GmeEventType.CHANGE_ROOM_TYPE, g.changeRoomType(2));
      case ADD_AUDIO_BLACKLIST -> g.getAudioCtrl().addAudioBlackList("20001");
      case REMOVE_AUDIO_BLACKLIST -> g.getAudioCtrl().removeAudioBlackList("20001");
      case SET_RANGE_AUDIO_TEAM_ID -> event(c, GmeEventType.CHANGETEAMID, g.setRangeAudioTeamID(7));
      case SET_RANGE_AUDIO_MODE -> g.setRangeAudioMode(GmeContext.RANGE_AUDIO_MODE_TEAM);
      case UPDATE_AUDIO_RECV_RANGE -> g.getRoom().updateAudioRecvRange(100);
      case UPDATE_SELF_POSITION -> g.getRoom().updateSelfPosition(new int[] {1, 2, 3}, AXIS, AXIS, AXIS);
      default -> throw new IllegalArgumentException(op + " is not a room operation");
    };
  }

  private static int event(Client c, GmeEventType type, int sent) {
    if (sent != 0) {
      throw new AssertionError("the request did not go out: " + sent);
    }
    return c.events().await(type).result();
  }
}
