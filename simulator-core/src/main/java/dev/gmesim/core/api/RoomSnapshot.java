package dev.gmesim.core.api;

import java.util.List;

/**
 * One room as it stands at a moment: its id, app, audio type and members in the order they entered.
 */
public record RoomSnapshot(String appId, String roomId, int roomType, List<Member> members) {

  /** One member of a room and its device state. */
  public record Member(String openId, boolean micOn, boolean speakerOn) {}

  /** Returns the members' openIds in the order they entered. */
  public List<String> openIds() {
    return members.stream().map(Member::openId).toList();
  }
}
