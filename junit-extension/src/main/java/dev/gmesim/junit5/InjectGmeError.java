package dev.gmesim.junit5;

import dev.gmesim.core.catalog.Operation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the simulator answer with a GME error code during a test: by default every call of the
 * test's SDK contexts to an operation where GME raises that code fails with it, as GME reports it.
 * On a class it applies to every test of the class, its subclasses and its {@code @Nested}
 * classes; it is repeatable and works as a meta-annotation. Needs {@link GmeSimulatorTest} (or a
 * registered {@link GmeSimulatorExtension}) on the class.
 *
 * <pre>{@code
 * @Test
 * @InjectGmeError(7006)                                        // ENTER_ROOM and SWITCH_ROOM answer 7006
 * @InjectGmeError(value = 1201, operations = Operation.ENABLE_MIC, times = 1)
 * void expiredTokenAsksThePlayerToLogInAgain(GmeContext gme) { ... }
 *
 * // a team's own name for a failure it rehearses often
 * @Retention(RetentionPolicy.RUNTIME)
 * @Target({ElementType.METHOD, ElementType.TYPE})
 * @InjectGmeError(7006)
 * @interface TokenExpired {}
 * }</pre>
 *
 * <p>{@code 1005} ({@code AV_ERR_TIMEOUT}) is injected as GME produces it: the server stays
 * silent and the SDK's own timer fires, so {@code ENTER_ROOM} reports 1005 with
 * {@code elapsed_ms = 30000} after 300 ms of wall time at the default time scale of 100.
 *
 * <p>Attributes are checked before anything is installed: an unknown code fails the test with the
 * nearest known code, an operation where GME never raises the code fails naming the valid ones.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(InjectGmeError.List.class)
public @interface InjectGmeError {

  /** The GME error code to answer with, e.g. {@code 7006} ({@code AV_ERR_AUTH_FIALD}). */
  int value();

  /** The operations to fail; empty (the default) means every operation where GME raises the code. */
  Operation[] operations() default {};

  /** Fails at most this many matching calls; 0 (the default) fails every matching call during the test. */
  int times() default 0;

  /** Lets this many matching calls pass untouched before failing any. */
  int after() default 0;

  /** Fails each eligible matching call with this chance, in (0, 1]; reproducible from {@link #seed()}. */
  double probability() default 1.0;

  /** Seeds the probability draws, so a flaky-looking run can be replayed exactly. */
  long seed() default 0;

  /** Waits this long (simulated time) before answering, in the {@code Durations.parse} grammar: {@code "250ms"}, {@code "2s"} or {@code "PT0.25S"}; empty for none. */
  String delay() default "";

  /** Fails only calls of users whose OpenID matches this glob ({@code *}, {@code ?}); empty for any. */
  String openId() default "";

  /** Fails only calls concerning rooms whose id matches this glob ({@code *}, {@code ?}); empty for any. */
  String roomId() default "";

  /** Holds several {@link InjectGmeError} on one element; written by the compiler, rarely by hand. */
  @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Inherited
  @interface List {
    /** The repeated annotations, in declaration order. */
    InjectGmeError[] value();
  }
}
