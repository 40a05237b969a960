package dev.gmesim.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Wall time of the examples' {@code @ExploreGmeErrors} lobby join ({@code TeamVoiceChatExplorationTest}:
 * a clean run, then Init x 5 codes, ApplyPTTAuthbuffer x 1, EnterRoom x 25), as a user's suite pays
 * it, run through the JUnit Platform launcher several times in one JVM. Per round it sums the runs
 * of each kind, each timed from the launcher's start event to its finish event, and the whole
 * template from its start to its finish; it prints the first round (a cold JVM) apart from the
 * median and p90 of the others.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.gmesim.benchmarks.ExplorationWallTime [ROUNDS]
 * </pre>
 */
@Command(name = "ExplorationWallTime",
    description = "Wall time of the examples' @ExploreGmeErrors lobby join, several rounds in one JVM.")
public final class ExplorationWallTime implements Callable<Integer> {
  static final String EXPLORED = "dev.gmesim.examples.voice.TeamVoiceChatExplorationTest";

  @Parameters(index = "0", arity = "0..1", paramLabel = "ROUNDS", defaultValue = "10",
      converter = Cli.PositiveInt.class, description = "Explorations to run, 2 or more: the first is a cold JVM"
      + " (default ${DEFAULT-VALUE}).")
  int rounds;

  @Spec
  CommandSpec spec;

  ExplorationWallTime() {}

  /** Runs ROUNDS explorations and prints the table; bad arguments exit 2, a failed run exits 1. */
  public static void main(String[] args) {
    Cli.run(new ExplorationWallTime(), args);
  }

  @Override
  public Integer call() {
    if (rounds < 2) {
      throw new ParameterException(spec.commandLine(),
          "ROUNDS " + rounds + ": give 2 or more (the first is a cold JVM)");
    }
    Launcher launcher = LauncherFactory.create();
    List<Round> measured = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      measured.add(run(launcher));
    }
    Round first = measured.get(0);
    List<Round> warm = measured.subList(1, measured.size());
    System.out.printf("%-44s %6s %12s %10s %10s %10s%n", "TeamVoiceChatExplorationTest", "runs", "first ms",
        "median ms", "p90 ms", "max ms");
    row("ENTER_ROOM runs (" + first.enterRoomRuns() + " codes), in all", first.enterRoomRuns(), first.enterRoomMs(),
        warm.stream().map(Round::enterRoomMs).toList());
    row("all runs with a failure, in all", first.failureRuns(), first.failureRunsMs(),
        warm.stream().map(Round::failureRunsMs).toList());
    row("the template, clean run included", first.failureRuns() + 1, first.templateMs(),
        warm.stream().map(Round::templateMs).toList());
    int failures = measured.stream().mapToInt(Round::failures).sum();
    System.out.println("rounds: " + rounds + ", failed runs: " + failures);
    if (failures > 0) {
      throw new AssertionError(failures + " runs failed; the timings above are not valid");
    }
    return 0;
  }

  /**
   * One exploration's timings, in milliseconds.
   *
   * @param enterRoomRuns how many runs failed an ENTER_ROOM call
   * @param enterRoomMs their wall time, summed
   * @param failureRuns how many runs injected a failure
   * @param failureRunsMs their wall time, summed
   * @param templateMs the template from start to finish
   * @param failures runs that did not pass
   */
  record Round(int enterRoomRuns, double enterRoomMs, int failureRuns, double failureRunsMs, double templateMs,
      int failures) {}

  private static Round run(Launcher launcher) {
    Map<String, Long> started = new ConcurrentHashMap<>();
    double[] ms = new double[3];
    int[] counts = new int[3];
    TestExecutionListener timer = new TestExecutionListener() {
      @Override
      public void executionStarted(TestIdentifier id) {
        started.put(id.getUniqueId(), System.nanoTime());
      }

      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        double took = (System.nanoTime() - started.get(id.getUniqueId())) / 1e6;
        String name = id.getDisplayName();
        if (id.isTest()) {
          if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            counts[2]++;
            result.getThrowable().ifPresent(t -> System.err.println(name + " failed: " + t));
          }
          if (name.contains(" -> ")) {
            ms[1] += took;
            counts[1]++;
          }
          if (name.startsWith("ENTER_ROOM#")) {
            ms[0] += took;
            counts[0]++;
          }
        } else if (UniqueId.parse(id.getUniqueId()).getLastSegment().getType().equals("test-template")) {
          ms[2] = took;
        }
      }
    };
    // The reports are written when the run ends, outside the timings; the driver leaves no files behind.
    launcher.execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(EXPLORED))
        .configurationParameter("gmesim.coverage", "false")
        .configurationParameter("gmesim.exploration.report", "false")
        .build(), timer);
    return new Round(counts[0], ms[0], counts[1], ms[1], ms[2], counts[2]);
  }

  private static void row(String name, int runs, double first, List<Double> warm) {
    List<Double> s = new ArrayList<>(warm);
    Collections.sort(s);
    System.out.printf("%-44s %6d %12.1f %10.1f %10.1f %10.1f%n", name, runs, first, s.get(s.size() / 2),
        s.get((int) Math.min(s.size() - 1, Math.round(s.size() * 0.9))), s.get(s.size() - 1));
  }
}
