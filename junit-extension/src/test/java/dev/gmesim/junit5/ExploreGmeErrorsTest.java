package dev.gmesim.junit5;

import static dev.gmesim.junit5.Fixtures.enter;
import static dev.gmesim.junit5.Fixtures.join;
import static dev.gmesim.junit5.GmeAssertions.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.catalog.ErrorCategory;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Durations;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** {@link ExploreGmeErrors}, shown by fixture classes run through the Jupiter engine. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ExploreGmeErrorsTest {

  /** What fixture runs saw, by run name, for the assertions outside them. */
  static final Map<String, List<Integer>> seen = new ConcurrentHashMap<>();

  @BeforeEach
  void forget() {
    seen.clear();
  }

  @Nested
  class Runs {
    @Test
    void codeThatMishandlesOneCodeOnOneCallFailsExactlyThatCell() {
      EngineExecutionResults results = Kit.run(MishandlesOneCallCases.class);
      assertThat(failed(results)).containsExactly("ENTER_ROOM#2 -> 7006 AV_ERR_AUTH_FIALD");
      assertThat(Kit.failureOf(results, "ENTER_ROOM#2 -> 7006 AV_ERR_AUTH_FIALD"))
          .isInstanceOf(AssertionError.class).hasMessage("the arena join gave up on 7006");
      // The same code on the first call is survived: the failure went to the call the run names.
      assertThat(succeeded(results)).contains("ENTER_ROOM#1 -> 7006 AV_ERR_AUTH_FIALD", "ENTER_ROOM#2 -> 1001 AV_ERR_REPEATED_OPERATION");
      assertThat(results.testEvents().started().count()).isEqualTo(1 + 2 * codesOn(Operation.ENTER_ROOM).size());
    }

    @Test
    void codeThatHandlesEveryFailurePassesEveryCellOneRunPerDocumentedCodeOfEachCall() {
      EngineExecutionResults results = Kit.run(HandlesAllCases.class);
      List<String> expected = new ArrayList<>(List.of(ExploreGmeErrorsExtension.CLEAN_RUN));
      for (Operation op : List.of(Operation.INIT, Operation.ENTER_ROOM, Operation.ENABLE_MIC)) {
        codesOn(op).forEach(code -> expected.add(op + "#1 -> " + code.label()));
      }
      Kit.assertPassed(results, expected.size());
      assertThat(started(results)).containsExactlyElementsOf(expected);
      // The issue's own numbers, so the catalog cannot drift unnoticed: 5 + 26 + 8 runs with a failure.
      assertThat(expected).hasSize(1 + 5 + 26 + 8);
    }

    @Test
    void eachRunFailsOnlyTheCallItNamesWithOnlyTheCodeItNames() {
      Kit.assertPassed(Kit.run(IsolationCases.class), 1 + codesOn(Operation.INIT).size()
          + codesOn(Operation.ENTER_ROOM).size());
    }

    @Test
    void aTestWhoseCleanRunMakesNoGmeCallFailsSayingNothingWasExplored() {
      EngineExecutionResults results = Kit.run(NoCallCases.class);
      assertThat(started(results)).containsExactly(ExploreGmeErrorsExtension.CLEAN_RUN);
      assertThat(Kit.failureOf(results, ExploreGmeErrorsExtension.CLEAN_RUN))
          .isInstanceOf(AssertionError.class)
          .hasMessage("@ExploreGmeErrors: the clean run made no GME SDK call, so nothing was explored; make the test"
              + " call the SDK through its GmeContext parameter (or GmeSimulatorHandle.newContext)"
              + " [on ExploreGmeErrorsTest.NoCallCases.computes()]");
    }

    @Test
    void aCleanRunThatFailsStopsTheExploration() {
      EngineExecutionResults results = Kit.run(CleanFailsCases.class);
      assertThat(started(results)).containsExactly(ExploreGmeErrorsExtension.CLEAN_RUN);
      assertThat(Kit.failureOf(results, ExploreGmeErrorsExtension.CLEAN_RUN)).hasMessage("broken without any fault");
    }

    @Test
    void attributesThatLeaveNoCallToExploreFailTheCleanRunNamingTheCalls() {
      assertThat(Kit.failureOf(Kit.run(NothingLeftCases.class), ExploreGmeErrorsExtension.CLEAN_RUN))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("@ExploreGmeErrors(operations = SWITCH_ROOM): the clean run called INIT#1,"
              + " ENTER_ROOM#1, and the attributes leave none of those calls a failure to explore");
    }

    @Test
    void aRunThatHangsFailsNamingWhereItWaitsAndTheOthersStillRun() {
      EngineExecutionResults results = Kit.run(HangCases.class);
      assertThat(started(results)).containsExactly(ExploreGmeErrorsExtension.CLEAN_RUN,
          "ENTER_ROOM#1 -> 1001 AV_ERR_REPEATED_OPERATION", "ENTER_ROOM#1 -> 7006 AV_ERR_AUTH_FIALD");
      assertThat(failed(results)).containsExactly("ENTER_ROOM#1 -> 7006 AV_ERR_AUTH_FIALD");
      assertThat(Kit.failureOf(results, "ENTER_ROOM#1 -> 7006 AV_ERR_AUTH_FIALD"))
          .isInstanceOf(ExploreGmeErrorsExtension.Hang.class)
          .hasMessageStartingWith("ENTER_ROOM#1 -> 7006 AV_ERR_AUTH_FIALD: the test did not finish within 5s of wall"
              + " time; on the virtual clock GME's own timeouts cost none, so it waits for something that never comes;"
              + " it waits in ")
          .hasMessageContaining("called from dev.gmesim.junit5.ExploreGmeErrorsTest$HangCases.waitsForAnAnswerOn7006(")
          .hasMessageEndingWith("(the limit is @ExploreGmeErrors(timeout))");
    }

    @Test
    void aRunWhoseCallNeverComesFailsAsNotReached() {
      NotReachedCases.runs.set(0);
      EngineExecutionResults results = Kit.run(NotReachedCases.class);
      assertThat(failed(results)).containsExactly("ENTER_ROOM#2 -> 7006 AV_ERR_AUTH_FIALD");
      assertThat(Kit.failureOf(results, "ENTER_ROOM#2 -> 7006 AV_ERR_AUTH_FIALD"))
          .isInstanceOf(ExploreGmeErrorsExtension.NotReached.class)
          .hasMessageStartingWith("ENTER_ROOM#2 -> 7006 AV_ERR_AUTH_FIALD: the failure never fired: this run made no"
              + " ENTER_ROOM#2 call, which the clean run made");
    }

    @Test
    void theOrderOfRunsIsTheSameEveryTime() {
      List<String> first = started(Kit.run(HandlesAllCases.class));
      assertThat(started(Kit.run(HandlesAllCases.class))).containsExactlyElementsOf(first);
    }
  }

  @Nested
  class Attributes {
    @Test
    void operationsAndExcludeOperationsChooseTheCalls() {
      EngineExecutionResults results = Kit.run(OperationCases.class);
      assertThat(started(results, "onlyEnterRoom")).hasSize(codesOn(Operation.ENTER_ROOM).size())
          .allMatch(n -> n.startsWith("ENTER_ROOM#1 -> "));
      assertThat(started(results, "allButEnterRoom")).hasSize(codesOn(Operation.INIT).size())
          .allMatch(n -> n.startsWith("INIT#1 -> "));
    }

    @Test
    void codesAndCategoriesChooseTheFailuresAndExclusionsLeaveThemOut() {
      EngineExecutionResults results = Kit.run(CodeCases.class);
      assertThat(started(results, "twoCodes")).containsExactly("ENTER_ROOM#1 -> 1001 AV_ERR_REPEATED_OPERATION",
          "ENTER_ROOM#1 -> 7006 AV_ERR_AUTH_FIALD");
      assertThat(started(results, "allBut7006")).hasSize(codesOn(Operation.ENTER_ROOM).size() - 1)
          .noneMatch(n -> n.contains("7006"));
      assertThat(started(results, "serverCodes")).containsExactlyElementsOf(codesOn(Operation.ENTER_ROOM).stream()
          .filter(c -> c.category() == ErrorCategory.SERVER).map(c -> "ENTER_ROOM#1 -> " + c.label()).toList());
      assertThat(started(results, "allButServerCodes")).hasSize(codesOn(Operation.ENTER_ROOM).size()
          - (int) codesOn(Operation.ENTER_ROOM).stream().filter(c -> c.category() == ErrorCategory.SERVER).count());
    }

    @Test
    void callsChoosesTheFirstCallEachCallOrAllCallsAtOnce() {
      EngineExecutionResults results = Kit.run(CallsCases.class);
      assertThat(started(results, "first")).containsExactly("ENTER_ROOM#1 -> 7006 AV_ERR_AUTH_FIALD");
      assertThat(started(results, "each")).containsExactly("ENTER_ROOM#1 -> 7006 AV_ERR_AUTH_FIALD",
          "ENTER_ROOM#2 -> 7006 AV_ERR_AUTH_FIALD");
      assertThat(started(results, "all")).containsExactly("ENTER_ROOM#* -> 7006 AV_ERR_AUTH_FIALD");
      Kit.assertPassed(results, 3 + 4);
      assertThat(seen).containsEntry("first ENTER_ROOM#1 -> 7006 AV_ERR_AUTH_FIALD", List.of(7006, 0))
          .containsEntry("each ENTER_ROOM#2 -> 7006 AV_ERR_AUTH_FIALD", List.of(0, 7006))
          .containsEntry("all ENTER_ROOM#* -> 7006 AV_ERR_AUTH_FIALD", List.of(7006, 7006));
    }

    @Test
    void roomCausesAreExtraRowsAndNoReplyIsThe1005RowWhereThatIsExplored() {
      EngineExecutionResults results = Kit.run(RoomCauseCases.class);
      Kit.assertPassed(results, 2 + 4);
      assertThat(started(results, "timeoutAndDisconnect")).containsExactly("ENTER_ROOM#1 -> 1005 AV_ERR_TIMEOUT",
          "ENTER_ROOM#1 -> disconnect");
      assertThat(started(results, "noReplyWithout1005")).containsExactly("ENTER_ROOM#1 -> 7006 AV_ERR_AUTH_FIALD",
          "ENTER_ROOM#1 -> noReply");
      // Silence reaches the test as GME reports it: 1005 from the SDK's own timer.
      assertThat(seen).containsEntry("timeoutAndDisconnect ENTER_ROOM#1 -> 1005 AV_ERR_TIMEOUT", List.of(1005))
          .containsEntry("noReplyWithout1005 ENTER_ROOM#1 -> noReply", List.of(1005));
    }

    @Test
    void voiceMessageCausesReachTheTestAsTheCodesTheSdkReportsForThem() {
      EngineExecutionResults results = Kit.run(UploadCauseCases.class);
      List<String> expected = new ArrayList<>();
      codesOn(Operation.PTT_UPLOAD).forEach(c -> expected.add("PTT_UPLOAD#1 -> " + c.label()));
      Stream.of("noReply", "connectionReset", "emptyResponse", "malformedBody", "serverError")
          .forEach(c -> expected.add("PTT_UPLOAD#1 -> " + c));
      assertThat(started(results, "uploads")).containsExactlyElementsOf(expected);
      Kit.assertPassed(results, 1 + expected.size());
      // docs/voice-messages.md, "How the SDK reports transport failures", the upload row.
      assertThat(seen).containsEntry("uploads PTT_UPLOAD#1 -> noReply", List.of(8195))
          .containsEntry("uploads PTT_UPLOAD#1 -> connectionReset", List.of(8195))
          .containsEntry("uploads PTT_UPLOAD#1 -> emptyResponse", List.of(8197))
          .containsEntry("uploads PTT_UPLOAD#1 -> malformedBody", List.of(8198))
          .containsEntry("uploads PTT_UPLOAD#1 -> serverError", List.of(8196));
      codesOn(Operation.PTT_UPLOAD).forEach(c ->
          assertThat(seen).containsEntry("uploads PTT_UPLOAD#1 -> " + c.label(), List.of(c.value())));
    }

    @Test
    void maxInvocationsRunsTheFirstFailuresInTheStableOrder() {
      EngineExecutionResults results = Kit.run(CappedCases.class);
      List<GmeErrorCode> enter = codesOn(Operation.ENTER_ROOM);
      assertThat(started(results)).containsExactly(ExploreGmeErrorsExtension.CLEAN_RUN,
          "ENTER_ROOM#1 -> " + enter.get(0).label(), "ENTER_ROOM#1 -> " + enter.get(1).label(),
          "ENTER_ROOM#1 -> " + enter.get(2).label());
    }
  }

  @Nested
  class Parallel {
    @Test
    void runsOfTwoExploredClassesInParallelSeeOnlyTheirOwnFailure() {
      Map<String, String> parallel = Map.of(
          "junit.jupiter.execution.parallel.enabled", "true",
          "junit.jupiter.execution.parallel.mode.default", "concurrent",
          "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
          "junit.jupiter.execution.parallel.config.strategy", "fixed",
          "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
      int perClass = 1 + codesOn(Operation.INIT).size() + codesOn(Operation.ENTER_ROOM).size();
      Kit.assertPassed(Kit.run(parallel, IsolationCases.class, IsolationTwinCases.class), 2L * perClass);
    }
  }

  @Nested
  class Misuse {
    @Test
    void everyBadAttributeIsNamedWithItsValueAndTheFixBeforeAnythingRuns() {
      EngineExecutionResults results = Kit.run(BadAttributeCases.class);
      assertThat(results.testEvents().started().count()).as("runs started").isZero();
      String on = " [on ExploreGmeErrorsTest.BadAttributeCases.";
      assertThat(Kit.failureOf(results, "unknownCode")).isInstanceOf(ExtensionConfigurationException.class)
          .hasMessage("@ExploreGmeErrors(codes = 70060): codes: unknown GME error code 70060; nearest: 7006"
              + " AV_ERR_AUTH_FIALD" + on + "unknownCode()]");
      assertThat(Kit.failureOf(results, "unknownExcludedCode")).isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("@ExploreGmeErrors(excludeCodes = 1333): excludeCodes: unknown GME error code 1333;"
              + " nearest: ");
      assertThat(Kit.failureOf(results, "codeNotOnTheOperations")).isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("@ExploreGmeErrors(operations = ENTER_ROOM, codes = 2001): codes: GME raises 2001"
              + " QAV_ERR_NOT_TRY_NEW_ROOM only on [SWITCH_ROOM], none of which operations = [ENTER_ROOM] explores;"
              + " name one of those, or leave codes out");
      assertThat(Kit.failureOf(results, "codeBothWantedAndExcluded"))
          .hasMessageStartingWith("@ExploreGmeErrors(codes = 7006, excludeCodes = 7006): 7006 AV_ERR_AUTH_FIALD is"
              + " both in codes and in excludeCodes; keep it in one");
      assertThat(Kit.failureOf(results, "codeOfAnotherCategory"))
          .hasMessageStartingWith("@ExploreGmeErrors(codes = 7006, categories = CLIENT): codes: 7006 AV_ERR_AUTH_FIALD"
              + " is a GENERAL code, which the categories leave out");
      assertThat(Kit.failureOf(results, "serverApiOperation"))
          .hasMessageStartingWith("@ExploreGmeErrors(operations = SERVER_DESCRIBE_ROOM_INFO): operations names"
              + " SERVER_DESCRIBE_ROOM_INFO, a server API action with no GME SDK codes; name SDK operations");
      assertThat(Kit.failureOf(results, "misspelledCause"))
          .hasMessageStartingWith("@ExploreGmeErrors(causes = \"disconect\"): causes: unknown cause \"disconect\";"
              + " nearest: disconnect; the causes are noReply, disconnect, reset, connectionReset, emptyResponse,"
              + " malformedBody, serverError");
      assertThat(Kit.failureOf(results, "javaSpelledCause"))
          .hasMessageStartingWith("@ExploreGmeErrors(causes = \"CONNECTION_RESET\"): causes: unknown cause"
              + " \"CONNECTION_RESET\"; it is spelled connectionReset;");
      assertThat(Kit.failureOf(results, "errorAsACause"))
          .hasMessageStartingWith("@ExploreGmeErrors(causes = \"error\"): causes: \"error\" is no transport cause"
              + " (the codes are explored anyway)");
      assertThat(Kit.failureOf(results, "causeThatCannotFailTheOperations"))
          .hasMessageStartingWith("@ExploreGmeErrors(operations = ENTER_ROOM, causes = \"malformedBody\"): causes:"
              + " malformedBody can fail only [PTT_APPLY_AUTH, PTT_UPLOAD, PTT_DOWNLOAD, PTT_SPEECH_TO_TEXT,"
              + " PTT_STREAMING_RECOGNITION], and operations = [ENTER_ROOM] names none of them");
      assertThat(Kit.failureOf(results, "negativeCap"))
          .hasMessageStartingWith("@ExploreGmeErrors(maxInvocations = -1): maxInvocations -1 is negative; use 0");
      assertThat(Kit.failureOf(results, "unreadableTimeout"))
          .hasMessageStartingWith("@ExploreGmeErrors(timeout = \"soon\"): timeout \"soon\" is not a positive duration; "
              + Durations.FORMS);
      assertThat(Kit.failureOf(results, "zeroTimeout"))
          .hasMessageStartingWith("@ExploreGmeErrors(timeout = \"0s\"): timeout \"0s\" is not a positive duration");
    }

    @Test
    void anInjectGmeErrorBesideItIsRefusedSinceEveryRunMustInjectOneFailureOnly() {
      assertThat(Kit.failureOf(Kit.run(WithInjectedErrorCases.class), "explores"))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessage("@ExploreGmeErrors: @InjectGmeError(1001, operations = ENABLE_MIC) on"
              + " ExploreGmeErrorsTest.WithInjectedErrorCases would fail every run, the clean one too, while each run"
              + " must inject one failure and nothing else; move the explored test to a class without it"
              + " [on ExploreGmeErrorsTest.WithInjectedErrorCases.explores()]");
    }

    @Test
    void withoutTheSimulatorExtensionTheCleanRunFailsSayingWhatIsMissing() {
      EngineExecutionResults results = Kit.run(NoSimulatorCases.class);
      assertThat(started(results)).containsExactly(ExploreGmeErrorsExtension.CLEAN_RUN);
      assertThat(Kit.failureOf(results, ExploreGmeErrorsExtension.CLEAN_RUN))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessage("@ExploreGmeErrors needs @GmeSimulatorTest (or a registered GmeSimulatorExtension) on the test"
              + " class: it runs the simulator the failures are injected into"
              + " [on dev.gmesim.junit5.ExploreGmeErrorsTest$NoSimulatorCases]");
    }
  }

  @Nested
  class FirstLines {
    @Test
    void anAssertJMessageSpreadOverLinesIsFoldedIntoOne() {
      AssertionError e = new AssertionError("\nExpecting actual:\n  7013\nnot to be equal to:\n  7013\n");
      assertThat(ExploreGmeErrorsExtension.firstLine(e, ExplorationReport.Outcome.FAIL))
          .isEqualTo("Expecting actual: 7013 not to be equal to: 7013");
    }

    @Test
    void anErrorIsNamedByItsType() {
      assertThat(ExploreGmeErrorsExtension.firstLine(new IllegalStateException("no room"),
          ExplorationReport.Outcome.ERROR)).isEqualTo("IllegalStateException: no room");
      assertThat(ExploreGmeErrorsExtension.firstLine(new NullPointerException(), ExplorationReport.Outcome.ERROR))
          .isEqualTo("NullPointerException");
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** The codes the catalog documents on {@code op}, by value: the order runs come in. */
  static List<GmeErrorCode> codesOn(Operation op) {
    return Arrays.stream(GmeErrorCode.values()).filter(c -> c.operations().contains(op))
        .sorted(Comparator.comparingInt(GmeErrorCode::value)).toList();
  }

  /** The display names of the runs that started, in the order they ran. */
  static List<String> started(EngineExecutionResults results) {
    return names(results.testEvents().started().stream());
  }

  /** The failure runs of one explored method of a fixture class, the clean run left out. */
  static List<String> started(EngineExecutionResults results, String method) {
    return names(results.testEvents().started().stream()
        .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains("[test-template:" + method + "("))
        .filter(e -> !e.getTestDescriptor().getDisplayName().equals(ExploreGmeErrorsExtension.CLEAN_RUN)));
  }

  static List<String> failed(EngineExecutionResults results) {
    return names(results.testEvents().failed().stream());
  }

  static List<String> succeeded(EngineExecutionResults results) {
    return names(results.testEvents().succeeded().stream());
  }

  private static List<String> names(Stream<Event> events) {
    return events.map(e -> e.getTestDescriptor().getDisplayName()).toList();
  }

  /** Records the ENTER_ROOM results a run saw, under {@code method run-name}. */
  static void record(TestInfo info, Integer result) {
    seen.computeIfAbsent(info.getTestMethod().orElseThrow().getName() + " " + info.getDisplayName(),
        k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(result);
  }

  // ---- fixtures: run only through Kit (static nested classes are not picked up by Surefire) ---

  @GmeSimulatorTest
  static class MishandlesOneCallCases {
    /** Code that survives every failure but one: 7006 on the second entry. */
    @ExploreGmeErrors(operations = Operation.ENTER_ROOM)
    void joinsTheLobbyThenTheArena(GmeContext gme, EventRecorder events) {
      GmeEvent lobby = join(gme, events, "10001", "lobby");
      if (lobby.result() == 0) {
        gme.exitRoom();
        awaitEvent(events, GmeEventType.EXIT_ROOM);
      }
      GmeEvent arena = enter(gme, events, "arena");
      if (arena.result() == GmeErrorCode.AV_ERR_AUTH_FIALD.value()) {
        throw new AssertionError("the arena join gave up on 7006");
      }
    }
  }

  @GmeSimulatorTest
  static class HandlesAllCases {
    @ExploreGmeErrors
    void joinsAndTalks(GmeContext gme, EventRecorder events) {
      gme.init(Fixtures.APP, "10002");
      GmeEvent entered = enter(gme, events, "lobby-all");
      if (entered.result() == 0) {
        gme.enableMic(true);
      }
      // Whatever GME answered, the SDK's idea of the room matches the answer.
      assertThat(gme.isRoomEntered()).isEqualTo(entered.result() == 0);
    }
  }

  @GmeSimulatorTest
  static class IsolationCases {
    /** Every run's journal shows exactly the one failure its name says, and the clean run's none. */
    @ExploreGmeErrors
    void seesOnlyItsOwnFailure(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim, TestInfo info) {
      String own = Integer.toUnsignedString(sim.tag().hashCode());
      gme.init(Fixtures.APP, "p" + own);
      enter(gme, events, "lobby-" + own);
      List<JournalEntry> faulted = sim.journal().stream().filter(JournalEntry::faulted).toList();
      String name = info.getDisplayName();
      if (name.equals(ExploreGmeErrorsExtension.CLEAN_RUN)) {
        assertThat(faulted).isEmpty();
        return;
      }
      Operation op = Operation.valueOf(name.substring(0, name.indexOf('#')));
      int code = Integer.parseInt(name.substring(name.indexOf("-> ") + 3, name.lastIndexOf(' ')));
      assertThat(faulted).singleElement().satisfies(e -> {
        assertThat(e.operation()).isEqualTo(op);
        assertThat(e.result()).isEqualTo(code == GmeErrorCode.AV_ERR_TIMEOUT.value() ? -1 : code);
      });
    }
  }

  /** The same exploration in a second class, so that two run at once under parallel execution. */
  static class IsolationTwinCases extends IsolationCases {}

  static class NoSimulatorCases {
    @ExploreGmeErrors
    void explores() {}
  }

  @GmeSimulatorTest
  @InjectGmeError(value = 1001, operations = Operation.ENABLE_MIC)
  static class WithInjectedErrorCases {
    @ExploreGmeErrors
    void explores(GmeContext gme, EventRecorder events) {
      join(gme, events, "10019", "lobby-injected");
    }
  }

  @GmeSimulatorTest
  static class BadAttributeCases {
    @ExploreGmeErrors(codes = 70060)
    void unknownCode() {}

    @ExploreGmeErrors(excludeCodes = 1333)
    void unknownExcludedCode() {}

    @ExploreGmeErrors(operations = Operation.ENTER_ROOM, codes = 2001)
    void codeNotOnTheOperations() {}

    @ExploreGmeErrors(codes = 7006, excludeCodes = 7006)
    void codeBothWantedAndExcluded() {}

    @ExploreGmeErrors(codes = 7006, categories = ErrorCategory.CLIENT)
    void codeOfAnotherCategory() {}

    @ExploreGmeErrors(operations = Operation.SERVER_DESCRIBE_ROOM_INFO)
    void serverApiOperation() {}

    @ExploreGmeErrors(causes = "disconect")
    void misspelledCause() {}

    @ExploreGmeErrors(causes = "CONNECTION_RESET")
    void javaSpelledCause() {}

    @ExploreGmeErrors(causes = "error")
    void errorAsACause() {}

    @ExploreGmeErrors(operations = Operation.ENTER_ROOM, causes = "malformedBody")
    void causeThatCannotFailTheOperations() {}

    @ExploreGmeErrors(maxInvocations = -1)
    void negativeCap() {}

    @ExploreGmeErrors(timeout = "soon")
    void unreadableTimeout() {}

    @ExploreGmeErrors(timeout = "0s")
    void zeroTimeout() {}
  }

  @GmeSimulatorTest
  static class NoCallCases {
    @ExploreGmeErrors
    void computes() {
      assertThat(Math.addExact(1, 1)).isEqualTo(2);
    }
  }

  @GmeSimulatorTest
  static class CleanFailsCases {
    @ExploreGmeErrors
    void isBrokenAlready(GmeContext gme) {
      gme.init(Fixtures.APP, "10004");
      throw new AssertionError("broken without any fault");
    }
  }

  @GmeSimulatorTest
  static class NothingLeftCases {
    @ExploreGmeErrors(operations = Operation.SWITCH_ROOM)
    void neverSwitches(GmeContext gme, EventRecorder events) {
      join(gme, events, "10005", "lobby-no-switch");
    }
  }

  @GmeSimulatorTest
  static class HangCases {
    /** Waits on 7006 for an answer nothing will ever give: a hang the timeout turns into a failure. */
    @ExploreGmeErrors(codes = {7006, 1001}, timeout = "5s")
    void waitsForAnAnswerOn7006(GmeContext gme, EventRecorder events) throws InterruptedException {
      GmeEvent entered = join(gme, events, "10006", "lobby-hang");
      if (entered.result() == GmeErrorCode.AV_ERR_AUTH_FIALD.value()) {
        new CountDownLatch(1).await();
      }
    }
  }

  @GmeSimulatorTest
  static class NotReachedCases {
    static final AtomicInteger runs = new AtomicInteger();

    /** Enters twice in its first run only: a test whose calls depend on something besides GME. */
    @ExploreGmeErrors(codes = 7006)
    void entersTwiceOnlyTheFirstTime(GmeContext gme, EventRecorder events) {
      join(gme, events, "10007", "lobby-once");
      if (runs.getAndIncrement() == 0) {
        enter(gme, events, "lobby-once");
      }
    }
  }

  @GmeSimulatorTest
  static class OperationCases {
    @ExploreGmeErrors(operations = Operation.ENTER_ROOM)
    void onlyEnterRoom(GmeContext gme, EventRecorder events) {
      join(gme, events, "10008", "lobby-ops");
    }

    @ExploreGmeErrors(excludeOperations = Operation.ENTER_ROOM)
    void allButEnterRoom(GmeContext gme, EventRecorder events) {
      join(gme, events, "10009", "lobby-ops");
    }
  }

  @GmeSimulatorTest
  static class CodeCases {
    @ExploreGmeErrors(codes = {7006, 1001})
    void twoCodes(GmeContext gme, EventRecorder events) {
      join(gme, events, "10010", "lobby-codes");
    }

    @ExploreGmeErrors(operations = Operation.ENTER_ROOM, excludeCodes = 7006)
    void allBut7006(GmeContext gme, EventRecorder events) {
      join(gme, events, "10011", "lobby-codes");
    }

    @ExploreGmeErrors(operations = Operation.ENTER_ROOM, categories = ErrorCategory.SERVER)
    void serverCodes(GmeContext gme, EventRecorder events) {
      join(gme, events, "10012", "lobby-codes");
    }

    @ExploreGmeErrors(operations = Operation.ENTER_ROOM, excludeCategories = ErrorCategory.SERVER)
    void allButServerCodes(GmeContext gme, EventRecorder events) {
      join(gme, events, "10013", "lobby-codes");
    }
  }

  @GmeSimulatorTest
  static class CallsCases {
    @ExploreGmeErrors(codes = 7006, calls = ExploreGmeErrors.Calls.FIRST)
    void first(GmeContext gme, EventRecorder events, TestInfo info) {
      entersTwice(gme, events, info);
    }

    @ExploreGmeErrors(codes = 7006)
    void each(GmeContext gme, EventRecorder events, TestInfo info) {
      entersTwice(gme, events, info);
    }

    @ExploreGmeErrors(codes = 7006, calls = ExploreGmeErrors.Calls.ALL)
    void all(GmeContext gme, EventRecorder events, TestInfo info) {
      entersTwice(gme, events, info);
    }

    /** Enters, leaves if it got in, enters again; records both entries' results. */
    private static void entersTwice(GmeContext gme, EventRecorder events, TestInfo info) {
      GmeEvent one = join(gme, events, "10014", "lobby-calls-" + info.getTestMethod().orElseThrow().getName());
      record(info, one.result());
      if (one.result() == 0) {
        gme.exitRoom();
        awaitEvent(events, GmeEventType.EXIT_ROOM).succeeded();
      }
      record(info, enter(gme, events, "lobby-calls-" + info.getTestMethod().orElseThrow().getName()).result());
    }
  }

  @GmeSimulatorTest
  static class RoomCauseCases {
    @ExploreGmeErrors(codes = 1005, causes = {"noReply", "disconnect"}, operations = Operation.ENTER_ROOM)
    void timeoutAndDisconnect(GmeContext gme, EventRecorder events, TestInfo info) {
      record(info, join(gme, events, "10015", "lobby-causes").result());
    }

    @ExploreGmeErrors(codes = 7006, causes = "noReply", operations = Operation.ENTER_ROOM)
    void noReplyWithout1005(GmeContext gme, EventRecorder events, TestInfo info) {
      record(info, join(gme, events, "10016", "lobby-causes").result());
    }
  }

  @GmeSimulatorTest
  static class UploadCauseCases {
    @ExploreGmeErrors(operations = Operation.PTT_UPLOAD,
        causes = {"noReply", "connectionReset", "emptyResponse", "malformedBody", "serverError"})
    void uploads(GmeContext gme, EventRecorder events, TestInfo info) throws Exception {
      Path file = Fixtures.recorded(gme, events, "10017");
      gme.getPTT().uploadRecordedFile(file.toString());
      record(info, awaitEvent(events, GmeEventType.PTT_UPLOAD_COMPLETE).event().result());
    }
  }

  @GmeSimulatorTest
  static class CappedCases {
    @ExploreGmeErrors(operations = Operation.ENTER_ROOM, maxInvocations = 3)
    void joins(GmeContext gme, EventRecorder events) {
      join(gme, events, "10018", "lobby-capped");
    }
  }
}
