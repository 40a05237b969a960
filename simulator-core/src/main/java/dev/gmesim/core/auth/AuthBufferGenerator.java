package dev.gmesim.core.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;

/**
 * Mints GME auth buffers from an app's permission key, as a game's backend does with
 * {@code QAVAuthBuffer.GenAuthBuffer(appId, roomId, openId, key)}: the plaintext of
 * docs/gme-fidelity-notes.md A.8, TEA-encrypted with Tencent's chaining. Use it in tests to hand
 * the simulated SDK the buffers a real backend would.
 *
 * <pre>{@code
 * AppKey key = AppKey.of("0123456789abcdef");
 * byte[] room = AuthBufferGenerator.roomBuffer(1400000000L, "lobby", "10001", key, Instant.now().plusSeconds(300));
 * gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, room);
 * byte[] ptt = AuthBufferGenerator.voiceMessageBuffer(1400000000L, "10001", key, Instant.now().plusSeconds(300));
 * gme.getPTT().applyPTTAuthbuffer(ptt);
 * }</pre>
 *
 * <p>The padding and salt are random; pass a seeded {@link Random} to get the same bytes every time.
 *
 * @since 0.1
 */
public final class AuthBufferGenerator {
  /** {@code dwReserved2}: all auth bits set, as the samples write it. */
  private static final int AUTH_BITS = 0xFFFF_FFFF;

  private final Random random;

  /** A generator with a {@link SecureRandom} for the padding and salt. */
  public AuthBufferGenerator() {
    this(new SecureRandom());
  }

  /** A generator that draws the padding and salt from {@code random} (seeded: reproducible bytes). */
  public AuthBufferGenerator(Random random) {
    this.random = Objects.requireNonNull(random, "random is null; pass new Random(seed) or use the no-argument constructor");
  }

  /** Returns the encrypted buffer for {@code content}, made with {@code key}. */
  public byte[] generate(AuthBufferContent content, AppKey key) {
    Objects.requireNonNull(content, "content is null");
    Objects.requireNonNull(key, "key is null; pass the app's AppKey");
    byte[] body = plaintext(content);
    synchronized (random) {
      return new Tea(key.bytes()).encrypt(body, random);
    }
  }

  /** Returns a room buffer (EnterRoom, SwitchRoom) made with a fresh {@link SecureRandom}. */
  public static byte[] roomBuffer(long appId, String roomId, String openId, AppKey key, Instant expiresAt) {
    return new AuthBufferGenerator().generate(new AuthBufferContent(appId, roomId, openId, expiresAt), key);
  }

  /** Returns a voice-message buffer (ApplyPTTAuthbuffer): the room id is empty. */
  public static byte[] voiceMessageBuffer(long appId, String openId, AppKey key, Instant expiresAt) {
    return new AuthBufferGenerator().generate(AuthBufferContent.voiceMessage(appId, openId, expiresAt), key);
  }

  /** Returns the unencrypted layout: version, OpenID, AppID, reserved, expiry, auth bits, account type, room id. */
  static byte[] plaintext(AuthBufferContent c) {
    byte[] openId = c.openId().getBytes(StandardCharsets.UTF_8);
    byte[] roomId = c.roomId().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(25 + openId.length + roomId.length);
    out.write(AuthBufferContent.VERSION);
    u16(out, openId.length);
    out.writeBytes(openId);
    u32(out, (int) c.appId());
    u32(out, 0);
    u32(out, (int) c.expiresAt().getEpochSecond());
    u32(out, AUTH_BITS);
    u32(out, 0);
    u16(out, roomId.length);
    out.writeBytes(roomId);
    return out.toByteArray();
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write(v >>> 8);
    out.write(v);
  }

  private static void u32(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }
}
