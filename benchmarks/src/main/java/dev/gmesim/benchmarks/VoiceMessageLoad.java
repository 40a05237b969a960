package dev.gmesim.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.gmesim.core.server.GmeSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Voice-message round trips per second: upload a body, then download it by its file id, against
 * the simulator (which stores each upload and serves it back) and, in the same run, against a stock
 * WireMock of the same version serving a static body of the same size. The two alternate in short
 * runs; each body size prints the median rates and the median of the per-pair ratios. The
 * simulator's target is at least 0.8 of stock WireMock.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.gmesim.benchmarks.VoiceMessageLoad \
 *     [--sizes 1024,65536,1048576] [--seconds 5] [--rounds 7] [--concurrency 16] [--store-mib 256]
 * </pre>
 */
@Command(name = "VoiceMessageLoad", sortOptions = false,
    description = "Voice-message round trips (upload + download) per second, the simulator against a stock WireMock.")
public final class VoiceMessageLoad implements Callable<Integer> {
  private static final Pattern FILE_ID = Pattern.compile("\"file_id\"\\s*:\\s*\"([^\"]+)\"");

  @Option(names = "--sizes", paramLabel = "BYTES", split = ",", defaultValue = "1024,65536,1048576",
      converter = Cli.PositiveInt.class, description = "Body sizes, one table row each (default ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Mixin
  PairedRuns runs;

  @Option(names = "--store-mib", paramLabel = "MIB", defaultValue = "256", converter = Cli.PositiveInt.class,
      description = "The simulator's voice-message store bound in MiB (default ${DEFAULT-VALUE}).")
  int storeMiB;

  VoiceMessageLoad() {}

  /** Runs the comparison and prints the table; exits with status 2 and the reason on a bad flag. */
  public static void main(String[] args) {
    Cli.run(new VoiceMessageLoad(), args);
  }

  @Override
  public Integer call() throws Exception {
    int concurrency = runs.concurrency;
    ExecutorService clientPool = Executors.newFixedThreadPool(concurrency + 2);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientPool).build();
    System.out.printf(Locale.ROOT, "voice-message round trips (upload + download), %d client threads, %d x %d s per "
        + "server and size, simulator store %d MiB, JDK %s, %d cores%n%n", concurrency, runs.rounds, runs.seconds,
        storeMiB, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "%10s %16s %16s %8s%n", "body", "simulator rt/s", "stock WM rt/s", "ratio");
    System.out.printf(Locale.ROOT, "%10s %16s %16s %8s%n", "", "(median)", "(median)", "(median)");
    try (GmeSimulator sim = GmeSimulator.builder().voiceStoreBytes((long) storeMiB << 20).start()) {
      WireMockServer stock = stockWireMock();
      stock.start();
      try {
        for (int size : sizes) {
          byte[] body = new byte[size];
          ThreadLocalRandom.current().nextBytes(body);
          stock.resetMappings();
          stock.stubFor(WireMock.post("/gme/ptt/v1/upload").willReturn(WireMock.okJson(
              "{\"result\":0,\"error_info\":\"\",\"file_id\":\"" + stock.baseUrl() + "/gme/ptt/v1/files/static\"}")));
          stock.stubFor(WireMock.get("/gme/ptt/v1/files/static").willReturn(WireMock.ok()
              .withHeader("Content-Type", "application/octet-stream").withBody(body)));
          URI simUpload = sim.httpBaseUri().resolve("/gme/ptt/v1/upload");
          URI stockUpload = URI.create(stock.baseUrl() + "/gme/ptt/v1/upload");
          PairedRuns.Comparison c = runs.compare(length -> run(http, simUpload, body, concurrency, length),
              length -> run(http, stockUpload, body, concurrency, length));
          System.out.printf(Locale.ROOT, "%10s %16.0f %16.0f %8.2f   pairs: %s%n", human(size), c.simulator(),
              c.stock(), c.ratio(), c.pairs());
        }
      } finally {
        stock.stop();
      }
    } finally {
      clientPool.shutdownNow();
    }
    return 0;
  }

  /** Runs round trips from {@code concurrency} threads for {@code duration} and returns round trips per second. */
  static double run(HttpClient http, URI upload, byte[] body, int concurrency, Duration duration) throws Exception {
    LongAdder done = new LongAdder();
    LongAdder failed = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    List<Future<?>> running = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      running.add(workers.submit(() -> {
        while (!stop.get()) {
          if (roundTrip(http, upload, body)) {
            done.increment();
          } else {
            failed.increment();
          }
        }
        return null;
      }));
    }
    Thread.sleep(duration.toMillis());
    stop.set(true);
    for (Future<?> f : running) {
      f.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    workers.shutdown();
    if (failed.sum() > 0) {
      System.err.println(failed.sum() + " round trips to " + upload + " failed");
    }
    return done.sum() / elapsed;
  }

  private static boolean roundTrip(HttpClient http, URI upload, byte[] body) {
    try {
      HttpResponse<String> up = http.send(HttpRequest.newBuilder(upload)
          .header("X-Gme-AppId", "1400000000")
          .header("X-Gme-OpenId", "10001")
          .header("X-Gme-AuthBuffer", "YmVuY2g=")
          .header("Content-Type", "application/octet-stream")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
      Matcher m = FILE_ID.matcher(up.body());
      if (up.statusCode() != 200 || !m.find()) {
        return false;
      }
      HttpResponse<byte[]> down = http.send(HttpRequest.newBuilder(URI.create(m.group(1)))
          .header("X-Gme-AppId", "1400000000")
          .header("X-Gme-OpenId", "10001")
          .header("X-Gme-AuthBuffer", "YmVuY2g=").build(), HttpResponse.BodyHandlers.ofByteArray());
      return down.statusCode() == 200 && down.body().length == body.length;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A stock WireMock with the simulator's Jetty settings: no request journal, no request log, asynchronous delayed answers. */
  static WireMockServer stockWireMock() {
    return new WireMockServer(WireMockConfiguration.options()
        .dynamicPort()
        .bindAddress("127.0.0.1")
        // The simulator's Jetty settings: no request journal, no request log, asynchronous delayed answers.
        .disableRequestJournal()
        .stubRequestLoggingDisabled(true)
        .asynchronousResponseEnabled(true)
        .asynchronousResponseThreads(2)
        .notifier(new Slf4jNotifier(false)));
  }

  private static String human(int bytes) {
    return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes >= 1 << 10 ? (bytes >> 10) + " KiB" : bytes + " B";
  }
}
