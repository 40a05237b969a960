package dev.gmesim.core.time;

import java.util.Locale;

/**
 * How one session's simulated time advances: {@code virtual} (jumps to the next deadline when the
 * session waits on nothing but timers), {@code manual} (only when the test advances it) or
 * {@code scaled(f)} (with the wall clock, f times faster). A session is one SDK connection; it asks
 * for its mode in the room protocol's {@code HELLO}.
 *
 * <pre>{@code
 * TimeMode.virtual();            // tests: a 30 s timeout costs no wall time and never fires early
 * TimeMode.manual();             // tests that act in the middle of a wait: gme.clock().advance(...)
 * TimeMode.scaled(1);            // drills and bots: real time
 * TimeMode.parse("scaled(100)"); // the same names the annotation and the wire use
 * }</pre>
 *
 * @param kind which of the three modes
 * @param factor the scale of a {@code scaled} session; 1 for the other two, which do not use it
 * @since 0.1
 */
public record TimeMode(Kind kind, double factor) {

  /** The three ways a session clock can advance. */
  public enum Kind {
    /** Simulated time jumps to the earliest deadline when the session waits on nothing but timers. */
    VIRTUAL,
    /** Simulated time moves only when the test says so. */
    MANUAL,
    /** Simulated time runs with the wall clock, {@code factor} times faster. */
    SCALED;

    /** Returns the name used on the wire and in annotations: {@code virtual}, {@code manual}, {@code scaled}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The modes as the wire, the CLI and the annotation spell them, for error messages. */
  public static final String NAMES = "virtual, manual, scaled or scaled(FACTOR)";

  /** Checks the factor of a scaled mode (the other modes carry 1). */
  public TimeMode {
    if (kind == null) {
      throw new IllegalArgumentException("clock mode is null; use " + NAMES);
    }
    if (kind == Kind.SCALED) {
      TimeScale.of(factor);
    } else {
      factor = 1;
    }
  }

  /** The test default: simulated time skips to the next deadline whenever the session only waits. */
  public static TimeMode virtual() {
    return new TimeMode(Kind.VIRTUAL, 1);
  }

  /** Simulated time moves only through {@code gme.clock().advance(Duration)}. */
  public static TimeMode manual() {
    return new TimeMode(Kind.MANUAL, 1);
  }

  /** Simulated time runs with the wall clock, {@code factor} times faster (1: real time). */
  public static TimeMode scaled(double factor) {
    return new TimeMode(Kind.SCALED, factor);
  }

  /** Returns whether simulated time follows the wall clock (only {@code scaled} does). */
  public boolean followsWallClock() {
    return kind == Kind.SCALED;
  }

  /** Returns the time scale of a scaled mode; {@link TimeScale#REAL_TIME} for the others. */
  public TimeScale scale() {
    return kind == Kind.SCALED ? TimeScale.of(factor) : TimeScale.REAL_TIME;
  }

  /**
   * Parses {@code virtual}, {@code manual}, {@code scaled} (factor 1) or {@code scaled(100)}, case
   * insensitive; anything else throws naming the value and the accepted spellings.
   */
  public static TimeMode parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "virtual":
        return virtual();
      case "manual":
        return manual();
      case "scaled":
        return scaled(1);
      default:
        break;
    }
    if (t.startsWith("scaled(") && t.endsWith(")")) {
      String f = t.substring("scaled(".length(), t.length() - 1).trim();
      double factor;
      try {
        factor = Double.parseDouble(f);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("clock '" + text + "': '" + f + "' is not a number; use e.g. scaled(100)");
      }
      return scaled(factor);
    }
    throw new IllegalArgumentException("unknown clock mode '" + text + "'; use " + NAMES);
  }

  /** Returns the spelling {@link #parse} reads back: {@code virtual}, {@code manual}, {@code scaled(100.0)}. */
  @Override
  public String toString() {
    return kind == Kind.SCALED ? "scaled(" + factor + ")" : kind.wireName();
  }
}
