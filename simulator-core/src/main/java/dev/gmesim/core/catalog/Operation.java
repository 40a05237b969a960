package dev.gmesim.core.catalog;

import java.util.Optional;

/**
 * The SDK calls that faults target and that the journal records; names follow GME's API.
 *
 * <p>An operation either completes through a GME event ({@link #event()} is present, as for
 * {@code EnterRoom} and its {@code ENTER_ROOM} event) or returns its result code directly, as
 * GME's synchronous calls ({@code Init}, {@code EnableMic}, ...) do.
 *
 * @since 0.1
 */
public enum Operation {
  /** {@code ITMGContext.Init(appId, openId)}: returns its code. */
  INIT(null, Channel.ROOM),
  /** {@code ITMGContext.Uninit()}: returns its code. */
  UNINIT(null, Channel.ROOM),
  /** {@code ITMGContext.EnterRoom(roomId, roomType, authBuffer)}: ends with ENTER_ROOM. */
  ENTER_ROOM(GmeEventType.ENTER_ROOM, Channel.ROOM),
  /** {@code ITMGContext.ExitRoom()}: ends with EXIT_ROOM. */
  EXIT_ROOM(GmeEventType.EXIT_ROOM, Channel.ROOM),
  /** {@code SwitchRoom(targetRoomId, authBuffer)}: ends with SWITCH_ROOM. */
  SWITCH_ROOM(GmeEventType.SWITCH_ROOM, Channel.ROOM),
  /** {@code ITMGRoom.ChangeRoomType(type)}: ends with CHANGE_ROOM_TYPE. */
  CHANGE_ROOM_TYPE(GmeEventType.CHANGE_ROOM_TYPE, Channel.ROOM),
  /** {@code ITMGAudioCtrl.EnableMic(bool)}: returns its code. */
  ENABLE_MIC(null, Channel.ROOM),
  /** {@code ITMGAudioCtrl.EnableSpeaker(bool)}: returns its code. */
  ENABLE_SPEAKER(null, Channel.ROOM),
  /** {@code ITMGAudioCtrl.InitSpatializer(modelPath)}: returns its code. */
  INIT_SPATIALIZER(null, Channel.ROOM),
  /** {@code ITMGAudioCtrl.EnableSpatializer(enable, applyToTeam)}: returns its code. */
  ENABLE_SPATIALIZER(null, Channel.ROOM),
  /** {@code ITMGAudioCtrl.EnableAudioCaptureDevice(bool)}: opens or closes the microphone device; returns its code. */
  ENABLE_AUDIO_CAPTURE_DEVICE(null, Channel.ROOM),
  /** {@code ITMGAudioCtrl.EnableAudioSend(bool)}: starts or stops sending the captured audio; returns its code. */
  ENABLE_AUDIO_SEND(null, Channel.ROOM),
  /** {@code ITMGAudioCtrl.EnableAudioPlayDevice(bool)}: opens or closes the playback device; returns its code. */
  ENABLE_AUDIO_PLAY_DEVICE(null, Channel.ROOM),
  /** {@code ITMGAudioCtrl.EnableAudioRecv(bool)}: starts or stops receiving the room's audio; returns its code. */
  ENABLE_AUDIO_RECV(null, Channel.ROOM),
  /** {@code ITMGAudioCtrl.SetMicVolume(volume)}, 0 to 200: returns its code. */
  SET_MIC_VOLUME(null, Channel.ROOM),
  /** {@code ITMGAudioCtrl.SetSpeakerVolume(volume)}, 0 to 200: returns its code. */
  SET_SPEAKER_VOLUME(null, Channel.ROOM),
  /** {@code ITMGAudioCtrl.SetSpeakerVolumeByOpenID(openId, volume)}, 0 to 200: returns its code. */
  SET_SPEAKER_VOLUME_BY_OPENID(null, Channel.ROOM),
  /** {@code ITMGContext.Pause()}: releases the audio devices (app in the background); returns its code. */
  PAUSE(null, Channel.ROOM),
  /** {@code ITMGContext.Resume()}: restores voice chat after Pause; returns its code. */
  RESUME(null, Channel.ROOM),
  /** {@code ITMGPTT.ApplyPTTAuthbuffer(authBuffer)}: returns its code. */
  PTT_APPLY_AUTH(null, Channel.HTTP),
  /** {@code ITMGPTT.StartRecording(filePath)}: a failure ends with PTT_RECORD_COMPLETE. */
  PTT_START_RECORDING(GmeEventType.PTT_RECORD_COMPLETE, Channel.LOCAL),
  /** {@code ITMGPTT.StopRecording()}: ends with PTT_RECORD_COMPLETE. */
  PTT_STOP_RECORDING(GmeEventType.PTT_RECORD_COMPLETE, Channel.LOCAL),
  /** {@code ITMGPTT.PauseRecording()}: returns its code; paused time does not count toward the recording. */
  PTT_PAUSE_RECORDING(null, Channel.LOCAL),
  /** {@code ITMGPTT.ResumeRecording()}: returns its code. */
  PTT_RESUME_RECORDING(null, Channel.LOCAL),
  /** {@code ITMGPTT.UploadRecordedFile(filePath)}: ends with PTT_UPLOAD_COMPLETE. */
  PTT_UPLOAD(GmeEventType.PTT_UPLOAD_COMPLETE, Channel.HTTP),
  /** {@code ITMGPTT.DownloadRecordedFile(fileId, filePath)}: ends with PTT_DOWNLOAD_COMPLETE. */
  PTT_DOWNLOAD(GmeEventType.PTT_DOWNLOAD_COMPLETE, Channel.HTTP),
  /** {@code ITMGPTT.PlayRecordedFile(filePath)}: ends with PTT_PLAY_COMPLETE. */
  PTT_PLAY(GmeEventType.PTT_PLAY_COMPLETE, Channel.LOCAL),
  /** {@code ITMGPTT.SpeechToText(fileId)}: ends with PTT_SPEECH2TEXT_COMPLETE. */
  PTT_SPEECH_TO_TEXT(GmeEventType.PTT_SPEECH2TEXT_COMPLETE, Channel.HTTP),
  /** {@code StartRecordingWithStreamingRecognition(filePath)}: ends with PTT_STREAMINGRECOGNITION_COMPLETE. */
  PTT_STREAMING_RECOGNITION(GmeEventType.PTT_STREAMINGRECOGNITION_COMPLETE, Channel.HTTP),
  /** {@code ITMGAudioCtrl.AddAudioBlackList(openId)}: returns its code; local to the listener, lapses on leaving the room. */
  ADD_AUDIO_BLACKLIST(null, Channel.ROOM),
  /** {@code ITMGAudioCtrl.RemoveAudioBlackList(openId)}: returns its code. */
  REMOVE_AUDIO_BLACKLIST(null, Channel.ROOM),
  /** {@code ITMGContext.SetRangeAudioTeamID(teamId)}: returns its code; in a room it also ends with CHANGETEAMID. */
  SET_RANGE_AUDIO_TEAM_ID(GmeEventType.CHANGETEAMID, Channel.ROOM),
  /** {@code ITMGContext.SetRangeAudioMode(mode)}: returns its code. */
  SET_RANGE_AUDIO_MODE(null, Channel.ROOM),
  /** {@code ITMGRoom.UpdateAudioRecvRange(range)}: returns its code. */
  UPDATE_AUDIO_RECV_RANGE(null, Channel.ROOM),
  /** {@code ITMGRoom.UpdateSelfPosition(pos, forward, right, up)}: returns its code. */
  UPDATE_SELF_POSITION(null, Channel.ROOM),
  /**
   * Not a call: the SDK's network-quality sample every 2 s in a room, reported as CHANGE_ROOM_QUALITY
   * and read by {@code ITMGRoom.GetQualityTips()}; a {@link dev.gmesim.core.fault.Fault.PoorNetwork} rule on it
   * makes the network poor.
   */
  ROOM_QUALITY(GmeEventType.CHANGE_ROOM_QUALITY, Channel.ROOM),
  /** Server API {@code DescribeRoomInfo}: who is in which room (docs/server-api.md). */
  SERVER_DESCRIBE_ROOM_INFO(null, Channel.SERVER_API),
  /** Server API {@code DeleteRoomMember}: kick users or dismiss a room. */
  SERVER_DELETE_ROOM_MEMBER(null, Channel.SERVER_API),
  /** Server API {@code ModifyUserMicStatus}: a server mute (or unmute) of room members. */
  SERVER_MODIFY_USER_MIC_STATUS(null, Channel.SERVER_API),
  /** Server API {@code DescribeUserInAndOutTime}: a user's entry and exit times in a room. */
  SERVER_DESCRIBE_USER_IN_AND_OUT_TIME(null, Channel.SERVER_API),
  /** Server API {@code StartRecord}: starts a room's recording task. */
  SERVER_START_RECORD(null, Channel.SERVER_API),
  /** Server API {@code StopRecord}: stops a recording task. */
  SERVER_STOP_RECORD(null, Channel.SERVER_API),
  /** Server API {@code DescribeTaskInfo}: the recording task of a room. */
  SERVER_DESCRIBE_TASK_INFO(null, Channel.SERVER_API),
  /** Server API {@code DescribeRecordInfo}: the files of a recording task. */
  SERVER_DESCRIBE_RECORD_INFO(null, Channel.SERVER_API),
  /** Server API {@code ModifyRecordInfo}: changes a recording task's mode or subscriptions. */
  SERVER_MODIFY_RECORD_INFO(null, Channel.SERVER_API),
  /** Server API {@code ScanVoice}: submits voice moderation tasks. */
  SERVER_SCAN_VOICE(null, Channel.SERVER_API),
  /** Server API {@code DescribeScanResultList}: the results of voice moderation tasks. */
  SERVER_DESCRIBE_SCAN_RESULT_LIST(null, Channel.SERVER_API);

  /** Where the simulator decides an operation's outcome. */
  public enum Channel {
    /** Over the Netty room connection. */
    ROOM,
    /** Over HTTP (the WireMock side). */
    HTTP,
    /** On the device (recording, playback); the simulated SDK asks the simulator for faults. */
    LOCAL,
    /** GME's server API (TencentCloud API 3.0, {@code POST /} on the HTTP side), called by a game's backend. */
    SERVER_API
  }

  private final GmeEventType event;
  private final Channel channel;

  Operation(GmeEventType event, Channel channel) {
    this.event = event;
    this.channel = channel;
  }

  /** Returns the GME event that reports this operation's outcome, or empty for a call that returns its code. */
  public Optional<GmeEventType> event() {
    return Optional.ofNullable(event);
  }

  /** Returns where the simulator decides this operation's outcome. */
  public Channel channel() {
    return channel;
  }

  /** Parses an operation name case-insensitively, or returns empty. */
  public static Optional<Operation> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
