package dev.gmesim.junit5;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeDelegate;
import dev.gmesim.core.time.TimeScale;
import java.util.List;

/** The {@link GmeSimulatorHandle} a test receives: the shared simulator seen through the test's tag. */
final class TestHandle implements GmeSimulatorHandle {
  private final TestScope scope;

  TestHandle(TestScope scope) {
    this.scope = scope;
  }

  @Override
  public String tag() {
    return scope.tag();
  }

  @Override
  public FaultRule addFault(FaultRule rule) {
    return scope.addFault(rule);
  }

  @Override
  public boolean removeFault(String id) {
    return scope.backend().control().removeFault(id);
  }

  @Override
  public List<RuleStatus> faults() {
    return scope.faults();
  }

  @Override
  public List<JournalEntry> journal() {
    return scope.backend().journal(scope.tag());
  }

  @Override
  public List<RoomSnapshot> rooms() {
    return scope.backend().control().rooms();
  }

  @Override
  public GmeEndpoints endpoints() {
    return scope.backend().endpoints();
  }

  @Override
  public TimeScale timeScale() {
    return scope.backend().control().timeScale();
  }

  @Override
  public GmeContext newContext(GmeDelegate delegate) {
    return scope.newContext(delegate);
  }

  @Override
  public String toString() {
    return "GmeSimulatorHandle[tag=" + scope.tag() + ", " + scope.backend().describe() + "]";
  }
}
