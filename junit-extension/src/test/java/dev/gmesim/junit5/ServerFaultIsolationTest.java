package dev.gmesim.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoResponse;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two backend test classes on one shared simulator, run at once by JUnit's parallel execution: one
 * injects {@code RequestLimitExceeded} with {@link InjectGmeServerError}, the other injects nothing,
 * and both query the server API with the official client while the fault is installed (a barrier
 * holds them). The faulted test's client is throttled, the other's is answered; with
 * {@code tagged = false} the same run shows the other test throttled too, so the run can see a leak.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerFaultIsolationTest {
  static final int TESTS = 2;
  static volatile CyclicBarrier faultsInstalled;
  static volatile CyclicBarrier queriesMade;
  static final Set<InetSocketAddress> simulators = ConcurrentHashMap.newKeySet();

  @Test
  void aServerErrorOfOneTestNeverReachesAConcurrentTest() {
    runInParallel(Map.of(), ThrottledCases.class, ServedCases.class);
  }

  @Test
  void anUntaggedServerErrorReachesEveryConcurrentTest() {
    runInParallel(Map.of(), UntaggedThrottleCases.class, CaughtInTheUntaggedThrottleCases.class);
  }

  /** Runs the two classes at once with these extra configuration parameters and checks both passed on one simulator. */
  static void runInParallel(Map<String, String> extra, Class<?> faulted, Class<?> other) {
    faultsInstalled = new CyclicBarrier(TESTS);
    queriesMade = new CyclicBarrier(TESTS);
    simulators.clear();
    Kit.assertPassed(Kit.runInParallel(TESTS, extra, faulted, other), TESTS);
    assertThat(simulators).as("simulators the classes ran against").hasSize(1);
  }

  /**
   * Runs {@code queries} once both tests run with their faults installed, and keeps this test (and
   * so its faults) running until the other test has queried too.
   */
  static void whileBothRun(GmeSimulatorHandle sim, Queries queries) throws Exception {
    simulators.add(sim.roomAddress());
    Kit.await(faultsInstalled);
    try {
      queries.run();
    } finally {
      Kit.await(queriesMade);
    }
  }

  /** A test's server API queries, which may throw the client's checked exception. */
  interface Queries {
    /** Makes the queries and checks their answers. */
    void run() throws Exception;
  }

  static DescribeRoomInfoRequest rooms(String room) {
    DescribeRoomInfoRequest req = new DescribeRoomInfoRequest();
    req.setSdkAppId(Long.parseLong(Fixtures.APP));
    req.setStrRoomIds(new String[] {room});
    return req;
  }

  /** Asserts that the test's official client is throttled while the other test runs. */
  static void expectThrottled(GmeCloudApi api, GmeSimulatorHandle sim) throws Exception {
    whileBothRun(sim, () -> {
      TencentCloudSDKException e = catchThrowableOfType(TencentCloudSDKException.class,
          () -> api.gmeClient().DescribeRoomInfo(rooms("throttled-" + sim.tag())));
      assertThat(e).as("the query of %s failed", sim.tag()).isNotNull();
      assertThat(e.getErrorCode()).isEqualTo("RequestLimitExceeded");
    });
  }

  // ---- fixtures ------------------------------------------------------------------------------

  @GmeSimulatorTest(scope = SimulatorScope.RUN)
  static class ThrottledCases {
    @Test
    @InjectGmeServerError(value = "RequestLimitExceeded", actions = "DescribeRoomInfo")
    void isThrottled(GmeCloudApi api, GmeSimulatorHandle sim) throws Exception {
      expectThrottled(api, sim);
    }
  }

  @GmeSimulatorTest(scope = SimulatorScope.RUN)
  static class ServedCases {
    @Test
    void seesItsPlayerInTheRoom(GmeCloudApi api, GmeSimulatorHandle sim, GmeContext gme, EventRecorder events)
        throws Exception {
      String room = "served-" + sim.tag();
      assertThat(Fixtures.join(gme, events, "10001", room).result()).isZero();
      whileBothRun(sim, () -> {
        DescribeRoomInfoResponse res = api.gmeClient().DescribeRoomInfo(rooms(room));
        assertThat(res.getResult()).isZero();
        assertThat(res.getRoomUsers()).singleElement().satisfies(r -> {
          assertThat(r.getStrRoomId()).isEqualTo(room);
          assertThat(r.getStrUins()).containsExactly("10001");
        });
      });
    }
  }

  @GmeSimulatorTest(scope = SimulatorScope.RUN)
  static class UntaggedThrottleCases {
    @Test
    @InjectGmeServerError(value = "RequestLimitExceeded", actions = "DescribeRoomInfo", tagged = false)
    void isThrottled(GmeCloudApi api, GmeSimulatorHandle sim) throws Exception {
      expectThrottled(api, sim);
    }
  }

  @GmeSimulatorTest(scope = SimulatorScope.RUN)
  static class CaughtInTheUntaggedThrottleCases {
    @Test
    void isThrottledToo(GmeCloudApi api, GmeSimulatorHandle sim) throws Exception {
      expectThrottled(api, sim);
    }
  }
}
