package dev.gmesim.core.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems one fault value's compact constructor finds, collected so that one exception names
 * them all: the JSON reader reports each under its path ({@code rules[1].probability}), the
 * builder and the JUnit annotations put their own prefix in front. Each message starts with the
 * value and ends with the fix, in words that read right on every surface.
 */
final class FaultChecks {
  private List<InvalidFaultRuleException.Problem> problems;

  /** Records that {@code field} holding {@code value} is wrong: {@code <value> <what>; <fix>}. */
  FaultChecks refuse(String field, Object value, String what, String fix) {
    return refuse(field, shown(value) + " " + what + "; " + fix);
  }

  /** Records a problem whose message is already complete. */
  FaultChecks refuse(String field, String message) {
    if (problems == null) {
      problems = new ArrayList<>(2);
    }
    problems.add(new InvalidFaultRuleException.Problem(field, message));
    return this;
  }

  /**
   * Records that a duration is not positive or does not fit in nanoseconds, which scheduling needs;
   * {@code orLeaveOut} ends the fix for a setting that may be left out, or is null.
   */
  FaultChecks positive(String field, Duration value, String example, String orLeaveOut) {
    if (value.isZero() || value.isNegative()) {
      return refuse(field, value, "is not positive", "pass a positive duration such as " + example
          + (orLeaveOut == null ? "" : ", " + orLeaveOut));
    }
    return fitsInNanos(field, value, example);
  }

  /** Records that a duration does not fit in a long of nanoseconds (about 292 years). */
  FaultChecks fitsInNanos(String field, Duration value, String example) {
    try {
      value.toNanos();
      return this;
    } catch (ArithmeticException e) {
      return refuse(field, value, "is too long (over 292 years)", "pass a shorter duration such as " + example);
    }
  }

  /** Throws every problem recorded, if there is one. */
  void done() {
    if (problems != null) {
      throw new InvalidFaultRuleException(problems);
    }
  }

  /**
   * Words the problems for Java callers, who read {@code times 0 is less than 1; ...} after their
   * own prefix: the field, then the message; a problem of the whole value has no field to name.
   */
  static String inWords(InvalidFaultRuleException e) {
    List<InvalidFaultRuleException.Problem> all = e.problems();
    InvalidFaultRuleException.Problem first = all.get(0);
    String head = InvalidFaultRuleException.BODY.equals(first.field()) ? first.message()
        : first.field() + " " + first.message();
    return all.size() == 1 ? head : head + " (and " + (all.size() - 1) + " more problem" + (all.size() == 2 ? "" : "s") + ")";
  }

  /**
   * Shows a value as Java prints it, a duration as people write it ({@code 1.5s}); the JSON reader
   * shows numbers as its user wrote them instead ({@code 3}, not {@code 3.0}).
   */
  static String shown(Object value) {
    return value instanceof Duration d ? Durations.format(d) : String.valueOf(value);
  }
}
