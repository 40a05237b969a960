package dev.gmesim.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.DelayDistribution;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.fault.FaultRule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How annotations become rules: the rendering users read in messages, delays, and what 1005 turns into. */
class InjectedFaultsTest {

  static InjectedFaults.Planned planOf(String method) throws NoSuchMethodException {
    List<InjectedFaults.Planned> planned =
        InjectedFaults.plan(InjectedFaults.onMethod(Annotated.class.getDeclaredMethod(method)));
    assertThat(planned).hasSize(1);
    return planned.get(0);
  }

  @Nested
  class Rules {
    @Test
    void everyAttributeReachesTheRule() throws NoSuchMethodException {
      InjectedFaults.Planned p = planOf("everything");
      FaultRule rule = p.rule();
      assertThat(p.alias()).isEqualTo("@InjectGmeError(1001, operations = {ENABLE_MIC, ENABLE_SPEAKER}, times = 2,"
          + " after = 1, probability = 0.5, seed = 9, delay = \"1.5s\", openId = \"alice-*\", roomId = \"vip-?\")");
      assertThat(rule.alias()).isEqualTo(p.alias());
      assertThat(rule.operations()).containsExactly(Operation.ENABLE_MIC, Operation.ENABLE_SPEAKER);
      assertThat(rule.budget().times()).isEqualTo(2);
      assertThat(rule.budget().after()).isEqualTo(1);
      assertThat(rule.budget().probability()).isEqualTo(0.5);
      assertThat(rule.budget().seed()).isEqualTo(9);
      assertThat(rule.delay()).isEqualTo(DelayDistribution.fixed(Duration.ofMillis(1500)));
      assertThat(rule.scope().openId()).isEqualTo("alice-*");
      assertThat(rule.scope().roomId()).isEqualTo("vip-?");
      assertThat(rule.scope().tag()).as("scoped only when installed for a test").isNull();
    }

    @Test
    void defaultsFailEveryCallOfEveryOperationInTheCatalog() throws NoSuchMethodException {
      FaultRule rule = planOf("defaults").rule();
      assertThat(rule.operations()).containsExactly(Operation.ENTER_ROOM, Operation.SWITCH_ROOM);
      assertThat(rule.budget().times()).isEqualTo(Integer.MAX_VALUE);
      assertThat(rule.fault()).isEqualTo(Fault.error(dev.gmesim.core.catalog.GmeErrorCode.AV_ERR_AUTH_FIALD));
    }

    @Test
    void timeoutBecomesSilence() throws NoSuchMethodException {
      assertThat(planOf("timeout").rule().fault()).isEqualTo(Fault.noReply());
    }
  }

  @ParameterizedTest
  @CsvSource({"250ms, 250", "2s, 2000", "1.5s, 1500", "1m, 60000", "PT0.25S, 250", "0ms, 0"})
  void delaysReadAsWritten(String text, long millis) {
    assertThat(InjectedFaults.parseDelay(text, "@InjectGmeError(7006)", null)).isEqualTo(Duration.ofMillis(millis));
  }

  static class Annotated {
    @InjectGmeError(value = 1001, operations = {Operation.ENABLE_MIC, Operation.ENABLE_SPEAKER}, times = 2, after = 1,
        probability = 0.5, seed = 9, delay = "1.5s", openId = "alice-*", roomId = "vip-?")
    void everything() {}

    @InjectGmeError(7006)
    void defaults() {}

    @InjectGmeError(1005)
    void timeout() {}
  }
}
