package dev.gmesim.core.internal.fault;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fixed-size, lock-free histogram of durations: microsecond resolution below 64 us, then 32
 * buckets per power of two (about 3% precision), so a long drill records millions of samples in a
 * few kilobytes.
 *
 * <pre>{@code
 * LatencyHistogram h = new LatencyHistogram();
 * h.record(Duration.ofMillis(12));
 * h.quantile(0.99);   // PT0.012S, within 3%
 * }</pre>
 *
 * @since 0.1
 */
public final class LatencyHistogram {
  private static final int LINEAR = 64;
  private static final int SUB = 32;
  private final AtomicLongArray counts = new AtomicLongArray(LINEAR + 58 * SUB);
  private final LongAdder total = new LongAdder();

  /** Records one duration; thread-safe and lock-free. */
  public void record(Duration d) {
    long micros;
    try {
      micros = d.toNanos() / 1000;
    } catch (ArithmeticException e) {
      micros = Long.MAX_VALUE;
    }
    counts.incrementAndGet(index(micros));
    total.increment();
  }

  static int index(long v) {
    if (v < LINEAR) {
      return (int) Math.max(0, v);
    }
    int e = 63 - Long.numberOfLeadingZeros(v);
    int sub = (int) ((v >>> (e - 5)) & (SUB - 1));
    return LINEAR + (e - 6) * SUB + sub;
  }

  static long lowerBound(int index) {
    if (index < LINEAR) {
      return index;
    }
    int e = (index - LINEAR) / SUB + 6;
    int sub = (index - LINEAR) % SUB;
    return (1L << e) | ((long) sub << (e - 5));
  }

  /** Returns the q-quantile (q in (0, 1]) as the lower bound of its bucket, or null with no samples. */
  public Duration quantile(double q) {
    long n = total.sum();
    if (n == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(q * n));
    long seen = 0;
    for (int i = 0; i < counts.length(); i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return Duration.ofNanos(lowerBound(i) * 1000);
      }
    }
    return Duration.ofNanos(lowerBound(counts.length() - 1) * 1000);
  }

  /** Returns how many durations were recorded. */
  public long count() {
    return total.sum();
  }
}
