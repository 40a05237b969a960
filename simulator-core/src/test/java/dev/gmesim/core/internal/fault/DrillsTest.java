package dev.gmesim.core.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gmesim.core.api.DrillStatus;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Call;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.fault.FaultProfile;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.fault.InvalidFaultRuleException;
import dev.gmesim.core.fault.Schedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Chaos drills on a plan with a hand-moved clock: seeds, TTL, kill switch, user-percent scope, schedules, guard rails. */
class DrillsTest {
  static final String APP = "1400000000";
  final AtomicLong clock = new AtomicLong(1_000_000_000L);
  final FaultPlan plan = new FaultPlan(clock::get);

  static FaultProfile yaml(String text) {
    return FaultProfile.parse(text, FaultProfile.Format.YAML);
  }

  static Call enter(String openId) {
    return new Call(Operation.ENTER_ROOM, APP, openId, "lobby", null);
  }

  void advance(Duration d) {
    clock.addAndGet(d.toNanos());
  }

  /** Decides one ENTER_ROOM per user bot-0..bot-(n-1) and returns the users that were faulted. */
  List<String> faulted(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (plan.decide(enter("bot-" + i)).isFault()) {
        out.add("bot-" + i);
      }
    }
    return out;
  }

  static String brownout(long seed) {
    return "name: brownout\nttl: PT10M\nrules:\n  - operations: [ENTER_ROOM]\n    error: 7006\n"
        + "    probability: 0.2\n    seed: " + seed + "\n";
  }

  @Nested
  class Seeds {
    @Test
    void theSameSeedFaultsTheSameCallsAndAnotherSeedOthers() {
      plan.drills().start(yaml(brownout(42)));
      List<String> first = faulted(2000);
      plan.drills().stopAll();
      plan.drills().start(yaml(brownout(42)));
      List<String> again = faulted(2000);
      plan.drills().stopAll();
      plan.drills().start(yaml(brownout(7)));
      List<String> other = faulted(2000);

      assertThat(first).hasSizeBetween(300, 500);
      assertThat(again).isEqualTo(first);
      assertThat(other).isNotEqualTo(first).hasSizeBetween(300, 500);
    }
  }

  @Nested
  class Ending {
    @Test
    void theTtlEndsTheDrillAtItsMomentAndTheStatusCountsDown() {
      DrillStatus started = plan.drills().start(yaml("name: d\nttl: PT10S\nrules:\n  - operations: [ENTER_ROOM]\n    error: 7006\n"));
      assertThat(started.remaining()).contains(Duration.ofSeconds(10));
      advance(Duration.ofSeconds(4));
      assertThat(plan.drills().active()).singleElement()
          .satisfies(s -> assertThat(s.remaining()).contains(Duration.ofSeconds(6)));
      advance(Duration.ofSeconds(6).minusNanos(1));
      assertThat(plan.decide(enter("a")).isFault()).as("1 ns before the TTL").isTrue();
      advance(Duration.ofNanos(1));
      assertThat(plan.decide(enter("a")).isFault()).as("at the TTL").isFalse();
      assertThat(plan.drills().active()).isEmpty();
      assertThat(plan.drills().status("d")).get().satisfies(s -> {
        assertThat(s.state()).isEqualTo(DrillStatus.State.EXPIRED);
        assertThat(s.faults()).isEqualTo(1);
      });
      assertThat(plan.rules()).as("the drill's rules are gone").isEmpty();
    }

    @Test
    void onTheRealClockNoFaultFiresAtOrAfterTheTtlAndEveryCallBeforeItIsFaulted() {
      FaultPlan real = new FaultPlan();
      long ttl = Duration.ofMillis(200).toNanos();
      long startLow = System.nanoTime();
      real.drills().start(yaml("name: d\nttl: PT0.2S\nrules:\n  - operations: [ENTER_ROOM]\n    error: 7006\n"));
      long startHigh = System.nanoTime();
      int before = 0;
      int after = 0;
      while (after < 1000) {
        long t0 = System.nanoTime();
        boolean fault = real.decide(enter("a")).isFault();
        long t1 = System.nanoTime();
        // The drill's own start lies between startLow and startHigh, so its TTL moment does too (plus ttl).
        if (t1 - (startLow + ttl) < 0) {
          assertThat(fault).as("a call wholly before the TTL").isTrue();
          before++;
        } else if (t0 - (startHigh + ttl) >= 0) {
          assertThat(fault).as("a call wholly after the TTL").isFalse();
          after++;
        }
      }
      assertThat(before).isPositive();
    }

    @Test
    void theKillSwitchEndsEveryDrillBeforeItReturns() {
      plan.add(FaultRule.on(Operation.EXIT_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD).build());
      plan.drills().start(yaml(brownout(1).replace("probability: 0.2", "probability: 1")));
      plan.drills().start(yaml(brownout(1).replace("brownout", "other")));
      assertThat(plan.decide(enter("a")).isFault()).isTrue();

      List<DrillStatus> stopped = plan.drills().stopAll();

      assertThat(stopped).extracting(DrillStatus::name).containsExactly("brownout", "other");
      assertThat(stopped).allSatisfy(s -> assertThat(s.state()).isEqualTo(DrillStatus.State.STOPPED));
      assertThat(faulted(1000)).isEmpty();
      assertThat(plan.rules()).as("rules outside drills stay").singleElement()
          .satisfies(s -> assertThat(s.rule().operations()).containsExactly(Operation.EXIT_ROOM));
    }

    @Test
    void aRuleFromAKilledDrillNeverFiresEvenIfADecisionAlreadyHoldsIt() {
      plan.drills().start(yaml(brownout(1).replace("probability: 0.2", "probability: 1")));
      DrillRun run = plan.drills().runOf("brownout");
      plan.drills().stop("brownout");
      assertThat(run.live(clock.get())).isFalse();
    }

    @Test
    void aNewDrillOfTheSameNameReplacesTheOldInOneStep() {
      plan.drills().start(yaml(brownout(1)));
      plan.drills().start(yaml(brownout(1).replace("error: 7006", "error: 7004")));
      assertThat(plan.drills().active()).singleElement().satisfies(s ->
          assertThat(s.rules()).singleElement().satisfies(r ->
              assertThat(r.rule().fault()).isEqualTo(Fault.error(GmeErrorCode.byValue(7004).orElseThrow()))));
    }

    @Test
    void aResetEndsTheDrills() {
      plan.drills().start(yaml(brownout(1)));
      plan.clear();
      assertThat(plan.drills().active()).isEmpty();
      assertThat(plan.drills().status("brownout")).get().extracting(DrillStatus::state)
          .isEqualTo(DrillStatus.State.RESET);
    }
  }

  @Nested
  class UserPercent {
    @Test
    void overTenThousandUsersTheShareIsWithinTwoPointsAndTheSameUsersAreChosen() {
      for (double percent : new double[] {5, 20, 50}) {
        FaultRule rule = FaultRule.on(Operation.ENTER_ROOM).noReply().userPercent(percent).build();
        List<String> chosen = new ArrayList<>();
        List<String> again = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
          String user = "user-" + i;
          if (rule.scope().selectsUser(user)) {
            chosen.add(user);
          }
          if (FaultRule.on(Operation.ENTER_ROOM).noReply().userPercent(percent).build().scope().selectsUser(user)) {
            again.add(user);
          }
        }
        assertThat(chosen.size() / 100.0).as("share for %s%%", percent).isCloseTo(percent, within(2.0));
        assertThat(again).isEqualTo(chosen);
      }
    }

    @Test
    void aSmallerPercentageChoosesASubsetOfALargerOne() {
      FaultRule ten = FaultRule.on(Operation.ENTER_ROOM).noReply().userPercent(10.0).build();
      FaultRule twenty = FaultRule.on(Operation.ENTER_ROOM).noReply().userPercent(20.0).build();
      for (int i = 0; i < 10_000; i++) {
        if (ten.scope().selectsUser("u" + i)) {
          assertThat(twenty.scope().selectsUser("u" + i)).isTrue();
        }
      }
    }

    @Test
    void theDrillFaultsOnlyTheChosenUsersEveryTime() {
      plan.drills().start(yaml("name: d\nscope: {userPercent: 20}\nrules:\n  - operations: [ENTER_ROOM]\n    error: 7006\n"));
      List<String> first = faulted(10_000);
      List<String> second = faulted(10_000);
      assertThat(first.size() / 100.0).isCloseTo(20.0, within(2.0));
      assertThat(second).isEqualTo(first);
    }

    @Test
    void aCallWithoutAnOpenIdIsNotChosen() {
      FaultRule rule = FaultRule.on(Operation.ENTER_ROOM).noReply().userPercent(100.0).build();
      assertThat(rule.matches(Call.of(Operation.ENTER_ROOM))).isFalse();
      assertThat(rule.matches(enter("x"))).isTrue();
    }
  }

  @Nested
  class Schedules {
    @Test
    void repeatingWindowsOpenAndCloseOnTheClock() {
      plan.drills().start(yaml("name: w\nrules:\n  - operations: [ENTER_ROOM]\n    error: 7006\n"
          + "    schedule: {startAfter: PT1M, duration: PT2M, every: PT5M}\n"));
      List<Boolean> seen = new ArrayList<>();
      for (int minute = 0; minute < 12; minute++) {
        seen.add(plan.decide(enter("a")).isFault());
        advance(Duration.ofMinutes(1));
      }
      // windows [1, 3), [6, 8), [11, 13)
      assertThat(seen).containsExactly(false, true, true, false, false, false, true, true, false, false, false, true);
    }

    @Test
    void aScheduleWithOverlappingWindowsIsRefused() {
      assertThatThrownBy(() -> new Schedule(Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(2)))
          .hasMessageContaining("every 120s is shorter than duration 300s");
    }
  }

  @Nested
  class GuardRails {
    @Test
    void maxFaultsPerSecondCapsEachSecond() {
      plan.drills().start(yaml("name: g\nguardRail: {maxFaultsPerSecond: 10}\nrules:\n"
          + "  - operations: [ENTER_ROOM]\n    error: 7006\n"));
      assertThat(faulted(500)).hasSize(10);
      advance(Duration.ofSeconds(1));
      assertThat(faulted(500)).hasSize(10);
      DrillStatus s = plan.drills().status("g").orElseThrow();
      assertThat(s.faults()).isEqualTo(20);
      assertThat(s.guardRailed()).isEqualTo(980);
      assertThat(s.calls()).isEqualTo(1000);
    }

    @Test
    void maxFaultShareKeepsTheFaultedShareUnderTheLimit() {
      plan.drills().start(yaml("name: g\nguardRail: {maxFaultShare: 0.3}\nrules:\n"
          + "  - operations: [ENTER_ROOM]\n    error: 7006\n"));
      int faults = 0;
      for (int s = 0; s < 5; s++) {
        faults += faulted(1000).size();
        advance(Duration.ofSeconds(1));
      }
      assertThat(faults / 5000.0).isCloseTo(0.3, within(0.01));
    }
  }

  @Nested
  class Summary {
    @Test
    void countsCallsInScopeFaultsByCodeAndDelayPercentiles() {
      plan.drills().start(yaml("name: s\nrules:\n"
          + "  - operations: [ENTER_ROOM]\n    error: 7006\n    times: 3\n    delay: {fixed: PT0.1S}\n    roomId: lobby\n"
          + "  - operations: [ENTER_ROOM]\n    effect: noReply\n    roomId: lobby\n"));
      plan.decide(new Call(Operation.ENTER_ROOM, APP, "x", "elsewhere", null));
      faulted(10);
      DrillStatus s = plan.drills().status("s").orElseThrow();
      assertThat(s.calls()).as("the call to another room is out of scope").isEqualTo(10);
      assertThat(s.faults()).isEqualTo(10);
      assertThat(s.faultsByCode()).containsEntry("7006", 3L).containsEntry("noReply", 7L);
      assertThat(s.delayP99().toMillis()).isBetween(95L, 100L);
      assertThat(s.delayP50()).isZero();
    }
  }

  @Nested
  class Profiles {
    @Test
    void aBadProfileListsEveryProblemWithLineAndFieldAndTheRunningDrillStays() {
      plan.drills().start(yaml(brownout(1)));
      String bad = "name: broken\n"            // line 1
          + "ttl: ten minutes\n"               // line 2
          + "guardRail: {maxFaultShare: 3}\n"  // line 3
          + "rules:\n"                         // line 4
          + "  - operations: [ENTER_ROOM]\n"   // line 5
          + "    error: 70060\n"               // line 6
          + "    userPercent: 120\n"           // line 7
          + "  - operations: [ENTER_ROM]\n"    // line 8
          + "    effect: noReply\n";
      assertThatThrownBy(() -> plan.drills().start(yaml(bad)))
          .isInstanceOfSatisfying(InvalidFaultRuleException.class, e -> assertThat(e.problems())
              .extracting(p -> p.field() + " " + p.message().replaceAll(";.*", ""))
              .containsExactly(
                  "ttl line 2: 'ten minutes' is not a duration",
                  "guardRail.maxFaultShare line 3: 3 is outside (0, 1]",
                  "rules[0].error line 6: unknown GME error code 70060",
                  "rules[0].userPercent line 7: 120 is outside (0, 100]",
                  "rules[1].operations[0] line 8: unknown operation 'ENTER_ROM'"));
      assertThat(plan.drills().active()).singleElement().extracting(DrillStatus::name).isEqualTo("brownout");
      assertThat(plan.rules()).hasSize(1);
    }

    @Test
    void jsonProblemsCarryLinesToo() {
      String bad = "{\n  \"name\": \"j\",\n  \"rules\": [\n    {\"operations\": [\"ENTER_ROOM\"],\n"
          + "     \"probability\": 2, \"error\": 7006}\n  ]\n}\n";
      assertThatThrownBy(() -> FaultProfile.parse(bad, FaultProfile.Format.JSON))
          .hasMessageStartingWith("rules[0].probability: line 5: 2 is outside (0, 1]");
    }

    @Test
    void aBareRulesDocumentIsStillAProfile() {
      FaultProfile p = FaultProfile.parse("{\"rules\": [{\"error\": 7006}]}", FaultProfile.Format.JSON);
      assertThat(p.name()).isEqualTo(FaultProfile.DEFAULT_NAME);
      assertThat(p.ttl()).isEmpty();
      assertThat(p.guardRail().isNone()).isTrue();
    }

    @Test
    void theProfileScopeAppliesToEveryRuleThatSetsNoneOfItsOwn() {
      FaultProfile p = yaml("name: s\nscope: {appIds: [\"1400000000\"], openId: \"eu-*\", userPercent: 20}\nrules:\n"
          + "  - operations: [ENTER_ROOM]\n    error: 7006\n"
          + "  - operations: [EXIT_ROOM]\n    error: 7006\n    openId: \"us-*\"\n");
      assertThat(p.rules().get(0).scope().openId()).isEqualTo("eu-*");
      assertThat(p.rules().get(0).scope().appIds()).containsExactly(APP);
      assertThat(p.rules().get(0).scope().userPercent()).isEqualTo(20.0);
      assertThat(p.rules().get(1).scope().openId()).isEqualTo("us-*");
    }

    @Test
    void theNewRuleFieldsSurviveAJsonRoundTrip() {
      FaultRule rule = FaultRule.on(Operation.ENTER_ROOM).noReply().appIds(List.of("a", "b")).userPercent(12.5)
          .schedule(new Schedule(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5))).build();
      assertThat(FaultRuleJson.parse(FaultRuleJson.write(rule))).isEqualTo(rule);
    }

    @Test
    void bothSampleProfilesLoad() {
      Path dir = Path.of("..", "examples", "drills");
      FaultProfile brownout = FaultProfile.load(dir.resolve("enter-room-brownout.yaml"));
      FaultProfile outage = FaultProfile.load(dir.resolve("voice-message-outage.yaml"));
      assertThat(brownout.name()).isEqualTo("enter-room-brownout");
      assertThat(brownout.ttl()).contains(Duration.ofMinutes(10));
      assertThat(outage.rules()).extracting(r -> r.operations().iterator().next())
          .containsExactly(Operation.PTT_UPLOAD, Operation.PTT_DOWNLOAD);
      assertThat(plan.drills().start(brownout).running()).isTrue();
      assertThat(plan.drills().start(outage).running()).isTrue();
    }
  }
}
