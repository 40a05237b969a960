package dev.gmesim.junit5;

import dev.gmesim.core.catalog.ErrorCategory;
import dev.gmesim.core.catalog.Operation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test once clean, to learn which SDK calls it makes, then once for every GME error code
 * documented on each of those calls, that code injected on exactly that call and nothing else; the
 * matrix of which failures the code under test survives goes to
 * {@code target/gme-error-exploration.md} and {@code .json}. Needs {@link GmeSimulatorTest} (or a
 * registered {@link GmeSimulatorExtension}) on the class; use it instead of {@code @Test}.
 *
 * <pre>{@code
 * @GmeSimulatorTest
 * class TeamVoiceChatExploration {
 *   @ExploreGmeErrors                      // clean run: INIT, ENTER_ROOM; then INIT x 5 codes, ENTER_ROOM x 26
 *   void joiningTheLobbyEndsSomewhereSane(GmeContext gme) {
 *     List<PlayerNotice> notices = new CopyOnWriteArrayList<>();
 *     TeamVoiceChat chat = new TeamVoiceChat(new SimulatedGmeVoiceSdk(gme, null), tokens, retry, scheduler,
 *         notices::add);
 *     chat.start("1400000000", "10001");
 *     chat.join("lobby");
 *     await().until(chat::status, s -> s != Status.JOINING);
 *     assertThat(chat.status()).isIn(Status.IN_ROOM, Status.NEEDS_LOGIN, Status.UNAVAILABLE);
 *     assertThat(notices).allMatch(n -> !n.text().isBlank());
 *   }
 * }
 * }</pre>
 *
 * <p>The runs are named by what they inject, {@code ENTER_ROOM#1 -> 7006 AV_ERR_AUTH_FIALD}, and
 * come in a stable order: calls as the clean run made them, codes by value, then the
 * {@link #causes()}. A code is injected as {@code @InjectGmeError} injects it (1005 as silence, so the
 * SDK's own timer fires on the virtual clock), counts as injected in the coverage report, and is
 * limited to the run's own SDK contexts, so runs stay isolated under parallel execution too. The
 * clean run fails when it made no GME call or the attributes leave nothing to explore; a run whose
 * call never came (the test took another path) fails as not reached; a run that does not finish
 * within {@link #timeout()} fails as hung, naming where it waits. Attributes are checked before the
 * clean run; a bad one fails the test naming it, its value and the fix.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(ExploreGmeErrorsExtension.class)
public @interface ExploreGmeErrors {

  /** Explores only calls of these operations; empty (the default) explores every call the clean run made. */
  Operation[] operations() default {};

  /** Leaves calls of these operations out. */
  Operation[] excludeOperations() default {};

  /** Injects only these codes (where the catalog documents them on the call); empty means every documented code. */
  int[] codes() default {};

  /** Leaves these codes out; the report lists them as excluded, so a deliberate gap stays visible. */
  int[] excludeCodes() default {};

  /** Injects only codes of these sections of GME's error page; empty means every section. */
  ErrorCategory[] categories() default {};

  /** Leaves codes of these sections out; the report lists them as excluded. */
  ErrorCategory[] excludeCategories() default {};

  /** Which calls of an operation get the failure: each call on its own (the default), the first, or all at once. */
  Calls calls() default Calls.EACH;

  /**
   * Transport causes to inject as extra runs, by their effect names: {@code noReply},
   * {@code disconnect} and {@code reset} on room calls ({@code disconnect} and {@code reset} on
   * recording and playback), {@code noReply}, {@code connectionReset}, {@code emptyResponse},
   * {@code malformedBody} and {@code serverError} (500) on voice-message HTTP calls. A call whose
   * 1005 is explored gets no separate {@code noReply} run: that run is the same silence.
   */
  String[] causes() default {};

  /** Runs at most this many failures (the clean run not counted), the first in the stable order; 0 (the default) runs all. */
  int maxInvocations() default 0;

  /**
   * Fails a run whose test method, or one of its {@code @BeforeEach} and {@code @AfterEach} methods,
   * has not returned after this much wall time, in the {@code Durations.parse} grammar ({@code "30s"},
   * {@code "500ms"}, {@code "PT1M"}). GME's timeouts cost no wall time on the virtual clock, so a run
   * this slow waits on something that never comes.
   */
  String timeout() default ExplorationPlan.DEFAULT_TIMEOUT;

  /** Which calls of an operation one run fails; the names show in run names and reports. */
  enum Calls {
    /** Only the first call of each operation: {@code ENTER_ROOM#1}. */
    FIRST,
    /** Each call on its own, one run per call and code: {@code ENTER_ROOM#1}, {@code ENTER_ROOM#2}, .... */
    EACH,
    /** Every call of the operation in one run: {@code ENTER_ROOM#*}. */
    ALL
  }
}
