package dev.gmesim.core.api;

import dev.gmesim.core.fault.FaultRule;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one rule in a simulator's fault plan: its counters and whether it can still fire.
 *
 * @param rule the rule, with its id
 * @param matched calls that reached this rule while it was active and matched its scope
 * @param fired calls this rule injected its fault into
 * @param active false once the rule is spent ({@code times} reached) or expired ({@code ttl} passed)
 * @param addedAt when the rule was added
 * @param expiresAt when the rule expires, if it has a ttl
 * @since 0.1
 */
public record RuleStatus(FaultRule rule, long matched, long fired, boolean active, Instant addedAt,
    Optional<Instant> expiresAt) {

  /** Returns {@code 'alias' (ENTER_ROOM -> 7006 AV_ERR_AUTH_FIALD) fired 1 of 2 times, matched 3}, for messages. */
  public String describe() {
    String budget = rule.budget().unlimited() ? "" : " of " + rule.budget().times();
    return rule.describe() + " fired " + fired + budget + " times, matched " + matched
        + (active ? "" : ", inactive");
  }
}
