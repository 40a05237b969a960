package dev.gmesim.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * A GME app's permission key (the console's "permission key", 权限密钥): 16 bytes, usually a
 * 16-character string used as its bytes. The key never appears in {@link #toString()}, messages
 * or logs; refusals name its length only.
 *
 * <pre>{@code
 * AppKey key = AppKey.of(System.getenv("GME_PERMISSION_KEY"));
 * byte[] buffer = AuthBufferGenerator.roomBuffer(1400000000L, "lobby", "10001", key,
 *     Instant.now().plusSeconds(300));
 * }</pre>
 *
 * @since 0.1
 */
public final class AppKey {
  /** A permission key's length in bytes. */
  public static final int LENGTH = 16;

  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final byte[] bytes;

  private AppKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Returns the key whose bytes are {@code key}'s UTF-8 bytes; refuses anything but 16 bytes. */
  public static AppKey of(String key) {
    if (key == null) {
      throw new IllegalArgumentException("the permission key is null; pass the 16-character permission key "
          + "from the GME console");
    }
    byte[] b = key.getBytes(StandardCharsets.UTF_8);
    if (b.length != LENGTH) {
      throw new IllegalArgumentException("the permission key has " + b.length + " bytes (" + key.length()
          + " characters); a GME permission key has exactly " + LENGTH + " bytes: copy the 16-character "
          + "permission key from the GME console, without quotes or spaces");
    }
    return new AppKey(b);
  }

  /** Returns the key made of these 16 bytes (copied). */
  public static AppKey of(byte[] key) {
    if (key == null || key.length != LENGTH) {
      throw new IllegalArgumentException("the permission key has " + (key == null ? "no" : key.length)
          + " bytes; a GME permission key has exactly " + LENGTH + " bytes");
    }
    return new AppKey(key.clone());
  }

  /** Returns a fresh random key of 16 letters and digits, for tests that need an app of their own. */
  public static AppKey random() {
    SecureRandom r = new SecureRandom();
    char[] c = new char[LENGTH];
    for (int i = 0; i < c.length; i++) {
      c[i] = ALPHABET[r.nextInt(ALPHABET.length)];
    }
    return of(new String(c));
  }

  /** Returns the key as its 16-character string form, for handing to a simulator or a backend under test. */
  public String reveal() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The key's bytes, for the cipher only. */
  byte[] bytes() {
    return bytes;
  }

  /** Compares in constant time, so a comparison does not leak how much of a key matched. */
  @Override
  public boolean equals(Object o) {
    return o instanceof AppKey k && MessageDigest.isEqual(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    // Keys are not hashed by content: a hash would be a partial fingerprint of the secret.
    return LENGTH;
  }

  /** Returns {@code AppKey[16 bytes, redacted]}: never the key. */
  @Override
  public String toString() {
    return "AppKey[" + LENGTH + " bytes, redacted]";
  }
}
