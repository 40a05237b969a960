package dev.gmesim.core.sdk;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.internal.protocol.RoomArgs;
import dev.gmesim.core.sdk.internal.Session;
import java.util.Map;

/**
 * GME's {@code ITMGRoom}: the calls on the room a context is in, handed out by
 * {@link GmeContext#getRoom()}. Outcomes arrive at the context's delegate, as with GME.
 *
 * <pre>{@code
 * GmeRoom room = gme.getRoom();
 * room.switchRoom("match-42", authBuffer);   // SWITCH_ROOM event: 0, 2001 or 2002
 * }</pre>
 *
 * @since 0.1
 */
public final class GmeRoom {
  private final Session session;

  GmeRoom(Session session) {
    this.session = session;
  }

  /** {@code ITMGRoom.SwitchRoom(targetRoomId, authBuffer)}: the outcome arrives as {@code SWITCH_ROOM}. */
  public int switchRoom(String targetRoomId, byte[] authBuffer) {
    return session.callAsync(new RoomArgs.SwitchRoom(targetRoomId, GmeContext.base64(authBuffer)));
  }

  /** {@code ITMGRoom.ChangeRoomType(type)}: the outcome arrives as {@code CHANGE_ROOM_TYPE}. */
  public int changeRoomType(int roomType) {
    return session.callAsync(new RoomArgs.ChangeRoomType(roomType));
  }

  /**
   * {@code ITMGRoom.GetRoomType()}: the room's actual type (1, 2 or 3), which the first member fixed
   * and ChangeRoomType changes, not the type this context asked for; 0 outside a room, as GME's "error".
   */
  public int getRoomType() {
    return session.roomType();
  }

  /** {@code ITMGRoom.GetRoomID()}: the id of the room this context is in, or "" outside a room (docs silent). */
  public String getRoomID() {
    String id = session.room();
    return id == null ? "" : id;
  }

  /**
   * {@code ITMGRoom.UpdateAudioRecvRange(range)}: how far this member hears others in range voice's
   * world mode (GME's default 0: nobody outside the team). Returns 0, 1201 outside a room, 1004 below 0.
   */
  public int updateAudioRecvRange(int range) {
    return session.call(new RoomArgs.UpdateAudioRecvRange(range));
  }

  /**
   * {@code ITMGRoom.UpdateSelfPosition(pos, forward, right, up)}: this member's position for range
   * voice; each array has 3 elements and the directions are finite numbers, else 1004 (checked here,
   * as no NaN can travel in JSON; the simulator uses only the position, modelling no 3D sound field).
   * Returns 0, 1201 outside a room, or 1004.
   */
  public int updateSelfPosition(int[] position, float[] forward, float[] right, float[] up) {
    if (position == null || position.length != 3 || !direction(forward) || !direction(right) || !direction(up)) {
      return GmeErrorCode.AV_ERR_INVALID_ARGUMENT.value();
    }
    return session.call(new RoomArgs.UpdateSelfPosition(position[0], position[1], position[2]));
  }

  private static boolean direction(float[] v) {
    if (v == null || v.length != 3) {
      return false;
    }
    for (float f : v) {
      if (!Float.isFinite(f)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code ITMGRoom.GetQualityTips()}: the network quality of the last {@code CHANGE_ROOM_QUALITY}
   * report in this room, e.g. {@code "weight=19 loss=30% delay=420ms: poor network"}, or an empty
   * string before the first (2 s after entry). GME's text is docs silent; this format is the simulator's.
   */
  public String getQualityTips() {
    Map<String, Object> q = session.voice().lastQuality();
    if (q == null) {
      return "";
    }
    int weight = ((Number) q.get("weight")).intValue();
    return "weight=" + weight + " loss=" + q.get("loss") + "% delay=" + q.get("delay") + "ms: "
        + (weight < 30 ? "poor network" : "good network");
  }
}
