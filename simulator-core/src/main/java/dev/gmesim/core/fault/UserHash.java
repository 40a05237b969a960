package dev.gmesim.core.fault;

import dev.gmesim.core.internal.fault.SplitMix;
import java.nio.charset.StandardCharsets;

/**
 * The stable bucket of a user for percentage scopes: FNV-1a over the OpenID's UTF-8 bytes, salted
 * with a fixed constant and finished with SplitMix64, taken modulo 10 000. The same OpenID lands in
 * the same bucket in every run, process and drill, so {@code userPercent: 10} picks a subset of the
 * users that {@code userPercent: 20} picks.
 */
final class UserHash {

  /** Buckets per user population: a percentage with two decimals maps onto whole buckets. */
  static final int BUCKETS = 10_000;

  /** Fixed salt; changing it would change which users every existing profile selects (wire format). */
  private static final long SALT = 0x676D6573696D5553L;

  private UserHash() {}

  /** Returns the user's bucket in 0..9999. */
  static int bucket(String openId) {
    long h = SALT ^ 0xCBF29CE484222325L;
    byte[] bytes = openId.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      h ^= b & 0xFF;
      h *= 0x100000001B3L;
    }
    return (int) Long.remainderUnsigned(SplitMix.mix(h), BUCKETS);
  }

  /** Returns how many buckets a percentage in (0, 100] selects. */
  static int buckets(double percent) {
    return (int) Math.round(percent * (BUCKETS / 100.0));
  }
}
