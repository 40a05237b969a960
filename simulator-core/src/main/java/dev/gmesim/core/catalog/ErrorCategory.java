package dev.gmesim.core.catalog;

/**
 * The four sections of GME's error-code page; every {@link GmeErrorCode} belongs to exactly one.
 *
 * @since 0.1
 */
public enum ErrorCategory {
  /** 一般性错误: general errors (auth, billing, network, 3D voice, library loading). */
  GENERAL("一般性错误", "General errors"),
  /** 客户端错误: client-side state and argument errors, including room switching. */
  CLIENT("客户端错误", "Client errors"),
  /** 服务端错误: errors the GME server reports back. */
  SERVER("服务端错误", "Server errors"),
  /** 离线语音错误: voice-message (PTT) recording, upload, download, playback and speech-to-text errors. */
  VOICE_MESSAGE("离线语音错误", "Voice-message errors");

  private final String chineseTitle;
  private final String englishTitle;

  ErrorCategory(String chineseTitle, String englishTitle) {
    this.chineseTitle = chineseTitle;
    this.englishTitle = englishTitle;
  }

  /** Returns the section title exactly as GME's Chinese page spells it. */
  public String chineseTitle() {
    return chineseTitle;
  }

  /** Returns an English rendering of the section title. */
  public String englishTitle() {
    return englishTitle;
  }
}
