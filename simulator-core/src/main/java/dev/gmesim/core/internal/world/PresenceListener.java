package dev.gmesim.core.internal.world;

/**
 * Hears every entry into and exit from a room, for records kept beside the world (the server API's
 * entry and exit times). It is called while the world holds its lock, so it must be quick and must
 * never call back into the world.
 */
@FunctionalInterface
public interface PresenceListener {
  /**
   * One member entered ({@code entered} true) or left a room.
   *
   * @param sessionId the member's connection, whose session clock dates the change
   * @param appId the room's app
   * @param roomId the room
   * @param openId the member
   * @param entered true for an entry, false for an exit
   */
  void moved(String sessionId, String appId, String roomId, String openId, boolean entered);
}
