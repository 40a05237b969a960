package dev.gmesim.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Cold start of the simulator's jar next to a stock WireMock standalone jar: each is spawned as a
 * fresh JVM and timed from spawn to its first 200 on its health endpoint; the two alternate so
 * both see the same machine load, and the median of the runs is reported.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.gmesim.benchmarks.ColdStart [RUNS] [SIMULATOR_JAR] [WIREMOCK_JAR]
 * </pre>
 */
@Command(name = "ColdStart",
    description = "Cold start, spawn to the first healthy answer, of the simulator's jar and a stock WireMock jar.")
public final class ColdStart implements Callable<Integer> {
  private static final Duration POLL = Duration.ofMillis(5);
  private static final Duration GIVE_UP = Duration.ofSeconds(60);
  private static final String PINNED_WIREMOCK = pinnedWireMock();

  @Parameters(index = "0", arity = "0..1", paramLabel = "RUNS", defaultValue = "5", converter = Cli.PositiveInt.class,
      description = "Measured starts of each jar (default ${DEFAULT-VALUE}).")
  int runs;

  @Parameters(index = "1", arity = "0..1", paramLabel = "SIMULATOR_JAR",
      defaultValue = "simulator-core/target/gme-simulator.jar",
      description = "The simulator's runnable jar (default ${DEFAULT-VALUE}).")
  Path ours;

  // The default follows the version the parent pom pins, so it moves with every WireMock upgrade.
  @Parameters(index = "2", arity = "0..1", paramLabel = "WIREMOCK_JAR",
      description = "A WireMock standalone jar (default ${DEFAULT-VALUE}, the version the simulator embeds).")
  Path wiremock = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "wiremock",
      "wiremock-standalone", PINNED_WIREMOCK, "wiremock-standalone-" + PINNED_WIREMOCK + ".jar");

  @Spec
  CommandSpec spec;

  ColdStart() {}

  /** One contender: how to start it on a port and where its health endpoint is. */
  private record Contender(String name, Path jar, List<String> args, String healthPath) {}

  /** Runs the benchmark and prints one line per start and a Markdown table of medians; bad arguments exit 2. */
  public static void main(String[] args) {
    Cli.run(new ColdStart(), args);
  }

  @Override
  public Integer call() throws Exception {
    require("SIMULATOR_JAR", ours, "build it with ./mvnw -B -q -pl wiremock-mappings,simulator-core package "
        + "-DskipTests, or pass its path");
    require("WIREMOCK_JAR", wiremock, "pass the path of a WireMock standalone jar (the build puts "
        + "org.wiremock:wiremock-standalone:" + PINNED_WIREMOCK + " in ~/.m2)");
    List<Contender> contenders = List.of(
        new Contender("gme-simulator", ours, List.of("--room-port", "0", "--http-port", "%d"), "/__admin/gme/health"),
        new Contender(wireMockName(wiremock), wiremock, List.of("--port", "%d"), "/__admin/health"));

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
    return 0;
  }

  private void require(String label, Path jar, String fix) {
    if (!Files.isRegularFile(jar)) {
      throw new ParameterException(spec.commandLine(), label + " " + jar + " does not exist; " + fix);
    }
  }

  /**
   * Names a WireMock jar by the version it carries ({@code version.properties}, what its
   * {@code --version} prints), so the table is right for whichever jar was passed.
   */
  static String wireMockName(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry entry = file.getJarEntry("version.properties");
      if (entry != null) {
        Properties p = new Properties();
        try (InputStream in = file.getInputStream(entry)) {
          p.load(in);
        }
        String version = p.getProperty("version");
        if (version != null) {
          return "wiremock-standalone " + version;
        }
      }
    }
    return jar.getFileName().toString();
  }

  /** The WireMock version the parent pom pins, from a resource Maven fills in when it builds this module. */
  static String pinnedWireMock() {
    Properties p = new Properties();
    try (InputStream in = ColdStart.class.getResourceAsStream("versions.properties")) {
      if (in == null) {
        throw new IllegalStateException("versions.properties is missing from the classpath; build the benchmarks "
            + "module with Maven, which writes it");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("wiremock.version");
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
