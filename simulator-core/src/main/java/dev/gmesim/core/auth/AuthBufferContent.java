package dev.gmesim.core.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What a GME auth buffer says, before encryption: version 1, OpenID, AppID, expiry and room id
 * (empty for voice messages), laid out as docs/gme-fidelity-notes.md A.8 describes.
 *
 * <pre>{@code
 * AuthBufferContent c = new AuthBufferContent(1400000000L, "lobby", "10001", Instant.now().plusSeconds(300));
 * byte[] buffer = new AuthBufferGenerator().generate(c, key);
 * }</pre>
 *
 * @param appId the SDK AppID (unsigned 32 bits)
 * @param roomId the room the buffer admits to; empty for voice messages
 * @param openId the player's OpenID, as passed to Init
 * @param expiresAt when the buffer stops being accepted (whole Unix seconds, unsigned 32 bits)
 * @since 0.1
 */
public record AuthBufferContent(long appId, String roomId, String openId, Instant expiresAt) {
  /** The plaintext layout's version. */
  public static final int VERSION = 1;
  /** Longest OpenID or room id in bytes: their lengths are unsigned 16-bit fields. */
  public static final int MAX_FIELD_BYTES = 0xFFFF;

  /** Checks every field against what the layout can hold. */
  public AuthBufferContent {
    if (appId < 0 || appId > AppCredentials.MAX_APP_ID) {
      throw new IllegalArgumentException("appId " + appId + " does not fit 32 bits; use the SDK AppID, e.g. "
          + "1400000000");
    }
    if (roomId == null) {
      throw new IllegalArgumentException("roomId is null; pass \"\" for a voice-message buffer");
    }
    if (openId == null || openId.isEmpty()) {
      throw new IllegalArgumentException("openId is " + (openId == null ? "null" : "empty")
          + "; pass the OpenID the client gives Init");
    }
    checkLength("roomId", roomId);
    checkLength("openId", openId);
    if (expiresAt == null) {
      throw new IllegalArgumentException("expiresAt is null; GME recommends now + 300 s");
    }
    long s = expiresAt.getEpochSecond();
    if (s < 0 || s > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("expiresAt " + expiresAt + " does not fit the buffer's unsigned 32-bit "
          + "Unix seconds (1970 to 2106)");
    }
    expiresAt = Instant.ofEpochSecond(s);
  }

  /** Returns the content of a voice-message (PTT) buffer: no room id. */
  public static AuthBufferContent voiceMessage(long appId, String openId, Instant expiresAt) {
    return new AuthBufferContent(appId, "", openId, expiresAt);
  }

  private static void checkLength(String name, String value) {
    int n = value.getBytes(StandardCharsets.UTF_8).length;
    if (n > MAX_FIELD_BYTES) {
      throw new IllegalArgumentException(name + " has " + n + " bytes; the auth buffer holds at most "
          + MAX_FIELD_BYTES);
    }
  }
}
