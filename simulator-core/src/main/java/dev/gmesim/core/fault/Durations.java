package dev.gmesim.core.fault;

import java.time.Duration;

/** Checks and short renderings of durations for the messages and descriptions users read. */
final class Durations {

  private Durations() {}

  /**
   * Checks a delay: present, not negative, and representable in nanoseconds (about 292 years),
   * since scheduling and sampling work in nanoseconds.
   */
  static Duration requireDelay(String where, String what, Duration value, String fix) {
    if (value == null) {
      throw new IllegalArgumentException(where + ": " + what + " is null; " + fix);
    }
    if (value.isNegative()) {
      throw new IllegalArgumentException(where + ": " + what + " " + format(value) + " is negative; " + fix);
    }
    requireNanos(where, what, value, fix);
    return value;
  }

  /** Checks that a duration fits in a long of nanoseconds. */
  static long requireNanos(String where, String what, Duration value, String fix) {
    try {
      return value.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          where + ": " + what + " " + format(value) + " is too long (over 292 years); " + fix, e);
    }
  }

  /** Renders a duration the way people write it: {@code 150ms}, {@code 2s}, {@code 1.5s}, {@code 250us}. */
  static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    String sign = d.isNegative() ? "-" : "";
    Duration a = d.abs();
    long seconds = a.getSeconds();
    int nanos = a.getNano();
    if (nanos == 0) {
      return sign + seconds + "s";
    }
    if (seconds == 0) {
      if (nanos % 1_000_000 == 0) {
        return sign + nanos / 1_000_000 + "ms";
      }
      if (nanos % 1_000 == 0) {
        return sign + nanos / 1_000 + "us";
      }
      return sign + nanos + "ns";
    }
    // 1.5s reads better than 1500ms once whole seconds are involved.
    String frac = String.format("%09d", nanos).replaceAll("0+$", "");
    return sign + seconds + "." + frac + "s";
  }
}
