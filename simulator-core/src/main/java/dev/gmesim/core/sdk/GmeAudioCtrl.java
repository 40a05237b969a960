package dev.gmesim.core.sdk;

import dev.gmesim.core.internal.protocol.RoomArgs;
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

  /**
   * {@code ITMGAudioCtrl.AddAudioBlackList(openId)}: stop hearing that member; local to this listener
   * (the member and the others notice nothing) and lapsing when this context leaves the room. Returns
   * 0 (also for one already listed), 1201 outside a room, 1004 for an empty openId or this context's own.
   */
  public int addAudioBlackList(String openId) {
    int result = session.call(new RoomArgs.AddAudioBlacklist(openId));
    if (result == 0) {
      session.audio().blacklist().add(openId);
    }
    return result;
  }

  /** {@code ITMGAudioCtrl.RemoveAudioBlackList(openId)}: hear that member again; 0 also when it was not listed (docs silent). */
  public int removeAudioBlackList(String openId) {
    int result = session.call(new RoomArgs.RemoveAudioBlacklist(openId));
    if (result == 0) {
      session.audio().blacklist().remove(openId);
    }
    return result;
  }

  /**
   * {@code ITMGAudioCtrl.IsOpenIdInAudioBlackList(openId)}: whether this listener blacklisted that
   * member in its current room. GME returns an int whose values are docs silent; this returns a boolean.
   */
  public boolean isOpenIdInAudioBlackList(String openId) {
    return openId != null && session.audio().blacklist().contains(openId);
  }

  /**
   * {@code ITMGAudioCtrl.GetMicLevel()} (0-100): the simulator has no samples, so 50 while this player
   * talks ({@link GmeContext#speak}) and 0 otherwise.
   */
  public int getMicLevel() {
    return session.audio().micLevel();
  }

  /** {@code ITMGAudioCtrl.GetSendStreamLevel()} (0-100): what is sent, 50 while this player talks, else 0. */
  public int getSendStreamLevel() {
    return session.audio().micLevel();
  }

  /** {@code ITMGAudioCtrl.GetSpeakerLevel()}: 50 while any member this context hears is talking, else 0. */
  public int getSpeakerLevel() {
    return session.audio().speakerLevel();
  }

  /**
   * {@code ITMGAudioCtrl.GetRecvStreamLevel(openId)} (0-200): 100 while that member is heard talking
   * (100 being the level at GME's default volume), else 0, also for a blacklisted member.
   */
  public int getRecvStreamLevel(String openId) {
    return session.audio().recvLevel(openId);
  }
}
