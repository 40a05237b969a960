package dev.gmesim.benchmarks.roomload;

import java.time.Duration;

/** One measured run: a mode at a client count. */
record Result(Mode mode, int clients, long roundTrips, Duration window, Histogram latency, long errors, int stalled,
    long cpuNanos) {
  double perSecond() {
    return window.isZero() ? 0 : roundTrips * 1e9 / window.toNanos();
  }

  /** Microseconds of this JVM's CPU per round trip in the window (clients, and the simulator when in-process); -1 unknown. */
  double cpuMicrosPerRoundTrip() {
    return cpuNanos < 0 || roundTrips == 0 ? -1 : cpuNanos / 1e3 / roundTrips;
  }
}
