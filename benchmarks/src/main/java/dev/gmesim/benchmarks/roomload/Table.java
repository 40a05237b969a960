package dev.gmesim.benchmarks.roomload;

import java.util.List;
import java.util.Locale;

/** The table the driver prints, the figures docs/benchmarks.md quotes. */
final class Table {
  private Table() {}

  /** Renders one row per run, then the raw/sdk and echo/raw ratios of the runs at the same client count. */
  static String render(List<Result> results) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-5s %7s %12s %14s %9s %9s %10s %7s%n", "mode", "clients", "round trips",
        "round trips/s", "p50 ms", "p99 ms", "cpu us/rt", "errors"));
    for (Result r : results) {
      sb.append(String.format(Locale.ROOT, "%-5s %7d %12d %14.0f %9.3f %9.3f %10.2f %7s%n", r.mode().label(), r.clients(),
          r.roundTrips(), r.perSecond(), r.latency().quantile(0.50) / 1e6, r.latency().quantile(0.99) / 1e6,
          r.cpuMicrosPerRoundTrip(), r.errors() + (r.stalled() > 0 ? " (" + r.stalled() + " stalled)" : "")));
    }
    ratios(sb, results, Mode.RAW, Mode.SDK);
    ratios(sb, results, Mode.ECHO, Mode.RAW);
    return sb.toString();
  }

  /** Appends "over/under at N clients: X.Yx" for every client count both modes ran at. */
  private static void ratios(StringBuilder sb, List<Result> results, Mode over, Mode under) {
    for (Result u : results) {
      if (u.mode() != under) {
        continue;
      }
      for (Result o : results) {
        if (o.mode() == over && o.clients() == u.clients() && u.perSecond() > 0) {
          sb.append(String.format(Locale.ROOT, "%s/%s at %d clients: %.1fx%n", over.label(), under.label(),
              u.clients(), o.perSecond() / u.perSecond()));
        }
      }
    }
  }
}
