package dev.gmesim.junit5;

import static dev.gmesim.junit5.Fixtures.join;
import static dev.gmesim.junit5.GmeAssertions.assertEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmesim.core.api.JournalQuery;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Durations;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.server.GmeSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Every misuse fails with the exception type and a message that names the value at fault and the fix. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MisuseTest {
  /** A simulator the fixtures share through the builder, so the test can see what they left on it. */
  static GmeSimulator shared;

  @BeforeAll
  static void start() {
    shared = GmeSimulator.builder().start();
  }

  @AfterAll
  static void stop() {
    shared.close();
  }

  @Nested
  class BadAttributes {
    @Test
    void anUnknownCodeNamesTheNearestKnownOne() {
      assertThat(Kit.failureOf(Kit.run(UnknownCodeCases.class), "join"))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessage("@InjectGmeError(70060): unknown GME error code; nearest: 7006 AV_ERR_AUTH_FIALD"
              + " [on MisuseTest.UnknownCodeCases.join()]");
    }

    @Test
    void anOperationWhereGmeNeverRaisesTheCodeNamesTheValidOnes() {
      assertThat(Kit.failureOf(Kit.run(WrongOperationCases.class), "join"))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("@InjectGmeError(7006, operations = ENABLE_MIC): GME raises 7006 only on"
              + " [ENTER_ROOM, SWITCH_ROOM]; name some of those, or leave operations out");
    }

    @Test
    void badBudgetsAndDelaysAreEachNamed() {
      EngineExecutionResults results = Kit.run(BadBudgetCases.class);
      assertThat(Kit.failureOf(results, "negativeTimes")).isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("@InjectGmeError(7006, times = -1): times -1 is negative; pass 1 or more, or leave it out");
      assertThat(Kit.failureOf(results, "negativeAfter")).isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("@InjectGmeError(7006, after = -2): after -2 is negative");
      assertThat(Kit.failureOf(results, "probabilityAboveOne")).isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("@InjectGmeError(7006, probability = 1.5): probability 1.5 is outside (0, 1]");
      assertThat(Kit.failureOf(results, "probabilityZero")).isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("@InjectGmeError(7006, probability = 0.0): probability 0.0 is outside (0, 1]");
      assertThat(Kit.failureOf(results, "unreadableDelay")).isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("@InjectGmeError(7006, delay = \"soon\"): delay \"soon\" is not a duration; "
              + Durations.FORMS);
      assertThat(Kit.failureOf(results, "badGlob")).isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("@InjectGmeError(7006, openId = \"  \"): openId \"  \" is blank; name a value or a glob");
    }

    @Test
    void aBadAnnotationInstallsNothingNotEvenItsGoodNeighbours() {
      assertThat(Kit.failureOf(Kit.run(GoodAndBadCases.class), "join"))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("@InjectGmeError(70060)");
      // The plan numbers rules r1, r2, ... from its first; the next is r1 only if none was ever added.
      FaultRule next = shared.addFault(FaultRule.on(Operation.INIT).error(7014).build());
      shared.removeFault(next.id());
      assertThat(next.id()).isEqualTo("r1");
      assertThat(shared.journal(JournalQuery.all())).isEmpty();
    }

    @Test
    void aBadClassAnnotationFailsTheClassBeforeItsSimulatorStarts() {
      EngineExecutionResults results = Kit.run(BadClassAnnotationCases.class);
      assertThat(Kit.failureOf(results, "BadClassAnnotationCases"))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessage("@InjectGmeError(70060): unknown GME error code; nearest: 7006 AV_ERR_AUTH_FIALD"
              + " [on MisuseTest.BadClassAnnotationCases]");
      assertThat(results.testEvents().started().count()).isZero();
    }

    @Test
    void aBadMetaAnnotationIsTracedThroughIt() {
      assertThat(Kit.failureOf(Kit.run(BadMetaCases.class), "join"))
          .hasMessageEndingWith("[on @Mistyped on MisuseTest.BadMetaCases.join()]");
    }
  }

  @Nested
  class BadSetup {
    @Test
    void theAnnotationAndARegisteredFieldTogetherAreRefused() {
      assertThat(Kit.failureOf(Kit.run(TwiceCases.class), "TwiceCases"))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("registers the GME simulator extension twice")
          .hasMessageContaining("keep one");
    }

    @Test
    void anOutOfRangeTimeScaleIsNamed() {
      assertThat(Kit.failureOf(Kit.run(BadTimeScaleCases.class), "BadTimeScaleCases"))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("@GmeSimulatorTest on dev.gmesim.junit5.MisuseTest$BadTimeScaleCases: timeScale 0.0"
              + " is out of range");
    }

    @Test
    void anUnknownClockFailsTheClassBeforeAnythingStarts() {
      assertThat(Kit.failureOf(Kit.run(BadClockCases.class), "BadClockCases"))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("@GmeSimulatorTest on dev.gmesim.junit5.MisuseTest$BadClockCases: clock: "
              + "unknown clock mode 'warp'; use virtual, manual, scaled or scaled(FACTOR)");
      assertThatThrownBy(() -> GmeSimulatorExtension.builder().clock(null))
          .isInstanceOf(NullPointerException.class).hasMessageContaining("TimeMode.virtual()");
    }

    @Test
    void theBuilderChecksItsSettingsAtOnce() {
      assertThatThrownBy(() -> GmeSimulatorExtension.builder().timeScale(-1).build())
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("GmeSimulatorExtension.builder(): timeScale -1.0 is out of range");
      assertThatThrownBy(() -> GmeSimulatorExtension.builder().roomPort(70000).build())
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessage("GmeSimulatorExtension.builder(): roomPort 70000 is not a TCP port; use 0..65535"
              + " (0, the default, picks a free port)");
    }

    @Test
    void aPerTestParameterInBeforeAllSaysWhereToAskForIt() {
      assertThat(Kit.failureOf(Kit.run(ContextInBeforeAllCases.class), "ContextInBeforeAllCases"))
          .isInstanceOf(ParameterResolutionException.class)
          .hasMessage("GmeContext belongs to one test; declare it on a @Test, @BeforeEach or @AfterEach method, not on"
              + " connect() (GmeEndpoints is available everywhere)");
    }
  }

  @Nested
  class UnfiredFaults {
    @Test
    void aFaultThatNeverFiredFailsTheTestWhenAskedTo() {
      EngineExecutionResults results = Kit.run(UnfiredCases.class);
      assertThat(Kit.failureOf(results, "neverJoins"))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("FaultRule '@InjectGmeError(7006)' (ENTER_ROOM, SWITCH_ROOM -> 7006 AV_ERR_AUTH_FIALD)"
              + " fired 0 times, matched 0; the test never made a call these faults match")
          .hasMessageContaining("turn failOnUnfiredFaults off");
      assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    }

    @Test
    void aTestThatFailedOnItsOwnReportsOnlyItsOwnFailure() {
      assertThat(Kit.failureOf(Kit.run(UnfiredButFailingCases.class), "failsFirst"))
          .isInstanceOf(AssertionError.class)
          .hasMessage("the test's own failure");
    }

    @Test
    void withoutTheSettingAnIdleFaultIsFine() {
      Kit.assertPassed(Kit.run(UnfiredAllowedCases.class), 1);
    }
  }

  @Nested
  class RemoteMode {
    @Test
    void anUnreachableRemoteUrlIsNamedWithTheFixAndTheTokenStaysHidden() throws IOException {
      int closedPort;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closedPort = s.getLocalPort();
      }
      String url = "http://127.0.0.1:" + closedPort;
      EngineExecutionResults results = Kit.run(Map.of("gmesim.url", url, "gmesim.token", "s3cret"),
          UntouchedCases.class);
      Throwable failure = Kit.failureOf(results, "UntouchedCases");
      assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("gmesim.url / GMESIM_URL is set to " + url + " (token set), but cannot reach the"
              + " GME simulator")
          .hasMessageContaining("unset gmesim.url and GMESIM_URL to run against an embedded simulator");
      assertThat(failure.getMessage()).doesNotContain("s3cret");
    }

    @Test
    void aMalformedUrlIsNamed() {
      assertThat(Kit.failureOf(Kit.run(Map.of("gmesim.url", "127.0.0.1:7301"), UntouchedCases.class), "UntouchedCases"))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("gmesim.url / GMESIM_URL '127.0.0.1:7301' is not an http(s) URL");
    }
  }

  // ---- fixtures -----------------------------------------------------------------------------

  static class SharedSimulatorCases {
    @RegisterExtension
    static GmeSimulatorExtension gme = GmeSimulatorExtension.builder().simulator(shared).build();
  }

  @GmeSimulatorTest
  static class UnknownCodeCases {
    @Test
    @InjectGmeError(70060)
    void join(GmeContext gme) {}
  }

  @GmeSimulatorTest
  static class WrongOperationCases {
    @Test
    @InjectGmeError(value = 7006, operations = Operation.ENABLE_MIC)
    void join(GmeContext gme) {}
  }

  @GmeSimulatorTest
  static class BadBudgetCases {
    @Test
    @InjectGmeError(value = 7006, times = -1)
    void negativeTimes() {}

    @Test
    @InjectGmeError(value = 7006, after = -2)
    void negativeAfter() {}

    @Test
    @InjectGmeError(value = 7006, probability = 1.5)
    void probabilityAboveOne() {}

    @Test
    @InjectGmeError(value = 7006, probability = 0)
    void probabilityZero() {}

    @Test
    @InjectGmeError(value = 7006, delay = "soon")
    void unreadableDelay() {}

    @Test
    @InjectGmeError(value = 7006, openId = "  ")
    void badGlob() {}
  }

  static class GoodAndBadCases extends SharedSimulatorCases {
    @Test
    @InjectGmeError(7006)
    @InjectGmeError(value = 1001, operations = Operation.ENABLE_MIC)
    @InjectGmeError(70060)
    void join(GmeContext gme) {}
  }

  @GmeSimulatorTest
  @InjectGmeError(70060)
  static class BadClassAnnotationCases {
    @Test
    void join() {}
  }

  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @InjectGmeError(70060)
  @interface Mistyped {}

  @GmeSimulatorTest
  static class BadMetaCases {
    @Test
    @Mistyped
    void join() {}
  }

  @GmeSimulatorTest
  static class TwiceCases {
    @RegisterExtension
    static GmeSimulatorExtension gme = GmeSimulatorExtension.builder().build();

    @Test
    void join() {}
  }

  @GmeSimulatorTest(timeScale = 0)
  static class BadTimeScaleCases {
    @Test
    void join() {}
  }

  @GmeSimulatorTest(clock = "warp")
  static class BadClockCases {
    @Test
    void join() {}
  }

  @GmeSimulatorTest
  static class ContextInBeforeAllCases {
    @BeforeAll
    static void connect(GmeContext gme) {}

    @Test
    void join() {}
  }

  @GmeSimulatorTest(failOnUnfiredFaults = true)
  static class UnfiredCases {
    @Test
    @InjectGmeError(7006)
    void neverJoins(GmeContext gme) {
      assertThat(gme.init(Fixtures.APP, "10001")).isZero();
    }

    @Test
    @InjectGmeError(7006)
    void joins(GmeContext gme, EventRecorder events) {
      assertEvent(join(gme, events, "10002", "lobby")).hasResult(7006);
    }
  }

  @GmeSimulatorTest(failOnUnfiredFaults = true)
  static class UnfiredButFailingCases {
    @Test
    @InjectGmeError(7006)
    void failsFirst() {
      throw new AssertionError("the test's own failure");
    }
  }

  @GmeSimulatorTest
  static class UnfiredAllowedCases {
    @Test
    @InjectGmeError(7006)
    void neverJoins(GmeContext gme) {
      assertThat(gme.init(Fixtures.APP, "10001")).isZero();
    }
  }

  @GmeSimulatorTest
  static class UntouchedCases {
    @BeforeEach
    void nothing() {}

    @Test
    void join() {}
  }
}
