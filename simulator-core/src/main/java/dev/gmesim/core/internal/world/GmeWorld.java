package dev.gmesim.core.internal.world;

import static dev.gmesim.core.catalog.GmeErrorCode.AV_ERR_3DVOICE_ERR_NOT_INITED;
import static dev.gmesim.core.catalog.GmeErrorCode.AV_ERR_CONTEXT_NOT_EXIST;
import static dev.gmesim.core.catalog.GmeErrorCode.AV_ERR_ENDPOINT_NOT_EXIST;
import static dev.gmesim.core.catalog.GmeErrorCode.AV_ERR_DEVICE_NOT_EXIST;
import static dev.gmesim.core.catalog.GmeErrorCode.AV_ERR_HAS_IN_THE_STATE;
import static dev.gmesim.core.catalog.GmeErrorCode.AV_ERR_INVALID_ARGUMENT;
import static dev.gmesim.core.catalog.GmeErrorCode.AV_ERR_IN_OTHER_ROOM;
import static dev.gmesim.core.catalog.GmeErrorCode.AV_ERR_REPEATED_OPERATION;
import static dev.gmesim.core.catalog.GmeErrorCode.AV_ERR_ROOM_NOT_EXIST;
import static dev.gmesim.core.catalog.GmeErrorCode.AV_ERR_ROOM_NOT_EXITED;

import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.catalog.GmeEventType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's state machine: contexts (one per SDK connection), rooms and their members.
 * Calls made in the wrong state fail with the code GME reports (EnterRoom before Init: 1101,
 * ExitRoom outside a room: 1201, ...), and members see each other enter and leave.
 *
 * <p>All methods are synchronized: calls from many connections interleave, and each call's
 * checks and changes must be one step. No method blocks or does I/O; events go out through
 * {@link Outcome#deliver()} after the caller has its reply.
 *
 * <pre>{@code
 * GmeWorld world = new GmeWorld();
 * world.connect("s1", (type, data) -> System.out.println(type + " " + data));
 * world.init("s1", "1400000000", "10001");
 * Outcome begun = world.beginEnter("s1", "lobby", 1, 7);
 * Outcome entered = world.completeEnter("s1", 7);   // result 0; other members get USER_UPDATE
 * entered.deliver();
 * }</pre>
 */
public final class GmeWorld {
  /** GME's longest room id. */
  public static final int MAX_ROOM_ID_LENGTH = 127;

  /** USER_UPDATE event_id: a member entered. */
  public static final int EVENT_ID_USER_ENTER = 1;
  /** USER_UPDATE event_id: a member left. */
  public static final int EVENT_ID_USER_EXIT = 2;
  /** USER_UPDATE event_id: a member is heard (HAS_AUDIO); the world sends it with {@code duration_ms} when a member speaks. */
  public static final int EVENT_ID_USER_HAS_AUDIO = 5;
  /** USER_UPDATE event_id: no audio from a member for 2 s (NO_AUDIO); the listener's SDK times it. */
  public static final int EVENT_ID_USER_NO_AUDIO = 6;
  /** USER_UPDATE event_id: a member opened its mic. */
  public static final int EVENT_ID_USER_MIC_OPENED = 11;
  /** USER_UPDATE event_id: a member closed its mic. */
  public static final int EVENT_ID_USER_MIC_CLOSED = 12;

  /** CHANGE_ROOM_TYPE sub-event {@code ITMG_ROOM_CHANGE_EVENT_ENTERROOM}: the room's type overrode the one asked for on entry. */
  public static final int ROOM_CHANGE_EVENT_ENTERROOM = 1;
  /** CHANGE_ROOM_TYPE sub-event {@code ITMG_ROOM_CHANGE_EVENT_COMPLETE}: a ChangeRoomType finished. */
  public static final int ROOM_CHANGE_EVENT_COMPLETE = 3;
  /** The lowest volume SetMicVolume, SetSpeakerVolume and SetSpeakerVolumeByOpenID take. */
  public static final int MIN_VOLUME = 0;
  /** The highest volume they take (GME: 0 to 200, 100 the default). */
  public static final int MAX_VOLUME = 200;

  /** ROOM_DISCONNECT {@code reason} of a member the server API removed with DeleteRoomMember DeleteType 2. */
  public static final String REASON_KICKED = "kicked";
  /** ROOM_DISCONNECT {@code reason} of a member whose room the server API dismissed (DeleteType 1). */
  public static final String REASON_DISMISSED = "dismissed";

  private final Map<String, Session> sessions = new HashMap<>();
  private volatile PresenceListener presence = (session, app, room, openId, entered) -> { };
  /** Rooms by app, then room id: rooms of different apps never meet. */
  private final Map<String, Room> rooms = new HashMap<>();
  /** Members whose network a fault took down, by app and openId; concurrent so every call's check takes no lock. */
  private final Map<String, Outage> outages = new ConcurrentHashMap<>();

  /**
   * A member's network is down until {@code untilMs} of its session's simulated time (a reconnect
   * continues that time), because of the fault rule {@code source}.
   *
   * @param untilMs the session time the outage ends at
   * @param source the id of the rule that started it, for the journal
   */
  public record Outage(long untilMs, String source) {}

  private static final class Session {
    final String id;
    final EventSink sink;
    String appId;
    String openId;
    boolean inited;
    Room room;
    Pending pending;
    /** The EnterRoom request that put the session in its room, or -1. */
    long enteredBy = -1;
    /** GME's four audio switches: EnableMic sets capture and send, EnableSpeaker play and recv. */
    boolean capture;
    boolean send;
    boolean play;
    boolean recv;
    /** Pause() released the devices; the switches stay as the game set them and count again after Resume(). */
    boolean paused;
    boolean spatializerInited;
    boolean spatializerEnabled;
    /** Muted by the server API (ModifyUserMicStatus): EnableMic(true) cannot open the mic until it leaves. */
    boolean serverMuted;
    /** Range voice, receive range, position and audio blacklist. */
    final RoomVoice voice = new RoomVoice();

    Session(String id, EventSink sink) {
      this.id = id;
      this.sink = sink;
    }

    /** The mic the room hears: the capture device open and sending on, not paused. */
    boolean micOn() {
      return capture && send && !paused;
    }

    /** The speaker the member hears through: the play device open and receiving on, not paused. */
    boolean speakerOn() {
      return play && recv && !paused;
    }

    void switchesOff() {
      capture = false;
      send = false;
      play = false;
      recv = false;
    }
  }

  private record Pending(String roomId, int roomType, long requestId) {}

  private static final class Room {
    final String appId;
    final String id;
    int type;
    final LinkedHashMap<String, Session> members = new LinkedHashMap<>();

    Room(String appId, String id, int type) {
      this.appId = appId;
      this.id = id;
      this.type = type;
    }
  }

  /** Registers a new context for a connection; its events go to {@code sink}. */
  public synchronized void connect(String sessionId, EventSink sink) {
    if (sessions.putIfAbsent(sessionId, new Session(sessionId, sink)) != null) {
      throw new IllegalStateException("session " + sessionId + " is already connected");
    }
  }

  /** Forgets a closed connection: it leaves its room, and the other members see it exit. */
  public synchronized Outcome disconnect(String sessionId) {
    Session s = sessions.remove(sessionId);
    if (s == null) {
      return Outcome.ok();
    }
    List<Delivery> out = new ArrayList<>();
    s.pending = null;
    leave(s, out);
    return Outcome.ok(Map.of(), out);
  }

  /** Init(appId, openId): starts the context; the same ids again succeed at once, as in GME. */
  public synchronized Outcome init(String sessionId, String appId, String openId) {
    Session s = session(sessionId);
    if (appId == null || appId.isBlank() || openId == null || openId.isBlank()) {
      return Outcome.error(AV_ERR_INVALID_ARGUMENT,
          "Init needs a non-empty appId and openId; got appId=" + appId + ", openId=" + openId);
    }
    if (s.inited && appId.equals(s.appId) && openId.equals(s.openId)) {
      return Outcome.ok();
    }
    if (s.room != null || s.pending != null) {
      return Outcome.error(AV_ERR_ROOM_NOT_EXITED,
          "Init with another account while in room " + roomName(s) + "; call ExitRoom first");
    }
    s.appId = appId;
    s.openId = openId;
    s.inited = true;
    return Outcome.ok();
  }

  /** Uninit(): stops the context; fails with 1202 while in a room or entering one. */
  public synchronized Outcome uninit(String sessionId) {
    Session s = session(sessionId);
    if (s.room != null || s.pending != null) {
      return Outcome.error(AV_ERR_ROOM_NOT_EXITED,
          "Uninit while in room " + roomName(s) + "; call ExitRoom and wait for EXIT_ROOM first");
    }
    s.inited = false;
    s.paused = false;
    return Outcome.ok();
  }

  /**
   * The first half of EnterRoom: checks the state and marks the entry as in flight under
   * {@code requestId}; {@link #completeEnter} or {@link #abortEnter} ends it.
   */
  public synchronized Outcome beginEnter(String sessionId, String roomId, int roomType, long requestId) {
    Session s = session(sessionId);
    if (!s.inited) {
      return Outcome.error(AV_ERR_CONTEXT_NOT_EXIST, "EnterRoom before Init; call Init(appId, openId) first");
    }
    if (s.pending != null) {
      return Outcome.error(AV_ERR_REPEATED_OPERATION,
          "an entry into room " + s.pending.roomId() + " is already in flight; wait for its ENTER_ROOM event");
    }
    if (s.room != null && s.room.id.equals(roomId)) {
      return Outcome.error(AV_ERR_HAS_IN_THE_STATE,
          "already in room " + roomId + "; GME advises treating this as success");
    }
    if (s.room != null) {
      return Outcome.error(AV_ERR_IN_OTHER_ROOM,
          "already in room " + s.room.id + "; call ExitRoom or SwitchRoom to go to " + roomId);
    }
    Optional<Outcome> bad = checkRoomArgs(roomId, roomType);
    if (bad.isPresent()) {
      return bad.get();
    }
    s.pending = new Pending(roomId, roomType, requestId);
    return Outcome.ok();
  }

  /**
   * The second half of EnterRoom: the member joins the room; the others get USER_UPDATE (enter),
   * and the newcomer gets the list of those already there. Returns empty if the entry was
   * cancelled in the meantime.
   */
  public synchronized Optional<Outcome> completeEnter(String sessionId, long requestId) {
    Session s = sessions.get(sessionId);
    if (s == null || s.pending == null || s.pending.requestId() != requestId) {
      return Optional.empty();
    }
    Pending p = s.pending;
    s.pending = null;
    List<Delivery> out = new ArrayList<>();
    join(s, p.roomId(), p.roomType(), out);
    s.enteredBy = requestId;
    typeOverridden(s, p.roomType(), out);
    return Optional.of(Outcome.ok(Map.of("roomId", p.roomId(), "roomType", s.room.type), out));
  }

  /**
   * Ends an in-flight entry without joining (an injected failure or the SDK's own timeout);
   * {@code requestId} -1 ends whichever entry is in flight. Returns whether an entry was ended,
   * false when ExitRoom had already cancelled it.
   */
  public synchronized boolean abortEnter(String sessionId, long requestId) {
    Session s = sessions.get(sessionId);
    if (s != null && s.pending != null && (requestId < 0 || s.pending.requestId() == requestId)) {
      s.pending = null;
      return true;
    }
    return false;
  }

  /**
   * The SDK gave up on EnterRoom {@code requestId} (its own timer reported 1005). An entry still in
   * flight ends; an entry that completed while the SDK's timer fired is undone, so the server agrees
   * with the client that it is in no room, and the other members see the exit.
   */
  public synchronized Outcome cancelEnter(String sessionId, long requestId) {
    Session s = sessions.get(sessionId);
    if (s == null) {
      return Outcome.ok();
    }
    if (s.pending != null && (requestId < 0 || s.pending.requestId() == requestId)) {
      s.pending = null;
      return Outcome.ok();
    }
    if (s.room != null && requestId >= 0 && s.enteredBy == requestId) {
      List<Delivery> out = new ArrayList<>();
      leave(s, out);
      return Outcome.ok(Map.of(), out);
    }
    return Outcome.ok();
  }

  /**
   * ExitRoom(): leaves the room (the others see the exit). During an entry in flight it cancels
   * the entry, which then ends with 7013; outside any room it fails with 1201.
   */
  public synchronized Outcome exitRoom(String sessionId) {
    Session s = session(sessionId);
    if (s.pending != null) {
      long cancelled = s.pending.requestId();
      s.pending = null;
      return new Outcome(0, "", Map.of(), List.of(), cancelled);
    }
    if (s.room == null) {
      return Outcome.error(AV_ERR_ROOM_NOT_EXIST, "ExitRoom outside a room; call EnterRoom first");
    }
    List<Delivery> out = new ArrayList<>();
    leave(s, out);
    return Outcome.ok(Map.of(), out);
  }

  /**
   * SwitchRoom(target): leaves the current room and enters the target, each side seeing the
   * change; 1201 outside a room, 1003 when already in the target.
   */
  public synchronized Outcome switchRoom(String sessionId, String targetRoomId) {
    Session s = session(sessionId);
    if (s.room == null) {
      return Outcome.error(AV_ERR_ROOM_NOT_EXIST, "SwitchRoom outside a room; call EnterRoom first");
    }
    if (s.room.id.equals(targetRoomId)) {
      return Outcome.error(AV_ERR_HAS_IN_THE_STATE, "already in room " + targetRoomId);
    }
    Optional<Outcome> bad = checkRoomArgs(targetRoomId, s.room.type);
    if (bad.isPresent()) {
      return bad.get();
    }
    int type = s.room.type;
    boolean capture = s.capture;
    boolean send = s.send;
    boolean play = s.play;
    boolean recv = s.recv;
    List<Delivery> out = new ArrayList<>();
    leave(s, out);
    // GME keeps device state across a fast switch.
    s.capture = capture;
    s.send = send;
    s.play = play;
    s.recv = recv;
    join(s, targetRoomId, type, out);
    // Docs silent on a switch into a room of another type: the simulator treats it as an entry (sub-event 1).
    typeOverridden(s, type, out);
    return Outcome.ok(Map.of("roomId", targetRoomId, "roomType", s.room.type), out);
  }

  /**
   * Applies the state a failed SwitchRoom leaves behind: 2002 (QAV_ERR_TRY_NEW_ROOM_FAILED)
   * leaves the old room too, and its members see the exit; any other code leaves the member where
   * it was.
   */
  public synchronized Outcome failSwitch(String sessionId, int code) {
    Session s = sessions.get(sessionId);
    if (s == null || code != 2002 || s.room == null) {
      return Outcome.ok();
    }
    List<Delivery> out = new ArrayList<>();
    leave(s, out);
    return Outcome.ok(Map.of(), out);
  }

  /** EnableMic(on): capture and send together; 1201 outside a room; the others see the mic open or close. */
  public synchronized Outcome enableMic(String sessionId, boolean on) {
    return switches(sessionId, "EnableMic", on, s -> {
      s.capture = on;
      s.send = on;
    });
  }

  /** EnableSpeaker(on): play and recv together; 1201 outside a room. */
  public synchronized Outcome enableSpeaker(String sessionId, boolean on) {
    return switches(sessionId, "EnableSpeaker", on, s -> {
      s.play = on;
      s.recv = on;
    });
  }

  /** EnableAudioCaptureDevice(on): 1201 outside a room; the others see the mic open or close if capture and send now agree. */
  public synchronized Outcome enableAudioCaptureDevice(String sessionId, boolean on) {
    return switches(sessionId, "EnableAudioCaptureDevice", on, s -> s.capture = on);
  }

  /** EnableAudioSend(on): 1201 outside a room; the others see the mic open or close if capture and send now agree. */
  public synchronized Outcome enableAudioSend(String sessionId, boolean on) {
    return switches(sessionId, "EnableAudioSend", on, s -> s.send = on);
  }

  /** EnableAudioPlayDevice(on): 1201 outside a room. */
  public synchronized Outcome enableAudioPlayDevice(String sessionId, boolean on) {
    return switches(sessionId, "EnableAudioPlayDevice", on, s -> s.play = on);
  }

  /** EnableAudioRecv(on): 1201 outside a room. */
  public synchronized Outcome enableAudioRecv(String sessionId, boolean on) {
    return switches(sessionId, "EnableAudioRecv", on, s -> s.recv = on);
  }

  /**
   * Sets some of a member's audio switches: 1201 outside a room (GME: device calls work only after
   * entry). The other members receive USER_UPDATE 11 or 12 exactly when the mic the room hears
   * (capture and send, not paused) opens or closes, never for a switch that leaves it as it was.
   */
  private Outcome switches(String sessionId, String call, boolean on, java.util.function.Consumer<Session> change) {
    Session s = session(sessionId);
    if (s.room == null) {
      return Outcome.error(AV_ERR_ROOM_NOT_EXIST, call + " outside a room; devices work only after ENTER_ROOM");
    }
    boolean wasOn = s.micOn();
    change.accept(s);
    List<Delivery> out = new ArrayList<>();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("enabled", on);
    if (s.serverMuted && s.send) {
      // GME: a server-muted user stays muted whatever EnableMic says, until it leaves the room. The
      // local call itself succeeds (docs silent on its code; the simulator answers 0), the room hears nothing.
      s.send = false;
      data.put("serverMuted", true);
    }
    micChanged(s, wasOn, out);
    return Outcome.ok(data, out);
  }

  /**
   * Pause() ({@code pause} true) or Resume(): 1101 before Init, 1003 when already paused or not paused
   * (GME's "already in this state"; its docs are silent on these codes). Pause releases the devices:
   * the switches are kept, the room hears the mic close (USER_UPDATE 12) if it was open, and Resume
   * brings back what the switches say (USER_UPDATE 11). Works in and out of a room.
   */
  public synchronized Outcome pause(String sessionId, boolean pause) {
    Session s = session(sessionId);
    String call = pause ? "Pause" : "Resume";
    if (!s.inited) {
      return Outcome.error(AV_ERR_CONTEXT_NOT_EXIST, call + " before Init; call Init(appId, openId) first");
    }
    if (s.paused == pause) {
      return Outcome.error(AV_ERR_HAS_IN_THE_STATE, pause
          ? "Pause while already paused; GME advises treating this as success, or call Resume"
          : "Resume without Pause; voice chat already runs, treat this as success");
    }
    boolean wasOn = s.micOn();
    s.paused = pause;
    List<Delivery> out = new ArrayList<>();
    micChanged(s, wasOn, out);
    return Outcome.ok(Map.of("paused", pause), out);
  }

  /**
   * SetMicVolume or SetSpeakerVolume ({@code call} names it): 1201 outside a room, 1004 outside 0 to
   * 200. The volume is the device's own setting, so nothing changes for the other members.
   */
  public synchronized Outcome setVolume(String sessionId, String call, int volume) {
    return badVolume(session(sessionId), call, volume).orElseGet(() -> Outcome.ok(Map.of("volume", volume), List.of()));
  }

  /**
   * SetSpeakerVolumeByOpenID(openId, volume): as {@link #setVolume}, plus 1004 for an empty openId and
   * 1401 (AV_ERR_ENDPOINT_NOT_EXIST) for one that is no member of the room (docs silent; the
   * simulator's choice, so a game can tell a bad argument from a member who has gone).
   */
  public synchronized Outcome setSpeakerVolumeByOpenId(String sessionId, String openId, int volume) {
    Session s = session(sessionId);
    String call = "SetSpeakerVolumeByOpenID";
    Optional<Outcome> bad = badVolume(s, call, volume);
    if (bad.isPresent()) {
      return bad.get();
    }
    if (openId == null || openId.isBlank()) {
      return Outcome.error(AV_ERR_INVALID_ARGUMENT, call + " needs the openId of a room member; got an empty one");
    }
    if (memberOf(s.room, openId) == null) {
      return Outcome.error(AV_ERR_ENDPOINT_NOT_EXIST, call + ": openId " + openId + " is not in room " + s.room.id
          + "; members are " + s.room.members.values().stream().map(m -> m.openId).toList());
    }
    return Outcome.ok(Map.of("openId", openId, "volume", volume), List.of());
  }

  private static Optional<Outcome> badVolume(Session s, String call, int volume) {
    if (s.room == null) {
      return Optional.of(Outcome.error(AV_ERR_ROOM_NOT_EXIST, call + " outside a room; audio calls work only after ENTER_ROOM"));
    }
    if (volume < MIN_VOLUME || volume > MAX_VOLUME) {
      return Optional.of(Outcome.error(AV_ERR_INVALID_ARGUMENT,
          call + " volume " + volume + " is outside " + MIN_VOLUME + " to " + MAX_VOLUME + "; pass a volume in that range (GME's default is 100)"));
    }
    return Optional.empty();
  }

  /** Tells the others that the member's mic opened (11) or closed (12), when it did. */
  private static void micChanged(Session s, boolean wasOn, List<Delivery> out) {
    boolean isOn = s.micOn();
    if (s.room != null && isOn != wasOn) {
      notifyOthers(s, isOn ? EVENT_ID_USER_MIC_OPENED : EVENT_ID_USER_MIC_CLOSED, out);
    }
  }

  /** ChangeRoomType(type): changes the whole room's audio type; every other member gets CHANGE_ROOM_TYPE. */
  public synchronized Outcome changeRoomType(String sessionId, int roomType) {
    Session s = session(sessionId);
    if (s.room == null) {
      return Outcome.error(AV_ERR_ROOM_NOT_EXIST, "ChangeRoomType outside a room; call EnterRoom first");
    }
    if (roomType < 1 || roomType > 3) {
      return Outcome.error(AV_ERR_INVALID_ARGUMENT,
          "roomType " + roomType + " is not 1 (FLUENCY), 2 (STANDARD) or 3 (HIGHQUALITY)");
    }
    s.room.type = roomType;
    List<Delivery> out = new ArrayList<>();
    for (Session m : s.room.members.values()) {
      if (m != s) {
        out.add(roomTypeEvent(m, ROOM_CHANGE_EVENT_COMPLETE, roomType));
      }
    }
    return Outcome.ok(roomTypeFields(ROOM_CHANGE_EVENT_COMPLETE, roomType), out);
  }

  /**
   * The CHANGE_ROOM_TYPE fields: the sub-event under both spellings GME's docs show
   * ({@code sub_event_type}, and {@code subEventType} of the Android sample), and {@code new_room_type}.
   */
  private static Map<String, Object> roomTypeFields(int subEvent, int roomType) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("sub_event_type", subEvent);
    f.put("subEventType", subEvent);
    f.put("new_room_type", roomType);
    return f;
  }

  private static Delivery roomTypeEvent(Session to, int subEvent, int roomType) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("result", 0);
    data.put("error_info", "");
    data.putAll(roomTypeFields(subEvent, roomType));
    return new Delivery(to.sink, GmeEventType.CHANGE_ROOM_TYPE, data);
  }

  /** GME fixes a room's type by its first member: a newcomer who asked for another gets sub-event 1 (ENTERROOM). */
  private static void typeOverridden(Session s, int asked, List<Delivery> out) {
    if (s.room.type != asked) {
      out.add(roomTypeEvent(s, ROOM_CHANGE_EVENT_ENTERROOM, s.room.type));
    }
  }

  /** InitSpatializer(modelPath): must come after entering a room (1201 otherwise). */
  public synchronized Outcome initSpatializer(String sessionId) {
    Session s = session(sessionId);
    if (s.room == null) {
      return Outcome.error(AV_ERR_ROOM_NOT_EXIST, "InitSpatializer outside a room; call it after ENTER_ROOM");
    }
    s.spatializerInited = true;
    return Outcome.ok();
  }

  /** EnableSpatializer(enable, applyToTeam): 7003 before InitSpatializer. */
  public synchronized Outcome enableSpatializer(String sessionId, boolean enable) {
    Session s = session(sessionId);
    if (!s.spatializerInited) {
      return Outcome.error(AV_ERR_3DVOICE_ERR_NOT_INITED,
          "EnableSpatializer before InitSpatializer; call InitSpatializer after entering the room");
    }
    s.spatializerEnabled = enable;
    return Outcome.ok(Map.of("enabled", enable), List.of());
  }

  /** Sets who hears entries and exits (one listener; the server API's entry and exit times). */
  public void presenceListener(PresenceListener listener) {
    this.presence = java.util.Objects.requireNonNull(listener, "presenceListener: listener is null");
  }

  /**
   * The server removes members from a room (server API DeleteRoomMember, DeleteType 2): each
   * removed member gets ROOM_DISCONNECT (result 0, {@code reason} {@link #REASON_KICKED}; what GME
   * sends a kicked client is docs silent, this is the simulator's choice) and the others see the
   * exit. Returns the openIds removed, in the order given; openIds not in the room are skipped.
   */
  public synchronized ServerChange kick(String appId, String roomId, Collection<String> openIds) {
    Room room = rooms.get(key(appId, roomId));
    List<Delivery> out = new ArrayList<>();
    List<String> done = new ArrayList<>();
    if (room != null) {
      for (String openId : openIds) {
        Session m = memberOf(room, openId);
        if (m != null && !done.contains(openId)) {
          removeByServer(m, REASON_KICKED, "the server removed you from room " + roomId + " (DeleteRoomMember)", out);
          done.add(openId);
        }
      }
    }
    return new ServerChange(done, out);
  }

  /**
   * The server dismisses a room (server API DeleteRoomMember, DeleteType 1): every member gets
   * ROOM_DISCONNECT ({@code reason} {@link #REASON_DISMISSED}) and leaves; each remaining member sees
   * the exits. Returns the openIds removed, or none when the room has no members.
   */
  public synchronized ServerChange dismiss(String appId, String roomId) {
    Room room = rooms.get(key(appId, roomId));
    List<Delivery> out = new ArrayList<>();
    List<String> done = new ArrayList<>();
    if (room != null) {
      for (Session m : List.copyOf(room.members.values())) {
        removeByServer(m, REASON_DISMISSED, "the server dismissed room " + roomId + " (DeleteRoomMember)", out);
        done.add(m.openId);
      }
    }
    return new ServerChange(done, out);
  }

  /**
   * The server mutes ({@code muted} true) or unmutes members (server API ModifyUserMicStatus): a
   * muted member's mic closes (the others see USER_UPDATE mic closed) and EnableMic(true) cannot open
   * it until the member leaves the room; an unmute lets EnableMic work again (the mic stays closed
   * until the member opens it). Returns the openIds changed; openIds not in the room are skipped.
   */
  public synchronized ServerChange serverMic(String appId, String roomId, Map<String, Boolean> mutedByOpenId) {
    Room room = rooms.get(key(appId, roomId));
    List<Delivery> out = new ArrayList<>();
    List<String> done = new ArrayList<>();
    if (room != null) {
      for (Map.Entry<String, Boolean> e : mutedByOpenId.entrySet()) {
        Session m = memberOf(room, e.getKey());
        if (m == null) {
          continue;
        }
        m.serverMuted = e.getValue();
        if (m.serverMuted) {
          boolean wasOn = m.micOn();
          m.send = false;
          micChanged(m, wasOn, out);
        }
        done.add(e.getKey());
      }
    }
    return new ServerChange(done, out);
  }

  /** Returns whether the server API muted this member of the room (ModifyUserMicStatus). */
  public synchronized boolean serverMuted(String appId, String roomId, String openId) {
    Room room = rooms.get(key(appId, roomId));
    Session m = room == null ? null : memberOf(room, openId);
    return m != null && m.serverMuted;
  }

  /**
   * What a server-API change did: the openIds it touched and the events to send once the caller has
   * its answer.
   *
   * @param openIds the members changed, in order
   * @param deliveries the events to send, in order
   */
  public record ServerChange(List<String> openIds, List<Delivery> deliveries) {
    /** Copies the lists. */
    public ServerChange {
      openIds = List.copyOf(openIds);
      deliveries = List.copyOf(deliveries);
    }

    /** Sends every event in order. */
    public void deliver() {
      deliveries.forEach(Delivery::send);
    }
  }

  private static Session memberOf(Room room, String openId) {
    for (Session m : room.members.values()) {
      if (m.openId.equals(openId)) {
        return m;
      }
    }
    return null;
  }

  private void removeByServer(Session m, String reason, String info, List<Delivery> out) {
    leave(m, out);
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("result", 0);
    data.put("error_info", info);
    data.put("reason", reason);
    out.add(new Delivery(m.sink, GmeEventType.ROOM_DISCONNECT, data));
  }

  /** Takes a member's network down until {@code untilMs} of its session time; a later outage replaces it. */
  public synchronized void networkDown(String appId, String openId, long untilMs, String source) {
    outages.put(key(appId, openId), new Outage(untilMs, source));
  }

  /** Returns the member's outage if it lasts beyond {@code nowMs} of its session time; an ended one is forgotten. */
  public Optional<Outage> outage(String appId, String openId, long nowMs) {
    if (outages.isEmpty()) {
      // Every room call asks; almost always nobody's network is down.
      return Optional.empty();
    }
    String k = key(appId, openId);
    Outage o = outages.get(k);
    if (o != null && o.untilMs() <= nowMs) {
      // Only this outage: a newer one the fault put meanwhile stays.
      outages.remove(k, o);
      return Optional.empty();
    }
    return Optional.ofNullable(o);
  }

  /** Returns whether the context is in a room (IsRoomEntered). */
  public synchronized boolean isRoomEntered(String sessionId) {
    Session s = sessions.get(sessionId);
    return s != null && s.room != null;
  }

  /** Returns the id of the room the session is in, if any. */
  public synchronized Optional<String> roomOf(String sessionId) {
    Session s = sessions.get(sessionId);
    return s == null || s.room == null ? Optional.empty() : Optional.of(s.room.id);
  }

  /** Returns the openId the session was inited with, if any. */
  public synchronized Optional<String> openIdOf(String sessionId) {
    Session s = sessions.get(sessionId);
    return s == null ? Optional.empty() : Optional.ofNullable(s.openId);
  }

  /** Returns the appId the session was inited with, if any. */
  public synchronized Optional<String> appIdOf(String sessionId) {
    Session s = sessions.get(sessionId);
    return s == null ? Optional.empty() : Optional.ofNullable(s.appId);
  }

  /** Returns every room with its members, sorted by app and room id. */
  public synchronized List<RoomSnapshot> rooms() {
    return rooms.values().stream()
        .sorted((a, b) -> a.appId.equals(b.appId) ? a.id.compareTo(b.id) : a.appId.compareTo(b.appId))
        .map(GmeWorld::snapshot)
        .toList();
  }

  /** Returns one room, if it exists (a room exists while it has members). */
  public synchronized Optional<RoomSnapshot> room(String appId, String roomId) {
    return Optional.ofNullable(rooms.get(key(appId, roomId))).map(GmeWorld::snapshot);
  }

  /** Returns how many contexts are connected. */
  public synchronized int sessionCount() {
    return sessions.size();
  }

  /**
   * Empties every room, ends every network outage and returns every context to its state before
   * Init, keeping the connections; no events are sent.
   */
  public synchronized void reset() {
    rooms.clear();
    outages.clear();
    for (Session s : sessions.values()) {
      s.room = null;
      s.pending = null;
      s.inited = false;
      s.appId = null;
      s.openId = null;
      s.switchesOff();
      s.paused = false;
      s.spatializerInited = false;
      s.spatializerEnabled = false;
      s.serverMuted = false;
      s.voice.reset();
    }
  }

  private static RoomSnapshot snapshot(Room r) {
    return new RoomSnapshot(r.appId, r.id, r.type, r.members.values().stream()
        .map(m -> new RoomSnapshot.Member(m.openId, m.micOn(), m.speakerOn()))
        .toList());
  }

  private Session session(String sessionId) {
    Session s = sessions.get(sessionId);
    if (s == null) {
      throw new IllegalStateException("session " + sessionId + " is not connected; call connect first");
    }
    return s;
  }

  private static Optional<Outcome> checkRoomArgs(String roomId, int roomType) {
    if (roomId == null || roomId.isEmpty() || roomId.length() > MAX_ROOM_ID_LENGTH) {
      return Optional.of(Outcome.error(AV_ERR_INVALID_ARGUMENT,
          "roomId must have 1 to " + MAX_ROOM_ID_LENGTH + " characters; got "
              + (roomId == null ? "null" : roomId.length() + " characters")));
    }
    if (roomType < 1 || roomType > 3) {
      return Optional.of(Outcome.error(AV_ERR_INVALID_ARGUMENT,
          "roomType " + roomType + " is not 1 (FLUENCY), 2 (STANDARD) or 3 (HIGHQUALITY)"));
    }
    return Optional.empty();
  }

  private void join(Session s, String roomId, int roomType, List<Delivery> out) {
    Room room = rooms.computeIfAbsent(key(s.appId, roomId), k -> new Room(s.appId, roomId, roomType));
    List<String> already = room.members.values().stream().map(m -> m.openId).toList();
    room.members.put(s.id, s);
    s.room = room;
    presence.moved(s.id, s.appId, roomId, s.openId, true);
    notifyOthers(s, EVENT_ID_USER_ENTER, out);
    if (!already.isEmpty()) {
      // GME tells a newcomer who is already there.
      out.add(new Delivery(s.sink, GmeEventType.USER_UPDATE,
          Map.of("event_id", EVENT_ID_USER_ENTER, "user_list", already)));
    }
  }

  private void leave(Session s, List<Delivery> out) {
    Room room = s.room;
    if (room == null) {
      return;
    }
    notifyOthers(s, EVENT_ID_USER_EXIT, out);
    room.members.remove(s.id);
    presence.moved(s.id, room.appId, room.id, s.openId, false);
    if (room.members.isEmpty()) {
      rooms.remove(key(room.appId, room.id));
    }
    s.room = null;
    s.enteredBy = -1;
    s.switchesOff();
    s.spatializerInited = false;
    s.spatializerEnabled = false;
    s.serverMuted = false;
    s.voice.leftRoom();
  }

  private static void notifyOthers(Session s, int eventId, List<Delivery> out) {
    for (Session m : s.room.members.values()) {
      if (m != s) {
        out.add(new Delivery(m.sink, GmeEventType.USER_UPDATE,
            Map.of("event_id", eventId, "user_list", List.of(s.openId))));
      }
    }
  }

  private static String roomName(Session s) {
    return s.room != null ? s.room.id : s.pending != null ? s.pending.roomId() : "(none)";
  }

  private static String key(String appId, String roomId) {
    return appId + '\u0000' + roomId;
  }

  // ---- speaking, audio blacklist, range voice ------------------------------------------------------

  /**
   * The member talks for {@code durationMs} simulated ms (not a GME call: the test's stand-in for a
   * voice). Each member who hears it (see {@link RoomVoice}: mic on, the listener's speaker on, the
   * listener's blacklist, teams, modes, positions and ranges) receives USER_UPDATE 5 naming the speaker
   * with {@code duration_ms}; the listener's SDK times NO_AUDIO (6) on its own clock. The reply's
   * {@code heardBy} lists them. 1201 outside a room; 1301 with the mic off (docs silent, there being
   * no such GME call: the simulator's choice, since nothing is captured); 1004 for a duration under 1.
   */
  public synchronized Outcome speak(String sessionId, long durationMs) {
    Session s = session(sessionId);
    if (s.room == null) {
      return Outcome.error(AV_ERR_ROOM_NOT_EXIST, "speak outside a room; call EnterRoom first");
    }
    if (durationMs < 1) {
      return Outcome.error(AV_ERR_INVALID_ARGUMENT, "speak for " + durationMs + " ms; pass 1 ms or more");
    }
    if (!s.micOn()) {
      return Outcome.error(AV_ERR_DEVICE_NOT_EXIST, "speak with the mic off" + (s.serverMuted
          ? " (muted by the server API, ModifyUserMicStatus)" : "") + ": nothing is captured; call EnableMic(true) first");
    }
    List<Delivery> out = new ArrayList<>();
    List<String> heardBy = new ArrayList<>();
    for (Session m : s.room.members.values()) {
      if (m != s && m.speakerOn() && RoomVoice.hears(m.voice, s.voice, s.openId)) {
        heardBy.add(m.openId);
        out.add(new Delivery(m.sink, GmeEventType.USER_UPDATE, Map.of("event_id", EVENT_ID_USER_HAS_AUDIO,
            "user_list", List.of(s.openId), "duration_ms", durationMs)));
      }
    }
    return Outcome.ok(Map.of("heardBy", heardBy), out);
  }

  /** AddAudioBlackList(openId): the member stops hearing {@code openId} until it leaves the room. */
  public synchronized Outcome addAudioBlacklist(String sessionId, String openId) {
    Session s = session(sessionId);
    Optional<Outcome> bad = checkBlacklistArgs(s, "AddAudioBlackList", openId);
    if (bad.isPresent()) {
      return bad.get();
    }
    if (openId.equals(s.openId)) {
      return Outcome.error(AV_ERR_INVALID_ARGUMENT, "AddAudioBlackList(" + openId + ") names yourself; "
          + "pass another member's openId (to stop sending, call EnableMic(false))");
    }
    s.voice.blacklist.add(openId);
    return Outcome.ok();
  }

  /** RemoveAudioBlackList(openId): the member hears {@code openId} again; removing an absent one is 0 too (docs silent). */
  public synchronized Outcome removeAudioBlacklist(String sessionId, String openId) {
    Session s = session(sessionId);
    Optional<Outcome> bad = checkBlacklistArgs(s, "RemoveAudioBlackList", openId);
    if (bad.isPresent()) {
      return bad.get();
    }
    s.voice.blacklist.remove(openId);
    return Outcome.ok();
  }

  private static Optional<Outcome> checkBlacklistArgs(Session s, String call, String openId) {
    if (s.room == null) {
      return Optional.of(Outcome.error(AV_ERR_ROOM_NOT_EXIST, call + " outside a room; the blacklist lives in a room "
          + "(it lapses on exit), call it after ENTER_ROOM"));
    }
    if (openId == null || openId.isBlank()) {
      return Optional.of(Outcome.error(AV_ERR_INVALID_ARGUMENT, call + " needs a non-empty openId"));
    }
    return Optional.empty();
  }

  /**
   * SetRangeAudioTeamID(teamId): before entry any id (0: no range voice); in a room a team change,
   * answered with {@code teamid} (the SDK reports it as CHANGETEAMID), and 0 is refused with 1004.
   */
  public synchronized Outcome setRangeAudioTeamId(String sessionId, int teamId) {
    Session s = session(sessionId);
    if (s.room != null && teamId == 0) {
      return Outcome.error(AV_ERR_INVALID_ARGUMENT, "SetRangeAudioTeamID(0) in a room; GME needs a non-zero team id "
          + "after entry (0, no range voice, can only be chosen before EnterRoom)");
    }
    s.voice.teamId = teamId;
    return Outcome.ok(Map.of("teamid", teamId), List.of());
  }

  /**
   * SetRangeAudioMode(mode): 0 world, 1 team; at any time. GME's custom send and receive modes
   * (100 to 107) are not modelled and, like any other value, get 1004.
   */
  public synchronized Outcome setRangeAudioMode(String sessionId, int mode) {
    Session s = session(sessionId);
    if (mode != RoomVoice.MODE_WORLD && mode != RoomVoice.MODE_TEAM) {
      return Outcome.error(AV_ERR_INVALID_ARGUMENT, "range audio mode " + mode + " is not 0 (WORLD) or 1 (TEAM)"
          + (mode >= 100 && mode <= 107 ? "; GME's custom modes 100-107 are not simulated" : ""));
    }
    s.voice.mode = mode;
    return Outcome.ok();
  }

  /** UpdateAudioRecvRange(range): how far this member hears others in world mode; 1201 outside a room, 1004 below 0. */
  public synchronized Outcome updateAudioRecvRange(String sessionId, int range) {
    Session s = session(sessionId);
    if (s.room == null) {
      return Outcome.error(AV_ERR_ROOM_NOT_EXIST, "UpdateAudioRecvRange outside a room; call it after ENTER_ROOM");
    }
    if (range < 0) {
      return Outcome.error(AV_ERR_INVALID_ARGUMENT, "UpdateAudioRecvRange(" + range + "): the range must be 0 or more "
          + "(GME recommends 100)");
    }
    s.voice.range = range;
    return Outcome.ok();
  }

  /** UpdateSelfPosition(pos, ...): this member's position in the room; 1201 outside a room. */
  public synchronized Outcome updateSelfPosition(String sessionId, int x, int y, int z) {
    Session s = session(sessionId);
    if (s.room == null) {
      return Outcome.error(AV_ERR_ROOM_NOT_EXIST, "UpdateSelfPosition outside a room; call it after ENTER_ROOM");
    }
    s.voice.x = x;
    s.voice.y = y;
    s.voice.z = z;
    return Outcome.ok();
  }
}
