package dev.gmesim.core.internal.fault;

import dev.gmesim.core.fault.Durations;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.fault.FaultRule;
import java.time.Duration;
import java.util.Objects;

/**
 * The plan's answer for one call: either a fault to inject after a delay, or "no fault", in which
 * case the world answers as GME would.
 *
 * @param rule the rule that fired, or null for no fault
 * @param fault the fault to inject, or null for no fault
 * @param delay the wait before the fault takes effect; zero for no fault
 * @since 0.1
 */
public record Decision(FaultRule rule, Fault fault, Duration delay) {

  private static final Decision NONE = new Decision(null, null, Duration.ZERO);

  /** Checks that a rule and its fault come together and the delay is present and not negative. */
  public Decision {
    if ((rule == null) != (fault == null)) {
      throw new IllegalArgumentException("Decision: rule " + (rule == null ? "null" : rule.describe())
          + " and fault " + fault + " must both be set or both be null; use Decision.none() for no fault");
    }
    Objects.requireNonNull(delay, "Decision: delay is null; pass Duration.ZERO for none");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("Decision: delay " + Durations.format(delay)
          + " is negative; pass Duration.ZERO or more");
    }
  }

  /** Returns the decision that injects nothing. */
  public static Decision none() {
    return NONE;
  }

  /** Returns true if a rule fired and its fault should be injected. */
  public boolean isFault() {
    return rule != null;
  }

  /** Returns who decided the outcome, for journals and metrics: the rule's id, or {@code world}. */
  public String source() {
    if (rule == null) {
      return "world";
    }
    return rule.id() != null ? rule.id() : rule.describe();
  }
}
