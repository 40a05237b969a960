package dev.gmesim.core.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.fault.FaultPlan;
import dev.gmesim.core.internal.server.Journal;
import dev.gmesim.core.internal.world.GmeWorld;
import org.junit.jupiter.api.Test;

class SimulatorMetricsTest {
  final SimulatorMetrics metrics = new SimulatorMetrics();
  final Journal journal = new Journal(100, metrics);

  SimulatorMetricsTest() {
    metrics.watch(new GmeWorld(), new FaultPlan(), journal);
  }

  @Test
  void callsCountedBeforeTheFirstScrapeAppearInIt() {
    journal.record(Operation.INIT, "app", "u1", null, null, "world", "reply", 0);
    journal.record(Operation.INIT, "app", "u2", null, null, "world", "reply", 0);
    journal.record(Operation.ENTER_ROOM, "app", "u1", "lobby", null, "r1", "no reply", -1);

    assertThat(metrics.scrape())
        .contains("gmesim_calls_total{operation=\"INIT\",result=\"0\",source=\"world\"} 2.0")
        .contains("gmesim_calls_total{operation=\"ENTER_ROOM\",result=\"-1\",source=\"fault\"} 1.0")
        .contains("gmesim_faults_injected_total{code=\"none\",effect=\"noReply\",operation=\"ENTER_ROOM\"} 1.0")
        .contains("gmesim_journal_entries 3.0");
  }

  @Test
  void callsCountedAfterTheFirstScrapeKeepCountingAndNewLabelsAppear() {
    journal.record(Operation.INIT, "app", "u1", null, null, "world", "reply", 0);
    metrics.scrape();
    journal.record(Operation.INIT, "app", "u2", null, null, "world", "reply", 0);
    journal.record(Operation.EXIT_ROOM, "app", "u1", "lobby", null, "r2", "disconnect (http 503 on room channel)", -1);

    assertThat(metrics.scrape())
        .contains("gmesim_calls_total{operation=\"INIT\",result=\"0\",source=\"world\"} 2.0")
        .contains("gmesim_faults_injected_total{code=\"none\",effect=\"disconnect\",operation=\"EXIT_ROOM\"} 1.0");
  }

  @Test
  void journalEffectsReadLikeTheRuleJsonEffects() {
    assertThat(SimulatorMetrics.effect("reply")).isEqualTo("error");
    assertThat(SimulatorMetrics.effect("no reply")).isEqualTo("noReply");
    assertThat(SimulatorMetrics.effect("reset")).isEqualTo("reset");
    assertThat(SimulatorMetrics.effect("connection reset")).isEqualTo("connectionReset");
    assertThat(SimulatorMetrics.effect("server error")).isEqualTo("serverError");
    assertThat(SimulatorMetrics.effect("http connection reset")).isEqualTo("connectionReset");
    assertThat(SimulatorMetrics.effect("http connectionReset")).isEqualTo("connectionReset");
    assertThat(SimulatorMetrics.effect("http 503")).isEqualTo("serverError");
    assertThat(SimulatorMetrics.effect(null)).isEqualTo("unknown");
  }
}
