package dev.gmesim.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeEvent;
import dev.gmesim.junit5.GmeSimulatorTest;
import dev.gmesim.junit5.InjectGmeError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Wall time of one {@code @InjectGmeError(1005)} test, as a user's suite pays it: the test method
 * alone (the class's simulator is already up), timed from the launcher's start event to its finish
 * event. Two classes run alternately in one JVM: the default virtual clock, and the anchor, a
 * {@code scaled(100)} clock (the project's setting before session clocks). Prints a table.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.gmesim.benchmarks.TimeoutTestWallTime [ROUNDS]
 * </pre>
 */
@Command(name = "TimeoutTestWallTime",
    description = "Wall time of one @InjectGmeError(1005) test on the virtual clock and on a scaled(100) clock.")
public final class TimeoutTestWallTime implements Callable<Integer> {

  // Each round runs each class once, that is its @RepeatedTest(10) methods: ten timings per clock.
  @Parameters(index = "0", arity = "0..1", paramLabel = "ROUNDS", defaultValue = "10",
      converter = Cli.PositiveInt.class, description = "Alternations of the two classes (default ${DEFAULT-VALUE}).")
  int rounds;

  TimeoutTestWallTime() {}

  /** The test under measurement, on the extension's default (virtual) clock. */
  @GmeSimulatorTest
  public static class Virtual {
    /** Enters a room that stays silent; the SDK's own 30 s timer reports 1005. */
    @RepeatedTest(10)
    @InjectGmeError(value = 1005)
    public void enterRoomTimesOut(GmeContext gme, EventRecorder events) {
      check(gme, events);
    }
  }

  /** The anchor: the same test on a scaled(100) clock, 300 ms of wall time for GME's 30 s. */
  @GmeSimulatorTest(clock = "scaled(100)")
  public static class Scaled100 {
    /** Enters a room that stays silent; the SDK's own 30 s timer reports 1005. */
    @RepeatedTest(10)
    @InjectGmeError(value = 1005)
    public void enterRoomTimesOut(GmeContext gme, EventRecorder events) {
      check(gme, events);
    }
  }

  static void check(GmeContext gme, EventRecorder events) {
    gme.init("1400000000", "10001");
    gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    GmeEvent e = events.await(GmeEventType.ENTER_ROOM, Duration.ofSeconds(30));
    if (e.result() != GmeErrorCode.AV_ERR_TIMEOUT.value() || e.elapsedMillis() != 30_000) {
      throw new AssertionError("expected 1005 after 30000 ms, got " + e);
    }
  }

  /** Runs ROUNDS alternations of both classes (10 tests each) and prints medians and p90s; bad arguments exit 2. */
  public static void main(String[] args) {
    Cli.run(new TimeoutTestWallTime(), args);
  }

  @Override
  public Integer call() {
    Launcher launcher = LauncherFactory.create();
    List<Long> virtual = new ArrayList<>();
    List<Long> scaled = new ArrayList<>();
    int failures = 0;
    for (int r = 0; r < rounds; r++) {
      failures += run(launcher, Virtual.class, virtual);
      failures += run(launcher, Scaled100.class, scaled);
    }
    System.out.printf("%-28s %6s %10s %10s %10s%n", "one @InjectGmeError(1005) test", "runs", "median ms", "p90 ms",
        "max ms");
    row("virtual clock (default)", virtual);
    row("scaled(100) clock (anchor)", scaled);
    System.out.println("failed tests: " + failures);
    if (failures > 0) {
      throw new AssertionError(failures + " measured tests failed; the timings above are not valid");
    }
    return 0;
  }

  private static int run(Launcher launcher, Class<?> type, List<Long> into) {
    Map<String, Long> started = new ConcurrentHashMap<>();
    int[] failed = new int[1];
    TestExecutionListener timer = new TestExecutionListener() {
      @Override
      public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
          started.put(id.getUniqueId(), System.nanoTime());
        }
      }

      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
          into.add((System.nanoTime() - started.get(id.getUniqueId())) / 1000);
          if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            failed[0]++;
            result.getThrowable().ifPresent(t -> System.err.println(id.getDisplayName() + " failed: " + t));
          }
        }
      }
    };
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(type)).build(), timer);
    return failed[0];
  }

  private static void row(String name, List<Long> micros) {
    List<Long> s = new ArrayList<>(micros);
    Collections.sort(s);
    System.out.printf("%-28s %6d %10.1f %10.1f %10.1f%n", name, s.size(), s.get(s.size() / 2) / 1000.0,
        s.get((int) Math.min(s.size() - 1, Math.round(s.size() * 0.9))) / 1000.0, s.get(s.size() - 1) / 1000.0);
  }
}
