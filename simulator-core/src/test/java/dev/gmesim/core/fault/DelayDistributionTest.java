package dev.gmesim.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DelayDistributionTest {

  private static final int SAMPLES = 20_001;

  private static long[] sampleNanos(DelayDistribution d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] nanos = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      nanos[i] = d.sample(random.nextLong()).toNanos();
    }
    Arrays.sort(nanos);
    return nanos;
  }

  @Nested
  class NoneAndFixed {

    @Test
    void noneNeverWaits() {
      assertThat(DelayDistribution.none().sample(123)).isZero();
      assertThat(DelayDistribution.none()).hasToString("no delay");
    }

    @Test
    void fixedAlwaysWaitsTheSame() {
      DelayDistribution d = DelayDistribution.fixed(Duration.ofMillis(250));

      assertThat(d.sample(0)).isEqualTo(Duration.ofMillis(250));
      assertThat(d.sample(-1)).isEqualTo(Duration.ofMillis(250));
      assertThat(d).hasToString("fixed 250ms");
    }

    @Test
    void aNegativeFixedDelayIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> DelayDistribution.fixed(Duration.ofMillis(-1)))
          .withMessage("DelayDistribution.fixed: delay -1ms is negative; "
              + "pass Duration.ZERO or more, e.g. Duration.ofMillis(100)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> DelayDistribution.fixed(null))
          .withMessage("DelayDistribution.fixed: delay is null; pass Duration.ZERO or more, e.g. Duration.ofMillis(100)");
    }
  }

  @Nested
  class Uniform {

    private final DelayDistribution d = DelayDistribution.uniform(Duration.ofMillis(50), Duration.ofMillis(150));

    @Test
    void staysWithinBothBoundsAndReachesThem() {
      assertThat(d.sample(0)).isEqualTo(Duration.ofMillis(50));
      assertThat(d.sample(-1L)).isEqualTo(Duration.ofMillis(150));
      long[] nanos = sampleNanos(d, 1);
      assertThat(nanos[0]).isBetween(50_000_000L, 51_000_000L);
      assertThat(nanos[SAMPLES - 1]).isBetween(149_000_000L, 150_000_000L);
    }

    @Test
    void spreadsEvenlySoTheMedianIsTheMidpoint() {
      long[] nanos = sampleNanos(d, 2);
      assertThat((double) nanos[SAMPLES / 2]).isCloseTo(100_000_000.0, within(2_000_000.0));
    }

    @Test
    void equalBoundsAlwaysGiveThatDelay() {
      DelayDistribution same = DelayDistribution.uniform(Duration.ofMillis(5), Duration.ofMillis(5));
      assertThat(same.sample(42)).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void readsAsARange() {
      assertThat(d).hasToString("uniform 50ms..150ms");
    }

    @Test
    void boundsInTheWrongOrderAreRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> DelayDistribution.uniform(Duration.ofMillis(150), Duration.ofMillis(50)))
          .withMessage("DelayDistribution.uniform: min 150ms is greater than max 50ms; "
              + "swap them, or use fixed(150ms) for a constant delay");
    }

    @Test
    void aNegativeBoundIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> DelayDistribution.uniform(Duration.ofSeconds(-2), Duration.ofMillis(50)))
          .withMessage("DelayDistribution.uniform: min -2s is negative; pass bounds of Duration.ZERO or more, "
              + "e.g. uniform(Duration.ofMillis(50), Duration.ofMillis(150))");
    }
  }

  @Nested
  class Lognormal {

    @Test
    void halfTheDelaysFallBelowTheMedian() {
      long[] nanos = sampleNanos(DelayDistribution.lognormal(Duration.ofMillis(100), 0.5), 3);

      assertThat((double) nanos[SAMPLES / 2]).isCloseTo(100_000_000.0, within(3_000_000.0));
    }

    @Test
    void sigmaSetsTheTail() {
      long[] nanos = sampleNanos(DelayDistribution.lognormal(Duration.ofMillis(100), 0.5), 4);
      // For a log-normal, the 84th percentile sits one sigma above the median: 100ms * e^0.5 = 164.9ms.
      double p84 = nanos[(int) (SAMPLES * 0.8413)];
      assertThat(p84).isCloseTo(164_872_000.0, within(6_000_000.0));
      assertThat(nanos[0]).isPositive();
    }

    @Test
    void zeroSigmaAlwaysWaitsTheMedian() {
      DelayDistribution d = DelayDistribution.lognormal(Duration.ofMillis(80), 0);
      assertThat(d.sample(7)).isEqualTo(Duration.ofMillis(80));
      assertThat(d.sample(-7)).isEqualTo(Duration.ofMillis(80));
    }

    @Test
    void sampleDependsOnlyOnTheBits() {
      DelayDistribution d = DelayDistribution.lognormal(Duration.ofMillis(80), 1.0);
      assertThat(d.sample(99)).isEqualTo(DelayDistribution.lognormal(Duration.ofMillis(80), 1.0).sample(99));
    }

    @Test
    void readsAsMedianAndSigma() {
      assertThat(DelayDistribution.lognormal(Duration.ofMillis(80), 0.5)).hasToString("lognormal median 80ms sigma 0.5");
    }

    @Test
    void aNegativeOrNonFiniteSigmaIsRejected() {
      for (double sigma : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> DelayDistribution.lognormal(Duration.ofMillis(80), sigma))
            .withMessage("DelayDistribution.lognormal: sigma " + sigma
                + " must be a finite number, zero or more; pass e.g. 0.5 (0 always waits the median)");
      }
    }

    @Test
    void aNegativeMedianIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> DelayDistribution.lognormal(Duration.ofMillis(-80), 0.5))
          .withMessage("DelayDistribution.lognormal: median -80ms is negative; "
              + "pass Duration.ZERO or more, e.g. lognormal(Duration.ofMillis(80), 0.5)");
    }
  }

  @Test
  void durationsAreWrittenTheWayPeopleWriteThem() {
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(Durations.format(Duration.ofSeconds(30))).isEqualTo("30s");
    assertThat(Durations.format(Duration.ofNanos(250_000))).isEqualTo("250us");
    assertThat(Durations.format(Duration.ofNanos(7))).isEqualTo("7ns");
    assertThat(Durations.format(Duration.ofSeconds(1, 5))).isEqualTo("1.000000005s");
  }
}
