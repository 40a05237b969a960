package dev.gmesim.core.fault;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to break and when: the operations and scope a rule matches, the fault it injects, the delay
 * before it, and its budget ({@code times}, {@code after}, {@code probability}, {@code ttl}).
 *
 * <pre>{@code
 * FaultRule rule = FaultRule.on(Operation.ENTER_ROOM)
 *     .error(GmeErrorCode.AV_ERR_AUTH_FIALD)
 *     .delay(DelayDistribution.uniform(Duration.ofMillis(50), Duration.ofMillis(150)))
 *     .roomId("lobby-*")
 *     .times(2)
 *     .alias("token expiry on the first two joins")
 *     .build();
 * }</pre>
 *
 * <p>Rules are immutable; copy one with {@link #newBuilder()}.
 *
 * @since 0.1
 */
public final class FaultRule {

  private final String id;
  private final String alias;
  private final Set<Operation> operations;
  private final Fault fault;
  private final DelayDistribution delay;
  private final int times;
  private final int after;
  private final double probability;
  private final long seed;
  private final Duration ttl;
  private final String appId;
  private final Glob openId;
  private final Glob roomId;
  private final String tag;
  private final String owner;
  private final Set<String> appIds;
  private final Double userPercent;
  /** Buckets of {@link UserHash} selected by userPercent, or -1 for every user. */
  private final int userBuckets;
  private final Schedule schedule;

  private FaultRule(Builder b) {
    this.id = b.id;
    this.alias = b.alias;
    this.operations = Collections.unmodifiableSet(EnumSet.copyOf(b.operations));
    this.fault = b.fault;
    this.delay = b.delay == null ? DelayDistribution.none() : b.delay;
    this.times = b.times;
    this.after = b.after;
    this.probability = b.probability;
    this.seed = b.seed;
    this.ttl = b.ttl;
    this.appId = b.appId;
    this.openId = Glob.of(b.openId);
    this.roomId = Glob.of(b.roomId);
    this.tag = b.tag;
    this.owner = b.owner;
    this.appIds = b.appIds == null ? null : Set.copyOf(b.appIds);
    this.userPercent = b.userPercent;
    this.userBuckets = b.userPercent == null ? -1 : UserHash.buckets(b.userPercent);
    this.schedule = b.schedule;
  }

  /** Starts a rule for one or more operations. */
  public static Builder on(Operation first, Operation... more) {
    Objects.requireNonNull(first, "FaultRule.on: operation is null; pass an Operation such as Operation.ENTER_ROOM");
    EnumSet<Operation> ops = EnumSet.of(first);
    for (Operation op : more) {
      ops.add(Objects.requireNonNull(op, "FaultRule.on: an operation is null; pass only Operation constants"));
    }
    return new Builder(ops);
  }

  /** Starts a rule for a non-empty collection of operations. */
  public static Builder on(Collection<Operation> operations) {
    Objects.requireNonNull(operations, "FaultRule.on: operations is null; pass e.g. List.of(Operation.ENTER_ROOM)");
    if (operations.isEmpty()) {
      throw new IllegalArgumentException(
          "FaultRule.on: no operations; pass at least one, e.g. FaultRule.on(Operation.ENTER_ROOM)");
    }
    EnumSet<Operation> ops = EnumSet.noneOf(Operation.class);
    // Checked one by one: contains(null) throws on immutable lists such as List.of(...).
    for (Operation op : operations) {
      if (op == null) {
        throw new IllegalArgumentException("FaultRule.on: " + operations + " contains null; pass only Operation constants");
      }
      ops.add(op);
    }
    return new Builder(ops);
  }

  /** Returns the id the plan knows this rule by, or null until the rule is added to a plan. */
  public String id() {
    return id;
  }

  /** Returns the human name used in descriptions and messages, or null. */
  public String alias() {
    return alias;
  }

  /** Returns the operations this rule applies to (never empty). */
  public Set<Operation> operations() {
    return operations;
  }

  /** Returns the fault this rule injects. */
  public Fault fault() {
    return fault;
  }

  /** Returns the distribution of the delay before the fault takes effect. */
  public DelayDistribution delay() {
    return delay;
  }

  /** Returns how many times the rule fires at most; {@link Integer#MAX_VALUE} means no limit. */
  public int times() {
    return times;
  }

  /** Returns how many matching calls pass untouched before the rule may fire. */
  public int after() {
    return after;
  }

  /** Returns the chance, in (0, 1], that a matching call past {@code after} fires. */
  public double probability() {
    return probability;
  }

  /** Returns the seed that makes the probability and delay draws reproducible. */
  public long seed() {
    return seed;
  }

  /** Returns how long after being added the rule expires, if it does. */
  public Optional<Duration> ttl() {
    return Optional.ofNullable(ttl);
  }

  /** Returns the AppID the rule is limited to (exact), or null for any. */
  public String appId() {
    return appId;
  }

  /** Returns the OpenID glob ({@code *} and {@code ?}) the rule is limited to, or null for any. */
  public String openId() {
    return openId == null ? null : openId.pattern();
  }

  /** Returns the room-id glob ({@code *} and {@code ?}) the rule is limited to, or null for any. */
  public String roomId() {
    return roomId == null ? null : roomId.pattern();
  }

  /** Returns the connection tag the rule is limited to (exact), or null for any. */
  public String tag() {
    return tag;
  }

  /** Returns who installed the rule (for example a test's unique id), used to remove its rules together; or null. */
  public String owner() {
    return owner;
  }

  /** Returns the AppIDs the rule is limited to (any one of them, exact), or null for any. */
  public Set<String> appIds() {
    return appIds;
  }

  /**
   * Returns the percentage of users, in (0, 100], the rule is limited to, chosen by a stable hash of
   * the OpenID (the same users in every run); or null for every user.
   */
  public Double userPercent() {
    return userPercent;
  }

  /** Returns when the rule may fire, measured from when it is added, or null for always. */
  public Schedule schedule() {
    return schedule;
  }

  /** Returns true if this OpenID falls in the rule's user percentage (always true without one). */
  public boolean selectsUser(String openId) {
    return userBuckets < 0 || (openId != null && UserHash.bucket(openId) < userBuckets);
  }

  /** Returns true if the call's operation is one of this rule's and every scope field that is set matches. */
  public boolean matches(Call call) {
    return operations.contains(call.operation()) && matchesScope(call);
  }

  /** Scope check alone, for the plan's index, which has already selected rules by operation. */
  boolean matchesScope(Call call) {
    // Exact fields first: they are the cheapest to reject on.
    return (tag == null || tag.equals(call.tag()))
        && (appId == null || appId.equals(call.appId()))
        && (roomId == null || roomId.matches(call.roomId()))
        && (openId == null || openId.matches(call.openId()))
        && (appIds == null || (call.appId() != null && appIds.contains(call.appId())))
        // Last: hashing the OpenID is the dearest check.
        && (userBuckets < 0 || (call.openId() != null && UserHash.bucket(call.openId()) < userBuckets));
  }

  /** Returns {@code 'alias' (ENTER_ROOM -> 7006 AV_ERR_AUTH_FIALD)}, naming the rule by alias, else id. */
  public String describe() {
    String name = alias != null ? alias : id;
    String ops = operations.stream().map(Operation::name).collect(Collectors.joining(", "));
    String body = "(" + ops + " -> " + fault.describe() + ")";
    return name == null ? body : "'" + name + "' " + body;
  }

  /** Returns a builder holding this rule's settings, id included, to derive a changed copy. */
  public Builder newBuilder() {
    Builder b = new Builder(EnumSet.copyOf(operations));
    b.id = id;
    b.alias = alias;
    b.fault = fault;
    b.delay = delay;
    b.times = times;
    b.after = after;
    b.probability = probability;
    b.seed = seed;
    b.ttl = ttl;
    b.appId = appId;
    b.openId = openId();
    b.roomId = roomId();
    b.tag = tag;
    b.owner = owner;
    b.appIds = appIds;
    b.userPercent = userPercent;
    b.schedule = schedule;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FaultRule r
        && times == r.times && after == r.after && seed == r.seed
        && Double.compare(probability, r.probability) == 0
        && Objects.equals(id, r.id) && Objects.equals(alias, r.alias)
        && operations.equals(r.operations) && fault.equals(r.fault) && delay.equals(r.delay)
        && Objects.equals(ttl, r.ttl) && Objects.equals(appId, r.appId)
        && Objects.equals(openId(), r.openId()) && Objects.equals(roomId(), r.roomId())
        && Objects.equals(tag, r.tag) && Objects.equals(owner, r.owner)
        && Objects.equals(appIds, r.appIds) && Objects.equals(userPercent, r.userPercent)
        && Objects.equals(schedule, r.schedule);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, alias, operations, fault, delay, times, after, probability, seed, ttl,
        appId, openId(), roomId(), tag, owner, appIds, userPercent, schedule);
  }

  /** Returns the description followed by every setting that differs from the default. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("FaultRule ").append(describe());
    if (id != null && alias != null) {
      s.append(" id=").append(id);
    }
    appendIf(s, appId != null, "appId", appId);
    appendIf(s, openId != null, "openId", openId);
    appendIf(s, roomId != null, "roomId", roomId);
    appendIf(s, tag != null, "tag", tag);
    appendIf(s, appIds != null, "appIds", appIds);
    appendIf(s, userPercent != null, "userPercent", userPercent);
    appendIf(s, schedule != null, "schedule", schedule == null ? null : schedule.describe());
    appendIf(s, !(delay instanceof DelayDistribution.None), "delay", delay);
    appendIf(s, after != 0, "after", after);
    appendIf(s, times != Integer.MAX_VALUE, "times", times);
    appendIf(s, probability != 1.0, "probability", probability);
    appendIf(s, probability != 1.0 || seed != 0, "seed", seed);
    appendIf(s, ttl != null, "ttl", ttl == null ? null : Durations.format(ttl));
    appendIf(s, owner != null, "owner", owner);
    return s.toString();
  }

  private static void appendIf(StringBuilder s, boolean condition, String name, Object value) {
    if (condition) {
      s.append(' ').append(name).append('=').append(value);
    }
  }

  /**
   * Collects a rule's settings; setters are nouns and return the builder. Choose one effect
   * ({@code error}, {@code noReply}, ...); when several are called, the last wins.
   */
  public static final class Builder {

    private final EnumSet<Operation> operations;
    private String id;
    private String alias;
    private Fault fault;
    private DelayDistribution delay;
    private int times = Integer.MAX_VALUE;
    private int after;
    private double probability = 1.0;
    private long seed;
    private Duration ttl;
    private String appId;
    private String openId;
    private String roomId;
    private String tag;
    private String owner;
    private Set<String> appIds;
    private Double userPercent;
    private Schedule schedule;

    private Builder(EnumSet<Operation> operations) {
      this.operations = operations;
    }

    /** Replies with this GME error code. */
    public Builder error(GmeErrorCode code) {
      if (code == null) {
        throw new IllegalArgumentException(where() + ": error code is null; pass a GmeErrorCode such as AV_ERR_AUTH_FIALD");
      }
      return fault(Fault.error(code));
    }

    /**
     * Answers a server-API call ({@code SERVER_*} operations) with this API 3.0 error code, such as
     * {@code "RequestLimitExceeded"}; an unknown code is refused naming the nearest known ones.
     */
    public Builder apiError(String code) {
      if (code == null) {
        throw new IllegalArgumentException(where() + ": API error code is null; pass one such as \"RequestLimitExceeded\"");
      }
      try {
        return fault(Fault.apiError(dev.gmesim.core.cloud.ApiErrorCode.of(code)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where() + ": " + e.getMessage(), e);
      }
    }

    /** Replies with the GME error code of this numeric value; an unknown value is rejected with the nearest known code. */
    public Builder error(int code) {
      GmeErrorCode known = GmeErrorCode.byValue(code).orElseThrow(() -> new IllegalArgumentException(
          where() + ": unknown GME error code " + code + "; nearest: " + GmeErrorCode.nearest(code).label()));
      return fault(Fault.error(known));
    }

    /** Leaves the call unanswered so the SDK's own timeout fires. */
    public Builder noReply() {
      return fault(Fault.noReply());
    }

    /** Closes the room connection. */
    public Builder disconnect() {
      return fault(Fault.disconnect());
    }

    /** Resets the TCP connection. */
    public Builder reset() {
      return fault(Fault.reset());
    }

    /** Takes the member's network down for {@code outage} of simulated time: its reconnects are refused until then. */
    public Builder networkDown(Duration outage) {
      try {
        return fault(Fault.networkDown(outage));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where() + ": " + e.getMessage(), e);
      }
    }

    /** Fails the HTTP exchange this way; SERVER_ERROR answers 500. */
    public Builder http(Fault.HttpFailure failure) {
      if (failure == null) {
        throw new IllegalArgumentException(where() + ": http failure is null; pass one of Fault.HttpFailure.values()");
      }
      return fault(Fault.http(failure));
    }

    /** Answers the HTTP exchange with this 5xx status. */
    public Builder serverError(int status) {
      FaultChecks.serverStatus(where(), status);
      return fault(Fault.serverError(status));
    }

    /** Injects this fault. */
    public Builder fault(Fault fault) {
      if (fault == null) {
        throw new IllegalArgumentException(where() + ": fault is null; pass e.g. Fault.error(code) or Fault.noReply()");
      }
      this.fault = fault;
      return this;
    }

    /** Waits a time drawn from this distribution before the fault takes effect; null means no delay. */
    public Builder delay(DelayDistribution delay) {
      this.delay = delay;
      return this;
    }

    /** Waits this fixed time before the fault takes effect. */
    public Builder delay(Duration fixed) {
      this.delay = DelayDistribution.fixed(fixed);
      return this;
    }

    /** Fires at most {@code n} times (n at least 1); after that the rule is spent. */
    public Builder times(int n) {
      this.times = n;
      return this;
    }

    /** Lets the first {@code k} matching calls pass untouched (k at least 0). */
    public Builder after(int k) {
      this.after = k;
      return this;
    }

    /** Fires on each eligible matching call with chance {@code p} in (0, 1]; the draw is reproducible from the seed. */
    public Builder probability(double p) {
      this.probability = p;
      return this;
    }

    /** Sets the seed for the probability and delay draws (default 0); another seed picks other calls. */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Expires the rule this long after it is added to a plan; null means never. */
    public Builder ttl(Duration ttl) {
      this.ttl = ttl;
      return this;
    }

    /** Limits the rule to this AppID (exact); null means any. */
    public Builder appId(String appId) {
      this.appId = appId;
      return this;
    }

    /** Limits the rule to any of these AppIDs (exact); null means any. */
    public Builder appIds(Collection<String> appIds) {
      this.appIds = appIds == null ? null : Set.copyOf(appIds);
      return this;
    }

    /**
     * Limits the rule to this percentage of users, in (0, 100] with up to two decimals, chosen by a
     * stable hash of the OpenID so the same users are chosen every run; null means every user.
     */
    public Builder userPercent(Double percent) {
      this.userPercent = percent;
      return this;
    }

    /** Lets the rule fire only inside this schedule's windows; null means always. */
    public Builder schedule(Schedule schedule) {
      this.schedule = schedule;
      return this;
    }

    /** Limits the rule to OpenIDs matching this glob ({@code *} any run, {@code ?} one character); null means any. */
    public Builder openId(String glob) {
      this.openId = glob;
      return this;
    }

    /** Limits the rule to room ids matching this glob ({@code *} any run, {@code ?} one character); null means any. */
    public Builder roomId(String glob) {
      this.roomId = glob;
      return this;
    }

    /** Limits the rule to connections with this tag (exact); null means any. */
    public Builder tag(String tag) {
      this.tag = tag;
      return this;
    }

    /** Records who installed the rule, so {@code removeFaultsByOwner(owner)} can remove its rules together. */
    public Builder owner(String owner) {
      this.owner = owner;
      return this;
    }

    /** Names the rule in descriptions and messages. */
    public Builder alias(String alias) {
      this.alias = alias;
      return this;
    }

    /** Gives the rule an explicit id; without one, the plan assigns {@code r1}, {@code r2}, .... */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** Checks every setting and returns the rule; a bad setting is named with its value and the fix. */
    public FaultRule build() {
      String where = where();
      if (id != null && id.isBlank()) {
        throw new IllegalArgumentException(where + ": id '" + id
            + "' is blank; pass a non-blank id, or leave it unset to get r1, r2, ...");
      }
      if (alias != null && alias.isBlank()) {
        throw new IllegalArgumentException(where + ": alias '" + alias
            + "' is blank; pass a short description such as 'token expiry', or leave it unset");
      }
      if (fault == null) {
        throw new IllegalArgumentException(where + ": no effect; call error(code), noReply(), disconnect(), "
            + "reset(), http(failure), serverError(status) or fault(f)");
      }
      boolean serverOps = operations.stream().allMatch(op -> op.channel() == Operation.Channel.SERVER_API);
      boolean anyServerOp = operations.stream().anyMatch(op -> op.channel() == Operation.Channel.SERVER_API);
      if (fault instanceof Fault.ApiError && !serverOps) {
        throw new IllegalArgumentException(where + ": an API 3.0 error (" + fault.describe() + ") applies only to "
            + "SERVER_* operations; target those, or use error(code) with a GME code for SDK operations");
      }
      if (fault instanceof Fault.NetworkDown && operations.stream().anyMatch(op -> op.channel() == Operation.Channel.HTTP
          || op.channel() == Operation.Channel.SERVER_API)) {
        throw new IllegalArgumentException(where + ": networkDown applies to room and device operations (it refuses "
            + "the member's room reconnects); for HTTP operations use http(CONNECTION_RESET) or serverError(503)");
      }
      if (fault instanceof Fault.Error && anyServerOp) {
        throw new IllegalArgumentException(where + ": a GME SDK code (" + fault.describe() + ") cannot answer a "
            + "SERVER_* operation; use apiError(\"FailedOperation\") or another API 3.0 code (ApiErrorCode)");
      }
      if (fault instanceof Fault.PoorNetwork && !operations.equals(java.util.EnumSet.of(Operation.ROOM_QUALITY))) {
        throw new IllegalArgumentException(where + ": a poor network (" + fault.describe() + ") applies only to "
            + "ROOM_QUALITY, the room's 2 s quality samples; target FaultRule.on(Operation.ROOM_QUALITY)");
      }
      if (times < 1) {
        throw new IllegalArgumentException(where + ": times " + times
            + " is less than 1; pass times(1) or more, or leave it unset for no limit");
      }
      if (after < 0) {
        throw new IllegalArgumentException(where + ": after " + after
            + " is negative; pass after(0) or more (the number of matching calls to let pass first)");
      }
      if (!(probability > 0 && probability <= 1)) {
        throw new IllegalArgumentException(where + ": probability " + probability
            + " is outside (0, 1]; pass a value such as 0.25, or leave it unset to fire on every matching call");
      }
      if (ttl != null) {
        String fix = "pass a positive Duration such as Duration.ofSeconds(30), or leave it unset for no expiry";
        if (ttl.isZero() || ttl.isNegative()) {
          throw new IllegalArgumentException(where + ": ttl " + Durations.format(ttl) + " is not positive; " + fix);
        }
        Durations.requireNanos(where, "ttl", ttl, fix);
      }
      if (userPercent != null && !(userPercent > 0 && userPercent <= 100)) {
        throw new IllegalArgumentException(where + ": userPercent " + userPercent
            + " is outside (0, 100]; pass e.g. 20 for a fifth of the users, or leave it unset for every user");
      }
      if (appIds != null && appIds.isEmpty()) {
        throw new IllegalArgumentException(where + ": appIds is empty; list at least one AppID, or leave it unset for any");
      }
      return new FaultRule(this);
    }

    private String where() {
      String name = alias != null && !alias.isBlank() ? alias : id;
      String ops = operations.stream().map(Operation::name).collect(Collectors.joining(", "));
      return "FaultRule " + (name == null ? "" : "'" + name + "' ") + "on " + ops;
    }
  }
}
