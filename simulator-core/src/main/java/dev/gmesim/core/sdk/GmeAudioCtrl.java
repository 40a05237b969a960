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
}
