package dev.gmesim.core.internal.fault;

import dev.gmesim.core.api.DrillStatus;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Call;
import dev.gmesim.core.fault.Durations;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.fault.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The ordered set of fault rules a simulator consults for every call; thread-safe.
 *
 * <pre>{@code
 * FaultPlan plan = new FaultPlan();
 * plan.add(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD).times(1).build());
 * Decision d = plan.decide(new Call(Operation.ENTER_ROOM, "1400000000", "alice", "lobby", null));
 * d.isFault();   // true: the first join fails with 7006
 * d.source();    // "r1"
 * }</pre>
 *
 * <p>Rules are checked in the order they were added and the first one that fires wins. A rule
 * whose scope matches but whose budget declines ({@code after} not yet reached, the probability
 * draw says no, spent, expired) lets the next rule try. {@link #decide(Call)} never waits for the
 * plan's lock and looks only at rules of the call's operation (a drill's guard rail takes a short
 * lock of its own once a second, to move its window on).
 *
 * <p>Chaos drills ({@link #drills()}) are groups of rules installed together, with a TTL, a
 * schedule per rule, a scope by share of users and a guard rail; see {@link Drills}.
 *
 * @since 0.1
 */
public final class FaultPlan {

  private static final Entry[] NO_ENTRIES = new Entry[0];

  private final LongSupplier nanoTime;
  private final ReentrantLock lock = new ReentrantLock();
  /** Every rule until removed, spent and expired ones included, in order of addition; guarded by lock. */
  private final LinkedHashMap<String, Entry> byId = new LinkedHashMap<>();
  /**
   * Per operation, the rules that may still fire, in order of addition. Replaced, never mutated,
   * after publication, so decide() reads it without a lock.
   */
  private volatile EnumMap<Operation, Entry[]> index;
  private final LongAdder decisions = new LongAdder();
  /** Guarded by lock; never reset, so an id is never reused within a plan. */
  private long lastId;
  private final Drills drills;

  /** Creates an empty plan that measures ttl with {@link System#nanoTime()}. */
  public FaultPlan() {
    this(System::nanoTime);
  }

  /** Creates an empty plan that measures ttl with this clock, so tests can move time by hand. */
  public FaultPlan(LongSupplier nanoTime) {
    this.nanoTime = Objects.requireNonNull(nanoTime,
        "FaultPlan: nanoTime is null; pass System::nanoTime or a test clock");
    this.index = emptyIndex();
    this.drills = new Drills(this, this.nanoTime);
  }

  /** Returns this plan's chaos drills: start a profile, list, stop one, or stop all (the kill switch). */
  public Drills drills() {
    return drills;
  }

  /**
   * Adds a rule after the existing ones and returns it with its id: its own, or the next free
   * {@code rN}. A rule whose id is already in the plan is rejected.
   */
  public FaultRule add(FaultRule rule) {
    return addAll(List.of(Objects.requireNonNull(rule,
        "FaultPlan.add: rule is null; pass FaultRule.on(operation)...build()"))).get(0);
  }

  /** Adds several rules in order, all or none: if any id clashes, nothing is added. */
  public List<FaultRule> addAll(List<FaultRule> rules) {
    return install(rules, null);
  }

  /**
   * Installs a drill's rules, removing the rules of a drill with the same owner in the same step,
   * so decide() never sees both or neither; an id clash leaves the plan as it was.
   */
  List<FaultRule> installDrill(DrillRun run, List<FaultRule> rules) {
    return install(rules, run);
  }

  /**
   * Adds rules in one step under the lock: ids are resolved before anything changes, so a clash
   * leaves the plan as it was; a drill's earlier rules leave the index in the same publication
   * that brings its new ones in.
   */
  private List<FaultRule> install(List<FaultRule> rules, DrillRun run) {
    Objects.requireNonNull(rules, "FaultPlan.addAll: rules is null; pass a list of rules");
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i) == null) {
        throw new IllegalArgumentException("FaultPlan.addAll: rule " + i + " is null; pass only built rules");
      }
    }
    lock.lock();
    try {
      Set<String> explicit = checkIds(rules, run);
      List<Entry> replaced = run == null ? List.of() : takeOut(entry -> run.owner.equals(entry.rule.owner()));
      List<FaultRule> withIds = assignIds(rules, explicit);
      long now = nanoTime.getAsLong();
      Instant wallNow = Instant.now();
      List<Entry> added = new ArrayList<>(withIds.size());
      for (FaultRule rule : withIds) {
        Entry entry = new Entry(rule, now, wallNow, run);
        byId.put(rule.id(), entry);
        added.add(entry);
      }
      reindex(replaced, added);
      return List.copyOf(withIds);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns the ids the rules bring, refusing one that is taken (except by the rules of the drill
   * being replaced) or given twice.
   */
  private Set<String> checkIds(List<FaultRule> rules, DrillRun run) {
    Set<String> explicit = new HashSet<>();
    for (FaultRule rule : rules) {
      String id = rule.id();
      if (id == null) {
        continue;
      }
      Entry existing = byId.get(id);
      if (existing != null && !(run != null && run.owner.equals(existing.rule.owner()))) {
        throw new IllegalArgumentException("FaultPlan: id '" + id + "' of " + rule.describe()
            + " is already used by " + existing.rule.describe() + "; remove(\"" + id
            + "\") first or give the rule another id");
      }
      if (!explicit.add(id)) {
        throw new IllegalArgumentException("FaultPlan.addAll: id '" + id
            + "' appears twice in the list; give each rule its own id or leave ids unset");
      }
    }
    return explicit;
  }

  /** Gives each rule without an id the next free {@code rN}, skipping ids in the plan or in this list. */
  private List<FaultRule> assignIds(List<FaultRule> rules, Set<String> explicit) {
    long next = lastId;
    List<FaultRule> withIds = new ArrayList<>(rules.size());
    for (FaultRule rule : rules) {
      if (rule.id() != null) {
        withIds.add(rule);
        continue;
      }
      String id;
      do {
        id = "r" + (++next);
      } while (byId.containsKey(id) || explicit.contains(id));
      withIds.add(rule.newBuilder().id(id).build());
    }
    lastId = next;
    return withIds;
  }

  /** Removes the rules that {@code gone} selects from byId and returns them, in order of addition. */
  private List<Entry> takeOut(Predicate<Entry> gone) {
    List<Entry> out = new ArrayList<>();
    for (Iterator<Entry> it = byId.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (gone.test(entry)) {
        it.remove();
        out.add(entry);
      }
    }
    return out;
  }

  /** Removes the rule with this id; returns false if there is none. */
  public boolean remove(String id) {
    lock.lock();
    try {
      Entry entry = byId.remove(id);
      if (entry == null) {
        return false;
      }
      reindex(List.of(entry), List.of());
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Removes every rule installed by this owner and returns how many there were. */
  public int removeByOwner(String owner) {
    Objects.requireNonNull(owner, "FaultPlan.removeByOwner: owner is null; pass the value given to FaultRule.Builder.owner(...)");
    lock.lock();
    try {
      List<Entry> gone = takeOut(entry -> owner.equals(entry.rule.owner()));
      reindex(gone, List.of());
      return gone.size();
    } finally {
      lock.unlock();
    }
  }

  /** Removes every rule and ends every running drill; ids already handed out are not reused. */
  public void clear() {
    drills.stopAll(DrillStatus.State.RESET);
    lock.lock();
    try {
      byId.clear();
      index = emptyIndex();
    } finally {
      lock.unlock();
    }
  }

  /** Returns a snapshot of every rule in order of addition, spent and expired ones included until removed. */
  public List<RuleStatus> rules() {
    lock.lock();
    try {
      long now = nanoTime.getAsLong();
      List<RuleStatus> out = new ArrayList<>(byId.size());
      for (Entry entry : byId.values()) {
        out.add(entry.status(now));
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  /** Returns snapshots of the rules installed by this owner, in order of addition. */
  List<RuleStatus> rulesOf(String owner) {
    lock.lock();
    try {
      long now = nanoTime.getAsLong();
      List<RuleStatus> out = new ArrayList<>();
      for (Entry entry : byId.values()) {
        if (owner.equals(entry.rule.owner())) {
          out.add(entry.status(now));
        }
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  /** Returns a snapshot of the rule with this id, or empty if there is none. */
  public Optional<RuleStatus> status(String id) {
    lock.lock();
    try {
      Entry entry = byId.get(id);
      return entry == null ? Optional.empty() : Optional.of(entry.status(nanoTime.getAsLong()));
    } finally {
      lock.unlock();
    }
  }

  /** Decides one call: the fault of the first rule that fires, or {@link Decision#none()}. */
  public Decision decide(Call call) {
    Objects.requireNonNull(call, "FaultPlan.decide: call is null; pass Call.of(operation) or a full Call");
    decisions.increment();
    DrillRun counted = null;
    for (Entry entry : index.get(call.operation())) {
      // The index has chosen the rules of the call's operation; only their scopes are left to check.
      if (entry.scope.test(call)) {
        DrillRun run = entry.run;
        if (run != null && run != counted) {
          // A call in the scope of several rules of one drill counts once (its rules sit together).
          counted = run;
          long now = nanoTime.getAsLong();
          if (run.live(now)) {
            run.call(now);
          }
        }
        Decision decision = entry.tryFire();
        if (decision != null) {
          return decision;
        }
      }
    }
    return Decision.none();
  }

  /** Returns how many calls this plan has decided, faulted or not. */
  public long decisions() {
    return decisions.sum();
  }

  /**
   * Publishes a new index without {@code gone} and with {@code added} at the end of their
   * operations' lists; spent or expired rules leave it this way too, but stay in byId so rules()
   * still lists them. Called under the lock.
   */
  private void reindex(List<Entry> gone, List<Entry> added) {
    if (gone.isEmpty() && added.isEmpty()) {
      return;
    }
    EnumMap<Operation, Entry[]> copy = new EnumMap<>(index);
    if (!gone.isEmpty()) {
      Set<Entry> goneSet = Collections.newSetFromMap(new IdentityHashMap<>());
      goneSet.addAll(gone);
      Set<Operation> touched = EnumSet.noneOf(Operation.class);
      gone.forEach(entry -> touched.addAll(entry.rule.operations()));
      for (Operation op : touched) {
        Entry[] kept = Arrays.stream(copy.get(op)).filter(e -> !goneSet.contains(e)).toArray(Entry[]::new);
        copy.put(op, kept.length == 0 ? NO_ENTRIES : kept);
      }
    }
    Map<Operation, List<Entry>> byOperation = new EnumMap<>(Operation.class);
    for (Entry entry : added) {
      entry.rule.operations().forEach(op -> byOperation.computeIfAbsent(op, k -> new ArrayList<>()).add(entry));
    }
    byOperation.forEach((op, entries) -> {
      Entry[] old = copy.get(op);
      Entry[] grown = Arrays.copyOf(old, old.length + entries.size());
      for (int i = 0; i < entries.size(); i++) {
        grown[old.length + i] = entries.get(i);
      }
      copy.put(op, grown);
    });
    index = copy;
  }

  private static EnumMap<Operation, Entry[]> emptyIndex() {
    EnumMap<Operation, Entry[]> empty = new EnumMap<>(Operation.class);
    for (Operation op : Operation.values()) {
      empty.put(op, NO_ENTRIES);
    }
    return empty;
  }

  /**
   * Called from decide() when a rule is found spent or expired. It only tries the lock: decide()
   * may run on an event loop and must not wait, and a later call will prune if this one cannot.
   */
  private void prune(Entry entry) {
    if (!entry.pruned.compareAndSet(false, true)) {
      return;
    }
    if (!lock.tryLock()) {
      entry.pruned.set(false);
      return;
    }
    try {
      reindex(List.of(entry), List.of());
    } finally {
      lock.unlock();
    }
  }

  /** A rule with its live counters. */
  private final class Entry {
    final FaultRule rule;
    /** The rule's scope compiled once: decide() tests it on every call of the rule's operations. */
    final Predicate<Call> scope;
    final FaultRule.Budget budget;
    final long addedNanos;
    /** ttl in nanoseconds, or -1 for none. */
    final long ttlNanos;
    final Instant addedAt;
    final AtomicLong matched = new AtomicLong();
    final AtomicLong fired = new AtomicLong();
    final AtomicBoolean pruned = new AtomicBoolean();
    /** The drill this rule belongs to, or null. */
    final DrillRun run;
    final Schedule schedule;

    Entry(FaultRule rule, long addedNanos, Instant addedAt, DrillRun run) {
      this.run = run;
      this.schedule = rule.schedule();
      this.rule = rule;
      this.scope = rule.scope().matcher();
      this.budget = rule.budget();
      this.addedNanos = addedNanos;
      this.ttlNanos = budget.ttl() == null ? -1L : budget.ttl().toNanos();
      this.addedAt = addedAt;
    }

    boolean expired(long now) {
      // Compare elapsed time, not deadlines: nanoTime may wrap, differences do not.
      return ttlNanos >= 0 && now - addedNanos >= ttlNanos;
    }

    boolean spent() {
      return fired.get() >= budget.times();
    }

    /** Returns the decision if this rule fires for a call that matched its scope, or null to let the next rule try. */
    Decision tryFire() {
      long now = ttlNanos >= 0 || run != null || schedule != null ? nanoTime.getAsLong() : 0L;
      if (spent() || (ttlNanos >= 0 && expired(now)) || (run != null && !run.live(now))) {
        prune(this);
        return null;
      }
      if (schedule != null && !schedule.activeAt(now - addedNanos)) {
        return null;
      }
      long n = matched.getAndIncrement();
      if (n < budget.after()) {
        return null;
      }
      double p = budget.probability();
      if (p < 1.0 && SplitMix.unit(SplitMix.bits(budget.seed(), n, SplitMix.PROBABILITY)) >= p) {
        return null;
      }
      if (run != null && !run.permit(now)) {
        return null;
      }
      int times = budget.times();
      if (times == Integer.MAX_VALUE) {
        fired.incrementAndGet();
      } else {
        // CAS rather than increment-then-check, so concurrent callers can never push fired past times.
        long f;
        do {
          f = fired.get();
          if (f >= times) {
            prune(this);
            return null;
          }
        } while (!fired.compareAndSet(f, f + 1));
        if (f + 1 == times) {
          prune(this);
        }
      }
      Duration delay = rule.delay().sample(SplitMix.bits(budget.seed(), n, SplitMix.DELAY));
      if (delay == null || delay.isNegative()) {
        // Only a hand-written distribution can get here; the built-in ones never return a negative delay.
        throw new IllegalStateException("FaultRule " + rule.describe() + ": delay distribution " + rule.delay()
            + " returned " + (delay == null ? "null" : Durations.format(delay))
            + "; a DelayDistribution must return Duration.ZERO or more");
      }
      Decision decision = new Decision(rule, rule.fault(), delay);
      if (run != null) {
        run.fired(decision);
      }
      return decision;
    }

    RuleStatus status(long now) {
      boolean active = !spent() && !expired(now) && (run == null || run.live(now));
      Optional<Instant> expiresAt = Optional.ofNullable(budget.ttl()).map(addedAt::plus);
      return new RuleStatus(rule, matched.get(), fired.get(), active, addedAt, expiresAt);
    }
  }
}
