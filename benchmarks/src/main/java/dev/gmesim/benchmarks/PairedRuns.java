package dev.gmesim.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The flags and the run order of a comparison between the simulator and a stock WireMock: one
 * unmeasured run of each, then {@code --rounds} pairs of {@code --seconds} runs. A picocli mixin of
 * {@link VoiceMessageLoad} and {@link CloudApiLoad}.
 */
final class PairedRuns {

  @Option(names = "--seconds", paramLabel = "N", defaultValue = "5", converter = Cli.PositiveInt.class,
      description = "Length of each run in seconds; the warm-up is one run per server (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "7", converter = Cli.PositiveInt.class,
      description = "Measured pairs of runs, one run per server each (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16", converter = Cli.PositiveInt.class,
      description = "Client threads (default ${DEFAULT-VALUE}).")
  int concurrency;

  /** One run against one server: loads it for the given time and returns what it served per second. */
  @FunctionalInterface
  interface Rate {
    double measure(Duration length) throws Exception;
  }

  /** The median rates of a comparison, the median of the per-pair ratios, and each pair's ratio. */
  record Comparison(double simulator, double stock, double ratio, String pairs) {}

  /** Warms both servers up, runs the pairs, and returns the medians. */
  Comparison compare(Rate simulator, Rate stock) throws Exception {
    Duration length = Duration.ofSeconds(seconds);
    // Warm both up so the JIT, the heap and the connection pools are ready before anything is counted.
    simulator.measure(length);
    stock.measure(length);
    // Alternate short runs and compare each pair: load from other processes on a shared machine
    // then drifts over both servers alike instead of favouring whichever ran in a quiet moment.
    double[] simRates = new double[rounds];
    double[] stockRates = new double[rounds];
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      // Swap the order every pair, so that neither server always runs right after the other.
      if (r % 2 == 0) {
        simRates[r] = simulator.measure(length);
        stockRates[r] = stock.measure(length);
      } else {
        stockRates[r] = stock.measure(length);
        simRates[r] = simulator.measure(length);
      }
      ratios[r] = simRates[r] / stockRates[r];
    }
    return new Comparison(median(simRates), median(stockRates), median(ratios), Arrays.stream(ratios)
        .mapToObj(x -> String.format(Locale.ROOT, "%.2f", x)).collect(Collectors.joining(" ")));
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
