package dev.gmesim.core.sdk.internal;

import dev.gmesim.core.internal.protocol.RoomArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The audio state GME's client answers its getters from without asking the server: the four
 * switches EnableMic and EnableSpeaker are made of, Pause, the spatializer, and the volumes. Each
 * successful call updates it; leaving a room turns the switches off, as GME does, and a reconnect
 * replays it onto the new server session ({@link #restore()}).
 */
public final class AudioState {
  /** What GME's volume getters return before any set: 101, outside the 0 to 200 range. */
  public static final int NEVER_SET = 101;

  private volatile boolean capture;
  private volatile boolean send;
  private volatile boolean play;
  private volatile boolean recv;
  private volatile boolean paused;
  private volatile boolean spatializer;
  private volatile int micVolume = NEVER_SET;
  private volatile int speakerVolume = NEVER_SET;
  private final Map<String, Integer> volumeByOpenId = new ConcurrentHashMap<>();
  // Range voice: the team and mode outlive a room (they are set before EnterRoom); the rest lapses on exit.
  private volatile int teamId;
  private volatile int rangeMode;
  private volatile int recvRange;
  private volatile RoomArgs.UpdateSelfPosition position;
  private final Set<String> blacklist = ConcurrentHashMap.newKeySet();

  /** Keeps what a call that returned 0 set; other calls leave the state alone. */
  void track(RoomArgs args) {
    // Java 17: no pattern matching in switch, so an instanceof chain over the sealed arguments.
    if (args instanceof RoomArgs.EnableMic a) {
      capture = a.enable();
      send = a.enable();
    } else if (args instanceof RoomArgs.EnableSpeaker a) {
      play = a.enable();
      recv = a.enable();
    } else if (args instanceof RoomArgs.EnableAudioCaptureDevice a) {
      capture = a.enable();
    } else if (args instanceof RoomArgs.EnableAudioSend a) {
      send = a.enable();
    } else if (args instanceof RoomArgs.EnableAudioPlayDevice a) {
      play = a.enable();
    } else if (args instanceof RoomArgs.EnableAudioRecv a) {
      recv = a.enable();
    } else if (args instanceof RoomArgs.Pause) {
      paused = true;
    } else if (args instanceof RoomArgs.Resume) {
      paused = false;
    } else if (args instanceof RoomArgs.EnableSpatializer a) {
      spatializer = a.enable();
    } else if (args instanceof RoomArgs.SetMicVolume a) {
      micVolume = a.volume();
    } else if (args instanceof RoomArgs.SetSpeakerVolume a) {
      speakerVolume = a.volume();
    } else if (args instanceof RoomArgs.SetSpeakerVolumeByOpenId a) {
      volumeByOpenId.put(a.openId(), a.volume());
    } else if (args instanceof RoomArgs.SetRangeAudioTeamId a) {
      teamId = a.teamId();
    } else if (args instanceof RoomArgs.SetRangeAudioMode a) {
      rangeMode = a.mode();
    } else if (args instanceof RoomArgs.UpdateAudioRecvRange a) {
      recvRange = a.range();
    } else if (args instanceof RoomArgs.UpdateSelfPosition a) {
      position = a;
    } else if (args instanceof RoomArgs.AddAudioBlacklist a) {
      blacklist.add(a.openId());
    } else if (args instanceof RoomArgs.RemoveAudioBlacklist a) {
      blacklist.remove(a.openId());
    } else if (args instanceof RoomArgs.Uninit) {
      paused = false;
    }
  }

  /**
   * Leaving a room: the switches go off and the spatializer with them (GME switches capture off on
   * exit), and the per-member volumes lapse; the mic and speaker volumes and Pause stay.
   */
  void leftRoom() {
    capture = false;
    send = false;
    play = false;
    recv = false;
    spatializer = false;
    volumeByOpenId.clear();
    recvRange = 0;
    position = null;
    blacklist.clear();
  }

  /**
   * The calls that bring a new server session (which starts unpaused, every switch off) to this
   * state after a reconnect, so the room hears the member as before: Pause first, so a paused
   * member's mic never flickers open.
   */
  List<RoomArgs> restore() {
    List<RoomArgs> calls = new ArrayList<>();
    if (paused) {
      calls.add(new RoomArgs.Pause());
    }
    if (capture && send) {
      calls.add(new RoomArgs.EnableMic(true));
    } else if (capture) {
      calls.add(new RoomArgs.EnableAudioCaptureDevice(true));
    } else if (send) {
      calls.add(new RoomArgs.EnableAudioSend(true));
    }
    if (play && recv) {
      calls.add(new RoomArgs.EnableSpeaker(true));
    } else if (play) {
      calls.add(new RoomArgs.EnableAudioPlayDevice(true));
    } else if (recv) {
      calls.add(new RoomArgs.EnableAudioRecv(true));
    }
    // The new session hears and is heard as before: GME keeps range voice across a reconnect as it
    // keeps mic and speaker (docs silent on the details; the simulator restores all of it). Their
    // replies go nowhere, so the game sees no CHANGETEAMID for a team it never changed.
    if (teamId != 0) {
      calls.add(new RoomArgs.SetRangeAudioTeamId(teamId));
    }
    if (rangeMode != 0) {
      calls.add(new RoomArgs.SetRangeAudioMode(rangeMode));
    }
    if (recvRange != 0) {
      calls.add(new RoomArgs.UpdateAudioRecvRange(recvRange));
    }
    RoomArgs.UpdateSelfPosition at = position;
    if (at != null) {
      calls.add(at);
    }
    blacklist.forEach(openId -> calls.add(new RoomArgs.AddAudioBlacklist(openId)));
    return calls;
  }

  /** Returns whether EnableAudioCaptureDevice (or EnableMic) last turned the capture device on. */
  public boolean captureEnabled() {
    return capture;
  }

  /** Returns whether EnableAudioSend (or EnableMic) last turned sending on. */
  public boolean sendEnabled() {
    return send;
  }

  /** Returns whether EnableAudioPlayDevice (or EnableSpeaker) last turned the play device on. */
  public boolean playEnabled() {
    return play;
  }

  /** Returns whether EnableAudioRecv (or EnableSpeaker) last turned receiving on. */
  public boolean recvEnabled() {
    return recv;
  }

  /** Returns whether Pause() holds the devices released. */
  public boolean paused() {
    return paused;
  }

  /** Returns whether the mic works: capture and send on, not paused. */
  public boolean micOn() {
    return capture && send && !paused;
  }

  /** Returns whether the speaker works: play and recv on, not paused. */
  public boolean speakerOn() {
    return play && recv && !paused;
  }

  /** Returns whether EnableSpatializer last turned 3D voice on in this room. */
  public boolean spatializerEnabled() {
    return spatializer;
  }

  /** Returns the mic volume last set, or {@link #NEVER_SET}. */
  public int micVolume() {
    return micVolume;
  }

  /** Returns the speaker volume last set, or {@link #NEVER_SET}. */
  public int speakerVolume() {
    return speakerVolume;
  }

  /** Returns the volume last set for this member in the current room, or {@link #NEVER_SET}. */
  public int speakerVolume(String openId) {
    return openId == null ? NEVER_SET : volumeByOpenId.getOrDefault(openId, NEVER_SET);
  }
}
