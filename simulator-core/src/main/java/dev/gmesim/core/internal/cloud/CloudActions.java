package dev.gmesim.core.internal.cloud;

import static dev.gmesim.core.cloud.ApiErrorCode.INVALID_PARAMETER;
import static dev.gmesim.core.cloud.ApiErrorCode.INVALID_PARAMETER_VALUE;
import static dev.gmesim.core.cloud.ApiErrorCode.INVALID_PARAMETER_VALUE_INVALID_DELETE_TYPE;
import static dev.gmesim.core.cloud.ApiErrorCode.INVALID_PARAMETER_VALUE_INVALID_UIN_OR_STR_UIN;
import static dev.gmesim.core.cloud.ApiErrorCode.MISSING_PARAMETER;
import static dev.gmesim.core.cloud.ApiErrorCode.RESOURCE_NOT_FOUND;
import static dev.gmesim.core.internal.cloud.Params.Type.INTEGER;
import static dev.gmesim.core.internal.cloud.Params.Type.INTEGERS;
import static dev.gmesim.core.internal.cloud.Params.Type.OBJECTS;
import static dev.gmesim.core.internal.cloud.Params.Type.STRING;
import static dev.gmesim.core.internal.cloud.Params.Type.STRINGS;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.server.SimulatorState;
import dev.gmesim.core.internal.world.GmeWorld;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server API's actions over the world. Where GME's docs are silent the choice is stated here and
 * in docs/server-api.md: a room with no members is listed with no users; a kick of users none of whom
 * is in the room answers {@code DeleteResult.Code} 1; an unknown room for DeleteRoomMember and
 * ModifyUserMicStatus is {@code ResourceNotFound}.
 */
final class CloudActions {
  private static final int MAX_ROOM_IDS = 10;
  private static final int MAX_USERS = 100;

  private final SimulatorState state;
  private final CloudState cloud;
  private final CloudRecordActions records;

  CloudActions(SimulatorState state, CloudState cloud) {
    this.state = state;
    this.cloud = cloud;
    this.records = new CloudRecordActions(state, cloud);
  }

  /** Performs one action; returns the Response fields without RequestId. */
  ObjectNode perform(Operation op, ObjectNode body) {
    return switch (op) {
      case SERVER_DESCRIBE_ROOM_INFO -> describeRoomInfo(body);
      case SERVER_DELETE_ROOM_MEMBER -> deleteRoomMember(body);
      case SERVER_MODIFY_USER_MIC_STATUS -> modifyUserMicStatus(body);
      case SERVER_DESCRIBE_USER_IN_AND_OUT_TIME -> describeUserInAndOutTime(body);
      default -> records.perform(op, body);
    };
  }

  private ObjectNode describeRoomInfo(ObjectNode body) {
    Params p = Params.of(body, "", Map.of("SdkAppId", INTEGER, "RoomIds", INTEGERS, "StrRoomIds", STRINGS));
    String app = Long.toString(p.requiredLong("SdkAppId"));
    List<Long> ids = p.longs("RoomIds", MAX_ROOM_IDS);
    List<String> strIds = p.strings("StrRoomIds", MAX_ROOM_IDS);
    if (ids.isEmpty() && strIds.isEmpty()) {
      throw new ApiFailure(MISSING_PARAMETER, "The request is missing a required parameter `RoomIds` or `StrRoomIds` "
          + "(give one of them, at most 10 room ids)");
    }
    ObjectNode out = CloudApiEndpoint.JSON.createObjectNode();
    out.put("Result", 0);
    ArrayNode users = out.putArray("RoomUsers");
    // GME's example: with both lists, StrRoomIds is queried first.
    for (String room : strIds) {
      ObjectNode u = users.addObject();
      u.put("StrRoomId", room);
      members(app, room, u);
    }
    for (long room : ids) {
      ObjectNode u = users.addObject();
      u.put("RoomId", room);
      members(app, Long.toString(room), u);
    }
    return out;
  }

  /** Uins: the members whose OpenID is a number; StrUins: every member's OpenID. */
  private void members(String app, String room, ObjectNode u) {
    List<String> openIds = state.world().room(app, room).map(RoomSnapshot::openIds).orElse(List.of());
    ArrayNode uins = u.putArray("Uins");
    ArrayNode strUins = u.putArray("StrUins");
    for (String id : openIds) {
      numeric(id).ifPresent(uins::add);
      strUins.add(id);
    }
  }

  private ObjectNode deleteRoomMember(ObjectNode body) {
    Params p = Params.of(body, "", Map.of("RoomId", STRING, "DeleteType", INTEGER, "BizId", INTEGER,
        "Uids", STRINGS, "StrUids", STRINGS));
    String room = p.requiredString("RoomId");
    long type = p.requiredLong("DeleteType");
    String app = Long.toString(p.requiredLong("BizId"));
    List<String> uids = p.strings("Uids", MAX_USERS);
    List<String> strUids = p.strings("StrUids", MAX_USERS);
    if (type != 1 && type != 2) {
      throw new ApiFailure(INVALID_PARAMETER_VALUE_INVALID_DELETE_TYPE, "DeleteType " + type
          + " should be 1 (dismiss the room) or 2 (kick users)");
    }
    if (!uids.isEmpty() && !strUids.isEmpty()) {
      throw new ApiFailure(INVALID_PARAMETER_VALUE_INVALID_UIN_OR_STR_UIN, "Can't pass both Uids and StrUids; "
          + "pass integer ids in Uids or string ids in StrUids");
    }
    for (int i = 0; i < uids.size(); i++) {
      if (numeric(uids.get(i)).isEmpty()) {
        throw new ApiFailure(INVALID_PARAMETER, "The parameter `Uids[" + i + "]` '" + uids.get(i)
            + "' is not an integer id; pass string ids in StrUids");
      }
    }
    if (state.world().room(app, room).isEmpty()) {
      throw new ApiFailure(RESOURCE_NOT_FOUND, "Room " + room + " of BizId " + app + " has no members (it does not "
          + "exist now); list rooms with DescribeRoomInfo");
    }
    ObjectNode out = CloudApiEndpoint.JSON.createObjectNode();
    ObjectNode result = out.putObject("DeleteResult");
    if (type == 1) {
      GmeWorld.ServerChange change = state.world().dismiss(app, room);
      change.deliver();
      result.put("Code", 0).put("ErrorMsg", "");
      return out;
    }
    List<String> who = uids.isEmpty() ? strUids : uids;
    if (who.isEmpty()) {
      throw new ApiFailure(MISSING_PARAMETER, "The request is missing a required parameter `Uids` or `StrUids` "
          + "(DeleteType 2 kicks the users listed there)");
    }
    GmeWorld.ServerChange change = state.world().kick(app, room, who);
    change.deliver();
    if (change.openIds().isEmpty()) {
      result.put("Code", 1).put("ErrorMsg", "none of " + who + " is in room " + room);
    } else {
      result.put("Code", 0).put("ErrorMsg", "");
    }
    return out;
  }

  private ObjectNode modifyUserMicStatus(ObjectNode body) {
    Params p = Params.of(body, "", Map.of("BizId", INTEGER, "RoomId", STRING, "Users", OBJECTS));
    String app = Long.toString(p.requiredLong("BizId"));
    String room = p.requiredString("RoomId");
    List<ObjectNode> users = p.objects("Users", MAX_USERS);
    if (users.isEmpty()) {
      throw new ApiFailure(MISSING_PARAMETER, "The request is missing a required parameter `Users` "
          + "(each {EnableMic: 1 close or 2 open, Uid or StrUid})");
    }
    Map<String, Boolean> changes = new LinkedHashMap<>();
    for (int i = 0; i < users.size(); i++) {
      String at = "Users[" + i + "].";
      Params u = Params.of(users.get(i), at, Map.of("EnableMic", INTEGER, "Uid", INTEGER, "StrUid", STRING));
      long enable = u.requiredLong("EnableMic");
      if (enable != 1 && enable != 2) {
        throw new ApiFailure(INVALID_PARAMETER_VALUE, "The parameter `" + at + "EnableMic` is " + enable
            + "; pass 1 to close the mic or 2 to open it");
      }
      // GME: StrUid is handled first.
      Optional<String> id = u.optionalString("StrUid").or(() -> u.optionalLong("Uid").map(String::valueOf));
      if (id.isEmpty()) {
        throw new ApiFailure(MISSING_PARAMETER, "The request is missing a required parameter `" + at + "Uid` or `"
            + at + "StrUid`");
      }
      changes.put(id.get(), enable == 1);
    }
    if (state.world().room(app, room).isEmpty()) {
      throw new ApiFailure(RESOURCE_NOT_FOUND, "Room " + room + " of BizId " + app + " has no members (it does not "
          + "exist now); list rooms with DescribeRoomInfo");
    }
    GmeWorld.ServerChange change = state.world().serverMic(app, room, changes);
    change.deliver();
    List<String> missing = new ArrayList<>(changes.keySet());
    missing.removeAll(change.openIds());
    ObjectNode out = CloudApiEndpoint.JSON.createObjectNode();
    out.put("Result", missing.isEmpty() ? 0 : 1);
    out.put("ErrMsg", missing.isEmpty() ? "" : "users " + missing + " are not in room " + room
        + "; the others were changed");
    return out;
  }

  private ObjectNode describeUserInAndOutTime(ObjectNode body) {
    Params p = Params.of(body, "", Map.of("BizId", INTEGER, "RoomId", INTEGER, "UserId", INTEGER,
        "UserIdStr", STRING, "RoomIdStr", STRING));
    String app = Long.toString(p.requiredLong("BizId"));
    long roomId = p.requiredLong("RoomId");
    long userId = p.requiredLong("UserId");
    String room = p.optionalString("RoomIdStr").orElse(Long.toString(roomId));
    String user = p.optionalString("UserIdStr").orElse(Long.toString(userId));
    ObjectNode out = CloudApiEndpoint.JSON.createObjectNode();
    ArrayNode list = out.putArray("InOutList");
    long totalMs = 0;
    for (PresenceLog.Stay s : cloud.presence().stays(app, room, user)) {
      list.addObject().put("StartTime", s.startMs()).put("EndTime", s.endMs());
      totalMs += s.endMs() - s.startMs();
    }
    // Docs silent on Duration's unit; the simulator answers whole seconds.
    out.put("Duration", totalMs / 1000);
    return out;
  }

  /** Returns the id as a number when it is a decimal integer without a leading zero that fits a long. */
  static Optional<Long> numeric(String id) {
    if (id == null || !id.matches("[1-9][0-9]{0,18}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
