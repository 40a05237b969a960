package dev.gmesim.core.internal.world;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One member's voice settings on the server: range-voice team and mode, receive range, position and
 * audio blacklist, and the rule that decides who hears whom.
 *
 * <p>GME computes audibility in its media servers and the SDK; its exact formula is docs silent. The
 * simulator's rule, applied when a member speaks ({@link #hears}): the speaker's mic and the
 * listener's speaker are on (checked by the world), the listener has not blacklisted the speaker, and
 * then either neither member uses range voice (team 0 for both: an ordinary room, everyone hears
 * everyone), or they share a non-zero team (teammates always hear each other), or both are in world
 * mode and the Euclidean distance between their positions is at most the listener's receive range,
 * which must be above 0 (GME's header: with the default range 0 a world-mode member hears nobody
 * outside its team). A team-mode member hears and is heard by its team only.
 */
final class RoomVoice {
  /** {@code ITMG_RANGE_AUDIO_MODE_WORLD}: teammates, and others within the receive range. */
  static final int MODE_WORLD = 0;
  /** {@code ITMG_RANGE_AUDIO_MODE_TEAM}: teammates only. */
  static final int MODE_TEAM = 1;

  /** SetRangeAudioTeamID; 0 is no range voice. Set before or in a room; kept across rooms, as the context keeps it. */
  int teamId;
  /** SetRangeAudioMode. Kept across rooms, like the team. */
  int mode = MODE_WORLD;
  /** UpdateAudioRecvRange; GME's default is 0. Per room. */
  int range;
  /** UpdateSelfPosition's position. Per room. */
  int x;
  int y;
  int z;
  /** AddAudioBlackList: openIds this member does not hear. Local to the member, lapses when it leaves the room. */
  final Set<String> blacklist = new LinkedHashSet<>();

  /** The member left its room: what GME keeps per room goes (the blacklist lapses, as GME's docs say). */
  void leftRoom() {
    range = 0;
    x = 0;
    y = 0;
    z = 0;
    blacklist.clear();
  }

  /** Back to a context's state before any range-voice call. */
  void reset() {
    teamId = 0;
    mode = MODE_WORLD;
    leftRoom();
  }

  /** Whether {@code listener} hears {@code speaker} (whose openId is {@code speakerOpenId}), devices aside. */
  static boolean hears(RoomVoice listener, RoomVoice speaker, String speakerOpenId) {
    if (listener.blacklist.contains(speakerOpenId)) {
      return false;
    }
    if (listener.teamId == 0 && speaker.teamId == 0) {
      return true;
    }
    if (listener.teamId != 0 && listener.teamId == speaker.teamId) {
      return true;
    }
    if (listener.mode == MODE_TEAM || speaker.mode == MODE_TEAM || listener.range <= 0) {
      return false;
    }
    long r = listener.range;
    long dx = Math.abs((long) listener.x - speaker.x);
    long dy = Math.abs((long) listener.y - speaker.y);
    long dz = Math.abs((long) listener.z - speaker.z);
    if (dx > r || dy > r || dz > r) {
      return false;
    }
    // Exact integer arithmetic, no square root: each square is below 2^62, so their sum fits an unsigned long.
    return Long.compareUnsigned(dx * dx + dy * dy + dz * dz, r * r) <= 0;
  }
}
