package dev.gmesim.examples.voice;

import java.util.Set;

/**
 * The GME result codes the voice chat treats specially, and how it groups the rest. A game
 * keeps such a table itself: it ships with Tencent's SDK, not with the simulator.
 */
final class GmeCodes {
  static final int OK = 0;
  /** AV_ERR_HAS_IN_THE_STATE: already in that state (that room, paused, running); GME says to treat it as success. */
  static final int ALREADY_IN_STATE = 1003;
  /** AV_ERR_AUTH_FIALD: bad or expired auth buffer. */
  static final int AUTH_FAILED = 7006;
  /** QAV_ERR_NOT_TRY_NEW_ROOM: the switch was not attempted; still in the old room. */
  static final int SWITCH_NOT_TRIED = 2001;
  /** QAV_ERR_TRY_NEW_ROOM_FAILED: the switch failed and the old room is gone too. */
  static final int SWITCH_FAILED_ROOM_LOST = 2002;
  /** QAVPTTERROR_UPLOAD_COS_INTERNAL_FAIL: the upload hit a network error. */
  static final int UPLOAD_NETWORK = 8195;

  /** Timeouts and network errors on entry: worth retrying after a pause. */
  static final Set<Integer> RETRY_ENTRY = Set.of(1005, 7004, 10004);

  private GmeCodes() {}

  /** GME's sections of its error page, by code range, for the notice the player sees. */
  enum Section { GENERAL, CLIENT, SERVER, VOICE_MESSAGE }

  static Section section(int code) {
    if (code >= 7000 && code < 8000) {
      return Section.GENERAL;
    }
    if (code >= 10000 && code < 11000) {
      return Section.SERVER;
    }
    if (code >= 4096) {
      return Section.VOICE_MESSAGE;
    }
    return Section.CLIENT;
  }

  /** A player-facing line for a failure that has no special handling, by GME section. */
  static PlayerNotice noticeFor(int code) {
    return switch (section(code)) {
      case GENERAL -> new PlayerNotice(PlayerNotice.Kind.UNAVAILABLE,
          "Voice chat is unavailable right now. The game goes on without it.", code);
      case CLIENT -> new PlayerNotice(PlayerNotice.Kind.UNAVAILABLE,
          "Voice chat hit a problem on this device. Try rejoining the channel.", code);
      case SERVER -> new PlayerNotice(PlayerNotice.Kind.UNAVAILABLE,
          "The voice server is having trouble. We'll keep trying in the background.", code);
      case VOICE_MESSAGE -> new PlayerNotice(PlayerNotice.Kind.MESSAGE_NOT_SENT,
          "Your voice message could not be sent.", code);
    };
  }
}
