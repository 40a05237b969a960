package dev.gmesim.core.fault;

import dev.gmesim.core.internal.fault.SplitMix;
import java.time.Duration;

/**
 * How long to wait before a fault takes effect, drawn from caller-supplied random bits so that a
 * seeded drill waits the same on every run.
 *
 * <pre>{@code
 * DelayDistribution jitter = DelayDistribution.uniform(Duration.ofMillis(50), Duration.ofMillis(150));
 * DelayDistribution slowTail = DelayDistribution.lognormal(Duration.ofMillis(80), 0.6);
 * Duration wait = jitter.sample(bits);  // same bits, same wait
 * }</pre>
 *
 * @since 0.1
 */
public interface DelayDistribution {

  /** Returns a delay (never negative) that depends only on these 64 random bits. */
  Duration sample(long randomBits);

  /** Returns the distribution that never waits. */
  static DelayDistribution none() {
    return None.INSTANCE;
  }

  /** Returns a distribution that always waits exactly {@code delay}. */
  static DelayDistribution fixed(Duration delay) {
    return new Fixed(delay);
  }

  /** Returns a distribution that waits between {@code min} and {@code max}, both inclusive, evenly spread. */
  static DelayDistribution uniform(Duration min, Duration max) {
    return new Uniform(min, max);
  }

  /**
   * Returns a log-normal distribution: half the delays fall below {@code median}, and {@code sigma}
   * (the standard deviation of the log) sets how long the tail is; 0 always waits the median.
   */
  static DelayDistribution lognormal(Duration median, double sigma) {
    return new Lognormal(median, sigma);
  }

  /** Never waits. */
  record None() implements DelayDistribution {
    static final None INSTANCE = new None();

    @Override
    public Duration sample(long randomBits) {
      return Duration.ZERO;
    }

    @Override
    public String toString() {
      return "no delay";
    }
  }

  /**
   * Always waits the same time.
   *
   * @param delay the wait; zero or more
   */
  record Fixed(Duration delay) implements DelayDistribution {

    /** Checks that the delay is present and not negative. */
    public Fixed {
      Durations.requireDelay("DelayDistribution.fixed", "delay", delay,
          "pass Duration.ZERO or more, e.g. Duration.ofMillis(100)");
    }

    @Override
    public Duration sample(long randomBits) {
      return delay;
    }

    @Override
    public String toString() {
      return "fixed " + Durations.format(delay);
    }
  }

  /**
   * Waits an evenly spread time between two bounds.
   *
   * @param min the shortest wait; zero or more
   * @param max the longest wait; at least {@code min}
   */
  record Uniform(Duration min, Duration max) implements DelayDistribution {

    /** Checks that both bounds are present, not negative, and in order. */
    public Uniform {
      String fix = "pass bounds of Duration.ZERO or more, e.g. uniform(Duration.ofMillis(50), Duration.ofMillis(150))";
      Durations.requireDelay("DelayDistribution.uniform", "min", min, fix);
      Durations.requireDelay("DelayDistribution.uniform", "max", max, fix);
      if (min.compareTo(max) > 0) {
        throw new IllegalArgumentException("DelayDistribution.uniform: min " + Durations.format(min)
            + " is greater than max " + Durations.format(max) + "; swap them, or use fixed(" 
            + Durations.format(min) + ") for a constant delay");
      }
    }

    @Override
    public Duration sample(long randomBits) {
      long lo = min.toNanos();
      long span = max.toNanos() - lo;
      if (span == 0) {
        return min;
      }
      // (span + 1) makes max reachable; the double has 53 bits, ample for delays under 104 days at ns precision.
      long offset = (long) (SplitMix.unit(randomBits) * ((double) span + 1.0));
      return Duration.ofNanos(lo + Math.min(offset, span));
    }

    @Override
    public String toString() {
      return "uniform " + Durations.format(min) + ".." + Durations.format(max);
    }
  }

  /**
   * Waits {@code median * exp(sigma * Z)} with Z standard normal: most waits near the median, a
   * few much longer, which is how real network latency looks.
   *
   * @param median the median wait; zero or more
   * @param sigma the standard deviation of the log of the wait; zero or more
   */
  record Lognormal(Duration median, double sigma) implements DelayDistribution {

    /** Checks that the median is present and not negative and that sigma is a finite number, zero or more. */
    public Lognormal {
      Durations.requireDelay("DelayDistribution.lognormal", "median", median,
          "pass Duration.ZERO or more, e.g. lognormal(Duration.ofMillis(80), 0.5)");
      if (!(sigma >= 0) || Double.isInfinite(sigma)) {
        throw new IllegalArgumentException("DelayDistribution.lognormal: sigma " + sigma
            + " must be a finite number, zero or more; pass e.g. 0.5 (0 always waits the median)");
      }
    }

    @Override
    public Duration sample(long randomBits) {
      if (sigma == 0 || median.isZero()) {
        return median;
      }
      // Box-Muller needs two uniforms; the second comes from re-mixing the same bits, so one draw suffices.
      double u1 = SplitMix.unit(randomBits);
      double u2 = SplitMix.unit(SplitMix.mix(randomBits));
      double z = Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
      double nanos = median.toNanos() * Math.exp(sigma * z);
      // The cast saturates at Long.MAX_VALUE, so an extreme tail becomes a very long wait, never an overflow.
      return Duration.ofNanos((long) nanos);
    }

    @Override
    public String toString() {
      return "lognormal median " + Durations.format(median) + " sigma " + sigma;
    }
  }
}
