package dev.gmesim.examples.voice;

/**
 * What the game shows the player after a voice failure: a category the UI can style and a line
 * of text. The GME code is kept for logs and support tickets, never shown raw.
 */
public record PlayerNotice(Kind kind, String text, int gmeCode) {

  /** How the UI presents a notice. */
  public enum Kind {
    /** Voice chat is working again or was never broken; no action needed. */
    INFO,
    /** Something failed but the game is retrying by itself. */
    RETRYING,
    /** The player must log in again (an expired or invalid voice token). */
    LOG_IN_AGAIN,
    /** Voice chat is unavailable for now; the game keeps running without it. */
    UNAVAILABLE,
    /** A voice message could not be sent. */
    MESSAGE_NOT_SENT,
    /** The network is poor (GME's CHANGE_ROOM_QUALITY weight below 30): voices may break up. */
    POOR_CONNECTION
  }
}
