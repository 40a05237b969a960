package dev.gmesim.junit5;

import static dev.gmesim.junit5.Fixtures.enter;
import static dev.gmesim.junit5.Fixtures.join;
import static dev.gmesim.junit5.GmeAssertions.assertEvent;
import static dev.gmesim.junit5.GmeAssertions.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.time.TimeMode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each attribute of {@link InjectGmeError}, shown by a fixture class run through the Jupiter engine. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InjectGmeErrorTest {

  @Nested
  class Code {
    @Test
    void theNamedCodeFailsEveryOperationWhereGmeRaisesIt() {
      Kit.assertPassed(Kit.run(DefaultOperationsCases.class), 2);
    }

    @Test
    void aTestWithoutTheAnnotationIsUntouched() {
      Kit.assertPassed(Kit.run(UntouchedCases.class), 1);
    }

    @Test
    void timeoutIsInjectedAsSilenceSoTheSdksOwnTimerReports30Seconds() {
      Kit.assertPassed(Kit.run(TimeoutCases.class), 1);
    }

    @Test
    void onAManualClockAnExitDuringTheSilentEntryEndsItWith7013AtTenSeconds() {
      Kit.assertPassed(Kit.run(ManualTimeoutCases.class), 1);
    }

    @Test
    void voiceMessageLengthsAndDelaysRunOnTheVirtualClock() {
      Kit.assertPassed(Kit.run(ClockCases.VirtualVoiceCases.class), 2);
    }

    @Test
    void everyOperationWhereGmeRaises1005HasAnSdkTimerToFire() {
      // The extension injects 1005 as silence; that is only faithful while every such operation reports through an event.
      assertThat(GmeErrorCode.AV_ERR_TIMEOUT.operations()).allSatisfy(op -> assertThat(op.event()).isPresent());
    }
  }

  @Nested
  class Budget {
    @Test
    void operationsNarrowTheFaultToTheNamedCalls() {
      Kit.assertPassed(Kit.run(OperationsCases.class), 1);
    }

    @Test
    void timesLimitsHowManyCallsFail() {
      Kit.assertPassed(Kit.run(TimesCases.class), 1);
    }

    @Test
    void afterLetsTheFirstCallsPass() {
      Kit.assertPassed(Kit.run(AfterCases.class), 1);
    }

    @Test
    void probabilityFailsSomeCallsReproduciblyFromTheSeed() {
      Kit.assertPassed(Kit.run(ProbabilityCases.class), 1);
    }

    @Test
    void delayHoldsTheAnswerForTheSimulatedTime() {
      Kit.assertPassed(Kit.run(DelayCases.class), 1);
    }
  }

  @Nested
  class Scope {
    @Test
    void openIdLimitsTheFaultToMatchingUsers() {
      Kit.assertPassed(Kit.run(OpenIdCases.class), 1);
    }

    @Test
    void roomIdLimitsTheFaultToMatchingRooms() {
      Kit.assertPassed(Kit.run(RoomIdCases.class), 1);
    }
  }

  @Nested
  class Placement {
    @Test
    void repeatedAnnotationsAllApply() {
      Kit.assertPassed(Kit.run(RepeatedCases.class), 1);
    }

    @Test
    void aClassAnnotationAppliesToEachTest() {
      Kit.assertPassed(Kit.run(ClassLevelCases.class), 2);
    }

    @Test
    void aTeamsOwnMetaAnnotationWorksLikeTheOriginal() {
      Kit.assertPassed(Kit.run(MetaAnnotationCases.class), 2);
    }

    @Test
    void aSubclassInheritsTheBaseClassesAnnotations() {
      Kit.assertPassed(Kit.run(InheritingCases.class), 2);
    }
  }

  // ---- fixtures: run only through Kit (static nested classes are not picked up by Surefire) ---

  @GmeSimulatorTest
  static class DefaultOperationsCases {
    @Test
    @InjectGmeError(7006)
    void enterRoomFails(GmeContext gme, EventRecorder events) {
      assertEvent(join(gme, events, "10001", "lobby"))
          .hasResult(GmeErrorCode.AV_ERR_AUTH_FIALD)
          .hasErrorInfoContaining("AV_ERR_AUTH_FIALD");
      assertThat(gme.isRoomEntered()).isFalse();
    }

    @Test
    @InjectGmeError(value = 7006, operations = Operation.SWITCH_ROOM)
    void switchRoomFailsToo(GmeContext gme, EventRecorder events) {
      assertEvent(join(gme, events, "10001", "lobby")).succeeded();
      gme.switchRoom("arena", new byte[0]);
      awaitEvent(events, GmeEventType.SWITCH_ROOM).hasResult(7006);
    }
  }

  @GmeSimulatorTest
  static class UntouchedCases {
    @Test
    void entersTheRoom(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) {
      assertEvent(join(gme, events, "10001", "lobby")).succeeded();
      assertThat(sim.faults()).isEmpty();
      assertThat(sim.journal()).extracting(JournalEntry::source).containsOnly(JournalEntry.WORLD);
    }
  }

  @GmeSimulatorTest
  static class TimeoutCases {
    @Test
    @InjectGmeError(1005)
    void enterRoomTimesOutAfterThirtySimulatedSeconds(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) {
      assertThat(gme.clock().mode()).isEqualTo(TimeMode.virtual());
      gme.init(Fixtures.APP, "10001");
      gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      // The virtual clock skips the 30 simulated seconds: far inside this wait, which a real-time 30 s would exceed.
      awaitEvent(events, GmeEventType.ENTER_ROOM, Duration.ofSeconds(5))
          .hasResult(GmeErrorCode.AV_ERR_TIMEOUT)
          .hasElapsedMillis(30_000);
      assertThat(gme.clock().now()).isEqualTo(Duration.ofSeconds(30));
      assertThat(sim.journal()).filteredOn(e -> e.operation() == Operation.ENTER_ROOM)
          .singleElement().satisfies(e -> assertThat(e.effect()).isEqualTo("no reply"));
    }
  }

  @GmeSimulatorTest
  static class OperationsCases {
    @Test
    @InjectGmeError(value = 1001, operations = Operation.ENABLE_MIC)
    void onlyEnableMicFails(GmeContext gme, EventRecorder events) {
      assertEvent(join(gme, events, "10001", "lobby")).succeeded();
      assertThat(gme.enableSpeaker(true)).isZero();
      assertThat(gme.enableMic(true)).isEqualTo(1001);
    }
  }

  @GmeSimulatorTest
  static class TimesCases {
    @Test
    @InjectGmeError(value = 7006, times = 1)
    void onlyTheFirstEntryFails(GmeContext gme, EventRecorder events) {
      assertEvent(join(gme, events, "10001", "lobby")).hasResult(7006);
      assertEvent(enter(gme, events, "lobby")).succeeded();
    }
  }

  @GmeSimulatorTest
  static class AfterCases {
    @Test
    @InjectGmeError(value = 1001, operations = Operation.ENABLE_MIC, after = 2)
    void theThirdCallFails(GmeContext gme, EventRecorder events) {
      assertEvent(join(gme, events, "10001", "lobby")).succeeded();
      assertThat(gme.enableMic(true)).isZero();
      assertThat(gme.enableMic(false)).isZero();
      assertThat(gme.enableMic(true)).isEqualTo(1001);
      assertThat(gme.enableMic(true)).isEqualTo(1001);
    }
  }

  @GmeSimulatorTest
  static class ProbabilityCases {
    @Test
    @InjectGmeError(value = 1001, operations = Operation.ENABLE_MIC, probability = 0.5, seed = 42)
    void aboutHalfTheCallsFail(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) {
      assertEvent(join(gme, events, "10001", "lobby")).succeeded();
      int[] results = IntStream.range(0, 40).map(i -> gme.enableMic(i % 2 == 0)).toArray();
      assertThat(results).containsOnly(0, 1001).contains(0, 1001);
      assertThat(sim.faults()).singleElement().satisfies(s -> {
        assertThat(s.matched()).isEqualTo(40);
        assertThat(s.fired()).isEqualTo(IntStream.of(results).filter(r -> r == 1001).count()).isBetween(5L, 35L);
      });
    }
  }

  @GmeSimulatorTest
  static class DelayCases {
    @Test
    @InjectGmeError(value = 7006, delay = "10s")
    void theEntryFailsOnlyAfterTheDelay(GmeContext gme, EventRecorder events) {
      // The SDK measures in simulated time: the answer cannot come before the 10 simulated seconds.
      assertThat(join(gme, events, "10001", "lobby")).satisfies(e -> {
        assertThat(e.result()).isEqualTo(7006);
        assertThat(e.elapsedMillis()).isGreaterThanOrEqualTo(10_000);
      });
    }
  }

  @GmeSimulatorTest(clock = "manual")
  static class ManualTimeoutCases {
    @Test
    @InjectGmeError(value = 1005, operations = Operation.ENTER_ROOM)
    void exitAtTenSecondsCancelsTheEntry(GmeContext gme, EventRecorder events) {
      gme.init(Fixtures.APP, "10001");
      gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      gme.clock().advance(Duration.ofSeconds(10));
      gme.exitRoom();
      awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(GmeErrorCode.AV_ERR_USER_CANCELED).hasElapsedMillis(10_000);
      awaitEvent(events, GmeEventType.EXIT_ROOM).succeeded();
      assertThat(gme.clock().now()).isEqualTo(Duration.ofSeconds(10));
    }
  }

  @GmeSimulatorTest
  static class OpenIdCases {
    @Test
    @InjectGmeError(value = 7006, openId = "alice-*")
    void onlyAliceIsRefused(GmeContext alice, EventRecorder aliceEvents, GmeSimulatorHandle sim) {
      EventRecorder bobEvents = new EventRecorder();
      GmeContext bob = sim.newContext(bobEvents);
      assertEvent(join(bob, bobEvents, "bob-1", "lobby")).succeeded();
      assertEvent(join(alice, aliceEvents, "alice-1", "lobby")).hasResult(7006);
    }
  }

  @GmeSimulatorTest
  static class RoomIdCases {
    @Test
    @InjectGmeError(value = 7006, roomId = "vip-*")
    void onlyVipRoomsRefuse(GmeContext gme, EventRecorder events) {
      assertEvent(join(gme, events, "10001", "vip-1")).hasResult(7006);
      assertEvent(enter(gme, events, "lobby")).succeeded();
    }
  }

  @GmeSimulatorTest
  static class RepeatedCases {
    @Test
    @InjectGmeError(value = 7006, times = 1)
    @InjectGmeError(value = 1001, operations = Operation.ENABLE_SPEAKER)
    void bothApply(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) {
      assertEvent(join(gme, events, "10001", "lobby")).hasResult(7006);
      assertEvent(enter(gme, events, "lobby")).succeeded();
      assertThat(gme.enableSpeaker(true)).isEqualTo(1001);
      assertThat(sim.faults()).extracting(s -> s.rule().alias()).containsExactly(
          "@InjectGmeError(7006, times = 1)", "@InjectGmeError(1001, operations = ENABLE_SPEAKER)");
    }
  }

  @GmeSimulatorTest
  @InjectGmeError(value = 1001, operations = Operation.ENABLE_MIC)
  static class ClassLevelCases {
    @Test
    void theFirstTestGetsIt(GmeContext gme, EventRecorder events) {
      assertEvent(join(gme, events, "10001", "lobby")).succeeded();
      assertThat(gme.enableMic(true)).isEqualTo(1001);
    }

    @Test
    @InjectGmeError(7006)
    void theSecondTooAlongsideItsOwn(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) {
      assertEvent(join(gme, events, "10002", "lobby")).hasResult(7006);
      assertThat(sim.faults()).hasSize(2);
    }
  }

  /** A team's name for a failure it rehearses often. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @InjectGmeError(7006)
  @interface TokenExpired {}

  @GmeSimulatorTest
  static class MetaAnnotationCases {
    @Test
    @TokenExpired
    void onAMethod(GmeContext gme, EventRecorder events) {
      assertEvent(join(gme, events, "10001", "lobby")).hasResult(7006);
    }

    @Nested
    @TokenExpired
    class OnANestedClass {
      @Test
      void appliesToItsTests(GmeContext gme, EventRecorder events) {
        assertEvent(join(gme, events, "10002", "lobby")).hasResult(7006);
      }
    }
  }

  @GmeSimulatorTest
  @InjectGmeError(value = 1001, operations = Operation.ENABLE_MIC)
  abstract static class BaseCases {
    @Test
    void inheritedTestSeesTheBaseFault(GmeContext gme, EventRecorder events) {
      assertEvent(join(gme, events, "10001", "lobby")).succeeded();
      assertThat(gme.enableMic(true)).isEqualTo(1001);
    }
  }

  @InjectGmeError(value = 1001, operations = Operation.ENABLE_SPEAKER)
  static class InheritingCases extends BaseCases {
    @Test
    void ownTestSeesBothFaults(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) {
      assertEvent(join(gme, events, "10002", "lobby")).succeeded();
      assertThat(gme.enableMic(true)).isEqualTo(1001);
      assertThat(gme.enableSpeaker(true)).isEqualTo(1001);
      assertThat(sim.faults()).hasSize(2);
    }
  }
}
