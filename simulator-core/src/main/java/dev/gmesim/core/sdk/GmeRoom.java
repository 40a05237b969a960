package dev.gmesim.core.sdk;

import dev.gmesim.core.internal.protocol.RoomArgs;
import dev.gmesim.core.sdk.internal.Session;

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
}
