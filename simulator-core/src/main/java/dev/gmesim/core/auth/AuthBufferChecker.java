package dev.gmesim.core.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * Reads and checks GME auth buffers the way GME's server does: decrypt with the app's permission
 * key, parse the layout of docs/gme-fidelity-notes.md A.8, and compare AppID, OpenID, room id and
 * expiry with the call. "Now" is a parameter, so the simulator checks expiry on the session's
 * simulated clock and tests need no wall clock.
 *
 * <pre>{@code
 * AuthCheck c = AuthBufferChecker.check(buffer, key,
 *     AuthExpectation.room(1400000000L, "10001", "lobby", "EnterRoom"), Instant.now());
 * // c.accepted() == false, c.field() == ROOM_ID,
 * // c.reason() == "auth buffer is for room 'lobby-2', EnterRoom asked for 'lobby'"
 * }</pre>
 *
 * @since 0.1
 */
public final class AuthBufferChecker {
  /** Longest value quoted in a reason; longer ones are cut, so a message stays readable. */
  private static final int SHOWN = 130;

  private AuthBufferChecker() {}

  /** Decrypts and parses a buffer; throws {@link InvalidAuthBufferException} naming what is wrong. */
  public static AuthBufferContent decrypt(byte[] buffer, AppKey key) {
    Objects.requireNonNull(key, "key is null; pass the app's AppKey");
    if (buffer == null || buffer.length < Tea.MIN_CIPHERTEXT) {
      throw new InvalidAuthBufferException("auth buffer has " + (buffer == null ? "no" : buffer.length)
          + " bytes, too short to hold a header (an encrypted buffer has at least " + Tea.MIN_CIPHERTEXT
          + "); pass the bytes GenAuthBuffer returned");
    }
    if (buffer.length % 8 != 0) {
      throw new InvalidAuthBufferException("auth buffer has " + buffer.length + " bytes, not a multiple of 8, so "
          + "it is not an encrypted GME auth buffer (cut or padded?); pass the bytes GenAuthBuffer returned");
    }
    byte[] body = new Tea(key.bytes()).decrypt(buffer);
    if (body == null) {
      throw new InvalidAuthBufferException("auth buffer does not decrypt with the permission key of this AppID: "
          + "it was made with another key (a stale key after a rotation?) or damaged; mint it with the key the "
          + "app has now");
    }
    return parse(body);
  }

  /** Checks a buffer against the call, expiry against {@code now}; never throws for bad bytes. */
  public static AuthCheck check(byte[] buffer, AppKey key, AuthExpectation expected, Instant now) {
    Objects.requireNonNull(expected, "expected is null");
    Objects.requireNonNull(now, "now is null; pass the session's clock reading");
    AuthBufferContent c;
    try {
      c = decrypt(buffer, key);
    } catch (InvalidAuthBufferException e) {
      return AuthCheck.refused(AuthField.BUFFER, e.getMessage(), null);
    }
    if (c.appId() != expected.appId()) {
      return AuthCheck.refused(AuthField.APP_ID, "auth buffer is for AppID " + c.appId() + ", Init was called "
          + "with " + expected.appId() + "; mint the buffer with the AppID the client initializes with", c);
    }
    if (!c.openId().equals(expected.openId())) {
      return AuthCheck.refused(AuthField.OPEN_ID, "auth buffer is for OpenID '" + shown(c.openId())
          + "', Init was called with '" + shown(expected.openId()) + "'; mint the buffer for the player's "
          + "own OpenID", c);
    }
    if (expected.roomId() != null && !c.roomId().equals(expected.roomId())) {
      return AuthCheck.refused(AuthField.ROOM_ID, "auth buffer is for room '" + shown(c.roomId()) + "', "
          + expected.call() + " asked for '" + shown(expected.roomId()) + "'; mint a buffer for each room", c);
    }
    long nowSeconds = now.getEpochSecond();
    long expiry = c.expiresAt().getEpochSecond();
    if (nowSeconds >= expiry) {
      return AuthCheck.refused(AuthField.EXPIRY, "auth buffer expired at " + c.expiresAt() + ", "
          + (nowSeconds - expiry) + " s before now (" + Instant.ofEpochSecond(nowSeconds)
          + " on the session's clock); ask the game's backend for a fresh buffer", c);
    }
    return AuthCheck.accepted(c);
  }

  private static AuthBufferContent parse(byte[] body) {
    ByteBuffer b = ByteBuffer.wrap(body);
    try {
      int version = b.get() & 0xFF;
      if (version != AuthBufferContent.VERSION) {
        throw malformed("version " + version + " (the simulator reads version 1, the current layout)");
      }
      String openId = string(b, "OpenID");
      long appId = b.getInt() & 0xFFFF_FFFFL;
      b.getInt();
      long expiry = b.getInt() & 0xFFFF_FFFFL;
      b.getInt();
      b.getInt();
      String roomId = string(b, "room id");
      if (b.hasRemaining()) {
        throw malformed(b.remaining() + " bytes after the room id");
      }
      if (openId.isEmpty()) {
        throw malformed("an empty OpenID");
      }
      return new AuthBufferContent(appId, roomId, openId, Instant.ofEpochSecond(expiry));
    } catch (java.nio.BufferUnderflowException e) {
      throw malformed("a body of " + body.length + " bytes, shorter than its fields");
    }
  }

  private static String string(ByteBuffer b, String what) {
    int len = b.getShort() & 0xFFFF;
    if (len > b.remaining()) {
      throw malformed("a length of " + len + " for the " + what + " with " + b.remaining() + " bytes left");
    }
    byte[] bytes = new byte[len];
    b.get(bytes);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw malformed("a " + what + " that is not UTF-8");
    }
  }

  private static InvalidAuthBufferException malformed(String what) {
    return new InvalidAuthBufferException("auth buffer decrypts but is not GME's auth buffer layout (it has "
        + what + "); mint it with GenAuthBuffer or AuthBufferGenerator");
  }

  private static String shown(String s) {
    return s.length() > SHOWN ? s.substring(0, SHOWN) + "..." : s;
  }
}
