package dev.gmesim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.remote.GmeSimulatorClient;
import dev.gmesim.core.api.JournalQuery;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.remote.RemoteSimulatorException;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.time.TimeMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a separate process, driven over HTTP as a test in any language would drive it:
 * inject a fault, watch the simulated SDK get it, read it back from the journal, stop with SIGTERM.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StandaloneJarIT {
  static final String TOKEN = "it-admin-token-5f0c2a9e71d34b8a";
  static final Pattern READY = Pattern.compile(
      "GME simulator ready: room=(\\S+):(\\d+) http=(http://\\S+) timeScale=(\\S+) admin=(\\S+) rules=(\\d+)");

  final List<JarProcess> started = new ArrayList<>();

  @AfterEach
  void stopAll() {
    started.forEach(JarProcess::kill);
  }

  @Test
  void aFaultInjectedOverHttpReachesTheSdkAndTheJournalAndSigtermEndsTheProcess(@TempDir Path dir)
      throws Exception {
    Path profile = dir.resolve("drill.yaml");
    Files.writeString(profile, "rules:\n  - id: slow-exit\n    operations: [EXIT_ROOM]\n    effect: noReply\n"
        + "    roomId: nowhere-*\n");
    // The token travels in the environment, as the README advises, never on the command line.
    JarProcess sim = start(Map.of("GMESIM_ADMIN_TOKEN", TOKEN, "GMESIM_TIME_SCALE", "100"),
        "--http-port", "0", "--room-port", "0", "--profile", profile.toString());
    Matcher ready = sim.awaitReady();
    assertThat(ready.group(5)).isEqualTo("token");
    assertThat(ready.group(6)).isEqualTo("1");
    URI http = URI.create(ready.group(3));

    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(http.resolve("/__admin/gme/health")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).as("health needs no token").isEqualTo(200);
    GmeSimulatorClient client = GmeSimulatorClient.connect(http, TOKEN);
    assertThat(client.faults()).extracting(s -> s.rule().id()).containsExactly("slow-exit");
    FaultRule rule = client.addFault(FaultRule.on(Operation.ENTER_ROOM)
        .error(GmeErrorCode.AV_ERR_AUTH_FIALD)
        .openId("it-user")
        .times(1)
        .alias("token expiry")
        .build());

    EventRecorder events = new EventRecorder();
    // The jar's own clock is scaled(100); the test's session asks for a virtual one, so a loaded
    // machine cannot turn the reply into a 1005 (300 ms of wall time at that scale).
    try (GmeContext gme = GmeContext.builder().room(client.roomAddress()).clock(TimeMode.virtual()).delegate(events)
        .build()) {
      assertThat(gme.init("1400000000", "it-user")).isZero();
      gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      assertThat(events.await(GmeEventType.ENTER_ROOM).result()).isEqualTo(7006);
    }

    List<JournalEntry> journal = client.journal(JournalQuery.builder().operation(Operation.ENTER_ROOM).build());
    assertThat(journal).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo(rule.id());
      assertThat(e.result()).isEqualTo(7006);
      assertThat(e.openId()).isEqualTo("it-user");
      assertThat(e.roomId()).isEqualTo("lobby");
    });
    assertThat(client.fault(rule.id()).orElseThrow().fired()).isEqualTo(1);
    assertThat(client.metrics())
        .contains("gmesim_faults_injected_total{code=\"7006\",effect=\"error\",operation=\"ENTER_ROOM\"} 1.0");

    // A stranger gets nothing.
    assertThat(catchThrowableOfType(RemoteSimulatorException.class,
        () -> GmeSimulatorClient.connect(http, "a-wrong-token-000000000000")).status()).isEqualTo(401);

    sim.process.destroy();  // SIGTERM on Linux
    assertThat(sim.process.waitFor(2, TimeUnit.SECONDS)).as("exited within 2 s of SIGTERM").isTrue();
    sim.drain();
    assertThat(sim.output()).doesNotContain(TOKEN).doesNotContain("a-wrong-token");
    assertThat(sim.errors()).doesNotContain(TOKEN).doesNotContain("Exception");
  }

  @Test
  void aNonLoopbackBindWithoutATokenIsRefusedAtStartup() throws Exception {
    JarProcess sim = start(Map.of(), "--bind", "0.0.0.0", "--http-port", "0", "--room-port", "0");
    assertThat(sim.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    sim.drain();
    assertThat(sim.process.exitValue()).isEqualTo(2);
    assertThat(sim.errors()).contains("--bind 0.0.0.0 is not loopback").contains("--admin-token")
        .contains("--insecure-admin");
    assertThat(sim.output()).doesNotContain("ready");
  }

  @Test
  void theInsecureOptOutIsStatedPlainlyAtStartup() throws Exception {
    JarProcess sim = start(Map.of("GMESIM_INSECURE_ADMIN", "true"), "--http-port", "0", "--room-port", "0");
    Matcher ready = sim.awaitReady();
    assertThat(ready.group(5)).isEqualTo("insecure");
    sim.process.destroy();
    assertThat(sim.process.waitFor(2, TimeUnit.SECONDS)).isTrue();
    sim.drain();
    assertThat(sim.errors()).contains("INSECURE: the control API").contains("has no authentication");
  }

  @Test
  void theHealthSubcommandExits0AgainstARunningSimulator() throws Exception {
    JarProcess sim = start(Map.of("GMESIM_ADMIN_TOKEN", TOKEN), "--http-port", "0", "--room-port", "0");
    URI http = URI.create(sim.awaitReady().group(3));
    JarProcess health = start(Map.of(), "health", "--url", http.toString());
    assertThat(health.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    health.drain();
    assertThat(health.process.exitValue()).as(health.errors()).isZero();
    assertThat(health.output()).startsWith("UP ");
  }

  JarProcess start(Map<String, String> env, String... args) throws IOException {
    String jar = System.getProperty("gmesim.jar", "target/gme-simulator.jar");
    assertThat(Path.of(jar)).as("the shaded jar; run `./mvnw verify`, which packages it first").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar);
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("GMESIM_"));
    pb.environment().putAll(env);
    JarProcess p = new JarProcess(pb.start());
    started.add(p);
    return p;
  }

  /** A started jar whose stdout and stderr are read by threads of their own, so it never blocks on a full pipe. */
  static final class JarProcess {
    final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final Thread outReader;
    private final Thread errReader;

    JarProcess(Process process) {
      this.process = process;
      this.outReader = pump(process.getInputStream(), out, true);
      this.errReader = pump(process.getErrorStream(), err, false);
    }

    private Thread pump(InputStream in, StringBuffer sink, boolean queue) {
      Thread t = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            sink.append(line).append('\n');
            if (queue) {
              lines.add(line);
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, "jar-output");
      t.setDaemon(true);
      t.start();
      return t;
    }

    Matcher awaitReady() throws InterruptedException {
      while (true) {
        String line = lines.poll(90, TimeUnit.SECONDS);
        if (line == null) {
          throw new AssertionError("no ready line within 90 s; stdout: " + out + " stderr: " + err);
        }
        Matcher m = READY.matcher(line);
        if (m.matches()) {
          return m;
        }
      }
    }

    /** Waits for both output streams to end (the process has exited). */
    void drain() throws InterruptedException {
      outReader.join(10_000);
      errReader.join(10_000);
    }

    String output() {
      return out.toString();
    }

    String errors() {
      return err.toString();
    }

    void kill() {
      process.destroyForcibly();
    }
  }
}
