package dev.gmesim.core.fault;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.cloud.ApiErrorCode;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What to break and when: the operations and {@link Scope} a rule matches, the fault it injects,
 * the delay before it, its {@link Budget} ({@code times}, {@code after}, {@code probability},
 * {@code ttl}) and when it may fire.
 *
 * <pre>{@code
 * FaultRule rule = FaultRule.on(Operation.ENTER_ROOM)
 *     .error(GmeErrorCode.AV_ERR_AUTH_FIALD)
 *     .delay(DelayDistribution.uniform(Duration.ofMillis(50), Duration.ofMillis(150)))
 *     .roomId("lobby-*")
 *     .times(2)
 *     .alias("token expiry on the first two joins")
 *     .build();
 * rule.budget().times();   // 2
 * rule.scope().roomId();   // "lobby-*"
 * }</pre>
 *
 * <p>The builder is the front door; the canonical constructor checks the same things and throws
 * {@link InvalidFaultRuleException} naming every bad field. Copy a rule with {@link #newBuilder()}.
 *
 * @param id the id the plan knows this rule by, or null until the rule is added to a plan
 * @param alias the human name used in descriptions and messages, or null
 * @param operations the operations this rule applies to (never empty)
 * @param fault the fault this rule injects
 * @param delay the distribution of the delay before the fault takes effect; null means none
 * @param budget how often the rule fires; null means {@link Budget#UNLIMITED}
 * @param scope which calls of those operations it matches; null means {@link Scope#ANY}
 * @param schedule when the rule may fire, measured from when it is added, or null for always
 * @param owner who installed the rule (for example a test's unique id), to remove its rules together; or null
 * @since 0.1
 */
public record FaultRule(String id, String alias, Set<Operation> operations, Fault fault, DelayDistribution delay,
    Budget budget, Scope scope, Schedule schedule, String owner) {

  /** Checks the rule and fills in the defaults; every bad field is named in one exception. */
  public FaultRule {
    FaultChecks c = new FaultChecks();
    if (id != null && id.isBlank()) {
      c.refuse("id", "'" + id + "'", "is blank", "pass a non-blank id, or leave it unset to get r1, r2, ...");
    }
    if (alias != null && alias.isBlank()) {
      c.refuse("alias", "'" + alias + "'", "is blank",
          "pass a short description such as 'token expiry', or leave it unset");
    }
    if (owner != null && owner.isBlank()) {
      c.refuse("owner", "'" + owner + "'", "is blank", "pass who installs the rule, such as a test's id, or leave it unset");
    }
    if (operations == null || operations.isEmpty() || operations.stream().anyMatch(Objects::isNull)) {
      c.refuse("operations", "is " + (operations == null || operations.isEmpty() ? "empty" : "holding null")
          + "; list at least one operation, e.g. ENTER_ROOM");
      operations = Set.of();
    } else {
      operations = Collections.unmodifiableSet(EnumSet.copyOf(operations));
    }
    if (fault == null) {
      c.refuse("effect", "missing; pass a fault such as Fault.noReply() or Fault.error(code)");
    } else if (!operations.isEmpty()) {
      checkChannel(c, operations, fault);
    }
    c.done();
    delay = delay == null ? DelayDistribution.none() : delay;
    budget = budget == null ? Budget.UNLIMITED : budget;
    scope = scope == null ? Scope.ANY : scope;
  }

  /** SDK codes answer SDK operations and API 3.0 codes answer server-API ones; a rule cannot mix the two. */
  private static void checkChannel(FaultChecks c, Set<Operation> operations, Fault fault) {
    boolean allServer = operations.stream().allMatch(op -> op.channel() == Operation.Channel.SERVER_API);
    boolean anyServer = operations.stream().anyMatch(op -> op.channel() == Operation.Channel.SERVER_API);
    if (fault instanceof Fault.ApiError && !allServer) {
      c.refuse(InvalidFaultRuleException.BODY, "an API 3.0 error (" + fault.describe() + ") applies only to "
          + "SERVER_* operations; target those, or use error(code) with a GME code for SDK operations");
    }
    if (fault instanceof Fault.NetworkDown && operations.stream().anyMatch(op -> op.channel() == Operation.Channel.HTTP
        || op.channel() == Operation.Channel.SERVER_API)) {
      c.refuse(InvalidFaultRuleException.BODY, "networkDown applies to room and device operations (it refuses "
          + "the member's room reconnects); for HTTP operations use http(CONNECTION_RESET) or serverError(503)");
    }
    if (fault instanceof Fault.Error && anyServer) {
      c.refuse(InvalidFaultRuleException.BODY, "a GME SDK code (" + fault.describe() + ") cannot answer a "
          + "SERVER_* operation; use apiError(\"FailedOperation\") or another API 3.0 code (ApiErrorCode)");
    }
    if (fault instanceof Fault.PoorNetwork && !operations.equals(EnumSet.of(Operation.ROOM_QUALITY))) {
      c.refuse(InvalidFaultRuleException.BODY, "a poor network (" + fault.describe() + ") applies only to "
          + "ROOM_QUALITY, the room's 2 s quality samples; target FaultRule.on(Operation.ROOM_QUALITY)");
    }
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

  /** Returns true if the call's operation is one of this rule's and its scope matches the call. */
  public boolean matches(Call call) {
    return operations.contains(call.operation()) && scope.matches(call);
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
    b.budget(budget);
    b.scope(scope);
    b.schedule = schedule;
    b.owner = owner;
    return b;
  }

  /** Returns the description followed by every setting that differs from the default. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("FaultRule ").append(describe());
    if (id != null && alias != null) {
      s.append(" id=").append(id);
    }
    appendIf(s, "appIds", scope.appIds());
    appendIf(s, "openId", scope.openId());
    appendIf(s, "roomId", scope.roomId());
    appendIf(s, "tag", scope.tag());
    appendIf(s, "userPercent", scope.userPercent());
    appendIf(s, "schedule", schedule == null ? null : schedule.describe());
    appendIf(s, "delay", delay instanceof DelayDistribution.None ? null : delay);
    appendIf(s, "after", budget.after() == 0 ? null : budget.after());
    appendIf(s, "times", budget.unlimited() ? null : budget.times());
    appendIf(s, "probability", budget.probability() == 1.0 ? null : budget.probability());
    appendIf(s, "seed", budget.probability() == 1.0 && budget.seed() == 0 ? null : budget.seed());
    appendIf(s, "ttl", budget.ttl() == null ? null : Durations.format(budget.ttl()));
    appendIf(s, "owner", owner);
    return s.toString();
  }

  private static void appendIf(StringBuilder s, String name, Object value) {
    if (value != null) {
      s.append(' ').append(name).append('=').append(value);
    }
  }

  /**
   * How often a rule fires: at most {@code times}, once {@code after} matching calls have passed,
   * each eligible call with chance {@code probability} drawn from {@code seed}, until {@code ttl}.
   *
   * <pre>{@code
   * FaultRule.on(Operation.ENTER_ROOM).noReply().budget(new Budget(2, 1, 0.5, 7, Duration.ofMinutes(10))).build();
   * }</pre>
   *
   * @param times the most times the rule fires, 1 or more; {@link Integer#MAX_VALUE} means no limit
   * @param after how many matching calls pass untouched before the rule may fire, 0 or more
   * @param probability the chance, in (0, 1], that a matching call past {@code after} fires
   * @param seed makes the probability and delay draws reproducible; another seed picks other calls
   * @param ttl how long after being added to a plan the rule expires, or null for never
   * @since 0.1
   */
  public record Budget(int times, int after, double probability, long seed, Duration ttl) {

    /** Fires on every matching call, for ever. */
    public static final Budget UNLIMITED = new Budget(Integer.MAX_VALUE, 0, 1.0, 0, null);

    /** Checks every limit; each bad one is named with its value and the fix. */
    public Budget {
      FaultChecks c = new FaultChecks();
      if (times < 1) {
        c.refuse("times", times, times < 0 ? "is negative" : "is less than 1", "pass 1 or more, or leave it out for no limit");
      }
      if (after < 0) {
        c.refuse("after", after, "is negative", "pass 0 or more (the number of matching calls to let pass first)");
      }
      if (!(probability > 0 && probability <= 1)) {
        c.refuse("probability", probability, "is outside (0, 1]",
            "pass a number in (0, 1] such as 0.25, or leave it out to fire on every matching call");
      }
      if (ttl != null) {
        c.positive("ttl", ttl, "\"PT10M\"", "or leave it out for no expiry");
      }
      c.done();
    }

    /** Returns true when {@code times} sets no limit. */
    public boolean unlimited() {
      return times == Integer.MAX_VALUE;
    }
  }

  /**
   * Which calls a rule matches besides its operations: every field that is set must match, and
   * null means any. A profile's scope fills in the fields its rules leave unset ({@link #orElse}).
   *
   * <pre>{@code
   * Scope bots = new Scope(Set.of("1400000000"), "bot-*", null, null, 20.0);   // a fifth of the bots of one app
   * }</pre>
   *
   * @param appIds the AppIDs (exact, any one of them), or null for any
   * @param openId an OpenID glob ({@code *} any run, {@code ?} one character), or null for any
   * @param roomId a room-id glob, or null for any
   * @param tag the SDK connection's tag (exact), such as the JUnit test that owns it, or null for any
   * @param userPercent the share of users in (0, 100], chosen by a stable hash of the OpenID so the same
   *     users are chosen in every run; or null for every user
   * @since 0.1
   */
  public record Scope(Set<String> appIds, String openId, String roomId, String tag, Double userPercent) {

    /** The scope that limits nothing. */
    public static final Scope ANY = new Scope(null, null, null, null, null);

    /** Checks every field and keeps the AppIDs sorted, so messages and JSON list them the same way each time. */
    public Scope {
      FaultChecks c = new FaultChecks();
      if (appIds != null) {
        if (appIds.isEmpty()) {
          c.refuse("appIds", "is empty; list at least one AppID such as \"1400000000\", or leave it out for any");
        } else if (appIds.stream().anyMatch(a -> a == null || a.isBlank())) {
          c.refuse("appIds", appIds, "holds a blank AppID", "list non-blank AppIDs such as \"1400000000\"");
        } else {
          appIds = Collections.unmodifiableSet(new LinkedHashSet<>(appIds.stream().sorted().toList()));
        }
      }
      blank(c, "openId", openId, "name a value or a glob such as \"alice-*\", or leave it out to match any");
      blank(c, "roomId", roomId, "name a room or a glob such as \"lobby-*\", or leave it out to match any");
      blank(c, "tag", tag, "name the connection's tag, or leave it out to match any");
      if (userPercent != null && !(userPercent > 0 && userPercent <= 100)) {
        c.refuse("userPercent", userPercent, "is outside (0, 100]",
            "pass a number in (0, 100] such as 20 (a fifth of the users), or leave it out for every user");
      }
      c.done();
    }

    private static void blank(FaultChecks c, String field, String value, String fix) {
      if (value != null && value.isBlank()) {
        c.refuse(field, "\"" + value + "\"", "is blank", fix);
      }
    }

    /** Returns a scope with this scope's fields, and {@code defaults}' where this one leaves a field unset. */
    public Scope orElse(Scope defaults) {
      return new Scope(appIds != null ? appIds : defaults.appIds, openId != null ? openId : defaults.openId,
          roomId != null ? roomId : defaults.roomId, tag != null ? tag : defaults.tag,
          userPercent != null ? userPercent : defaults.userPercent);
    }

    /** Returns true if every field that is set matches the call; compiles the globs each time (see {@link #matcher()}). */
    public boolean matches(Call call) {
      return matcher().test(call);
    }

    /** Returns true if this OpenID falls in the scope's user percentage (always true without one). */
    public boolean selectsUser(String openId) {
      return userPercent == null || (openId != null && UserHash.bucket(openId) < UserHash.buckets(userPercent));
    }

    /** Returns this scope compiled once, for matching many calls: the fault plan keeps one per rule. */
    public Predicate<Call> matcher() {
      return new Compiled(this);
    }

    /** A scope with its globs compiled and its user share turned into hash buckets. */
    private static final class Compiled implements Predicate<Call> {
      private final Set<String> appIds;
      private final Glob openId;
      private final Glob roomId;
      private final String tag;
      /** Buckets of {@link UserHash} selected by userPercent, or -1 for every user. */
      private final int userBuckets;

      Compiled(Scope s) {
        this.appIds = s.appIds;
        this.openId = Glob.of(s.openId);
        this.roomId = Glob.of(s.roomId);
        this.tag = s.tag;
        this.userBuckets = s.userPercent == null ? -1 : UserHash.buckets(s.userPercent);
      }

      @Override
      public boolean test(Call call) {
        // Exact fields first: they are the cheapest to reject on.
        return (tag == null || tag.equals(call.tag()))
            && (appIds == null || (call.appId() != null && appIds.contains(call.appId())))
            && (roomId == null || roomId.matches(call.roomId()))
            && (openId == null || openId.matches(call.openId()))
            // Last: hashing the OpenID is the dearest check.
            && (userBuckets < 0 || (call.openId() != null && UserHash.bucket(call.openId()) < userBuckets));
      }
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
    private Set<String> appIds;
    private String openId;
    private String roomId;
    private String tag;
    private Double userPercent;
    private Schedule schedule;
    private String owner;

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
        return fault(Fault.apiError(ApiErrorCode.of(code)));
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
      } catch (InvalidFaultRuleException e) {
        throw new IllegalArgumentException(where() + ": " + FaultChecks.inWords(e), e);
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
      try {
        return fault(Fault.serverError(status));
      } catch (InvalidFaultRuleException e) {
        throw new IllegalArgumentException(where() + ": " + FaultChecks.inWords(e), e);
      }
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

    /** Sets every limit at once: times, after, probability, seed and ttl. */
    public Builder budget(Budget budget) {
      Objects.requireNonNull(budget, "FaultRule.Builder.budget: budget is null; pass Budget.UNLIMITED for no limits");
      this.times = budget.times();
      this.after = budget.after();
      this.probability = budget.probability();
      this.seed = budget.seed();
      this.ttl = budget.ttl();
      return this;
    }

    /** Limits the rule to this AppID (exact), the same as {@code appIds(List.of(appId))}; null means any. */
    public Builder appId(String appId) {
      this.appIds = appId == null ? null : Set.of(appId);
      return this;
    }

    /** Limits the rule to any of these AppIDs (exact); null means any. */
    public Builder appIds(Collection<String> appIds) {
      this.appIds = appIds == null ? null : new LinkedHashSet<>(appIds);
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

    /**
     * Limits the rule to this percentage of users, in (0, 100] with up to two decimals, chosen by a
     * stable hash of the OpenID so the same users are chosen every run; null means every user.
     */
    public Builder userPercent(Double percent) {
      this.userPercent = percent;
      return this;
    }

    /** Sets every scope field at once: appIds, openId, roomId, tag and userPercent. */
    public Builder scope(Scope scope) {
      Objects.requireNonNull(scope, "FaultRule.Builder.scope: scope is null; pass Scope.ANY to match every call");
      this.appIds = scope.appIds();
      this.openId = scope.openId();
      this.roomId = scope.roomId();
      this.tag = scope.tag();
      this.userPercent = scope.userPercent();
      return this;
    }

    /** Lets the rule fire only inside this schedule's windows; null means always. */
    public Builder schedule(Schedule schedule) {
      this.schedule = schedule;
      return this;
    }

    /** Records who installed the rule, so the simulator's {@code removeFaultsByOwner} can remove its rules together. */
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

    /**
     * Checks every setting and returns the rule; a bad setting is named with its value and the fix,
     * e.g. {@code FaultRule 'flaky join' on ENTER_ROOM: times 0 is less than 1; pass 1 or more, ...}.
     */
    public FaultRule build() {
      if (fault == null) {
        throw new IllegalArgumentException(where() + ": no effect; call error(code), noReply(), disconnect(), "
            + "reset(), http(failure), serverError(status) or fault(f)");
      }
      try {
        // The parts first, each on its own, then the rule: one message names the first bad setting.
        Budget b = new Budget(times, after, probability, seed, ttl);
        Scope s = new Scope(appIds, openId, roomId, tag, userPercent);
        return new FaultRule(id, alias, operations, fault, delay, b, s, schedule, owner);
      } catch (InvalidFaultRuleException e) {
        throw new IllegalArgumentException(where() + ": " + FaultChecks.inWords(e), e);
      }
    }

    private String where() {
      String name = alias != null && !alias.isBlank() ? alias : id;
      String ops = operations.stream().map(Operation::name).collect(Collectors.joining(", "));
      return "FaultRule " + (name == null ? "" : "'" + name + "' ") + "on " + ops;
    }
  }
}
