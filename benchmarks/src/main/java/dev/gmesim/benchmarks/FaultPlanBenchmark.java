package dev.gmesim.benchmarks;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Call;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.internal.fault.Decision;
import dev.gmesim.core.internal.fault.FaultPlan;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of {@link FaultPlan#decide(Call)} for a call that no rule faults, which is what almost every
 * call in a drill sees. Run with {@code java -jar benchmarks/target/benchmarks.jar FaultPlan}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FaultPlanBenchmark {

  private static final GmeErrorCode CODE = GmeErrorCode.AV_ERR_AUTH_FIALD;
  private static final Call JOIN = new Call(Operation.ENTER_ROOM, "1400000000", "alice", "lobby-eu", "SomeTest#join");

  /** A plan whose rules all target operations other than the one being decided. */
  @State(Scope.Benchmark)
  public static class OtherOperations {

    /** How many rules the plan holds. */
    @Param({"1", "100", "10000"})
    public int rules;

    FaultPlan plan;

    /** Spreads the rules over every operation except ENTER_ROOM. */
    @Setup(Level.Trial)
    public void setUp() {
      // SDK operations only: a GME code cannot answer a SERVER_* operation, so such a rule does not build.
      List<Operation> others = Arrays.stream(Operation.values())
          .filter(op -> op != Operation.ENTER_ROOM && op.channel() != Operation.Channel.SERVER_API).toList();
      plan = new FaultPlan();
      FaultRule[] batch = new FaultRule[rules];
      for (int i = 0; i < rules; i++) {
        batch[i] = FaultRule.on(others.get(i % others.size())).error(CODE).roomId("room-" + i + "-*").build();
      }
      plan.addAll(List.of(batch));
    }
  }

  /** A plan with 100 rules on the decided operation whose scopes all miss the call. */
  @State(Scope.Benchmark)
  public static class SameOperation {

    FaultPlan plan;

    /** Mixes the four kinds of scope so each comparison path is exercised. */
    @Setup(Level.Trial)
    public void setUp() {
      plan = new FaultPlan();
      FaultRule[] batch = new FaultRule[100];
      for (int i = 0; i < batch.length; i++) {
        FaultRule.Builder rule = FaultRule.on(Operation.ENTER_ROOM).error(CODE);
        switch (i % 4) {
          case 0 -> rule.tag("OtherTest#" + i);
          case 1 -> rule.appId("14000" + i);
          // Leading '*' makes the glob scan the whole room id before it can fail.
          case 2 -> rule.roomId("*-" + i);
          default -> rule.openId("bot-?" + i + "*");
        }
        batch[i] = rule.build();
      }
      plan.addAll(List.of(batch));
    }
  }

  /** Decides a call whose operation has no rules while other operations hold {@code rules} rules. */
  @Benchmark
  public Decision rulesOnOtherOperations(OtherOperations state) {
    return state.plan.decide(JOIN);
  }

  /** Decides a call against 100 rules of its own operation, none of whose scopes match. */
  @Benchmark
  public Decision hundredNonMatchingRulesOnSameOperation(SameOperation state) {
    return state.plan.decide(JOIN);
  }
}
