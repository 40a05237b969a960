package dev.gmesim.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture classes through the Jupiter engine, as a user's build would, and reads the outcome. */
final class Kit {
  private Kit() {}

  /** Runs the classes with the coverage and exploration reports off, so fixture runs leave no files behind. */
  static EngineExecutionResults run(Class<?>... classes) {
    return run(Map.of(), classes);
  }

  static EngineExecutionResults run(Map<String, String> parameters, Class<?>... classes) {
    Map<String, String> all = new HashMap<>();
    all.put(Coverage.ENABLED_PROPERTY, "false");
    all.put(ExplorationReport.ENABLED_PROPERTY, "false");
    all.putAll(parameters);
    ClassSelector[] selectors = new ClassSelector[classes.length];
    for (int i = 0; i < classes.length; i++) {
      selectors[i] = selectClass(classes[i]);
    }
    return EngineTestKit.engine("junit-jupiter").configurationParameters(all).selectors(selectors).execute();
  }

  /**
   * Runs the classes with JUnit's parallel execution, every class and test concurrent on
   * {@code parallelism} threads, plus these extra configuration parameters.
   */
  static EngineExecutionResults runInParallel(int parallelism, Map<String, String> extra, Class<?>... classes) {
    Map<String, String> parallel = new HashMap<>(extra);
    parallel.putAll(Map.of(
        "junit.jupiter.execution.parallel.enabled", "true",
        "junit.jupiter.execution.parallel.mode.default", "concurrent",
        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
        "junit.jupiter.execution.parallel.config.strategy", "fixed",
        "junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(parallelism)));
    return run(parallel, classes);
  }

  /** Waits at a barrier of tests run in parallel; a test left alone there fails saying the run did not overlap. */
  static void await(CyclicBarrier barrier) throws InterruptedException {
    try {
      barrier.await(60, TimeUnit.SECONDS);
    } catch (BrokenBarrierException | TimeoutException e) {
      throw new AssertionError("only " + barrier.getNumberWaiting() + " of " + barrier.getParties()
          + " tests ran at once; the parallel run did not overlap them", e);
    }
  }

  /** Asserts that exactly {@code tests} tests ran and all passed; a failure shows each failing test and why. */
  static void assertPassed(EngineExecutionResults results, long tests) {
    List<String> failures = results.allEvents().failed().stream().map(Kit::describe).toList();
    assertThat(failures).as("failed tests and containers").isEmpty();
    assertThat(results.testEvents().succeeded().count()).as("tests that passed").isEqualTo(tests);
  }

  /** Returns the failure of the one test or container named {@code name}: a test method or a fixture class. */
  static Throwable failureOf(EngineExecutionResults results, String name) {
    List<Throwable> found = results.allEvents().failed().stream()
        .filter(e -> named(e, name))
        .map(e -> throwable(e).orElseThrow())
        .toList();
    assertThat(found).as("failures of '%s' among %s", name,
        results.allEvents().failed().stream().map(Kit::describe).toList()).hasSize(1);
    return found.get(0);
  }

  /** A method's display name is {@code name()}; a static nested class's is {@code Outer$Name}. */
  private static boolean named(Event e, String name) {
    String shown = e.getTestDescriptor().getDisplayName();
    return shown.equals(name) || shown.startsWith(name + "(") || shown.endsWith("$" + name);
  }

  private static Optional<Throwable> throwable(Event e) {
    return e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable);
  }

  private static String describe(Event e) {
    return e.getTestDescriptor().getDisplayName() + ": " + throwable(e).map(Throwable::toString).orElse("(no cause)");
  }
}
