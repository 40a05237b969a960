package dev.gmesim.benchmarks.roomload;

import java.time.Duration;

/** One measured run: a mode at a client count. */
record Result(Mode mode, int clients, long roundTrips, Duration window, Histogram latency, long errors, int stalled) {
  double perSecond() {
    return window.isZero() ? 0 : roundTrips * 1e9 / window.toNanos();
  }
}
