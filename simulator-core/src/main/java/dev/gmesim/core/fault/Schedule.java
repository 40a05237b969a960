package dev.gmesim.core.fault;

import java.time.Duration;

/**
 * When a rule may fire, measured from the moment it is added to a plan: not before
 * {@code startAfter}, then for {@code duration} (or for ever), repeating every {@code every}
 * (an outage window that comes back).
 *
 * <pre>{@code
 * // from minute 1, a 2-minute outage every 5 minutes: 1-3, 6-8, 11-13, ...
 * Schedule s = new Schedule(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5));
 * FaultRule.on(Operation.ENTER_ROOM).noReply().schedule(s).build();
 * }</pre>
 *
 * @param startAfter how long after the rule is added its first window opens; zero for at once
 * @param duration how long each window stays open, or null for open until the rule ends
 * @param every the distance between the starts of two windows, or null for one window only
 * @since 0.1
 */
public record Schedule(Duration startAfter, Duration duration, Duration every) {

  /** Checks the settings: startAfter present and not negative, durations positive, every not shorter than duration. */
  public Schedule {
    String where = "Schedule";
    if (startAfter == null) {
      startAfter = Duration.ZERO;
    }
    Durations.requireDelay(where, "startAfter", startAfter, "pass Duration.ZERO or more");
    if (duration != null) {
      if (duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException(where + ": duration " + Durations.format(duration)
            + " is not positive; pass a positive duration such as PT10M, or null for an open-ended window");
      }
      Durations.requireNanos(where, "duration", duration, "pass a shorter duration");
    }
    if (every != null) {
      if (duration == null) {
        throw new IllegalArgumentException(where + ": every " + Durations.format(every)
            + " needs a duration (how long each window lasts); set duration, or leave every out");
      }
      if (every.compareTo(duration) < 0) {
        throw new IllegalArgumentException(where + ": every " + Durations.format(every) + " is shorter than duration "
            + Durations.format(duration) + "; windows would overlap, so pass an every of at least the duration");
      }
      Durations.requireNanos(where, "every", every, "pass a shorter duration");
    }
  }

  /** Returns true if a rule added {@code elapsedNanos} ago is inside one of its windows. */
  public boolean activeAt(long elapsedNanos) {
    long t = elapsedNanos - startAfter.toNanos();
    if (t < 0) {
      return false;
    }
    if (duration == null) {
      return true;
    }
    if (every != null) {
      t %= every.toNanos();
    }
    return t < duration.toNanos();
  }

  /** Returns the schedule as people write it, e.g. {@code after 1m, 2m every 5m}. */
  public String describe() {
    StringBuilder s = new StringBuilder("after ").append(Durations.format(startAfter));
    if (duration != null) {
      s.append(", for ").append(Durations.format(duration));
    }
    if (every != null) {
      s.append(" every ").append(Durations.format(every));
    }
    return s.toString();
  }
}
