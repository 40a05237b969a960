package dev.gmesim.core.internal.cloud;

import static dev.gmesim.core.cloud.ApiErrorCode.INVALID_PARAMETER_VALUE;
import static dev.gmesim.core.cloud.ApiErrorCode.INVALID_PARAMETER_VALUE_INVALID_RECORD_MODE;
import static dev.gmesim.core.cloud.ApiErrorCode.INVALID_PARAMETER_VALUE_INVALID_SUBSCRIBE_USER_IDS;
import static dev.gmesim.core.cloud.ApiErrorCode.INVALID_PARAMETER_VALUE_INVALID_UN_SUBSCRIBE_USER_IDS;
import static dev.gmesim.core.cloud.ApiErrorCode.MISSING_PARAMETER;
import static dev.gmesim.core.cloud.ApiErrorCode.RESOURCE_IN_USE_TASK_IN_USE;
import static dev.gmesim.core.cloud.ApiErrorCode.RESOURCE_NOT_FOUND_ROOM_NOT_FOUND;
import static dev.gmesim.core.cloud.ApiErrorCode.RESOURCE_NOT_FOUND_TASK_NOT_FOUND;
import static dev.gmesim.core.internal.cloud.Params.Type.BOOLEAN;
import static dev.gmesim.core.internal.cloud.Params.Type.INTEGER;
import static dev.gmesim.core.internal.cloud.Params.Type.OBJECT;
import static dev.gmesim.core.internal.cloud.Params.Type.OBJECTS;
import static dev.gmesim.core.internal.cloud.Params.Type.STRING;
import static dev.gmesim.core.internal.cloud.Params.Type.STRINGS;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.server.SimulatorState;
import dev.gmesim.core.internal.world.VoiceMessages;
import java.util.List;
import java.util.Map;

/**
 * Recording tasks and voice moderation over the world (see {@link Recordings} and {@link Moderation}
 * for what the simulator can honestly answer).
 */
final class CloudRecordActions {
  private static final int MAX_SUBSCRIBED = 20;
  private static final int MAX_SCAN_TASKS = 100;

  private final SimulatorState state;
  private final CloudState cloud;

  CloudRecordActions(SimulatorState state, CloudState cloud) {
    this.state = state;
    this.cloud = cloud;
  }

  ObjectNode perform(Operation op, ObjectNode body) {
    return switch (op) {
      case SERVER_START_RECORD -> startRecord(body);
      case SERVER_STOP_RECORD -> stopRecord(body);
      case SERVER_DESCRIBE_TASK_INFO -> describeTaskInfo(body);
      case SERVER_DESCRIBE_RECORD_INFO -> describeRecordInfo(body);
      case SERVER_MODIFY_RECORD_INFO -> modifyRecordInfo(body);
      case SERVER_SCAN_VOICE -> scanVoice(body);
      case SERVER_DESCRIBE_SCAN_RESULT_LIST -> describeScanResultList(body);
      default -> throw new IllegalStateException("no server action for " + op);
    };
  }

  private ObjectNode startRecord(ObjectNode body) {
    Params p = Params.of(body, "", Map.of("BizId", INTEGER, "RoomId", STRING, "RecordMode", INTEGER,
        "SubscribeRecordUserIds", OBJECT));
    String app = Long.toString(p.requiredLong("BizId"));
    String room = p.requiredString("RoomId");
    long mode = mode(p);
    List<List<String>> subs = subscriptions(p);
    if (state.world().room(app, room).isEmpty()) {
      throw new ApiFailure(RESOURCE_NOT_FOUND_ROOM_NOT_FOUND, "Room " + room + " of BizId " + app
          + " has no members; start a recording once someone entered it");
    }
    synchronized (cloud.recordings()) {
      cloud.recordings().running(app, room).ifPresent(t -> {
        throw new ApiFailure(RESOURCE_IN_USE_TASK_IN_USE, "Room " + room + " already has recording task " + t.id
            + "; stop it with StopRecord first");
      });
      Recordings.Task t = cloud.recordings().start(app, room, mode, subs.get(0), subs.get(1));
      seen(t);
      ObjectNode out = CloudApiEndpoint.JSON.createObjectNode();
      out.put("TaskId", t.id);
      return out;
    }
  }

  private ObjectNode stopRecord(ObjectNode body) {
    Params p = Params.of(body, "", Map.of("TaskId", INTEGER, "BizId", INTEGER));
    Recordings.Task t = task(p);
    seen(t);
    if (t.stopMs < 0) {
      t.stopMs = System.currentTimeMillis();
    }
    return CloudApiEndpoint.JSON.createObjectNode();
  }

  private ObjectNode describeTaskInfo(ObjectNode body) {
    Params p = Params.of(body, "", Map.of("BizId", INTEGER, "RoomId", STRING));
    String app = Long.toString(p.requiredLong("BizId"));
    String room = p.requiredString("RoomId");
    Recordings.Task t = cloud.recordings().running(app, room).orElseThrow(() -> new ApiFailure(
        RESOURCE_NOT_FOUND_TASK_NOT_FOUND, "Room " + room + " of BizId " + app + " has no running recording task"));
    ObjectNode out = CloudApiEndpoint.JSON.createObjectNode();
    out.put("TaskId", t.id);
    out.put("RecordMode", t.mode);
    subscriptionsJson(out.putObject("SubscribeRecordUserIds"), t);
    return out;
  }

  private ObjectNode describeRecordInfo(ObjectNode body) {
    Params p = Params.of(body, "", Map.of("TaskId", INTEGER, "BizId", INTEGER));
    Recordings.Task t = task(p);
    seen(t);
    ObjectNode out = CloudApiEndpoint.JSON.createObjectNode();
    ArrayNode infos = out.putArray("RecordInfo");
    t.users.forEach((user, since) -> infos.addObject().put("UserId", user)
        .put("FileName", "gmesim-" + t.id + "-" + user + ".mp3")
        .put("RecordBeginTime", since / 1000)
        .put("RecordStatus", t.stopMs < 0 ? 2 : 13));
    out.put("RecordMode", t.mode);
    out.put("RoomId", t.roomId);
    return out;
  }

  private ObjectNode modifyRecordInfo(ObjectNode body) {
    Params p = Params.of(body, "", Map.of("TaskId", INTEGER, "RecordMode", INTEGER, "BizId", INTEGER,
        "SubscribeRecordUserIds", OBJECT));
    Recordings.Task t = task(p);
    long mode = mode(p);
    List<List<String>> subs = subscriptions(p);
    t.mode = mode;
    if (p.object("SubscribeRecordUserIds").isPresent()) {
      t.subscribe = subs.get(0);
      t.unsubscribe = subs.get(1);
    }
    return CloudApiEndpoint.JSON.createObjectNode();
  }

  private ObjectNode scanVoice(ObjectNode body) {
    Params p = Params.of(body, "", Map.of("BizId", INTEGER, "Scenes", STRINGS, "Live", BOOLEAN, "Tasks", OBJECTS,
        "Callback", STRING, "Lang", STRING));
    String app = Long.toString(p.requiredLong("BizId"));
    List<String> scenes = p.strings("Scenes", 10);
    if (scenes.isEmpty()) {
      throw new ApiFailure(MISSING_PARAMETER, "The request is missing a required parameter `Scenes` (e.g. [\"default\"])");
    }
    boolean live = body.path("Live").asBoolean(false);
    List<ObjectNode> tasks = p.objects("Tasks", MAX_SCAN_TASKS);
    if (tasks.isEmpty()) {
      throw new ApiFailure(MISSING_PARAMETER, "The request is missing a required parameter `Tasks`");
    }
    ObjectNode out = CloudApiEndpoint.JSON.createObjectNode();
    ArrayNode data = out.putArray("Data");
    for (int i = 0; i < tasks.size(); i++) {
      String at = "Tasks[" + i + "].";
      Params t = Params.of(tasks.get(i), at, Map.of("DataId", STRING, "Url", STRING, "RoomId", STRING, "OpenId", STRING));
      String dataId = t.requiredString("DataId");
      String url = t.optionalString("Url").orElse(null);
      if (!live && url == null) {
        throw new ApiFailure(MISSING_PARAMETER, "The request is missing a required parameter `" + at
            + "Url` (a voice message's file_id URL; Live false scans a file)");
      }
      if (!live && !held(url)) {
        throw new ApiFailure(INVALID_PARAMETER_VALUE, "The parameter `" + at + "Url` '" + url
            + "' names no voice message this simulator holds; pass a file_id from PTT_UPLOAD_COMPLETE");
      }
      Moderation.Task task = cloud.moderation().add(app, dataId, url, t.optionalString("RoomId").orElse(null),
          t.optionalString("OpenId").orElse(null), live, scenes);
      data.addObject().put("DataId", dataId).put("TaskId", task.taskId());
    }
    return out;
  }

  private ObjectNode describeScanResultList(ObjectNode body) {
    Params p = Params.of(body, "", Map.of("BizId", INTEGER, "TaskIdList", STRINGS, "Limit", INTEGER));
    String app = Long.toString(p.requiredLong("BizId"));
    List<String> ids = p.strings("TaskIdList", MAX_SCAN_TASKS);
    if (ids.isEmpty()) {
      throw new ApiFailure(MISSING_PARAMETER, "The request is missing a required parameter `TaskIdList`");
    }
    long limit = p.optionalLong("Limit").orElse((long) MAX_SCAN_TASKS);
    ObjectNode out = CloudApiEndpoint.JSON.createObjectNode();
    ArrayNode data = out.putArray("Data");
    for (String id : ids) {
      if (data.size() >= limit) {
        break;
      }
      Moderation.Task t = cloud.moderation().get(app, id).orElseThrow(() -> new ApiFailure(
          RESOURCE_NOT_FOUND_TASK_NOT_FOUND, "Scan task " + id + " of BizId " + app + " does not exist; "
              + "use the TaskId ScanVoice returned"));
      Moderation.Verdict v = cloud.moderation().verdictOf(t.url() == null ? null : VoiceMessages.idOf(t.url()))
          .or(() -> cloud.moderation().verdictOf(t.url())).orElse(null);
      ObjectNode r = data.addObject();
      r.put("Code", 0).put("DataId", t.dataId()).put("TaskId", t.taskId()).put("BizId", Long.parseLong(app));
      r.put("Live", t.live()).put("Msg", "").put("Status", "Success");
      r.put("ScanStartTime", t.startMs() / 1000).put("ScanFinishTime", t.startMs() / 1000);
      r.put("HitFlag", v != null);
      if (t.url() != null) {
        r.put("Url", t.url());
      }
      ArrayNode sc = r.putArray("Scenes");
      t.scenes().forEach(sc::add);
      ArrayNode pieces = r.putArray("ScanPiece");
      ObjectNode piece = pieces.addObject().put("HitFlag", v != null).put("MainType", v == null ? "normal" : v.label())
          .put("Offset", 0).put("Duration", 0);
      if (t.roomId() != null) {
        piece.put("RoomId", t.roomId());
      }
      if (t.openId() != null) {
        piece.put("OpenId", t.openId());
      }
      ArrayNode details = piece.putArray("ScanDetail");
      if (v != null) {
        details.addObject().put("Label", v.label()).put("Rate", "100.00").put("KeyWord", v.keyword())
            .put("StartTime", 0).put("EndTime", 0);
      }
    }
    return out;
  }

  private boolean held(String url) {
    try {
      return state.voiceMessages().file(VoiceMessages.idOf(url)).isPresent();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private Recordings.Task task(Params p) {
    long id = p.requiredLong("TaskId");
    String app = Long.toString(p.requiredLong("BizId"));
    return cloud.recordings().get(app, id).orElseThrow(() -> new ApiFailure(RESOURCE_NOT_FOUND_TASK_NOT_FOUND,
        "Recording task " + id + " of BizId " + app + " does not exist; use the TaskId StartRecord returned"));
  }

  private static long mode(Params p) {
    long mode = p.requiredLong("RecordMode");
    if (mode < 1 || mode > 3) {
      throw new ApiFailure(INVALID_PARAMETER_VALUE_INVALID_RECORD_MODE, "RecordMode " + mode
          + " should be 1 (single stream), 2 (mixed) or 3 (both)");
    }
    return mode;
  }

  private static List<List<String>> subscriptions(Params p) {
    ObjectNode s = p.object("SubscribeRecordUserIds").orElse(CloudApiEndpoint.JSON.createObjectNode());
    Params sp = Params.of(s, "SubscribeRecordUserIds.", Map.of("SubscribeUserIds", STRINGS, "UnSubscribeUserIds", STRINGS));
    List<String> sub = sp.strings("SubscribeUserIds", Integer.MAX_VALUE);
    List<String> unsub = sp.strings("UnSubscribeUserIds", Integer.MAX_VALUE);
    if (sub.size() > MAX_SUBSCRIBED) {
      throw new ApiFailure(INVALID_PARAMETER_VALUE_INVALID_SUBSCRIBE_USER_IDS, "SubscribeUserIds has " + sub.size()
          + " users; the white list takes at most 20");
    }
    if (unsub.size() > MAX_SUBSCRIBED) {
      throw new ApiFailure(INVALID_PARAMETER_VALUE_INVALID_UN_SUBSCRIBE_USER_IDS, "UnSubscribeUserIds has "
          + unsub.size() + " users; the black list takes at most 20");
    }
    return List.of(sub, unsub);
  }

  private static void subscriptionsJson(ObjectNode o, Recordings.Task t) {
    ArrayNode sub = o.putArray("SubscribeUserIds");
    t.subscribe.forEach(sub::add);
    ArrayNode unsub = o.putArray("UnSubscribeUserIds");
    t.unsubscribe.forEach(unsub::add);
  }

  /** Notes the room's current members as recorded users (those the subscriptions allow). */
  private void seen(Recordings.Task t) {
    if (t.stopMs >= 0) {
      return;
    }
    long now = System.currentTimeMillis();
    for (String user : state.world().room(t.appId, t.roomId).map(RoomSnapshot::openIds).orElse(List.of())) {
      boolean allowed = (t.subscribe.isEmpty() || t.subscribe.contains(user)) && !t.unsubscribe.contains(user);
      if (allowed) {
        t.users.putIfAbsent(user, now);
      }
    }
  }
}
