package dev.gmesim.cli;

import dev.gmesim.core.fault.Durations;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
  @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:GMESIM_ADMIN_TOKEN}",
      description = "Bearer token to send (env GMESIM_ADMIN_TOKEN); the health endpoint itself needs none.")
  String adminToken;

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
    HttpRequest.Builder req = HttpRequest.newBuilder(health).timeout(timeout).GET();
    if (adminToken != null && !adminToken.isBlank()) {
      req.header("Authorization", "Bearer " + adminToken.strip());
    }
    try {
      HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(timeout).build()
          .send(req.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"")) {
        spec.commandLine().getOut().println("UP " + health);
        return 0;
      }
      spec.commandLine().getErr().println("DOWN " + health + " answered " + r.statusCode());
      return 1;
    } catch (IOException e) {
      spec.commandLine().getErr().println("DOWN " + health + ": " + e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
