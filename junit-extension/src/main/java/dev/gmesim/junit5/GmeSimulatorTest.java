package dev.gmesim.junit5;

import dev.gmesim.core.sdk.PollMode;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against an embedded GME simulator on random ports: each test gets a fresh,
 * connected simulated SDK context, and {@link InjectGmeError @InjectGmeError} makes GME fail in
 * exactly the way it names, for that test alone.
 *
 * <pre>{@code
 * @GmeSimulatorTest
 * class VoiceLobbyTest {
 *   @Test
 *   @InjectGmeError(7006)
 *   void expiredTokenAsksThePlayerToLogInAgain(GmeContext gme, EventRecorder events) {
 *     VoiceLobby lobby = new VoiceLobby(gme);          // the game's own code under test
 *     gme.setTMGDelegate(lobby);
 *     lobby.join("1400000000", "10001", "lobby");
 *     assertThat(lobby.awaitPrompt()).isEqualTo(Prompt.LOG_IN_AGAIN);
 *   }
 *
 *   @Test
 *   void joinWorksWhenNothingIsInjected(GmeContext gme, EventRecorder events) {
 *     gme.init("1400000000", "10002");
 *     gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
 *     GmeAssertions.awaitEvent(events, GmeEventType.ENTER_ROOM).succeeded();
 *   }
 * }
 * }</pre>
 *
 * <p>Test and lifecycle methods can declare parameters of type {@link GmeSimulatorHandle} (more
 * faults, the journal, rooms), {@code GmeContext} (the test's SDK context, connected, not yet
 * inited), {@code EventRecorder} (that context's recorded events), {@link GmeEndpoints} and
 * {@link GmeAuth} (correct auth buffers for the {@link #apps()} configured). For
 * settings chosen in code, register {@link GmeSimulatorExtension#builder()} with
 * {@code @RegisterExtension} instead; use one or the other on a class, not both.
 *
 * @since 0.1
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GmeSimulatorExtension.class)
public @interface GmeSimulatorTest {

  /**
   * The clock of every test's SDK context: {@code "virtual"} (the default: GME's 30 s enter-room
   * timeout costs no wall time, and a slow machine never turns a normal reply into 1005),
   * {@code "manual"} (the test calls {@code gme.clock().advance(...)}), or {@code "scaled(100)"}
   * (with the wall clock, 100 times faster). A bad value fails the class before anything starts.
   */
  String clock() default Settings.DEFAULT_CLOCK;

  /**
   * How every test's SDK context delivers its events: {@link PollMode#STRICT} (the default, as GME:
   * only inside {@code gme.poll()}, which the injected {@code EventRecorder}'s awaits call for the
   * test) or {@link PollMode#IMMEDIATE} (on the SDK's threads, without Poll).
   */
  PollMode poll() default PollMode.STRICT;

  /** The factor of scaled sessions that name none (the embedded simulator's default factor, 1). */
  double timeScale() default Settings.DEFAULT_TIME_SCALE;

  /** Serves the room protocol on this TCP port; 0 (the default) picks a free one. */
  int roomPort() default 0;

  /** Serves HTTP (voice messages, control API) on this port; 0 (the default) picks a free one. */
  int httpPort() default 0;

  /** Shares one simulator per class (the default) or across the whole run. */
  SimulatorScope scope() default SimulatorScope.CLASS;

  /** Fails a test whose {@code @InjectGmeError} faults never fired, i.e. the test never made a call they match. */
  boolean failOnUnfiredFaults() default false;

  /**
   * Apps whose auth buffers the simulator checks, each {@code "APPID:KEY"} with the app's 16-byte
   * permission key; a {@link GmeAuth} parameter mints correct buffers for them. Apps not listed
   * accept any buffer. Use a test-only key here, never a production one.
   */
  String[] apps() default {};

  /**
   * A server-API key as {@code "SECRETID:SECRETKEY"}: the simulator then checks TC3-HMAC-SHA256
   * signatures with it, and a {@link GmeCloudApi} parameter hands it to the test. Empty (the
   * default): no key, any signature passes. Prefer test-only keys; the value is never printed.
   */
  String cloudSecret() default "";
}
