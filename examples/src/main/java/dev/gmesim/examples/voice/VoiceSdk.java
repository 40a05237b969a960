package dev.gmesim.examples.voice;

import java.nio.file.Path;

/**
 * The game's own narrow view of GME: the few calls the voice chat needs, and the outcomes it
 * listens for. The game codes against this interface; production wires it to Tencent's SDK, and
 * tests wire it to the GME Simulator's SDK ({@link SimulatedGmeVoiceSdk}).
 */
public interface VoiceSdk {

  /** Receives the outcome of each asynchronous call, as GME's events report it. */
  interface Listener {
    /** An EnterRoom finished with GME's result code (0 is success). */
    void onEnterRoom(String roomId, int result, String errorInfo);

    /** A SwitchRoom finished with GME's result code. */
    void onSwitchRoom(String targetRoomId, int result, String errorInfo);

    /** An ExitRoom finished. */
    void onExitRoom(int result);

    /** The room connection was lost for good (GME's ROOM_DISCONNECT). */
    void onDisconnected(int result, String errorInfo);

    /** A voice-message upload finished; {@code fileId} is set on success. */
    void onUploaded(Path file, int result, String fileId);

    /** A teammate started ({@code talking} true, GME's USER_UPDATE 5) or stopped (6, after 2 s of silence) talking. */
    default void onTalking(String openId, boolean talking) {}

    /** The room's network quality, every 2 s (GME's CHANGE_ROOM_QUALITY): weight 1-50, below 30 poor. */
    default void onRoomQuality(int weight, int loss, int delayMs) {}
  }

  /** Sets the listener for outcomes. */
  void listener(Listener listener);

  /** GME's Poll: delivers pending outcomes to the listener on the calling thread; call it every frame. */
  void poll();

  /** Starts the account's voice context; returns GME's result code. */
  int init(String appId, String openId);

  /** Asks to enter a room; the outcome arrives through {@link Listener#onEnterRoom}. */
  void enterRoom(String roomId, byte[] authBuffer);

  /** Asks to switch rooms; the outcome arrives through {@link Listener#onSwitchRoom}. */
  void switchRoom(String targetRoomId, byte[] authBuffer);

  /** Asks to leave the room; the outcome arrives through {@link Listener#onExitRoom}. */
  void exitRoom();

  /** Turns the microphone on or off; returns GME's result code. */
  int enableMic(boolean on);

  /** The game went to the background: releases the audio devices (GME's Pause); returns GME's result code. */
  int pause();

  /** The game is in the foreground again: restores voice chat (GME's Resume); returns GME's result code. */
  int resume();

  /** Uploads a recorded voice message; the outcome arrives through {@link Listener#onUploaded}. */
  void uploadVoiceMessage(Path file);
}
