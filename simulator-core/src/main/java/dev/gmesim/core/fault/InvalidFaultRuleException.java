package dev.gmesim.core.fault;

import java.util.List;
import java.util.Objects;

/**
 * A fault rule, one of its parts ({@link FaultRule.Budget}, {@link FaultRule.Scope}, {@link GuardRail}, ...)
 * or a rule in JSON (or YAML) that cannot be accepted: every problem names the field at fault, the
 * value, and the fix, e.g. {@code error: unknown GME error code 70060; nearest: 7006 AV_ERR_AUTH_FIALD}.
 *
 * @since 0.1
 */
public final class InvalidFaultRuleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The field that holds the whole document, for problems such as malformed JSON. */
  public static final String BODY = "(body)";

  private final transient List<Problem> problems;

  /** Creates the exception from at least one problem; the first one becomes the message. */
  public InvalidFaultRuleException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  /** Creates the exception for one problem. */
  public InvalidFaultRuleException(String field, String message) {
    this(List.of(new Problem(field, message)));
  }

  /** Returns every problem found, in document order; never empty. */
  public List<Problem> problems() {
    return problems;
  }

  /** Returns the field of the first problem, such as {@code rules[1].probability}. */
  public String field() {
    return problems.get(0).field();
  }

  private static String summary(List<Problem> problems) {
    if (problems == null || problems.isEmpty()) {
      throw new IllegalArgumentException("InvalidFaultRuleException needs at least one problem");
    }
    Problem first = problems.get(0);
    String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more problem"
        + (problems.size() == 2 ? "" : "s") + ")";
    return first.field() + ": " + first.message() + more;
  }

  /**
   * One thing wrong with a rule.
   *
   * @param field the JSON path of the field, such as {@code probability} or {@code rules[0].delay.uniform.min}
   * @param message what is wrong with its value and how to fix it
   */
  public record Problem(String field, String message) {

    /** Checks that both parts are present. */
    public Problem {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(message, "message");
    }
  }
}
