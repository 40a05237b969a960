package dev.gmesim.junit5;

import static dev.gmesim.junit5.Fixtures.join;
import static dev.gmesim.junit5.GmeAssertions.assertEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.remote.GmeSimulatorClient;
import dev.gmesim.core.api.JournalQuery;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.time.TimeMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Remote mode against the shaded jar started as a separate process with an admin token: the same
 * fixture classes as in embedded mode, pointed at it by {@code gmesim.url} and {@code gmesim.token},
 * reach the same outcomes, and parallel tests on it still see only their own faults.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteModeIT {
  static final String TOKEN = "remote-it-token-8d41c07a2b9e4f63";
  static final Pattern READY = Pattern.compile("GME simulator ready: room=(\\S+):(\\d+) http=(http://\\S+) .*");

  Process jar;
  URI http;
  InetSocketAddress room;
  GmeSimulatorClient client;
  Map<String, String> remote;

  @BeforeAll
  void startTheJar() throws Exception {
    String path = System.getProperty("gmesim.jar", "../simulator-core/target/gme-simulator.jar");
    assertThat(Path.of(path)).as("the shaded jar; run `./mvnw verify`, which packages simulator-core first").exists();
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", path, "--http-port", "0", "--room-port", "0");
    pb.environment().keySet().removeIf(k -> k.startsWith("GMESIM_"));
    // The token travels in the environment, never on the command line.
    pb.environment().put("GMESIM_ADMIN_TOKEN", TOKEN);
    pb.redirectErrorStream(true);
    jar = pb.start();
    Matcher ready = awaitReady(jar.getInputStream());
    room = new InetSocketAddress(ready.group(1), Integer.parseInt(ready.group(2)));
    http = URI.create(ready.group(3));
    client = GmeSimulatorClient.connect(http, TOKEN);
    remote = Map.of("gmesim.url", http.toString(), "gmesim.token", TOKEN);
  }

  @AfterAll
  void stopTheJar() throws InterruptedException {
    if (jar != null) {
      jar.destroy();
      if (!jar.waitFor(10, TimeUnit.SECONDS)) {
        jar.destroyForcibly();
      }
    }
  }

  @BeforeEach
  void freshSimulator() {
    client.reset();
  }

  @Nested
  class SameOutcomesAsEmbedded {
    @Test
    void injectedCodesFailEnterAndSwitchRoomAsEmbedded() {
      Kit.assertPassed(Kit.run(remote, InjectGmeErrorTest.DefaultOperationsCases.class), 2);
    }

    @Test
    void aTestWithoutFaultsSeesOnlyTheWorldInItsJournal() {
      Kit.assertPassed(Kit.run(remote, InjectGmeErrorTest.UntouchedCases.class), 1);
    }

    @Test
    void silenceTimesOutOnTheRemoteSimulatorsClock() {
      Kit.assertPassed(Kit.run(remote, InjectGmeErrorTest.TimeoutCases.class), 1);
    }

    /** The jar's default clock is scaled(1), real time; the extension's contexts ask for virtual, or manual. */
    @Test
    void virtualAndManualClocksWorkOnARealTimeJarAsEmbedded() {
      Kit.assertPassed(Kit.run(remote, InjectGmeErrorTest.ManualTimeoutCases.class,
          ClockCases.VirtualVoiceCases.class), 3);
    }

    @Test
    void budgetsDelaysAndMatchersWorkAsEmbedded() {
      Kit.assertPassed(Kit.run(remote, InjectGmeErrorTest.TimesCases.class, InjectGmeErrorTest.AfterCases.class,
          InjectGmeErrorTest.ProbabilityCases.class, InjectGmeErrorTest.DelayCases.class,
          InjectGmeErrorTest.OpenIdCases.class, InjectGmeErrorTest.RoomIdCases.class), 6);
    }

    @Test
    void classNestedAndInheritedAnnotationsWorkAsEmbedded() {
      Kit.assertPassed(Kit.run(remote, InjectGmeErrorTest.RepeatedCases.class,
          InjectGmeErrorTest.ClassLevelCases.class, InjectGmeErrorTest.MetaAnnotationCases.class,
          InjectGmeErrorTest.InheritingCases.class), 7);
    }

    @Test
    void theHandleAddsFaultsReadsTheJournalAndTheTestsRulesAreRemovedAfterIt() {
      Kit.assertPassed(Kit.run(remote, HandleCases.class), 1);
      assertThat(HandleCases.seen).isNotNull();
      assertThat(HandleCases.seen.room()).isEqualTo(room);
      // Removal by owner, over the control API: nothing of the test's is left on the simulator.
      assertThat(client.faults()).isEmpty();
      assertThat(client.journal(JournalQuery.builder().source(HandleCases.ruleId).build()))
          .singleElement().satisfies(e -> assertThat(e.result()).isEqualTo(7007));
    }
  }

  @Nested
  class Exploration {
    @Test
    void anExplorationFindsTheSameOneFailingCellOverTheControlApi() {
      EngineExecutionResults results = Kit.run(remote, ExploreGmeErrorsTest.MishandlesOneCallCases.class);
      assertThat(ExploreGmeErrorsTest.failed(results)).containsExactly("ENTER_ROOM#2 -> 7006 AV_ERR_AUTH_FIALD");
      assertThat(results.testEvents().started().count())
          .isEqualTo(1 + 2 * ExploreGmeErrorsTest.codesOn(Operation.ENTER_ROOM).size());
      assertThat(client.faults()).as("rules left on the simulator after the run").isEmpty();
    }

    @Test
    void parallelRunsOnTheRemoteSimulatorSeeOnlyTheirOwnFailure() {
      Map<String, String> parallel = new HashMap<>(remote);
      parallel.putAll(Map.of("junit.jupiter.execution.parallel.enabled", "true",
          "junit.jupiter.execution.parallel.mode.default", "concurrent",
          "junit.jupiter.execution.parallel.config.strategy", "fixed",
          "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"));
      Kit.assertPassed(Kit.run(parallel, ExploreGmeErrorsTest.IsolationCases.class),
          1 + ExploreGmeErrorsTest.codesOn(Operation.INIT).size()
              + ExploreGmeErrorsTest.codesOn(Operation.ENTER_ROOM).size());
    }
  }

  @Nested
  class Isolation {
    @Test
    void parallelTestsOnTheRemoteSimulatorNeverSeeEachOthersFaults() {
      ParallelIsolationTest.runTheTenClassesInParallel(remote);
      assertThat(ParallelIsolationTest.simulators).containsExactly(room);
      assertThat(client.faults()).as("rules left on the simulator after the run").isEmpty();
    }

    @Test
    void aServerErrorOfOneBackendTestNeverReachesAConcurrentOneOnTheRemoteSimulator() {
      ServerFaultIsolationTest.runInParallel(remote, ServerFaultIsolationTest.ThrottledCases.class,
          ServerFaultIsolationTest.ServedCases.class);
      assertThat(ServerFaultIsolationTest.simulators).containsExactly(room);
      assertThat(client.faults()).as("rules left on the simulator after the run").isEmpty();
    }
  }

  @Nested
  class Misuse {
    @Test
    void aWrongTokenSaysWhichSettingToFix() {
      Throwable failure = Kit.failureOf(Kit.run(Map.of("gmesim.url", http.toString(), "gmesim.token",
          "not-the-token-0000000000000000"), InjectGmeErrorTest.UntouchedCases.class), "UntouchedCases");
      assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("gmesim.url / GMESIM_URL is set to " + http + " (token set), but")
          .hasMessageContaining("401")
          .hasMessageContaining("set gmesim.token / GMESIM_TOKEN to the simulator's admin token");
      assertThat(failure.getMessage()).doesNotContain("not-the-token");
    }
  }

  // ---- fixtures --------------------------------------------------------------------------------

  @GmeSimulatorTest
  static class HandleCases {
    static volatile GmeEndpoints seen;
    static volatile String ruleId;

    @Test
    void scopesToTheTest(GmeSimulatorHandle sim, GmeContext gme, EventRecorder events) {
      seen = sim.endpoints();
      assertThat(sim.toString()).contains("remote simulator at ");
      FaultRule added = sim.addFault(FaultRule.on(Operation.ENTER_ROOM)
          .error(GmeErrorCode.AV_ERR_IN_OTHER_ROOM).build());
      ruleId = added.id();
      assertThat(added.owner()).isEqualTo(sim.tag());

      // A context that is not the test's (no tag) is not touched by the test's fault.
      EventRecorder strangerEvents = new EventRecorder();
      try (GmeContext stranger = GmeContext.builder().room(sim.roomAddress()).clock(TimeMode.virtual())
          .delegate(strangerEvents).build()) {
        assertEvent(join(stranger, strangerEvents, "stranger", "remote-lobby")).succeeded();
      }
      assertEvent(join(gme, events, "10001", "remote-lobby")).hasResult(7007);

      assertThat(sim.faults()).singleElement().satisfies(s -> assertThat(s.fired()).isEqualTo(1));
      assertThat(sim.journal()).extracting(JournalEntry::operation)
          .containsExactly(Operation.INIT, Operation.ENTER_ROOM);
      assertThat(sim.journal()).filteredOn(e -> e.operation() == Operation.ENTER_ROOM).singleElement()
          .satisfies(e -> {
            assertThat(e.source()).isEqualTo(added.id());
            assertThat(e.tag()).isEqualTo(sim.tag());
            assertThat(e.roomId()).isEqualTo("remote-lobby");
          });
    }
  }

  /** Reads the jar's output until its ready line; a thread keeps draining it so the process never blocks. */
  private static Matcher awaitReady(InputStream output) throws InterruptedException {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    StringBuffer all = new StringBuffer();
    Thread pump = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          all.append(line).append('\n');
          lines.add(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "remote-it-jar-output");
    pump.setDaemon(true);
    pump.start();
    while (true) {
      String line = lines.poll(90, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("the jar printed no ready line within 90 s; output: " + all);
      }
      Matcher m = READY.matcher(line);
      if (m.matches()) {
        return m;
      }
    }
  }
}
