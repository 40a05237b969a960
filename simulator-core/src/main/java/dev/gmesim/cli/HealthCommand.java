package dev.gmesim.cli;

import dev.gmesim.core.api.Health;
import dev.gmesim.core.fault.Durations;
import dev.gmesim.core.remote.GmeSimulatorClient;
import dev.gmesim.core.remote.RemoteSimulatorException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code java -jar gme-simulator.jar health}: asks a running simulator whether it serves, for
 * container health checks; exits 0 when it answers UP, 1 otherwise, with one line saying why.
 *
 * <pre>
 * HEALTHCHECK CMD ["java", "-jar", "/app/gme-simulator.jar", "health", "--url", "http://127.0.0.1:8080"]
 * </pre>
 */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = "Exits 0 when the simulator at --url answers GET /__admin/gme/health with status UP, else 1.",
    exitCodeOnInvalidInput = 2)
final class HealthCommand implements Callable<Integer> {

  @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:GMESIM_HEALTH_URL:-http://127.0.0.1:8080}",
      description = "The simulator's HTTP base URL (env GMESIM_HEALTH_URL; default ${DEFAULT-VALUE}).")
  URI url;

  // The health endpoint needs no token; one is sent if given, so a proxy that guards it still lets it through.
  @Mixin
  AdminTokenOption adminToken;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT3S",
      description = "How long to wait for the answer, such as PT3S or 3s (default ${DEFAULT-VALUE}).",
      converter = DurationConverter.class)
  Duration timeout;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (url.getScheme() == null || url.getHost() == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--url " + url + " is not an absolute http URL; use e.g. http://127.0.0.1:8080");
    }
    URI health = URI.create(url.toString().replaceAll("/+$", "") + "/__admin/gme/health");
    try {
      Health h = GmeSimulatorClient.probeHealth(url, adminToken.token(), timeout);
      if (h.isUp()) {
        spec.commandLine().getOut().println("UP " + health);
        return 0;
      }
      spec.commandLine().getErr().println("DOWN " + health + " reports status " + h.status());
      return 1;
    } catch (RemoteSimulatorException e) {
      spec.commandLine().getErr().println("DOWN " + health + ": " + e.getMessage());
      return 1;
    }
  }

  /** Reads positive durations in the one grammar of {@link Durations#parse}: {@code PT3S} or {@code 3s}. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d;
      try {
        d = Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
      if (d.isNegative() || d.isZero()) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not positive; use e.g. PT3S or 3s");
      }
      return d;
    }
  }
}
