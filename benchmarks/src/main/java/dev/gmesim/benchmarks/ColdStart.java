package dev.gmesim.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of the simulator's jar next to a stock WireMock standalone jar: each is spawned as a
 * fresh JVM and timed from spawn to its first 200 on its health endpoint; the two alternate so
 * both see the same machine load, and the median of the runs is reported.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.gmesim.benchmarks.ColdStart [runs] [gme-simulator.jar] [wiremock-standalone.jar]
 * </pre>
 */
public final class ColdStart {
  private static final Duration POLL = Duration.ofMillis(5);
  private static final Duration GIVE_UP = Duration.ofSeconds(60);

  private ColdStart() {}

  /** One contender: how to start it on a port and where its health endpoint is. */
  private record Contender(String name, Path jar, List<String> args, String healthPath) {}

  /** Runs the benchmark and prints one line per start and a Markdown table of medians. */
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path ours = Path.of(args.length > 1 ? args[1] : "simulator-core/target/gme-simulator.jar");
    Path wiremock = Path.of(args.length > 2 ? args[2] : System.getProperty("user.home")
        + "/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar");
    for (Path jar : List.of(ours, wiremock)) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException(jar + " does not exist; build it with ./mvnw -B -q package -DskipTests, "
            + "or pass the jar paths as arguments");
      }
    }
    List<Contender> contenders = List.of(
        new Contender("gme-simulator", ours, List.of("--room-port", "0", "--http-port", "%d"), "/__admin/gme/health"),
        new Contender("wiremock-standalone 3.13.2", wiremock, List.of("--port", "%d"), "/__admin/health"));

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    List<List<Long>> times = new ArrayList<>();
    contenders.forEach(c -> times.add(new ArrayList<>()));
    // One unmeasured start of each first, so the page cache holds both jars for every measured start.
    for (Contender c : contenders) {
      startOnce(http, c);
    }
    for (int run = 1; run <= runs; run++) {
      for (int i = 0; i < contenders.size(); i++) {
        long ms = startOnce(http, contenders.get(i));
        times.get(i).add(ms);
        System.out.printf(Locale.ROOT, "run %d  %-28s %5d ms%n", run, contenders.get(i).name(), ms);
      }
    }
    System.out.println();
    System.out.println("| jar | runs (ms) | median (ms) |");
    System.out.println("|---|---|---|");
    for (int i = 0; i < contenders.size(); i++) {
      System.out.printf(Locale.ROOT, "| %s | %s | %d |%n", contenders.get(i).name(), times.get(i), median(times.get(i)));
    }
    System.out.println();
    System.out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
        + Runtime.getRuntime().availableProcessors() + " cores");
  }

  /** Spawns the jar, polls its health endpoint until it answers 200, stops it, and returns spawn-to-200 in ms. */
  private static long startOnce(HttpClient http, Contender c) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(c.jar().toAbsolutePath().toString());
    c.args().forEach(a -> command.add(String.format(Locale.ROOT, a, port)));
    // WireMock creates mappings/ and __files/ in its working directory; give each start an empty one.
    Path dir = Files.createTempDirectory("coldstart");
    URI health = URI.create("http://127.0.0.1:" + port + c.healthPath());
    HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build();

    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      while (true) {
        try {
          if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
          }
        } catch (IOException notYet) {
          // Not listening yet.
        }
        if (!p.isAlive()) {
          throw new IllegalStateException(c.name() + " exited with " + p.exitValue() + " before answering " + health);
        }
        if (System.nanoTime() - t0 > GIVE_UP.toNanos()) {
          throw new IllegalStateException(c.name() + " did not answer " + health + " within " + GIVE_UP);
        }
        Thread.sleep(POLL.toMillis());
      }
    } finally {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
      deleteTree(dir);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
