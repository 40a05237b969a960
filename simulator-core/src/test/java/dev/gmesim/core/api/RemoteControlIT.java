package dev.gmesim.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmesim.core.remote.GmeSimulatorClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The control contract against the runnable jar in another process, through {@link GmeSimulatorClient}. */
class RemoteControlIT extends ControlContract {
  private static final Pattern READY = Pattern.compile("GME simulator ready: .* http=(http://\\S+) .*");

  private Process process;
  private Path log;

  @Override
  GmeSimulatorControl start() throws IOException {
    Path jar = Path.of(System.getProperty("gmesim.jar", "target/gme-simulator.jar"));
    assertThat(jar).as("the shaded jar; run `./mvnw verify`, which packages it first").exists();
    // Output goes to a file, not a pipe: nothing has to drain it while the tests run.
    log = Files.createTempFile("gmesim-control-contract", ".log");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--room-port", "0", "--http-port", "0", "--time-scale", Double.toString(TIME_SCALE))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("GMESIM_"));
    process = pb.start();
    URI http = await("the jar's ready line in " + log).atMost(Duration.ofSeconds(90))
        .until(() -> readyUri(log), u -> u != null);
    return GmeSimulatorClient.connect(http);
  }

  private URI readyUri(Path log) throws IOException {
    assertThat(process.isAlive()).as("the jar exited early; its output: %s", Files.readString(log)).isTrue();
    List<String> lines = Files.readAllLines(log);
    for (String line : lines) {
      Matcher m = READY.matcher(line);
      if (m.matches()) {
        return URI.create(m.group(1));
      }
    }
    return null;
  }

  @Override
  void stop() {
    if (process != null) {
      process.destroyForcibly();
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // A leftover log in the temp directory is harmless; the tests' outcome stands.
    }
  }
}
