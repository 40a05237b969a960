package dev.gmesim.core.internal.fault;

import dev.gmesim.core.api.DrillStatus;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.fault.FaultProfile;
import dev.gmesim.core.fault.FaultRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The chaos drills of one {@link FaultPlan}: start a profile as a drill, list the running ones with
 * their remaining time, stop one or all at once (the kill switch), and read a drill's summary, also
 * for the last few drills that ended.
 *
 * <pre>{@code
 * DrillStatus started = simulator.startDrill(FaultProfile.load(Path.of("brownout.yaml")));
 * started.remaining();                          // Optional[PT10M]
 * simulator.stopDrills();        // kill switch: no drill fault after this returns
 * }</pre>
 *
 * <p>A drill's rules are installed with the owner {@code drill:<name>}. A drill ends at once: its
 * TTL and the kill flag are checked on every call it could fault, so no fault fires after its end.
 *
 * @since 0.1
 */
public final class Drills {
  /** How many ended drills keep their summary. */
  public static final int HISTORY = 16;

  private final FaultPlan plan;
  private final LongSupplier nanoTime;
  private final Map<String, DrillRun> running = new LinkedHashMap<>();
  private final Deque<DrillRun> ended = new ArrayDeque<>();

  Drills(FaultPlan plan, LongSupplier nanoTime) {
    this.plan = plan;
    this.nanoTime = nanoTime;
  }

  /**
   * Starts the profile as a drill, replacing a running drill of the same name in one step; the
   * profile was checked when it was parsed, so only an id clash with a rule outside drills can
   * refuse it, and then nothing changes.
   */
  public synchronized DrillStatus start(FaultProfile profile) {
    Objects.requireNonNull(profile, "Drills.start: profile is null; pass FaultProfile.load(path) or FaultProfile.parse(...)");
    sweep();
    DrillRun run = new DrillRun(profile, nanoTime.getAsLong(), Instant.now());
    List<FaultRule> rules = new ArrayList<>();
    List<FaultRule> given = profile.rules();
    for (int i = 0; i < given.size(); i++) {
      FaultRule r = given.get(i);
      // Explicit ids stay as written (tests and scripts look rules up by them); others get <drill>.rN.
      String id = r.id() != null ? r.id() : profile.name() + ".r" + (i + 1);
      rules.add(r.newBuilder().id(id).owner(run.owner).build());
    }
    plan.installDrill(run, rules);
    DrillRun old = running.put(profile.name(), run);
    if (old != null) {
      end(old, DrillStatus.State.REPLACED);
    }
    return status(run);
  }

  /** Returns the running drills, oldest first. */
  public synchronized List<DrillStatus> active() {
    sweep();
    return running.values().stream().map(this::status).toList();
  }

  /** Returns the status of a running or recently ended drill. */
  public synchronized Optional<DrillStatus> status(String name) {
    sweep();
    DrillRun run = running.get(name);
    if (run == null) {
      run = ended.stream().filter(r -> r.profile.name().equals(name)).findFirst().orElse(null);
    }
    return Optional.ofNullable(run).map(this::status);
  }

  /** Returns the live state of a running drill, for tests in this package. */
  synchronized DrillRun runOf(String name) {
    return running.get(name);
  }

  /** Returns the names of the running and the recently ended drills, for messages. */
  public synchronized List<String> names() {
    List<String> out = new ArrayList<>(running.keySet());
    ended.forEach(r -> {
      if (!out.contains(r.profile.name())) {
        out.add(r.profile.name());
      }
    });
    return out;
  }

  /** Stops one running drill at once; returns its final status, or empty if no drill of that name runs. */
  public synchronized Optional<DrillStatus> stop(String name) {
    sweep();
    DrillRun run = running.remove(name);
    if (run == null) {
      return Optional.empty();
    }
    end(run, DrillStatus.State.STOPPED);
    return Optional.of(status(run));
  }

  /** The kill switch: stops every running drill at once and returns their final statuses. */
  public List<DrillStatus> stopAll() {
    return stopAll(DrillStatus.State.STOPPED);
  }

  synchronized List<DrillStatus> stopAll(DrillStatus.State why) {
    sweep();
    List<DrillStatus> out = new ArrayList<>();
    for (DrillRun run : running.values()) {
      end(run, why);
      out.add(status(run));
    }
    running.clear();
    return out;
  }

  /** Moves drills whose TTL passed to the ended list and takes their rules out of the plan. */
  private void sweep() {
    long now = nanoTime.getAsLong();
    running.values().removeIf(run -> {
      if (run.expired(now)) {
        run.endedAt = run.startedAt.plusNanos(run.ttlNanos);
        plan.removeByOwner(run.owner);
        remember(run);
        return true;
      }
      return false;
    });
  }

  private void end(DrillRun run, DrillStatus.State why) {
    // The flag first: from here on no rule of the drill fires, even in a decide() already under way.
    run.stoppedAs = why;
    run.endedAt = Instant.now();
    if (why != DrillStatus.State.REPLACED) {
      // A replaced drill's rules went out when its successor's came in; its owner now names the successor's.
      plan.removeByOwner(run.owner);
    }
    remember(run);
  }

  private void remember(DrillRun run) {
    ended.remove(run);
    ended.addFirst(run);
    while (ended.size() > HISTORY) {
      ended.removeLast();
    }
  }

  private DrillStatus status(DrillRun run) {
    long now = nanoTime.getAsLong();
    DrillStatus.State state = run.stoppedAs != null ? run.stoppedAs
        : run.expired(now) ? DrillStatus.State.EXPIRED : DrillStatus.State.RUNNING;
    Optional<Duration> ttl = run.profile.ttl();
    Optional<Duration> remaining = state == DrillStatus.State.RUNNING && run.ttlNanos >= 0
        ? Optional.of(Duration.ofNanos(Math.max(0, run.ttlNanos - (now - run.startNanos)))) : Optional.empty();
    Optional<Instant> endedAt = state == DrillStatus.State.RUNNING ? Optional.empty()
        : Optional.ofNullable(run.endedAt != null ? run.endedAt : run.startedAt.plusNanos(Math.max(0, run.ttlNanos)));
    List<RuleStatus> rules = state == DrillStatus.State.RUNNING ? plan.rulesOf(run.owner) : List.of();
    return new DrillStatus(run.profile.name(), state, run.startedAt, endedAt, ttl, remaining,
        run.profile.guardRail(), rules, run.calls.sum(), run.faults.sum(), run.guardRailed.sum(),
        run.faultsByCode(), run.delays.quantile(0.50), run.delays.quantile(0.95), run.delays.quantile(0.99));
  }
}
