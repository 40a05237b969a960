package dev.gmesim.core.internal.fault;

import static dev.gmesim.core.catalog.Operation.ENTER_ROOM;
import static dev.gmesim.core.catalog.Operation.EXIT_ROOM;
import static dev.gmesim.core.catalog.Operation.PTT_UPLOAD;
import static dev.gmesim.core.catalog.Operation.SWITCH_ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.fault.Call;
import dev.gmesim.core.fault.DelayDistribution;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.fault.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FaultPlanTest {

  private static final GmeErrorCode AUTH = GmeErrorCode.byValue(7006).orElseThrow();

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final FaultPlan plan = new FaultPlan(clock::get);

  private static Call join(String openId, String roomId) {
    return new Call(ENTER_ROOM, "1400000000", openId, roomId, null);
  }

  /** Decides {@code n} calls and returns which of them (by position) were faulted. */
  private static List<Integer> faultedCalls(FaultPlan plan, Call call, int n) {
    List<Integer> faulted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (plan.decide(call).isFault()) {
        faulted.add(i);
      }
    }
    return faulted;
  }

  @Nested
  class Ordering {

    @Test
    void anEmptyPlanLetsTheWorldAnswer() {
      Decision d = plan.decide(Call.of(ENTER_ROOM));

      assertThat(d).isEqualTo(Decision.none());
      assertThat(d.isFault()).isFalse();
      assertThat(d.source()).isEqualTo("world");
      assertThat(d.delay()).isZero();
    }

    @Test
    void theFirstMatchingRuleWins() {
      FaultRule first = plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).build());
      plan.add(FaultRule.on(ENTER_ROOM).noReply().build());

      Decision d = plan.decide(Call.of(ENTER_ROOM));

      assertThat(d.rule()).isEqualTo(first);
      assertThat(d.fault()).isEqualTo(Fault.error(AUTH));
      assertThat(d.source()).isEqualTo("r1");
    }

    @Test
    void aRuleOutOfScopeLetsTheNextRuleDecide() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).roomId("vip-*").build());
      plan.add(FaultRule.on(ENTER_ROOM).noReply().build());

      assertThat(plan.decide(join("alice", "lobby")).fault()).isEqualTo(Fault.noReply());
      assertThat(plan.decide(join("alice", "vip-1")).fault()).isEqualTo(Fault.error(AUTH));
    }

    @Test
    void aSpentRuleLetsTheNextRuleDecide() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).times(1).build());
      plan.add(FaultRule.on(ENTER_ROOM).disconnect().build());

      assertThat(plan.decide(Call.of(ENTER_ROOM)).fault()).isEqualTo(Fault.error(AUTH));
      assertThat(plan.decide(Call.of(ENTER_ROOM)).fault()).isEqualTo(Fault.disconnect());
    }

    @Test
    void aRuleWaitingForItsAfterLetsTheNextRuleDecide() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).after(1).build());
      plan.add(FaultRule.on(ENTER_ROOM).disconnect().times(1).build());

      assertThat(plan.decide(Call.of(ENTER_ROOM)).fault()).isEqualTo(Fault.disconnect());
      assertThat(plan.decide(Call.of(ENTER_ROOM)).fault()).isEqualTo(Fault.error(AUTH));
    }

    @Test
    void rulesOfOtherOperationsAreNeverConsulted() {
      plan.add(FaultRule.on(PTT_UPLOAD).serverError(503).build());
      plan.add(FaultRule.on(EXIT_ROOM).disconnect().build());

      assertThat(plan.decide(Call.of(ENTER_ROOM)).isFault()).isFalse();
      assertThat(plan.status("r1").orElseThrow().matched()).isZero();
      assertThat(plan.decide(Call.of(PTT_UPLOAD)).fault()).isEqualTo(Fault.serverError(503));
    }

    @Test
    void aRuleOnSeveralOperationsSharesOneBudget() {
      plan.add(FaultRule.on(ENTER_ROOM, SWITCH_ROOM).error(AUTH).times(2).build());

      assertThat(plan.decide(Call.of(ENTER_ROOM)).isFault()).isTrue();
      assertThat(plan.decide(Call.of(SWITCH_ROOM)).isFault()).isTrue();
      assertThat(plan.decide(Call.of(ENTER_ROOM)).isFault()).isFalse();
      assertThat(plan.decide(Call.of(SWITCH_ROOM)).isFault()).isFalse();
    }

    @Test
    void decisionsCountsEveryCallFaultedOrNot() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).times(1).build());
      for (int i = 0; i < 5; i++) {
        plan.decide(Call.of(i % 2 == 0 ? ENTER_ROOM : EXIT_ROOM));
      }

      assertThat(plan.decisions()).isEqualTo(5);
    }
  }

  @Nested
  class Scope {

    @Test
    void globsLimitARuleToMatchingUsersAndRooms() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).openId("bot-*").roomId("lobby-??").build());

      assertThat(plan.decide(join("bot-7", "lobby-eu")).isFault()).isTrue();
      assertThat(plan.decide(join("alice", "lobby-eu")).isFault()).isFalse();
      assertThat(plan.decide(join("bot-7", "lobby-asia")).isFault()).isFalse();
      assertThat(plan.decide(Call.of(ENTER_ROOM)).isFault()).isFalse();
    }

    @Test
    void aTaggedRuleFaultsOnlyItsOwnConnection() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).tag("JoinTest#first").build());

      assertThat(plan.decide(new Call(ENTER_ROOM, null, null, null, "JoinTest#first")).isFault()).isTrue();
      assertThat(plan.decide(new Call(ENTER_ROOM, null, null, null, "JoinTest#second")).isFault()).isFalse();
    }

    @Test
    void callsOutOfScopeDoNotCountAsMatched() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).appId("1400000001").after(1).build());

      plan.decide(join("alice", "lobby"));
      plan.decide(join("alice", "lobby"));

      assertThat(plan.status("r1").orElseThrow().matched()).isZero();
    }
  }

  @Nested
  class Times {

    @Test
    void aRuleStopsFiringAfterItsTimesAndStaysListedAsInactive() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).times(2).build());

      assertThat(faultedCalls(plan, Call.of(ENTER_ROOM), 5)).containsExactly(0, 1);
      RuleStatus status = plan.rules().get(0);
      assertThat(status.fired()).isEqualTo(2);
      assertThat(status.active()).isFalse();
      assertThat(status.describe()).isEqualTo("'r1' (ENTER_ROOM -> 7006 AV_ERR_AUTH_FIALD) fired 2 of 2 times, "
          + "matched 2, inactive");
    }

    @RepeatedTest(3)
    @Timeout(30)
    void concurrentCallersNeverExceedTimes() throws Exception {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).times(100).build());
      int threads = 8;
      int callsPerThread = 10_000;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          results.add(pool.submit(() -> {
            start.await();
            int fired = 0;
            for (int i = 0; i < callsPerThread; i++) {
              if (plan.decide(Call.of(ENTER_ROOM)).isFault()) {
                fired++;
              }
            }
            return fired;
          }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> result : results) {
          total += result.get(20, TimeUnit.SECONDS);
        }

        assertThat(total).isEqualTo(100);
        assertThat(plan.status("r1").orElseThrow().fired()).isEqualTo(100);
        assertThat(plan.decisions()).isEqualTo((long) threads * callsPerThread);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  class After {

    @Test
    void afterLetsTheFirstCallsPass() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).after(3).times(2).build());

      assertThat(faultedCalls(plan, Call.of(ENTER_ROOM), 8)).containsExactly(3, 4);
      assertThat(plan.status("r1").orElseThrow().matched()).isEqualTo(5);
    }
  }

  @Nested
  class Probability {

    private List<Integer> run(long seed) {
      FaultPlan fresh = new FaultPlan();
      fresh.add(FaultRule.on(ENTER_ROOM).error(AUTH).probability(0.3).seed(seed).build());
      return faultedCalls(fresh, Call.of(ENTER_ROOM), 10_000);
    }

    @Test
    void theSameSeedFaultsTheSameCalls() {
      assertThat(run(42)).isEqualTo(run(42));
    }

    @Test
    void anotherSeedFaultsOtherCalls() {
      List<Integer> a = run(42);
      List<Integer> b = run(43);

      assertThat(a).isNotEqualTo(b);
      List<Integer> shared = new ArrayList<>(a);
      shared.retainAll(b);
      // Independent draws overlap on about p * p = 9 % of calls; equal streams would overlap on 30 %.
      assertThat(shared.size() / 10_000.0).isBetween(0.07, 0.11);
    }

    @Test
    void aboutThatShareOfCallsIsFaulted() {
      for (long seed : new long[] {0, 1, 42, -7}) {
        assertThat(run(seed).size() / 10_000.0).as("seed %d", seed).isBetween(0.28, 0.32);
      }
    }

    @Test
    void probabilityAppliesAfterAfterAndStopsAtTimes() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).after(10).probability(0.5).times(20).seed(5).build());

      List<Integer> faulted = faultedCalls(plan, Call.of(ENTER_ROOM), 1_000);

      assertThat(faulted).hasSize(20).allSatisfy(i -> assertThat(i).isGreaterThanOrEqualTo(10));
    }
  }

  @Nested
  class Delay {

    @Test
    void aFiredRuleCarriesItsSampledDelay() {
      plan.add(FaultRule.on(ENTER_ROOM).noReply().delay(Duration.ofMillis(300)).build());

      assertThat(plan.decide(Call.of(ENTER_ROOM)).delay()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aHandWrittenDistributionReturningANegativeDelayIsNamed() {
      plan.add(FaultRule.on(ENTER_ROOM).noReply().alias("slow join").delay(bits -> Duration.ofMillis(-5)).build());

      org.assertj.core.api.Assertions.assertThatIllegalStateException()
          .isThrownBy(() -> plan.decide(Call.of(ENTER_ROOM)))
          .withMessageStartingWith("FaultRule 'slow join' (ENTER_ROOM -> no reply): delay distribution ")
          .withMessageEndingWith(" returned -5ms; a DelayDistribution must return Duration.ZERO or more");
    }

    @Test
    void seededDelaysRepeatAcrossPlans() {
      FaultRule rule = FaultRule.on(ENTER_ROOM).noReply().seed(11)
          .delay(DelayDistribution.uniform(Duration.ofMillis(10), Duration.ofMillis(500))).build();
      FaultPlan a = new FaultPlan();
      FaultPlan b = new FaultPlan();
      a.add(rule);
      b.add(rule);

      List<Duration> first = new ArrayList<>();
      List<Duration> second = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        first.add(a.decide(Call.of(ENTER_ROOM)).delay());
        second.add(b.decide(Call.of(ENTER_ROOM)).delay());
      }

      assertThat(first).isEqualTo(second);
      assertThat(first).doesNotHaveDuplicates()
          .allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(10), Duration.ofMillis(500)));
    }
  }

  @Nested
  class Ttl {

    @Test
    void aRuleExpiresItsTtlAfterBeingAdded() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).ttl(Duration.ofSeconds(30)).build());

      clock.addAndGet(Duration.ofSeconds(29).toNanos());
      assertThat(plan.decide(Call.of(ENTER_ROOM)).isFault()).isTrue();
      clock.addAndGet(Duration.ofSeconds(1).toNanos());
      assertThat(plan.decide(Call.of(ENTER_ROOM)).isFault()).isFalse();
    }

    @Test
    void anExpiredRuleStaysListedAsInactiveUntilRemoved() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).ttl(Duration.ofSeconds(30)).build());
      clock.addAndGet(Duration.ofMinutes(1).toNanos());
      plan.decide(Call.of(ENTER_ROOM));

      RuleStatus status = plan.rules().get(0);
      assertThat(status.active()).isFalse();
      assertThat(status.expiresAt()).contains(status.addedAt().plusSeconds(30));
      assertThat(plan.remove("r1")).isTrue();
      assertThat(plan.rules()).isEmpty();
    }

    @Test
    void expiryIsReportedEvenBeforeAnyCallArrives() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).ttl(Duration.ofSeconds(30)).build());
      assertThat(plan.status("r1").orElseThrow().active()).isTrue();

      clock.addAndGet(Duration.ofSeconds(30).toNanos());

      assertThat(plan.status("r1").orElseThrow().active()).isFalse();
    }

    @Test
    void aRuleWithoutTtlNeverExpires() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).build());
      clock.addAndGet(Duration.ofDays(365).toNanos());

      assertThat(plan.decide(Call.of(ENTER_ROOM)).isFault()).isTrue();
      assertThat(plan.status("r1").orElseThrow().expiresAt()).isEmpty();
    }
  }

  @Nested
  class Ids {

    @Test
    void rulesWithoutIdGetR1R2InOrder() {
      List<FaultRule> added = plan.addAll(List.of(
          FaultRule.on(ENTER_ROOM).error(AUTH).build(),
          FaultRule.on(EXIT_ROOM).disconnect().build()));

      assertThat(added).extracting(FaultRule::id).containsExactly("r1", "r2");
      assertThat(plan.rules()).extracting(s -> s.rule().id()).containsExactly("r1", "r2");
    }

    @Test
    void anExplicitIdIsKeptAndSkippedByAutomaticIds() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).id("r2").build());

      assertThat(plan.add(FaultRule.on(ENTER_ROOM).noReply().build()).id()).isEqualTo("r1");
      assertThat(plan.add(FaultRule.on(ENTER_ROOM).noReply().build()).id()).isEqualTo("r3");
    }

    @Test
    void aDuplicateIdIsRejectedNamingBothRules() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).id("join").alias("token expiry").build());

      assertThatIllegalArgumentException()
          .isThrownBy(() -> plan.add(FaultRule.on(EXIT_ROOM).disconnect().id("join").build()))
          .withMessage("FaultPlan: id 'join' of 'join' (EXIT_ROOM -> disconnect) is already used by "
              + "'token expiry' (ENTER_ROOM -> 7006 AV_ERR_AUTH_FIALD); remove(\"join\") first or give the rule another id");
    }

    @Test
    void addAllAddsNothingWhenOneIdClashes() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).id("taken").build());

      assertThatIllegalArgumentException().isThrownBy(() -> plan.addAll(List.of(
          FaultRule.on(EXIT_ROOM).disconnect().build(),
          FaultRule.on(EXIT_ROOM).disconnect().id("taken").build())));

      assertThat(plan.rules()).hasSize(1);
      assertThat(plan.decide(Call.of(EXIT_ROOM)).isFault()).isFalse();
      assertThat(plan.add(FaultRule.on(EXIT_ROOM).disconnect().build()).id()).isEqualTo("r1");
    }

    @Test
    void addAllRejectsAnIdRepeatedWithinTheList() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> plan.addAll(List.of(
              FaultRule.on(EXIT_ROOM).disconnect().id("x").build(),
              FaultRule.on(ENTER_ROOM).noReply().id("x").build())))
          .withMessage("FaultPlan.addAll: id 'x' appears twice in the list; "
              + "give each rule its own id or leave ids unset");
      assertThat(plan.rules()).isEmpty();
    }
  }

  @Nested
  class Removal {

    @Test
    void removeTakesARuleOutOfDecisions() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).build());

      assertThat(plan.remove("r1")).isTrue();
      assertThat(plan.remove("r1")).isFalse();
      assertThat(plan.decide(Call.of(ENTER_ROOM)).isFault()).isFalse();
      assertThat(plan.status("r1")).isEmpty();
    }

    @Test
    void removeByOwnerRemovesOnlyThatOwnersRules() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).owner("TestA").build());
      plan.add(FaultRule.on(ENTER_ROOM).noReply().owner("TestB").build());
      plan.add(FaultRule.on(EXIT_ROOM).disconnect().owner("TestA").build());
      plan.add(FaultRule.on(EXIT_ROOM).reset().build());

      assertThat(plan.removeByOwner("TestA")).isEqualTo(2);

      assertThat(plan.rules()).extracting(s -> s.rule().id()).containsExactly("r2", "r4");
      assertThat(plan.decide(Call.of(ENTER_ROOM)).fault()).isEqualTo(Fault.noReply());
      assertThat(plan.decide(Call.of(EXIT_ROOM)).fault()).isEqualTo(Fault.reset());
      assertThat(plan.removeByOwner("TestA")).isZero();
    }

    @Test
    void clearRemovesEverythingButNeverReusesIds() {
      plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).build());
      plan.clear();

      assertThat(plan.rules()).isEmpty();
      assertThat(plan.decide(Call.of(ENTER_ROOM)).isFault()).isFalse();
      assertThat(plan.add(FaultRule.on(ENTER_ROOM).error(AUTH).build()).id()).isEqualTo("r2");
    }
  }

  @Nested
  class Decisions {

    @Test
    void aDecisionNeedsBothRuleAndFaultOrNeither() {
      FaultRule rule = FaultRule.on(ENTER_ROOM).error(AUTH).build();

      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Decision(rule, null, Duration.ZERO))
          .withMessage("Decision: rule (ENTER_ROOM -> 7006 AV_ERR_AUTH_FIALD) and fault null must both be set "
              + "or both be null; use Decision.none() for no fault");
    }

    @Test
    void aDecisionFromAnUnaddedRuleNamesTheRule() {
      FaultRule rule = FaultRule.on(ENTER_ROOM).error(AUTH).build();

      assertThat(new Decision(rule, rule.fault(), Duration.ZERO).source())
          .isEqualTo("(ENTER_ROOM -> 7006 AV_ERR_AUTH_FIALD)");
    }
  }
}
