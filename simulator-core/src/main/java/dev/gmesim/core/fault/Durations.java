package dev.gmesim.core.fault;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar on the wire (rule JSON, profiles, {@code @InjectGmeError(delay)}, CLI
 * flags), and the checks and short renderings of durations in the messages users read.
 *
 * <p>A duration is ISO-8601 ({@code PT10S}, {@code PT0.25S}, {@code PT10M}) or a number and a unit:
 * {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 10m}, {@code 1h}. Units and the ISO letters are
 * case-insensitive; writers emit ISO-8601.
 *
 * @since 0.1
 */
public final class Durations {

  /** The accepted forms, as error messages name them after "write". */
  public static final String FORMS =
      "write ISO-8601 such as \"PT0.25S\" or \"PT10M\", or a number and a unit: \"250ms\", \"2s\", \"10m\", \"1h\"";

  private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

  private Durations() {}

  /**
   * Parses a duration in the one grammar (see the class comment); ISO-8601 may be negative, which
   * callers that need a delay refuse.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("duration is " + (text == null ? "null" : "blank") + "; " + FORMS);
    }
    String s = text.strip();
    Matcher m = SHORT.matcher(s.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      BigDecimal amount = new BigDecimal(m.group(1));
      BigDecimal nanosPerUnit = BigDecimal.valueOf(switch (m.group(2)) {
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      });
      BigDecimal nanos = amount.multiply(nanosPerUnit);
      if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw new IllegalArgumentException("'" + text + "' is too long (over 292 years); " + FORMS);
      }
      return Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration; " + FORMS, e);
    }
  }

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
  public static long requireNanos(String where, String what, Duration value, String fix) {
    try {
      return value.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          where + ": " + what + " " + format(value) + " is too long (over 292 years); " + fix, e);
    }
  }

  /** Renders a duration the way people write it: {@code 150ms}, {@code 2s}, {@code 1.5s}, {@code 250us}. */
  public static String format(Duration d) {
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
