package dev.gmesim.core.internal.fault;

import dev.gmesim.core.api.DrillStatus;
import dev.gmesim.core.fault.Effect;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.fault.FaultProfile;
import dev.gmesim.core.fault.GuardRail;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
  final LatencyHistogram delays = new LatencyHistogram();
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
    if (f instanceof Fault.ApiError a) {
      return a.code().code();
    }
    if (f instanceof Fault.Http h && h.failure() == Fault.HttpFailure.SERVER_ERROR) {
      return Effect.SERVER_ERROR.wireName() + h.status();
    }
    return Effect.of(f).wireName();
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
}
