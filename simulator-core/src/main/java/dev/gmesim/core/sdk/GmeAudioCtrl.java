package dev.gmesim.core.sdk;

import dev.gmesim.core.internal.protocol.RoomArgs;
import dev.gmesim.core.sdk.internal.AudioState;
import dev.gmesim.core.sdk.internal.Session;

/**
 * GME's {@code ITMGAudioCtrl}: microphone, speaker and 3D-voice calls, handed out by
 * {@link GmeContext#getAudioCtrl()}. As in GME, device calls work only in a room.
 *
 * <pre>{@code
 * GmeAudioCtrl audio = gme.getAudioCtrl();
 * audio.enableMic(true);   // 0; the others receive USER_UPDATE 11 (mic opened)
 * }</pre>
 *
 * @since 0.1
 */
public final class GmeAudioCtrl {
  private final Session session;

  GmeAudioCtrl(Session session) {
    this.session = session;
  }

  /** {@code ITMGAudioCtrl.EnableMic(enable)}: returns 0 or a GME error code (1201 outside a room). */
  public int enableMic(boolean enable) {
    return session.call(new RoomArgs.EnableMic(enable));
  }

  /** {@code ITMGAudioCtrl.EnableSpeaker(enable)}: returns 0 or a GME error code (1201 outside a room). */
  public int enableSpeaker(boolean enable) {
    return session.call(new RoomArgs.EnableSpeaker(enable));
  }

  /** {@code ITMGAudioCtrl.InitSpatializer(modelPath)}: call after entering a room; returns 0 or a GME error code. */
  public int initSpatializer(String modelPath) {
    return session.call(new RoomArgs.InitSpatializer(modelPath == null ? "" : modelPath));
  }

  /** {@code ITMGAudioCtrl.EnableSpatializer(enable, applyToTeam)}: 7003 before InitSpatializer. */
  public int enableSpatializer(boolean enable, boolean applyToTeam) {
    return session.call(new RoomArgs.EnableSpatializer(enable, applyToTeam));
  }

  // ---- the split switches: EnableMic = capture + send, EnableSpeaker = play + recv --------------

  /**
   * {@code ITMGAudioCtrl.EnableAudioCaptureDevice(enable)}: opens or closes the microphone device;
   * 1201 outside a room. The others hear the mic (USER_UPDATE 11/12) only while capture and send are both on.
   */
  public int enableAudioCaptureDevice(boolean enable) {
    return session.call(new RoomArgs.EnableAudioCaptureDevice(enable));
  }

  /** {@code ITMGAudioCtrl.IsAudioCaptureDeviceEnabled()}: whether the capture device is switched on. */
  public boolean isAudioCaptureDeviceEnabled() {
    return state().captureEnabled();
  }

  /**
   * {@code ITMGAudioCtrl.EnableAudioSend(enable)}: starts or stops sending the captured audio; 1201
   * outside a room. GME advises opening the device once and toggling this, which does not restart audio.
   */
  public int enableAudioSend(boolean enable) {
    return session.call(new RoomArgs.EnableAudioSend(enable));
  }

  /** {@code ITMGAudioCtrl.IsAudioSendEnabled()}: whether sending is switched on. */
  public boolean isAudioSendEnabled() {
    return state().sendEnabled();
  }

  /** {@code ITMGAudioCtrl.EnableAudioPlayDevice(enable)}: opens or closes the playback device; 1201 outside a room. */
  public int enableAudioPlayDevice(boolean enable) {
    return session.call(new RoomArgs.EnableAudioPlayDevice(enable));
  }

  /** {@code ITMGAudioCtrl.IsAudioPlayDeviceEnabled()}: whether the playback device is switched on. */
  public boolean isAudioPlayDeviceEnabled() {
    return state().playEnabled();
  }

  /** {@code ITMGAudioCtrl.EnableAudioRecv(enable)}: starts or stops receiving the room's audio; 1201 outside a room. */
  public int enableAudioRecv(boolean enable) {
    return session.call(new RoomArgs.EnableAudioRecv(enable));
  }

  /** {@code ITMGAudioCtrl.IsAudioRecvEnabled()}: whether receiving is switched on. */
  public boolean isAudioRecvEnabled() {
    return state().recvEnabled();
  }

  /**
   * {@code ITMGAudioCtrl.GetMicState()}: 1 when the mic works (capture and send on, and the context
   * not paused), else 0.
   */
  public int getMicState() {
    return state().micOn() ? 1 : 0;
  }

  /** {@code ITMGAudioCtrl.GetSpeakerState()}: 1 when the speaker works (play and recv on, not paused), else 0. */
  public int getSpeakerState() {
    return state().speakerOn() ? 1 : 0;
  }

  // ---- volumes: 0 to 200, 100 as captured; the getters return 101 until a set ---------------------

  /**
   * {@code ITMGAudioCtrl.SetMicVolume(volume)}: 0 to 200 (GME's default is 100);
   * 1004 outside that range, 1201 outside a room. The volume stays for the context's life.
   */
  public int setMicVolume(int volume) {
    return session.call(new RoomArgs.SetMicVolume(volume));
  }

  /** {@code ITMGAudioCtrl.GetMicVolume()}: the volume last set, or 101 when none was ever set, as GME answers. */
  public int getMicVolume() {
    return state().micVolume();
  }

  /**
   * {@code ITMGAudioCtrl.SetSpeakerVolume(volume)}: 0 to 200 (GME's default is 100);
   * 1004 outside that range, 1201 outside a room. The volume stays for the context's life.
   */
  public int setSpeakerVolume(int volume) {
    return session.call(new RoomArgs.SetSpeakerVolume(volume));
  }

  /** {@code ITMGAudioCtrl.GetSpeakerVolume()}: the volume last set, or 101 when none was ever set. */
  public int getSpeakerVolume() {
    return state().speakerVolume();
  }

  /**
   * {@code ITMGAudioCtrl.SetSpeakerVolumeByOpenID(openId, volume)}: how loud this member sounds here,
   * 0 to 200; 1004 for a volume outside that range or an empty openId, 1401
   * ({@code AV_ERR_ENDPOINT_NOT_EXIST}) for an openId not in the room (GME's docs are silent; the
   * simulator's choice), 1201 outside a room. The setting lapses when this context leaves the room.
   */
  public int setSpeakerVolumeByOpenID(String openId, int volume) {
    return session.call(new RoomArgs.SetSpeakerVolumeByOpenId(openId == null ? "" : openId, volume));
  }

  /**
   * {@code ITMGAudioCtrl.GetSpeakerVolumeByOpenID(openId)}: the volume last set for that member in
   * this room, or 101 when none was (docs silent; the same answer as the other volume getters).
   */
  public int getSpeakerVolumeByOpenID(String openId) {
    return state().speakerVolume(openId);
  }

  /** {@code ITMGAudioCtrl.IsEnableSpatializer()}: whether EnableSpatializer turned 3D voice on in this room. */
  public boolean isEnableSpatializer() {
    return state().spatializerEnabled();
  }

  private AudioState state() {
    return session.audio();
  }

  /**
   * {@code ITMGAudioCtrl.AddAudioBlackList(openId)}: stop hearing that member; local to this listener
   * (the member and the others notice nothing) and lapsing when this context leaves the room. Returns
   * 0 (also for one already listed), 1201 outside a room, 1004 for an empty openId or this context's own.
   */
  public int addAudioBlackList(String openId) {
    int result = session.call(new RoomArgs.AddAudioBlacklist(openId));
    if (result == 0) {
      session.voice().blacklist().add(openId);
    }
    return result;
  }

  /** {@code ITMGAudioCtrl.RemoveAudioBlackList(openId)}: hear that member again; 0 also when it was not listed (docs silent). */
  public int removeAudioBlackList(String openId) {
    int result = session.call(new RoomArgs.RemoveAudioBlacklist(openId));
    if (result == 0) {
      session.voice().blacklist().remove(openId);
    }
    return result;
  }

  /**
   * {@code ITMGAudioCtrl.IsOpenIdInAudioBlackList(openId)}: whether this listener blacklisted that
   * member in its current room. GME returns an int whose values are docs silent; this returns a boolean.
   */
  public boolean isOpenIdInAudioBlackList(String openId) {
    return openId != null && session.voice().blacklist().contains(openId);
  }

  /**
   * {@code ITMGAudioCtrl.GetMicLevel()} (0-100): the simulator has no samples, so 50 while this player
   * talks ({@link GmeContext#speak}) and 0 otherwise.
   */
  public int getMicLevel() {
    return session.voice().micLevel();
  }

  /** {@code ITMGAudioCtrl.GetSendStreamLevel()} (0-100): what is sent, 50 while this player talks, else 0. */
  public int getSendStreamLevel() {
    return session.voice().micLevel();
  }

  /** {@code ITMGAudioCtrl.GetSpeakerLevel()}: 50 while any member this context hears is talking, else 0. */
  public int getSpeakerLevel() {
    return session.voice().speakerLevel();
  }

  /**
   * {@code ITMGAudioCtrl.GetRecvStreamLevel(openId)} (0-200): 100 while that member is heard talking
   * (100 being the level at GME's default volume), else 0, also for a blacklisted member.
   */
  public int getRecvStreamLevel(String openId) {
    return session.voice().recvLevel(openId);
  }
}
