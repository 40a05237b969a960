package dev.gmesim.core.fault;

import static dev.gmesim.core.catalog.GmeErrorCode.AV_ERR_AUTH_FIALD;
import static dev.gmesim.core.catalog.Operation.ENTER_ROOM;
import static dev.gmesim.core.catalog.Operation.PTT_UPLOAD;
import static dev.gmesim.core.catalog.Operation.SWITCH_ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FaultRuleTest {

  private static final GmeErrorCode AUTH = GmeErrorCode.byValue(7006).orElseThrow();

  @Nested
  class Building {

    @Test
    void defaultsAllowUnlimitedFiringOnEveryCallWithoutDelay() {
      FaultRule rule = FaultRule.on(ENTER_ROOM).error(AUTH).build();

      assertThat(rule.id()).isNull();
      assertThat(rule.operations()).containsExactly(ENTER_ROOM);
      assertThat(rule.fault()).isEqualTo(new Fault.Error(AUTH));
      assertThat(rule.delay()).isEqualTo(DelayDistribution.none());
      assertThat(rule.budget().times()).isEqualTo(Integer.MAX_VALUE);
      assertThat(rule.budget().after()).isZero();
      assertThat(rule.budget().probability()).isEqualTo(1.0);
      assertThat(rule.budget().seed()).isZero();
      assertThat(rule.budget().ttl()).isNull();
      assertThat(rule.scope().appIds()).isNull();
      assertThat(rule.scope().openId()).isNull();
      assertThat(rule.scope().roomId()).isNull();
      assertThat(rule.scope().tag()).isNull();
      assertThat(rule.scope().userPercent()).isNull();
      assertThat(rule.owner()).isNull();
    }

    @Test
    void errorByNumberFindsTheCatalogCode() {
      assertThat(FaultRule.on(ENTER_ROOM).error(7006).build().fault()).isEqualTo(Fault.error(AV_ERR_AUTH_FIALD));
    }

    @Test
    void theLastEffectChosenWins() {
      FaultRule rule = FaultRule.on(ENTER_ROOM).error(AUTH).noReply().build();

      assertThat(rule.fault()).isEqualTo(Fault.noReply());
    }

    @Test
    void everyEffectSetterProducesItsFault() {
      assertThat(FaultRule.on(ENTER_ROOM).disconnect().build().fault()).isEqualTo(Fault.disconnect());
      assertThat(FaultRule.on(ENTER_ROOM).reset().build().fault()).isEqualTo(Fault.reset());
      assertThat(FaultRule.on(PTT_UPLOAD).http(Fault.HttpFailure.MALFORMED_BODY).build().fault())
          .isEqualTo(new Fault.Http(Fault.HttpFailure.MALFORMED_BODY, 0));
      assertThat(FaultRule.on(PTT_UPLOAD).serverError(503).build().fault()).isEqualTo(Fault.serverError(503));
      assertThat(FaultRule.on(PTT_UPLOAD).fault(Fault.reset()).build().fault()).isEqualTo(Fault.reset());
    }

    @Test
    void aFixedDelayDurationBecomesAFixedDistribution() {
      FaultRule rule = FaultRule.on(ENTER_ROOM).noReply().delay(Duration.ofMillis(150)).build();

      assertThat(rule.delay()).isEqualTo(DelayDistribution.fixed(Duration.ofMillis(150)));
    }

    @Test
    void operationsCanComeFromACollection() {
      FaultRule rule = FaultRule.on(List.of(SWITCH_ROOM, ENTER_ROOM)).error(AUTH).build();

      assertThat(rule.operations()).containsExactly(ENTER_ROOM, SWITCH_ROOM);
    }

    @Test
    void newBuilderCopiesEverySettingSoOneCanBeChanged() {
      FaultRule original = FaultRule.on(ENTER_ROOM, SWITCH_ROOM)
          .error(AUTH).delay(DelayDistribution.uniform(Duration.ofMillis(1), Duration.ofMillis(2)))
          .times(3).after(1).probability(0.5).seed(9).ttl(Duration.ofMinutes(1))
          .appId("1400").openId("a*").roomId("r?").tag("t").owner("o").alias("x").id("id1")
          .build();

      FaultRule copy = original.newBuilder().build();
      FaultRule changed = original.newBuilder().times(4).build();

      assertThat(copy).isEqualTo(original).hasSameHashCodeAs(original);
      assertThat(changed.budget().times()).isEqualTo(4);
      assertThat(changed).isNotEqualTo(original);
      assertThat(changed.newBuilder().times(3).build()).isEqualTo(original);
    }

    @Test
    void appIdIsAScopeOfOneAppId() {
      FaultRule rule = FaultRule.on(ENTER_ROOM).error(AUTH).appId("1400000000").build();

      assertThat(rule.scope().appIds()).containsExactly("1400000000");
      assertThat(rule).isEqualTo(FaultRule.on(ENTER_ROOM).error(AUTH).appIds(List.of("1400000000")).build());
    }

    @Test
    void aBudgetAndAScopeSetEveryOneOfTheirSettingsAtOnce() {
      FaultRule.Budget budget = new FaultRule.Budget(2, 1, 0.5, 7, Duration.ofMinutes(1));
      FaultRule.Scope scope = new FaultRule.Scope(Set.of("b", "a"), "bot-*", "lobby", "t", 20.0);

      FaultRule rule = FaultRule.on(ENTER_ROOM).noReply().budget(budget).scope(scope).build();

      assertThat(rule.budget()).isEqualTo(budget);
      assertThat(rule.scope()).isEqualTo(scope);
      assertThat(rule.scope().appIds()).as("kept sorted").containsExactly("a", "b");
      assertThat(rule).isEqualTo(FaultRule.on(ENTER_ROOM).noReply().times(2).after(1).probability(0.5).seed(7)
          .ttl(Duration.ofMinutes(1)).appIds(List.of("a", "b")).openId("bot-*").roomId("lobby").tag("t")
          .userPercent(20.0).build());
    }

    @Test
    void aScopeFillsInOnlyTheFieldsAnotherLeavesUnset() {
      FaultRule.Scope own = new FaultRule.Scope(null, "eu-*", null, null, null);
      FaultRule.Scope shared = new FaultRule.Scope(Set.of("1400000000"), "us-*", "lobby-*", "t", 20.0);

      assertThat(own.orElse(shared)).isEqualTo(new FaultRule.Scope(Set.of("1400000000"), "eu-*", "lobby-*", "t", 20.0));
      assertThat(FaultRule.Scope.ANY.orElse(shared)).isEqualTo(shared);
    }

    @Test
    void theOperationSetCannotBeModified() {
      Set<Operation> ops = FaultRule.on(ENTER_ROOM).error(AUTH).build().operations();

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> ops.add(PTT_UPLOAD))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class Describing {

    @Test
    void describeNamesTheRuleByAliasThenOperationsAndFault() {
      FaultRule rule = FaultRule.on(ENTER_ROOM).error(AUTH).alias("token expiry").id("r7").build();

      assertThat(rule.describe()).isEqualTo("'token expiry' (ENTER_ROOM -> 7006 AV_ERR_AUTH_FIALD)");
    }

    @Test
    void describeFallsBackToTheIdThenToNoName() {
      assertThat(FaultRule.on(ENTER_ROOM).noReply().id("r7").build().describe())
          .isEqualTo("'r7' (ENTER_ROOM -> no reply)");
      assertThat(FaultRule.on(ENTER_ROOM, SWITCH_ROOM).disconnect().build().describe())
          .isEqualTo("(ENTER_ROOM, SWITCH_ROOM -> disconnect)");
    }

    @Test
    void toStringAddsTheSettingsThatDifferFromTheDefaults() {
      FaultRule rule = FaultRule.on(ENTER_ROOM).error(AUTH).alias("a").roomId("lobby-*")
          .delay(Duration.ofMillis(1500)).times(2).ttl(Duration.ofSeconds(30)).build();

      assertThat(rule).hasToString(
          "FaultRule 'a' (ENTER_ROOM -> 7006 AV_ERR_AUTH_FIALD) roomId=lobby-* delay=fixed 1.5s times=2 ttl=30s");
    }
  }

  @Nested
  class Matching {

    @Test
    void anUnscopedRuleMatchesEveryCallOfItsOperations() {
      FaultRule rule = FaultRule.on(ENTER_ROOM, SWITCH_ROOM).error(AUTH).build();

      assertThat(rule.matches(Call.of(ENTER_ROOM))).isTrue();
      assertThat(rule.matches(Call.of(SWITCH_ROOM))).isTrue();
      assertThat(rule.matches(Call.of(PTT_UPLOAD))).isFalse();
    }

    @Test
    void openIdAndRoomIdAreGlobs() {
      FaultRule rule = FaultRule.on(ENTER_ROOM).error(AUTH).openId("bot-?").roomId("lobby-*").build();

      assertThat(rule.matches(call("1400", "bot-1", "lobby-eu", null))).isTrue();
      assertThat(rule.matches(call("1400", "bot-1", "lobby-", null))).isTrue();
      assertThat(rule.matches(call("1400", "bot-12", "lobby-eu", null))).isFalse();
      assertThat(rule.matches(call("1400", "bot-1", "lobby", null))).isFalse();
      assertThat(rule.matches(call("1400", "bot-1", "xlobby-eu", null))).isFalse();
    }

    @Test
    void globsBacktrackAcrossSeveralStars() {
      FaultRule rule = FaultRule.on(ENTER_ROOM).error(AUTH).roomId("*a*b?c*").build();

      assertThat(rule.matches(call(null, null, "xxaxxbyc", null))).isTrue();
      assertThat(rule.matches(call(null, null, "abxc", null))).isTrue();
      assertThat(rule.matches(call(null, null, "aaabbbc", null))).isTrue();
      assertThat(rule.matches(call(null, null, "abc", null))).isFalse();
      assertThat(rule.matches(call(null, null, "bac", null))).isFalse();
    }

    @Test
    void appIdAndTagMatchExactly() {
      FaultRule rule = FaultRule.on(ENTER_ROOM).error(AUTH).appId("14*").tag("MyTest#join").build();

      assertThat(rule.matches(call("14*", null, null, "MyTest#join"))).isTrue();
      assertThat(rule.matches(call("1400", null, null, "MyTest#join"))).isFalse();
      assertThat(rule.matches(call("14*", null, null, "MyTest#join2"))).isFalse();
    }

    @Test
    void anUnknownCallFieldDoesNotMatchAScopedRule() {
      FaultRule rule = FaultRule.on(ENTER_ROOM).error(AUTH).roomId("*").build();

      assertThat(rule.matches(call("1400", "alice", null, null))).isFalse();
      assertThat(rule.matches(call("1400", "alice", "", null))).isTrue();
    }

    private Call call(String appId, String openId, String roomId, String tag) {
      return new Call(ENTER_ROOM, appId, openId, roomId, tag);
    }
  }

  @Nested
  class Validation {

    @Test
    void aRuleWithoutEffectIsRejectedWithTheSettersToCall() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(ENTER_ROOM).times(2).build())
          .withMessage("FaultRule on ENTER_ROOM: no effect; call error(code), noReply(), disconnect(), "
              + "reset(), http(failure), serverError(status) or fault(f)");
    }

    @Test
    void anUnknownCodeNamesTheNearestKnownOne() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(ENTER_ROOM).error(70060))
          .withMessage("FaultRule on ENTER_ROOM: unknown GME error code 70060; nearest: 7006 AV_ERR_AUTH_FIALD");
    }

    @Test
    void timesBelowOneIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(ENTER_ROOM).error(AUTH).times(0).alias("flaky join").build())
          .withMessage("FaultRule 'flaky join' on ENTER_ROOM: times 0 is less than 1; "
              + "pass 1 or more, or leave it out for no limit");
    }

    @Test
    void negativeAfterIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(ENTER_ROOM).error(AUTH).after(-1).build())
          .withMessage("FaultRule on ENTER_ROOM: after -1 is negative; "
              + "pass 0 or more (the number of matching calls to let pass first)");
    }

    @Test
    void probabilityOutsideZeroToOneIsRejected() {
      for (double p : new double[] {0.0, -0.1, 1.5, Double.NaN}) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> FaultRule.on(ENTER_ROOM).error(AUTH).probability(p).build())
            .withMessage("FaultRule on ENTER_ROOM: probability " + p + " is outside (0, 1]; "
                + "pass a number in (0, 1] such as 0.25, or leave it out to fire on every matching call");
      }
    }

    @Test
    void aTtlThatIsNotPositiveIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(ENTER_ROOM).error(AUTH).ttl(Duration.ZERO).build())
          .withMessage("FaultRule on ENTER_ROOM: ttl 0s is not positive; "
              + "pass a positive duration such as \"PT10M\", or leave it out for no expiry");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(ENTER_ROOM).error(AUTH).ttl(Duration.ofMillis(-5)).build())
          .withMessageStartingWith("FaultRule on ENTER_ROOM: ttl -5ms is not positive; pass a positive duration");
    }

    @Test
    void aTtlBeyondNanosecondRangeIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(ENTER_ROOM).error(AUTH).ttl(Duration.ofDays(365L * 1000)).build())
          .withMessageStartingWith("FaultRule on ENTER_ROOM: ttl 31536000000s is too long (over 292 years); pass a");
    }

    @Test
    void aServerErrorOutside5xxIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(PTT_UPLOAD).serverError(404))
          .withMessage("FaultRule on PTT_UPLOAD: status 404 is outside 500..599; pass a server-error status in 500..599");
    }

    @Test
    void theBudgetNamesEveryBadLimitAtOnceAndTheBuilderTheFirst() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FaultRule.Budget(0, -1, 2.0, 0, Duration.ZERO))
          .isInstanceOfSatisfying(InvalidFaultRuleException.class, e -> assertThat(e.problems())
              .extracting(InvalidFaultRuleException.Problem::field).containsExactly("times", "after", "probability", "ttl"));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(ENTER_ROOM).error(AUTH).times(0).after(-1).build())
          .withMessage("FaultRule on ENTER_ROOM: times 0 is less than 1; pass 1 or more, or leave it out for no limit"
              + " (and 1 more problem)");
    }

    @Test
    void blankScopeFieldsAreRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(ENTER_ROOM).error(AUTH).openId(" ").build())
          .withMessage("FaultRule on ENTER_ROOM: openId \" \" is blank; name a value or a glob such as \"alice-*\", "
              + "or leave it out to match any");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(ENTER_ROOM).error(AUTH).appIds(List.of()).build())
          .withMessage("FaultRule on ENTER_ROOM: appIds is empty; list at least one AppID such as \"1400000000\", "
              + "or leave it out for any");
    }

    @Test
    void blankIdsAndAliasesAreRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(ENTER_ROOM).error(AUTH).id(" ").build())
          .withMessage("FaultRule ' ' on ENTER_ROOM: id ' ' is blank; "
              + "pass a non-blank id, or leave it unset to get r1, r2, ...");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(ENTER_ROOM).error(AUTH).alias("").build())
          .withMessage("FaultRule on ENTER_ROOM: alias '' is blank; "
              + "pass a short description such as 'token expiry', or leave it unset");
    }

    @Test
    void missingOperationsAreRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(List.of()))
          .withMessage("FaultRule.on: no operations; pass at least one, e.g. FaultRule.on(Operation.ENTER_ROOM)");
    }

    @Test
    void nullEffectsAreRejectedWithTheFix() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(ENTER_ROOM).error((GmeErrorCode) null))
          .withMessage("FaultRule on ENTER_ROOM: error code is null; pass a GmeErrorCode such as AV_ERR_AUTH_FIALD");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(ENTER_ROOM).fault(null))
          .withMessage("FaultRule on ENTER_ROOM: fault is null; pass e.g. Fault.error(code) or Fault.noReply()");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FaultRule.on(PTT_UPLOAD).http(null))
          .withMessage("FaultRule on PTT_UPLOAD: http failure is null; pass one of Fault.HttpFailure.values()");
    }
  }
}
