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
  private final GmeContext gme;
  private final EventRecorder forwarded;
  private volatile String prompt = "";

  VoiceLobby(GmeContext gme, EventRecorder forwarded) {
    this.gme = gme;
    this.forwarded = forwarded;
    gme.setTMGDelegate(this);
  }

  void join(String openId) {
    gme.init("1400000000", openId);
    gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
  }

  String prompt() {
    return prompt;
  }

  @Override
  public void onEvent(GmeEventType type, GmeEvent data) {
    if (type == GmeEventType.ENTER_ROOM) {
      int result = data.result();
      prompt = result == 0 ? "" : result == GmeErrorCode.AV_ERR_AUTH_FIALD.value() ? "Please log in again"
          : result == GmeErrorCode.AV_ERR_TIMEOUT.value() ? "Voice chat is unreachable; retrying" : "Voice chat failed";
    }
    forwarded.onEvent(type, data);
  }
}
