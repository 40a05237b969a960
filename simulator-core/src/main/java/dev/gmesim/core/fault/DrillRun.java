package dev.gmesim.core.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** One running (or finished) drill's live state: its deadline, kill flag, guard rail and counters. */
final class DrillRun {
  final FaultProfile profile;
  final String owner;
  final long startNanos;
  /** ttl in nanoseconds, or -1 for none. */
  final long ttlNanos;
  final Instant startedAt;
  /** Set once by the kill switch (or a replacement or reset); decide() reads it on every drill call. */
  volatile DrillStatus.State stoppedAs;
  volatile Instant endedAt;

  final LongAdder calls = new LongAdder();
  final LongAdder faults = new LongAdder();
  final LongAdder guardRailed = new LongAdder();
  final ConcurrentHashMap<String, LongAdder> byCode = new ConcurrentHashMap<>();
  final Histogram delays = new Histogram();
  private final Guard guard;

  DrillRun(FaultProfile profile, long startNanos, Instant startedAt) {
    this.profile = profile;
    this.owner = "drill:" + profile.name();
    this.startNanos = startNanos;
    this.ttlNanos = profile.ttl().map(Duration::toNanos).orElse(-1L);
    this.startedAt = startedAt;
    GuardRail g = profile.guardRail();
    this.guard = g.isNone() ? null : new Guard(g);
  }

  /** True until the kill switch is pulled or the TTL has passed. */
  boolean live(long now) {
    return stoppedAs == null && (ttlNanos < 0 || now - startNanos < ttlNanos);
  }

  boolean expired(long now) {
    return ttlNanos >= 0 && now - startNanos >= ttlNanos;
  }

  /** Counts a call in the drill's scope (once per call, whatever the number of its rules it matched). */
  void call(long now) {
    calls.increment();
    if (guard != null) {
      guard.call(now - startNanos);
    }
  }

  /** Asks the guard rail for one more fault; false means the call goes through untouched. */
  boolean permit(long now) {
    if (guard == null || guard.permit(now - startNanos)) {
      return true;
    }
    guardRailed.increment();
    return false;
  }

  void fired(Decision d) {
    faults.increment();
    String code = d.fault() instanceof Fault.Error e ? Integer.toString(e.code().value()) : effectName(d.fault());
    byCode.computeIfAbsent(code, k -> new LongAdder()).increment();
    delays.record(d.delay());
  }

  Map<String, Long> faultsByCode() {
    Map<String, Long> out = new TreeMap<>();
    byCode.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  private static String effectName(Fault f) {
    if (f instanceof Fault.NoReply) {
      return "noReply";
    }
    if (f instanceof Fault.Disconnect) {
      return "disconnect";
    }
    if (f instanceof Fault.Reset) {
      return "reset";
    }
    if (f instanceof Fault.Http h) {
      return h.failure() == Fault.HttpFailure.SERVER_ERROR ? "http" + h.status() : h.failure().name();
    }
    return f.describe();
  }

  /**
   * Fixed one-second windows counted from the drill's start. The share is judged over the current
   * and the previous window, so the first calls of a window are not refused for want of history.
   */
  private static final class Guard {
    private final long perSecond;
    private final double share;
    private final AtomicLong window = new AtomicLong();
    private final AtomicLong curCalls = new AtomicLong();
    private final AtomicLong curFaults = new AtomicLong();
    private volatile long prevCalls;
    private volatile long prevFaults;

    Guard(GuardRail g) {
      this.perSecond = g.maxFaultsPerSecond() == null ? Long.MAX_VALUE : g.maxFaultsPerSecond();
      this.share = g.maxFaultShare() == null ? 2.0 : g.maxFaultShare();
    }

    private void roll(long elapsed) {
      long w = elapsed / 1_000_000_000L;
      long seen = window.get();
      if (w != seen) {
        // Once a second at most: the one thread that wins the CAS moves the window on.
        synchronized (this) {
          seen = window.get();
          if (w > seen) {
            boolean adjacent = w == seen + 1;
            prevCalls = adjacent ? curCalls.getAndSet(0) : 0;
            prevFaults = adjacent ? curFaults.getAndSet(0) : 0;
            if (!adjacent) {
              curCalls.set(0);
              curFaults.set(0);
            }
            window.set(w);
          }
        }
      }
    }

    void call(long elapsed) {
      roll(elapsed);
      curCalls.incrementAndGet();
    }

    boolean permit(long elapsed) {
      roll(elapsed);
      long f;
      do {
        f = curFaults.get();
        if (f >= perSecond) {
          return false;
        }
        if (share <= 1.0 && (f + prevFaults + 1) > share * (curCalls.get() + prevCalls)) {
          return false;
        }
      } while (!curFaults.compareAndSet(f, f + 1));
      return true;
    }
  }

  /** Log-linear histogram of durations in microseconds: 32 sub-buckets per power of two, about 3% precision. */
  static final class Histogram {
    private static final int LINEAR = 64;
    private static final int SUB = 32;
    private final AtomicLongArray counts = new AtomicLongArray(LINEAR + 58 * SUB);
    private final LongAdder total = new LongAdder();

    void record(Duration d) {
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
    Duration quantile(double q) {
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
  }
}
