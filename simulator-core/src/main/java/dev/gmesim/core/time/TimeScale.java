package dev.gmesim.core.time;

import java.time.Duration;

/**
 * How fast simulated time runs against the wall clock: a factor of 1000 runs GME's 30 s
 * enter-room timeout in 30 ms of wall time, while events still report the simulated 30 000 ms.
 *
 * <pre>{@code
 * TimeScale scale = TimeScale.of(1000);
 * scale.toWall(Duration.ofSeconds(30));        // PT0.03S
 * scale.toSimulated(Duration.ofMillis(30));    // PT30S
 * }</pre>
 *
 * @since 0.1
 */
public record TimeScale(double factor) {

  /** Real time: one simulated second takes one wall-clock second. */
  public static final TimeScale REAL_TIME = new TimeScale(1.0);

  /** Checks the factor; a simulation can run faster or slower than real time, never stop or reverse. */
  public TimeScale {
    if (!(factor > 0) || Double.isInfinite(factor) || factor > 1_000_000) {
      throw new IllegalArgumentException("timeScale " + factor
          + " is out of range; use a factor in (0, 1000000], e.g. 1 for real time or 1000 to run 30 s in 30 ms");
    }
  }

  /** Returns a scale of this factor; see the type's documentation. */
  public static TimeScale of(double factor) {
    return new TimeScale(factor);
  }

  /** Converts a simulated duration into the wall-clock time it takes. */
  public Duration toWall(Duration simulated) {
    if (factor == 1.0) {
      return simulated;
    }
    return Duration.ofNanos(Math.round(simulated.toNanos() / factor));
  }

  /** Converts wall-clock nanoseconds into simulated time. */
  public Duration toSimulated(Duration wall) {
    if (factor == 1.0) {
      return wall;
    }
    return Duration.ofNanos(Math.round(wall.toNanos() * factor));
  }
}
