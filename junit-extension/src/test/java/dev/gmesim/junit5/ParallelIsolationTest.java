package dev.gmesim.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeEvent;
import dev.gmesim.core.api.JournalEntry;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ten classes, each injecting its own code into one shared simulator, run with JUnit's parallel
 * execution: every test's faults are installed at the same moment (a barrier holds them all), and
 * still each sees only its own, and the tests that inject nothing see none.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ParallelIsolationTest {
  static final int CLASSES = 10;
  static final int TESTS = CLASSES * 2;
  static volatile CyclicBarrier allFaultsInstalled;
  static volatile CyclicBarrier allEntered;
  static final Set<InetSocketAddress> simulators = ConcurrentHashMap.newKeySet();

  @Test
  void parallelTestsOnOneSimulatorNeverSeeEachOthersFaults() {
    runTheTenClassesInParallel(Map.of());
  }

  /**
   * Runs the ten classes at once with these extra configuration parameters (e.g. {@code gmesim.url}
   * for a remote simulator) and checks that all passed on one simulator.
   */
  static void runTheTenClassesInParallel(Map<String, String> extra) {
    allFaultsInstalled = new CyclicBarrier(TESTS);
    allEntered = new CyclicBarrier(TESTS);
    simulators.clear();
    Kit.assertPassed(Kit.runInParallel(TESTS, extra,
        Code7004Cases.class, Code7005Cases.class, Code7006Cases.class, Code7009Cases.class, Code7012Cases.class,
        Code1004Cases.class, Code1501Cases.class, Code10001Cases.class, Code10003Cases.class, Code10004Cases.class),
        TESTS);
    assertThat(simulators).as("simulators the classes ran against").hasSize(1);
  }

  /**
   * Enters a room of the test's own once every test has its faults installed, and checks the
   * result is {@code expected}: the test's own code, or 0 for a test that injects nothing.
   */
  static void enterAndExpect(int expected, GmeContext gme, EventRecorder events, GmeSimulatorHandle sim)
      throws Exception {
    simulators.add(sim.roomAddress());
    assertThat(gme.init(Fixtures.APP, "player-" + sim.tag())).isZero();
    Kit.await(allFaultsInstalled);
    try {
      // Own room per test: faults are isolated by tag, room membership is shared by design.
      GmeEvent entered = Fixtures.enter(gme, events, "room-" + sim.tag());
      assertThat(entered.result()).as("ENTER_ROOM result of %s", sim.tag()).isEqualTo(expected);
      JournalEntry entry = sim.journal().stream().filter(e -> e.operation() == Operation.ENTER_ROOM)
          .findFirst().orElseThrow();
      if (expected == 0) {
        assertThat(entry.source()).isEqualTo(JournalEntry.WORLD);
      } else {
        assertThat(sim.faults()).singleElement().satisfies(s -> assertThat(s.rule().id()).isEqualTo(entry.source()));
      }
    } finally {
      // Keep every fault installed until all tests have entered.
      Kit.await(allEntered);
    }
  }

  // ---- fixtures: ten classes, one code each, plus a test of each that injects nothing ---------

  @GmeSimulatorTest(scope = SimulatorScope.RUN)
  abstract static class ParallelCases {
    @Test
    void injectsNothing(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) throws Exception {
      enterAndExpect(0, gme, events, sim);
    }
  }

  static class Code7004Cases extends ParallelCases {
    @Test
    @InjectGmeError(value = 7004, operations = Operation.ENTER_ROOM)
    void injects(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) throws Exception {
      enterAndExpect(7004, gme, events, sim);
    }
  }

  static class Code7005Cases extends ParallelCases {
    @Test
    @InjectGmeError(value = 7005, operations = Operation.ENTER_ROOM)
    void injects(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) throws Exception {
      enterAndExpect(7005, gme, events, sim);
    }
  }

  static class Code7006Cases extends ParallelCases {
    @Test
    @InjectGmeError(value = 7006, operations = Operation.ENTER_ROOM)
    void injects(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) throws Exception {
      enterAndExpect(7006, gme, events, sim);
    }
  }

  static class Code7009Cases extends ParallelCases {
    @Test
    @InjectGmeError(value = 7009, operations = Operation.ENTER_ROOM)
    void injects(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) throws Exception {
      enterAndExpect(7009, gme, events, sim);
    }
  }

  static class Code7012Cases extends ParallelCases {
    @Test
    @InjectGmeError(value = 7012, operations = Operation.ENTER_ROOM)
    void injects(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) throws Exception {
      enterAndExpect(7012, gme, events, sim);
    }
  }

  static class Code1004Cases extends ParallelCases {
    @Test
    @InjectGmeError(value = 1004, operations = Operation.ENTER_ROOM)
    void injects(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) throws Exception {
      enterAndExpect(1004, gme, events, sim);
    }
  }

  static class Code1501Cases extends ParallelCases {
    @Test
    @InjectGmeError(value = 1501, operations = Operation.ENTER_ROOM)
    void injects(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) throws Exception {
      enterAndExpect(1501, gme, events, sim);
    }
  }

  static class Code10001Cases extends ParallelCases {
    @Test
    @InjectGmeError(value = 10001, operations = Operation.ENTER_ROOM)
    void injects(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) throws Exception {
      enterAndExpect(10001, gme, events, sim);
    }
  }

  static class Code10003Cases extends ParallelCases {
    @Test
    @InjectGmeError(value = 10003, operations = Operation.ENTER_ROOM)
    void injects(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) throws Exception {
      enterAndExpect(10003, gme, events, sim);
    }
  }

  static class Code10004Cases extends ParallelCases {
    @Test
    @InjectGmeError(value = 10004, operations = Operation.ENTER_ROOM)
    void injects(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) throws Exception {
      enterAndExpect(10004, gme, events, sim);
    }
  }
}
