package dev.gmesim.junit6check;

import static dev.gmesim.junit5.GmeAssertions.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.server.GmeSimulator;
import dev.gmesim.junit5.ExploreGmeErrors;
import dev.gmesim.junit5.GmeSimulatorExtension;
import dev.gmesim.junit5.GmeSimulatorHandle;
import dev.gmesim.junit5.GmeSimulatorTest;
import dev.gmesim.junit5.InjectGmeError;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The extension, built against JUnit Jupiter 5, used from a build on JUnit 6. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunsOnJUnit6Test {

  @Test
  void thisBuildRunsOnJUnit6() throws NoSuchMethodException {
    assertThat(Test.class.getPackage().getImplementationVersion()).startsWith("6.");
    // Store.computeIfAbsent exists from JUnit 6 on.
    assertThat(ExtensionContext.Store.class.getMethod("computeIfAbsent", Class.class)).isNotNull();
  }

  @Nested
  @GmeSimulatorTest
  class Annotations {
    @Test
    @InjectGmeError(7006)
    void injectsTheCode(GmeContext gme, EventRecorder events) {
      gme.init("1400000000", "10001");
      gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(7006);
    }

    @Test
    @InjectGmeError(1005)
    void timesOutOnTheScaledClock(GmeContext gme, EventRecorder events) {
      gme.init("1400000000", "10002");
      gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(1005).hasElapsedMillis(30_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"red", "blue"})
    @InjectGmeError(value = 7006, times = 1)
    void eachInvocationGetsItsOwnFault(String room, GmeContext gme, EventRecorder events) {
      gme.init("1400000000", "10003");
      gme.enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(7006);
      gme.enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      awaitEvent(events, GmeEventType.ENTER_ROOM).succeeded();
    }
  }

  /** JUnit 6 hands the exploration's template its runs one at a time, after the clean one: the same runs as on 5. */
  @Nested
  @GmeSimulatorTest
  class Exploration {
    static final List<String> runs = new CopyOnWriteArrayList<>();

    @AfterAll
    static void ranTheCleanRunThenOnePerCode() {
      assertThat(runs).containsExactly("clean run", "ENTER_ROOM#1 -> 1001 AV_ERR_REPEATED_OPERATION",
          "ENTER_ROOM#1 -> 7006 AV_ERR_AUTH_FIALD");
    }

    @ExploreGmeErrors(codes = {7006, 1001})
    void entersOnceWhateverGmeSays(GmeContext gme, EventRecorder events, TestInfo info) {
      runs.add(info.getDisplayName());
      gme.init("1400000000", "10004");
      gme.enterRoom("lobby-explored", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      int result = awaitEvent(events, GmeEventType.ENTER_ROOM).event().result();
      assertThat(result).isEqualTo(info.getDisplayName().contains("->")
          ? Integer.parseInt(info.getDisplayName().split(" ")[2]) : 0);
    }
  }

  /** JUnit 6 closes what the extension keeps in its stores: the first test's fault is gone for the second. */
  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class Cleanup {
    static final GmeSimulator simulator = GmeSimulator.builder().timeScale(100).start();

    @RegisterExtension
    static GmeSimulatorExtension gme = GmeSimulatorExtension.builder().simulator(simulator).build();

    @AfterAll
    static void stop() {
      simulator.close();
    }

    @Test
    @Order(1)
    @InjectGmeError(7006)
    void first(GmeSimulatorHandle sim) {
      assertThat(simulator.faults()).hasSize(1);
      assertThat(sim.faults()).hasSize(1);
    }

    @Test
    @Order(2)
    void second() {
      assertThat(simulator.faults()).isEmpty();
    }
  }
}
