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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
public final class VoiceMessageLoad {
  private static final Pattern FILE_ID = Pattern.compile("\"file_id\"\\s*:\\s*\"([^\"]+)\"");

  private VoiceMessageLoad() {}

  /** Runs the comparison and prints the table; see the type's documentation for the flags. */
  public static void main(String[] args) throws Exception {
    int[] sizes = {1024, 64 * 1024, 1024 * 1024};
    int seconds = 5;
    int rounds = 7;
    int concurrency = 16;
    long storeMiB = 256;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--sizes" -> sizes = Arrays.stream(value.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        case "--seconds" -> seconds = Integer.parseInt(value);
        case "--rounds" -> rounds = Integer.parseInt(value);
        case "--concurrency" -> concurrency = Integer.parseInt(value);
        case "--store-mib" -> storeMiB = Long.parseLong(value);
        default -> {
          throw new IllegalArgumentException("unknown flag " + args[i] + "; use --sizes, --seconds, --rounds, --concurrency, --store-mib");
        }
      }
    }
    ExecutorService clientPool = Executors.newFixedThreadPool(concurrency + 2);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientPool).build();
    System.out.printf(Locale.ROOT, "voice-message round trips (upload + download), %d client threads, %d x %d s per "
        + "server and size, simulator store %d MiB, JDK %s, %d cores%n%n", concurrency, rounds, seconds, storeMiB, System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "%10s %16s %16s %8s%n", "body", "simulator rt/s", "stock WM rt/s", "ratio");
    System.out.printf(Locale.ROOT, "%10s %16s %16s %8s%n", "", "(median)", "(median)", "(median)");
    try (GmeSimulator sim = GmeSimulator.builder().voiceStoreBytes(storeMiB << 20).start()) {
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
          // Warm both up so the JIT, the heap and the connection pools are ready before anything is counted.
          run(http, simUpload, body, concurrency, Duration.ofSeconds(seconds));
          run(http, stockUpload, body, concurrency, Duration.ofSeconds(seconds));
          // Alternate short runs and compare each pair: load from other processes on a shared machine
          // then drifts over both servers alike instead of favouring whichever ran in a quiet moment.
          double[] simRates = new double[rounds];
          double[] stockRates = new double[rounds];
          double[] ratios = new double[rounds];
          for (int r = 0; r < rounds; r++) {
            // Swap the order every pair, so that neither server always runs right after the other.
            if (r % 2 == 0) {
              simRates[r] = run(http, simUpload, body, concurrency, Duration.ofSeconds(seconds));
              stockRates[r] = run(http, stockUpload, body, concurrency, Duration.ofSeconds(seconds));
            } else {
              stockRates[r] = run(http, stockUpload, body, concurrency, Duration.ofSeconds(seconds));
              simRates[r] = run(http, simUpload, body, concurrency, Duration.ofSeconds(seconds));
            }
            ratios[r] = simRates[r] / stockRates[r];
          }
          System.out.printf(Locale.ROOT, "%10s %16.0f %16.0f %8.2f   pairs: %s%n", human(size), median(simRates),
              median(stockRates), median(ratios), Arrays.stream(ratios)
                  .mapToObj(x -> String.format(Locale.ROOT, "%.2f", x)).collect(Collectors.joining(" ")));
        }
      } finally {
        stock.stop();
      }
    } finally {
      clientPool.shutdownNow();
    }
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

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String human(int bytes) {
    return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes >= 1 << 10 ? (bytes >> 10) + " KiB" : bytes + " B";
  }
}
