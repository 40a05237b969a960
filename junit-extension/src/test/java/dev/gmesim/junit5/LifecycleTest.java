package dev.gmesim.junit5;

import static dev.gmesim.junit5.Fixtures.join;
import static dev.gmesim.junit5.GmeAssertions.assertEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.server.GmeSimulator;
import dev.gmesim.core.time.TimeMode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Where the extension keeps its state and when it lets go of it: {@code @Nested} classes, base
 * classes, parameterized and repeated tests, and failures of the test or of another extension.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LifecycleTest {
  static GmeSimulator shared;
  /** What fixtures saw, for the test to check after the run. */
  static final List<Object> seen = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    shared = GmeSimulator.builder().start();
  }

  @AfterAll
  static void stop() {
    shared.close();
  }

  @BeforeEach
  void clean() {
    seen.clear();
    shared.reset();
  }

  @Nested
  class Cleanup {
    @Test
    void rulesAreRemovedAfterEachTest() {
      Kit.assertPassed(Kit.run(RulesRemovedCases.class), 1);
      assertThat(seen).singleElement().isInstanceOf(RuleStatus.class);
      assertThat(shared.faults()).isEmpty();
    }

    @Test
    void rulesAreRemovedWhenTheTestFails() {
      assertThat(Kit.failureOf(Kit.run(FailingTestCases.class), "fails")).hasMessage("the test failed");
      assertThat(seen).hasSize(1);
      assertThat(shared.faults()).isEmpty();
    }

    @Test
    void rulesAreRemovedWhenAnotherExtensionFailsAfterOursRan() {
      assertThat(Kit.failureOf(Kit.run(OtherExtensionFailsCases.class), "neverRuns"))
          .hasMessage("another extension failed");
      // The failing extension ran after ours, and saw our rule installed.
      assertThat(seen).singleElement().asString().contains("@InjectGmeError(7006)");
      assertThat(shared.faults()).isEmpty();
    }

    @Test
    void theTestsContextsAreClosedAfterIt() {
      Kit.assertPassed(Kit.run(ContextsClosedCases.class), 1);
      assertThat(seen).hasSize(2).allSatisfy(c -> assertThat(((GmeContext) c).isConnected()).isFalse());
    }

    @Test
    void aClassSimulatorIsClosedAfterTheClass() throws IOException {
      Kit.assertPassed(Kit.run(ClassScopeCases.class), 1);
      InetSocketAddress room = (InetSocketAddress) seen.get(0);
      try (Socket probe = new Socket()) {
        assertThat(connects(probe, room)).as("room port %s still accepts connections", room).isFalse();
      }
    }
  }

  @Nested
  class Sharing {
    @Test
    void nestedClassesShareTheEnclosingClassesSimulatorAndItsClassFaults() {
      Kit.assertPassed(Kit.run(OuterCases.class), 3);
      assertThat(seen).hasSize(3);
      assertThat(Set.copyOf(seen)).hasSize(1);
    }

    @Test
    void classScopeGivesEachClassItsOwnSimulator() {
      Kit.assertPassed(Kit.run(ClassScopeCases.class, OtherClassScopeCases.class), 2);
      assertThat(Set.copyOf(seen)).hasSize(2);
    }

    @Test
    void runScopeSharesOneSimulatorAcrossClasses() {
      Kit.assertPassed(Kit.run(RunScopeCases.class, OtherRunScopeCases.class), 2);
      assertThat(seen).hasSize(2);
      assertThat(Set.copyOf(seen)).hasSize(1);
    }

    @Test
    void siblingNestedClassesMayEachRegisterTheirOwn() {
      Kit.assertPassed(Kit.run(SiblingsCases.class), 2);
      assertThat(seen).containsExactlyInAnyOrder(1.0, 1000.0);
    }

    @Test
    void aNestedClassMayNotRegisterASecondOneUnderItsEnclosingClasses() {
      assertThat(Kit.failureOf(Kit.run(NestedTwiceCases.class), "neverRuns"))
          .hasMessageContaining("registers the GME simulator extension twice");
    }

    @Test
    void anAbstractBaseClassCarriesTheSettingsToItsSubclasses() {
      Kit.assertPassed(Kit.run(SubclassCases.class), 2);
    }
  }

  @Nested
  class Invocations {
    @Test
    void eachRepetitionGetsAFreshContextAndItsOwnBudget() {
      Kit.assertPassed(Kit.run(RepeatedCases.class), 3);
      assertThat(Set.copyOf(seen)).as("tags").hasSize(3);
    }

    @Test
    void eachParameterizedInvocationGetsAFreshContextAndItsOwnBudget() {
      Kit.assertPassed(Kit.run(ParameterizedCases.class), 3);
      assertThat(Set.copyOf(seen)).as("tags").hasSize(3);
    }
  }

  @Nested
  class Parameters {
    @Test
    void lifecycleMethodsAndTheTestShareOneContextAndRecorder() {
      Kit.assertPassed(Kit.run(SharedParameterCases.class), 1);
    }

    @Test
    void theHandleScopesItsFaultsAndJournalToTheTest() {
      Kit.assertPassed(Kit.run(HandleCases.class), 1);
      assertThat(shared.faults()).isEmpty();
    }
  }

  private static boolean connects(Socket probe, InetSocketAddress address) {
    try {
      probe.connect(address, 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  // ---- fixtures -----------------------------------------------------------------------------

  static class SharedSimulatorCases {
    @RegisterExtension
    static GmeSimulatorExtension gme = GmeSimulatorExtension.builder().simulator(shared).build();
  }

  static class RulesRemovedCases extends SharedSimulatorCases {
    @Test
    @InjectGmeError(7006)
    void injects(GmeSimulatorHandle sim) {
      seen.addAll(sim.faults());
      assertThat(shared.faults()).hasSize(1);
    }
  }

  static class FailingTestCases extends SharedSimulatorCases {
    @Test
    @InjectGmeError(7006)
    void fails() {
      seen.addAll(shared.faults());
      throw new AssertionError("the test failed");
    }
  }

  /** Registered after the simulator extension (a subclass's field comes after its base's), so its beforeEach runs second. */
  static final class FailingExtension implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
      seen.addAll(shared.faults());
      throw new IllegalStateException("another extension failed");
    }
  }

  static class OtherExtensionFailsCases extends SharedSimulatorCases {
    @RegisterExtension
    static FailingExtension failing = new FailingExtension();

    @Test
    @InjectGmeError(7006)
    void neverRuns() {
      throw new AssertionError("the test must not run after a failed beforeEach");
    }
  }

  static class ContextsClosedCases extends SharedSimulatorCases {
    @Test
    void opensTwo(GmeContext gme, GmeSimulatorHandle sim) {
      seen.add(gme);
      seen.add(sim.newContext(new EventRecorder()));
      assertThat(seen).allSatisfy(c -> assertThat(((GmeContext) c).isConnected()).isTrue());
    }
  }

  @GmeSimulatorTest
  static class ClassScopeCases {
    @Test
    void recordsItsSimulator(GmeEndpoints endpoints) {
      seen.add(endpoints.room());
    }
  }

  @GmeSimulatorTest
  static class OtherClassScopeCases {
    @Test
    void recordsItsSimulator(GmeEndpoints endpoints) {
      seen.add(endpoints.room());
    }
  }

  @GmeSimulatorTest(scope = SimulatorScope.RUN)
  static class RunScopeCases {
    @Test
    void recordsItsSimulator(GmeEndpoints endpoints) {
      seen.add(endpoints.room());
    }
  }

  @GmeSimulatorTest(scope = SimulatorScope.RUN)
  static class OtherRunScopeCases {
    @Test
    void recordsItsSimulator(GmeEndpoints endpoints) {
      seen.add(endpoints.room());
    }
  }

  @GmeSimulatorTest
  @InjectGmeError(value = 1001, operations = Operation.ENABLE_MIC)
  static class OuterCases {
    @Test
    void outer(GmeContext gme, EventRecorder events, GmeEndpoints endpoints) {
      seen.add(endpoints.room());
      assertEvent(join(gme, events, "10001", "lobby")).succeeded();
      assertThat(gme.enableMic(true)).isEqualTo(1001);
    }

    @Nested
    @InjectGmeError(value = 1001, operations = Operation.ENABLE_SPEAKER)
    class Inner {
      @Test
      void seesBothClassFaults(GmeContext gme, EventRecorder events, GmeEndpoints endpoints) {
        seen.add(endpoints.room());
        assertEvent(join(gme, events, "10002", "lobby")).succeeded();
        assertThat(gme.enableMic(true)).isEqualTo(1001);
        assertThat(gme.enableSpeaker(true)).isEqualTo(1001);
      }

      @Nested
      class Innermost {
        @Test
        @InjectGmeError(7006)
        void seesItsOwnToo(GmeContext gme, EventRecorder events, GmeEndpoints endpoints, GmeSimulatorHandle sim) {
          seen.add(endpoints.room());
          assertEvent(join(gme, events, "10003", "lobby")).hasResult(7006);
          assertThat(sim.faults()).hasSize(3);
        }
      }
    }
  }

  static class SiblingsCases {
    @Nested
    @GmeSimulatorTest
    class ByAnnotation {
      @Test
      void recordsItsClock(GmeSimulatorHandle sim) {
        seen.add(sim.timeScale().factor());
      }
    }

    @Nested
    class ByField {
      @RegisterExtension
      final GmeSimulatorExtension gme = GmeSimulatorExtension.builder().timeScale(1000).build();

      @Test
      void recordsItsClock(GmeSimulatorHandle sim) {
        seen.add(sim.timeScale().factor());
      }
    }
  }

  @GmeSimulatorTest
  static class NestedTwiceCases {
    @Nested
    class Inner {
      @RegisterExtension
      final GmeSimulatorExtension gme = GmeSimulatorExtension.builder().build();

      @Test
      void neverRuns() {}
    }
  }

  @GmeSimulatorTest(timeScale = 1000, clock = "manual")
  abstract static class AbstractVoiceCases {
    @Test
    void runsOnTheBaseClassesClock(GmeSimulatorHandle sim, GmeContext gme) {
      assertThat(sim.timeScale().factor()).isEqualTo(1000);
      assertThat(gme.clock().mode()).isEqualTo(TimeMode.manual());
    }
  }

  static class SubclassCases extends AbstractVoiceCases {
    @Test
    @InjectGmeError(7006)
    void addsItsOwnTests(GmeContext gme, EventRecorder events) {
      assertEvent(join(gme, events, "10001", "lobby")).hasResult(7006);
    }
  }

  static class RepeatedCases extends SharedSimulatorCases {
    @RepeatedTest(3)
    @InjectGmeError(value = 7006, times = 1)
    void eachRepetitionIsRefusedOnce(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) {
      seen.add(sim.tag());
      assertEvent(join(gme, events, "10001", "lobby")).hasResult(7006);
      assertEvent(Fixtures.enter(gme, events, "lobby")).succeeded();
    }
  }

  static class ParameterizedCases extends SharedSimulatorCases {
    @ParameterizedTest
    @ValueSource(strings = {"red", "green", "blue"})
    @InjectGmeError(value = 7006, times = 1)
    void eachRoomIsRefusedOnce(String room, GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) {
      seen.add(sim.tag());
      assertEvent(join(gme, events, "10001", room)).hasResult(7006);
      assertEvent(Fixtures.enter(gme, events, room)).succeeded();
    }
  }

  static class SharedParameterCases extends SharedSimulatorCases {
    GmeContext before;
    EventRecorder beforeEvents;

    @BeforeEach
    void connect(GmeContext gme, EventRecorder events) {
      before = gme;
      beforeEvents = events;
    }

    @Test
    void getsTheSameOnes(GmeContext gme, EventRecorder events) {
      assertThat(gme).isSameAs(before);
      assertThat(events).isSameAs(beforeEvents);
      assertThat(gme.isConnected()).isTrue();
      // The recorder is the context's delegate: it hears the context's events.
      assertEvent(join(gme, events, "10001", "lobby")).succeeded();
    }
  }

  static class HandleCases extends SharedSimulatorCases {
    @Test
    void scopesToTheTest(GmeSimulatorHandle sim, GmeContext gme, EventRecorder events) {
      FaultRule added = sim.addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_CHARGE_OVERDUE)
          .build());
      assertThat(added.scope().tag()).isEqualTo(sim.tag());
      assertThat(added.owner()).isEqualTo(sim.tag());

      // A context that is not the test's (no tag) is not touched by the test's faults.
      EventRecorder strangerEvents = new EventRecorder();
      try (GmeContext stranger = GmeContext.builder().room(sim.roomAddress()).delegate(strangerEvents).build()) {
        assertEvent(join(stranger, strangerEvents, "stranger", "lobby")).succeeded();
      }
      assertEvent(join(gme, events, "10001", "lobby")).hasResult(GmeErrorCode.AV_ERR_CHARGE_OVERDUE);

      assertThat(sim.journal()).extracting(JournalEntry::operation)
          .containsExactly(Operation.INIT, Operation.ENTER_ROOM);
      assertThat(sim.journal()).allSatisfy(e -> assertThat(e.tag()).isEqualTo(sim.tag()));
      assertThat(sim.faults()).singleElement().satisfies(s -> assertThat(s.fired()).isEqualTo(1));
      assertThat(sim.removeFault(added.id())).isTrue();
      assertThat(sim.faults()).isEmpty();
      assertThat(sim.endpoints().http()).isEqualTo(shared.httpBaseUri());
      assertThat(sim.rooms()).isEqualTo(shared.rooms());
    }
  }

}
