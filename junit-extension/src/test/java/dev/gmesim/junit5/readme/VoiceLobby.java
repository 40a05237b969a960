package dev.gmesim.junit5.readme;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeDelegate;
import dev.gmesim.core.sdk.GmeEvent;

/**
 * The game code of junit-extension/README.md's example: it joins a lobby and turns GME's answer into
 * what the player sees (a prompt to log in again when GME says the token is bad).
 */
final class VoiceLobby implements GmeDelegate {
  /** Where the lobby stands, as the game's UI shows it. */
  enum State { JOINING, IN_ROOM, RETRYING, NEEDS_LOGIN, VOICE_UNAVAILABLE }

  private final GmeContext gme;
  private final EventRecorder forwarded;
  private volatile String prompt = "";
  private volatile State state = State.JOINING;

  VoiceLobby(GmeContext gme, EventRecorder forwarded) {
    this.gme = gme;
    this.forwarded = forwarded;
    gme.setTMGDelegate(this);
  }

  void join(String openId) {
    if (gme.init("1400000000", openId) != 0) {
      // Without Init, EnterRoom cannot succeed: tell the player now instead of waiting for an event.
      prompt = "Voice chat failed";
      state = State.VOICE_UNAVAILABLE;
      return;
    }
    gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
  }

  String prompt() {
    return prompt;
  }

  State state() {
    return state;
  }

  /** Whether GME has answered the join one way or the other. */
  boolean settled() {
    return state != State.JOINING;
  }

  @Override
  public void onEvent(GmeEventType type, GmeEvent data) {
    if (type == GmeEventType.ENTER_ROOM) {
      int result = data.result();
      prompt = result == 0 ? "" : result == GmeErrorCode.AV_ERR_AUTH_FIALD.value() ? "Please log in again"
          : result == GmeErrorCode.AV_ERR_TIMEOUT.value() ? "Voice chat is unreachable; retrying" : "Voice chat failed";
      state = result == 0 ? State.IN_ROOM : result == GmeErrorCode.AV_ERR_AUTH_FIALD.value() ? State.NEEDS_LOGIN
          : result == GmeErrorCode.AV_ERR_TIMEOUT.value() ? State.RETRYING : State.VOICE_UNAVAILABLE;
    }
    forwarded.onEvent(type, data);
  }
}
