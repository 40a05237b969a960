package dev.gmesim.core.internal.protocol;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The typed arguments of every room-protocol request, one record per operation, written by the
 * simulated SDK and read by the room gateway through {@link ArgsCodec}. A record's component names
 * are the JSON field names of {@code args} in {@code docs/protocol.md}.
 *
 * <p>To add an operation, add a record here with {@link Op} naming it and {@link Default} on every
 * component a client may leave out; the codec, the gateway's unknown-field check and the SDK's
 * sender pick it up from the record alone.
 *
 * <pre>{@code
 * ObjectNode json = ArgsCodec.write(new RoomArgs.EnterRoom("lobby", 1, ""));
 * // {"roomId":"lobby","roomType":1,"authBuffer":""}
 * RoomArgs back = ArgsCodec.read("ENTER_ROOM", json).orElseThrow();
 * }</pre>
 */
public sealed interface RoomArgs {

  /** Names the {@code op} a record is the arguments of. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface Op {
    /** The op's wire name, e.g. {@code ENTER_ROOM}. */
    String value();
  }

  /**
   * Makes a component optional on the wire: when the field is absent (or JSON null) it takes this
   * value, parsed as the component's type; without a value, absent means null (reference types only).
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.RECORD_COMPONENT)
  @interface Default {
    /** Marks "absent means null". */
    String NULL = "\u0000null";

    /** The value an absent field takes, e.g. {@code "1"} or {@code ""}. */
    String value() default NULL;
  }

  /** Returns the op these are the arguments of. */
  default String op() {
    return ArgsCodec.opOf(getClass());
  }

  /** The handshake; every field may be left out (see docs/protocol.md, "Handshake"). */
  @Op(Ops.HELLO)
  record Hello(@Default("1") int version, @Default String sdk, @Default String tag, @Default String clock,
      @Default Double timeScale, @Default Long now, @Default Long originEpochMs) implements RoomArgs {}

  /** A heartbeat. */
  @Op(Ops.PING)
  record Ping() implements RoomArgs {}

  /** The SDK's own timer reported 1005 for the ENTER_ROOM {@code requestId}; no reply follows. */
  @Op(Ops.CANCEL_ENTER)
  record CancelEnter(long requestId) implements RoomArgs {}

  /** A virtual or manual session's clock moved to {@code now} simulated milliseconds. */
  @Op(Ops.ADVANCE)
  record Advance(long now) implements RoomArgs {}

  /** {@code Init(appId, openId)}. */
  @Op("INIT")
  record Init(String appId, String openId) implements RoomArgs {}

  /** {@code Uninit()}. */
  @Op("UNINIT")
  record Uninit() implements RoomArgs {}

  /** {@code EnterRoom(roomId, roomType, authBuffer)}; {@code authBuffer} is base64, empty when none. */
  @Op("ENTER_ROOM")
  record EnterRoom(String roomId, int roomType, @Default("") String authBuffer) implements RoomArgs {}

  /** {@code ExitRoom()}. */
  @Op("EXIT_ROOM")
  record ExitRoom() implements RoomArgs {}

  /** {@code SwitchRoom(targetRoomId, authBuffer)}; {@code authBuffer} is base64, empty when none. */
  @Op("SWITCH_ROOM")
  record SwitchRoom(String targetRoomId, @Default("") String authBuffer) implements RoomArgs {}

  /** {@code ChangeRoomType(roomType)}. */
  @Op("CHANGE_ROOM_TYPE")
  record ChangeRoomType(int roomType) implements RoomArgs {}

  /** {@code EnableMic(enable)}. */
  @Op("ENABLE_MIC")
  record EnableMic(boolean enable) implements RoomArgs {}

  /** {@code EnableSpeaker(enable)}. */
  @Op("ENABLE_SPEAKER")
  record EnableSpeaker(boolean enable) implements RoomArgs {}

  /** {@code InitSpatializer(modelPath)}. */
  @Op("INIT_SPATIALIZER")
  record InitSpatializer(@Default("") String modelPath) implements RoomArgs {}

  /** {@code EnableSpatializer(enable, applyToTeam)}. */
  @Op("ENABLE_SPATIALIZER")
  record EnableSpatializer(boolean enable, @Default("false") boolean applyToTeam) implements RoomArgs {}

  /**
   * {@code StartRecording(filePath)} (or, with {@code streaming}, the streaming-recognition start);
   * {@code maxLengthMs} is SetMaxMessageLength, 0 for GME's 58 000. A streaming start names its
   * speech {@code language} and its {@code translateLanguage} (sent, and ignored as GME documents).
   */
  @Op("PTT_START_RECORDING")
  record PttStartRecording(@Default("") String filePath, @Default("0") long maxLengthMs,
      @Default("false") boolean streaming, @Default(VoiceHttp.DEFAULT_LANGUAGE) String language,
      @Default String translateLanguage) implements RoomArgs {

    /** A start in GME's default language, without a translate language. */
    public PttStartRecording(String filePath, long maxLengthMs, boolean streaming) {
      this(filePath, maxLengthMs, streaming, VoiceHttp.DEFAULT_LANGUAGE, null);
    }
  }

  /** {@code StopRecording()}. */
  @Op("PTT_STOP_RECORDING")
  record PttStopRecording() implements RoomArgs {}

  /** {@code PauseRecording()}: the recording stops counting time until it resumes. */
  @Op("PTT_PAUSE_RECORDING")
  record PttPauseRecording() implements RoomArgs {}

  /** {@code ResumeRecording()}: a paused recording counts time again. */
  @Op("PTT_RESUME_RECORDING")
  record PttResumeRecording() implements RoomArgs {}

  /** {@code CancelRecording()}. */
  @Op(Ops.PTT_CANCEL_RECORDING)
  record PttCancelRecording() implements RoomArgs {}

  /** {@code PlayRecordedFile(filePath)}; the client reports PTT_PLAY_COMPLETE after {@code durationMs}. */
  @Op("PTT_PLAY")
  record PttPlay(@Default("") String filePath, @Default("0") long durationMs) implements RoomArgs {}

  /** {@code EnableAudioCaptureDevice(enable)}: the microphone device; with send, the member's mic. */
  @Op("ENABLE_AUDIO_CAPTURE_DEVICE")
  record EnableAudioCaptureDevice(boolean enable) implements RoomArgs {}

  /** {@code EnableAudioSend(enable)}: sending the captured audio; with capture, the member's mic. */
  @Op("ENABLE_AUDIO_SEND")
  record EnableAudioSend(boolean enable) implements RoomArgs {}

  /** {@code EnableAudioPlayDevice(enable)}: the playback device; with recv, the member's speaker. */
  @Op("ENABLE_AUDIO_PLAY_DEVICE")
  record EnableAudioPlayDevice(boolean enable) implements RoomArgs {}

  /** {@code EnableAudioRecv(enable)}: receiving the room's audio; with play, the member's speaker. */
  @Op("ENABLE_AUDIO_RECV")
  record EnableAudioRecv(boolean enable) implements RoomArgs {}

  /** {@code SetMicVolume(volume)}, 0 to 200. */
  @Op("SET_MIC_VOLUME")
  record SetMicVolume(int volume) implements RoomArgs {}

  /** {@code SetSpeakerVolume(volume)}, 0 to 200. */
  @Op("SET_SPEAKER_VOLUME")
  record SetSpeakerVolume(int volume) implements RoomArgs {}

  /** {@code SetSpeakerVolumeByOpenID(openId, volume)}: one member's volume, 0 to 200. */
  @Op("SET_SPEAKER_VOLUME_BY_OPENID")
  record SetSpeakerVolumeByOpenId(String openId, int volume) implements RoomArgs {}

  /** {@code Pause()}: releases the audio devices until Resume. */
  @Op("PAUSE")
  record Pause() implements RoomArgs {}

  /** {@code Resume()}: restores the audio devices Pause released. */
  @Op("RESUME")
  record Resume() implements RoomArgs {}

  // ---- speaking, audio blacklist, range voice, room quality (docs/protocol.md, "Voice in the room") ----

  /**
   * Not a GME call: the test's stand-in for the player talking into the microphone for
   * {@code durationMs} simulated milliseconds; those who can hear get {@code USER_UPDATE} 5.
   */
  @Op(Ops.SPEAK)
  record Speak(long durationMs) implements RoomArgs {}

  /** {@code ITMGAudioCtrl.AddAudioBlackList(openId)}: stop hearing {@code openId} until leaving the room. */
  @Op("ADD_AUDIO_BLACKLIST")
  record AddAudioBlacklist(String openId) implements RoomArgs {}

  /** {@code ITMGAudioCtrl.RemoveAudioBlackList(openId)}. */
  @Op("REMOVE_AUDIO_BLACKLIST")
  record RemoveAudioBlacklist(String openId) implements RoomArgs {}

  /** {@code ITMGContext.SetRangeAudioTeamID(teamId)}; in a room the outcome arrives as {@code CHANGETEAMID}. */
  @Op("SET_RANGE_AUDIO_TEAM_ID")
  record SetRangeAudioTeamId(int teamId) implements RoomArgs {}

  /** {@code ITMGContext.SetRangeAudioMode(mode)}: 0 world, 1 team. */
  @Op("SET_RANGE_AUDIO_MODE")
  record SetRangeAudioMode(int mode) implements RoomArgs {}

  /** {@code ITMGRoom.UpdateAudioRecvRange(range)}. */
  @Op("UPDATE_AUDIO_RECV_RANGE")
  record UpdateAudioRecvRange(int range) implements RoomArgs {}

  /**
   * {@code ITMGRoom.UpdateSelfPosition(pos, forward, right, up)}: the position only; the SDK checks the
   * direction vectors, which no simulated audibility rule uses, and does not send them.
   */
  @Op("UPDATE_SELF_POSITION")
  record UpdateSelfPosition(int x, int y, int z) implements RoomArgs {}

  /** The SDK's periodic network-quality sample behind {@code CHANGE_ROOM_QUALITY} and {@code GetQualityTips}. */
  @Op("ROOM_QUALITY")
  record RoomQuality() implements RoomArgs {}
}
