package dev.gmesim.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the simulator's server API (TencentCloud API 3.0, {@code POST /}) answer with an API error
 * code during a test: by default every request to an action that can return the code fails with it,
 * as Tencent's API reports it, so a game backend's handling of {@code TencentCloudSDKException} is
 * exercised. On a class it applies to every test of the class, its subclasses and its
 * {@code @Nested} classes; it is repeatable and works as a meta-annotation. Needs
 * {@link GmeSimulatorTest} (or a registered {@link GmeSimulatorExtension}) on the class.
 *
 * <pre>{@code
 * @Test
 * @InjectGmeServerError(value = "RequestLimitExceeded", actions = "DescribeRoomInfo", times = 1)
 * void theBackendRetriesAThrottledRoomQuery(GmeCloudApi api) { ... }   // the first DescribeRoomInfo fails, the retry passes
 *
 * @Test
 * @InjectGmeServerError("UnsupportedOperation.ServiceNotOpened")      // every recording action refuses
 * void recordingOffIsReportedToTheOperator(GmeCloudApi api) { ... }
 * }</pre>
 *
 * <p>Attributes are checked before anything is installed: an unknown code fails the test with the
 * nearest known codes, an action that cannot return the code fails naming the ones that can. The
 * rules are removed after the test. Server API requests carry no test tag (a backend's requests are
 * its own), so while the test runs the rules match every server API request the simulator gets;
 * narrow them with {@link #roomId()} when tests share a simulator in parallel.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(InjectGmeServerError.List.class)
public @interface InjectGmeServerError {

  /** The API 3.0 error code to answer with, e.g. {@code "RequestLimitExceeded"} (the list: {@code ApiErrorCode}, docs/server-api.md). */
  String value();

  /**
   * The actions to fail, by action name ({@code "DescribeRoomInfo"}) or operation
   * ({@code "SERVER_DESCRIBE_ROOM_INFO"}); empty (the default) means every served action that can return the code.
   */
  String[] actions() default {};

  /** Fails at most this many matching requests; 0 (the default) fails every matching request during the test. */
  int times() default 0;

  /** Lets this many matching requests pass untouched before failing any. */
  int after() default 0;

  /** Fails each eligible matching request with this chance, in (0, 1]; reproducible from {@link #seed()}. */
  double probability() default 1.0;

  /** Seeds the probability draws, so a flaky-looking run can be replayed exactly. */
  long seed() default 0;

  /** Waits this long (simulated time) before answering, e.g. {@code "250ms"}, {@code "2s"} or {@code "PT0.25S"}; empty for none. */
  String delay() default "";

  /** Fails only requests concerning rooms whose id matches this glob ({@code *}, {@code ?}); empty for any. */
  String roomId() default "";

  /** Holds several {@link InjectGmeServerError} on one element; written by the compiler, rarely by hand. */
  @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Inherited
  @interface List {
    /** The repeated annotations, in declaration order. */
    InjectGmeServerError[] value();
  }
}
