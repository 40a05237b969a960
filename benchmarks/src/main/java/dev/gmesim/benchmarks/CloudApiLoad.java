package dev.gmesim.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.gme.v20180711.GmeClient;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoResponse;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.server.GmeSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Server API requests per second: {@code DescribeRoomInfo} through the official TencentCloud Java
 * client from 16 threads, against the simulator (signature parse, fault-plan decision, journal, the
 * world's room) and, alternated in the same run, against a stock WireMock answering {@code POST /}
 * with the same body. Prints the median rates and the median of the per-pair ratios; the target is
 * at least 0.8 of stock WireMock.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.gmesim.benchmarks.CloudApiLoad [--seconds 5] [--rounds 7] [--concurrency 16]
 * </pre>
 */
@Command(name = "CloudApiLoad", sortOptions = false,
    description = "Server API requests per second (DescribeRoomInfo), the simulator against a stock WireMock.")
public final class CloudApiLoad implements Callable<Integer> {

  @Mixin
  PairedRuns runs;

  CloudApiLoad() {}

  /** Runs the comparison and prints the table; exits with status 2 and the reason on a bad flag. */
  public static void main(String[] args) {
    Cli.run(new CloudApiLoad(), args);
  }

  @Override
  public Integer call() throws Exception {
    int concurrency = runs.concurrency;
    try (GmeSimulator sim = GmeSimulator.start();
        GmeContext player = GmeContext.builder().room(sim.roomAddress()).delegate(new EventRecorder()).build()) {
      player.init("1400000000", "10001");
      player.enterRoom("bench-room", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      GmeClient simClient = client(sim.cloudEndpoint());
      DescribeRoomInfoResponse sample = simClient.DescribeRoomInfo(request());
      String body = "{\"Response\":" + AbstractModel.toJsonString(sample) + "}";
      WireMockServer stock = VoiceMessageLoad.stockWireMock();
      stock.start();
      try {
        stock.stubFor(WireMock.post("/").willReturn(WireMock.okJson(body)));
        GmeClient stockClient = client("127.0.0.1:" + stock.port());
        System.out.printf(Locale.ROOT, "DescribeRoomInfo through tencentcloud-sdk-java, %d client threads, %d x %d s per"
            + " server, JDK %s, %d cores%n%n", concurrency, runs.rounds, runs.seconds, System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors());
        PairedRuns.Comparison c = runs.compare(length -> run(simClient, concurrency, length),
            length -> run(stockClient, concurrency, length));
        System.out.printf(Locale.ROOT, "%16s %16s %8s%n", "simulator req/s", "stock WM req/s", "ratio");
        System.out.printf(Locale.ROOT, "%16.0f %16.0f %8.2f   pairs: %s%n", c.simulator(), c.stock(), c.ratio(),
            c.pairs());
      } finally {
        stock.stop();
      }
    }
    return 0;
  }

  static GmeClient client(String endpoint) {
    HttpProfile http = new HttpProfile();
    http.setEndpoint(endpoint);
    http.setProtocol(HttpProfile.REQ_HTTP);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new GmeClient(new Credential("AKIDbenchmark", "benchmark-key"), "", profile);
  }

  static DescribeRoomInfoRequest request() {
    DescribeRoomInfoRequest req = new DescribeRoomInfoRequest();
    req.setSdkAppId(1400000000L);
    req.setStrRoomIds(new String[] {"bench-room"});
    return req;
  }

  /** Sends requests from {@code concurrency} threads for {@code length} and returns successful requests per second. */
  static double run(GmeClient client, int concurrency, Duration length) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder done = new LongAdder();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      workers.add(pool.submit(() -> {
        DescribeRoomInfoRequest req = request();
        while (!stop.get()) {
          try {
            client.DescribeRoomInfo(req);
            done.increment();
          } catch (Exception e) {
            // counted as not done
          }
        }
      }));
    }
    long start = System.nanoTime();
    Thread.sleep(length.toMillis());
    stop.set(true);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long count = done.sum();
    for (Future<?> w : workers) {
      w.get();
    }
    pool.shutdown();
    return count / elapsed;
  }
}
