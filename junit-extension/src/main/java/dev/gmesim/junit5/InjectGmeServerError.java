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
 * code during a test: by default every request of the test's client to an action that can return
 * the code fails with it, as Tencent's API reports it, so a game backend's handling of
 * {@code TencentCloudSDKException} is exercised. On a class it applies to every test of the class,
 * its subclasses and its {@code @Nested} classes; it is repeatable and works as a meta-annotation.
 * Needs {@link GmeSimulatorTest} (or a registered {@link GmeSimulatorExtension}) on the class.
 *
 * <pre>{@code
 * @Test
 * @InjectGmeServerError(value = "RequestLimitExceeded", actions = "DescribeRoomInfo", times = 1)
 * void theBackendRetriesAThrottledRoomQuery(GmeCloudApi api) {
 *   RoomService rooms = new RoomService(api.gmeClient());   // its first DescribeRoomInfo fails, the retry passes
 * }
 *
 * @Test
 * @InjectGmeServerError("UnsupportedOperation.ServiceNotOpened")      // every recording action refuses
 * void recordingOffIsReportedToTheOperator(GmeCloudApi api) { ... }
 * }</pre>
 *
 * <p>Attributes are checked before anything is installed: an unknown code fails the test with the
 * nearest known codes, an action that cannot return the code fails naming the ones that can. The
 * rules are removed after the test. They fail only requests that carry the test's tag in the
 * {@code X-Gme-Tag} header, which the clients of the test's {@link GmeCloudApi} send, so tests
 * sharing a simulator in parallel never see each other's server errors; see {@link #tagged()} for a
 * backend that cannot send it.
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

  /**
   * Fails only requests carrying this test's tag (true, the default), as {@link GmeCloudApi}'s clients
   * send it; false fails every server API request the simulator gets during the test, for a backend
   * that cannot send the header (another process): narrow it with {@link #roomId()} and keep such
   * tests from running in parallel with others on one simulator.
   */
  boolean tagged() default true;

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
