package dev.gmesim.core.api;

import dev.gmesim.core.fault.GuardRail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of one drill: its state and remaining time, its rules with their counters, and its
 * summary (calls in scope, faults by code, what the guard rail held back, injected delay percentiles).
 *
 * @param name the drill's name
 * @param state running, or how it ended
 * @param startedAt when it started
 * @param endedAt when it ended, if it has
 * @param ttl how long it runs in all, if limited
 * @param remaining the time left before its TTL ends it, if it is running with a TTL
 * @param guardRail the limits on its faults
 * @param rules its rules with their counters (empty once it has ended: its rules are gone)
 * @param calls calls that matched the scope of at least one of its rules while it ran
 * @param faults faults it injected
 * @param guardRailed faults its rules chose but the guard rail refused
 * @param faultsByCode faults by GME code (such as {@code "7006"}) or effect ({@code "noReply"})
 * @param delayP50 median injected delay, or null before the first fault
 * @param delayP95 95th percentile of the injected delay, or null
 * @param delayP99 99th percentile of the injected delay, or null
 * @since 0.1
 */
public record DrillStatus(String name, State state, Instant startedAt, Optional<Instant> endedAt,
    Optional<Duration> ttl, Optional<Duration> remaining, GuardRail guardRail, List<RuleStatus> rules,
    long calls, long faults, long guardRailed, Map<String, Long> faultsByCode,
    Duration delayP50, Duration delayP95, Duration delayP99) {

  /** A drill's life: running, then ended by its TTL, by the kill switch, by a newer drill of its name, or by a reset. */
  public enum State {
    /** Injecting faults. */
    RUNNING,
    /** Its TTL passed. */
    EXPIRED,
    /** Ended by the kill switch. */
    STOPPED,
    /** Replaced by a newer drill with the same name. */
    REPLACED,
    /** Ended by a reset or a clear of the fault plan. */
    RESET
  }

  /** Returns true while the drill is injecting faults. */
  public boolean running() {
    return state == State.RUNNING;
  }
}
