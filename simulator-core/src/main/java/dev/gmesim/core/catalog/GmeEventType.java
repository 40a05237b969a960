package dev.gmesim.core.catalog;

import java.util.Optional;

/**
 * GME's {@code ITMG_MAIN_EVENT_TYPE} values that the simulator produces, with the numeric value
 * from GME's SDK header and the name GME uses (misspellings such as {@code EVNET} included).
 *
 * @since 0.1
 */
public enum GmeEventType {
  /** Result of EnterRoom: {@code result}, {@code error_info}. */
  ENTER_ROOM(1, "ITMG_MAIN_EVENT_TYPE_ENTER_ROOM"),
  /** Result of ExitRoom: {@code result}, {@code error_info}. */
  EXIT_ROOM(2, "ITMG_MAIN_EVENT_TYPE_EXIT_ROOM"),
  /** The room connection was lost for good: {@code result}, {@code error_info}. */
  ROOM_DISCONNECT(3, "ITMG_MAIN_EVENT_TYPE_ROOM_DISCONNECT"),
  /** Other members entered, left or changed audio state: {@code event_id}, {@code user_list}. */
  USER_UPDATE(4, "ITMG_MAIN_EVNET_TYPE_USER_UPDATE"),
  /** The SDK started reconnecting to the room. */
  RECONNECT_START(11, "ITMG_MAIN_EVENT_TYPE_RECONNECT_START"),
  /** The SDK reconnected to the room. */
  RECONNECT_SUCCESS(12, "ITMG_MAIN_EVENT_TYPE_RECONNECT_SUCCESS"),
  /** Result of SwitchRoom: {@code result}, {@code error_info}. */
  SWITCH_ROOM(13, "ITMG_MAIN_EVENT_TYPE_SWITCH_ROOM"),
  /** Room type change: {@code result}, {@code error_info}, {@code sub_event_type}, {@code new_room_type}. */
  CHANGE_ROOM_TYPE(21, "ITMG_MAIN_EVENT_TYPE_CHANGE_ROOM_TYPE"),
  /** The network quality, every 2 s in a room: {@code weight} (1-50, 0 = no value yet, below 30 poor), {@code loss}, {@code delay} (ms). */
  CHANGE_ROOM_QUALITY(1022, "ITMG_MAIN_EVENT_TYPE_CHANGE_ROOM_QUALITY"),
  /** SetRangeAudioTeamID in a room: {@code result}, {@code error_info}, {@code teamid}. */
  CHANGETEAMID(1095, "ITMG_MAIN_EVENT_TYPE_CHANGETEAMID"),
  /** Recording finished: {@code result}, {@code file_path}. */
  PTT_RECORD_COMPLETE(5001, "ITMG_MAIN_EVNET_TYPE_PTT_RECORD_COMPLETE"),
  /** Upload finished: {@code result}, {@code file_path}, {@code file_id}. */
  PTT_UPLOAD_COMPLETE(5002, "ITMG_MAIN_EVNET_TYPE_PTT_UPLOAD_COMPLETE"),
  /** Download finished: {@code result}, {@code file_path}, {@code file_id}. */
  PTT_DOWNLOAD_COMPLETE(5003, "ITMG_MAIN_EVNET_TYPE_PTT_DOWNLOAD_COMPLETE"),
  /** Playback finished or stopped: {@code result}, {@code file_path}. */
  PTT_PLAY_COMPLETE(5004, "ITMG_MAIN_EVNET_TYPE_PTT_PLAY_COMPLETE"),
  /** Speech-to-text finished: {@code result}, {@code text}, {@code file_id}. */
  PTT_SPEECH2TEXT_COMPLETE(5005, "ITMG_MAIN_EVNET_TYPE_PTT_SPEECH2TEXT_COMPLETE"),
  /** Streaming recognition finished: {@code result}, {@code file_path}, {@code text}, {@code file_id}. */
  PTT_STREAMINGRECOGNITION_COMPLETE(5006, "ITMG_MAIN_EVNET_TYPE_PTT_STREAMINGRECOGNITION_COMPLETE"),
  /** Streaming recognition partial text; {@code file_id} is empty while it runs. */
  PTT_STREAMINGRECOGNITION_IS_RUNNING(5007, "ITMG_MAIN_EVNET_TYPE_PTT_STREAMINGRECOGNITION_IS_RUNNING");

  private final int value;
  private final String gmeName;

  GmeEventType(int value, String gmeName) {
    this.value = value;
    this.gmeName = gmeName;
  }

  /** Returns the numeric event type from GME's SDK header. */
  public int value() {
    return value;
  }

  /** Returns the constant's name as GME's SDK spells it. */
  public String gmeName() {
    return gmeName;
  }

  /** Finds the event type with this numeric value. */
  public static Optional<GmeEventType> byValue(int value) {
    for (GmeEventType t : values()) {
      if (t.value == value) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
