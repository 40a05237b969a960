package dev.gmesim.benchmarks.roomload;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The phases every client of one run shares: warm-up (nothing recorded), measuring, stopped. Each
 * client records into its own histogram; the drain latch publishes them to the driver.
 */
final class Run {
  private static final int WARMUP = 0;
  private static final int MEASURING = 1;
  private static final int STOPPED = 2;

  private final Histogram[] histograms;
  private final long maxRoundTrips;
  private final AtomicLong measured = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final CountDownLatch drained;
  private volatile int phase = WARMUP;
  private volatile long measureStart;
  private volatile long measureEnd;
  private volatile long cpuStart;
  private volatile long cpuEnd;

  Run(int clients, long maxRoundTrips) {
    this.histograms = new Histogram[clients];
    for (int i = 0; i < clients; i++) {
      histograms[i] = new Histogram();
    }
    this.maxRoundTrips = maxRoundTrips;
    this.drained = new CountDownLatch(clients);
  }

  int clients() {
    return histograms.length;
  }

  /** Records one finished round trip of client {@code i}; returns whether the client goes on. */
  boolean record(int i, long latencyNanos) {
    int p = phase;
    if (p == MEASURING) {
      histograms[i].record(latencyNanos);
      if (measured.incrementAndGet() >= maxRoundTrips) {
        stop();
        return false;
      }
    }
    return p != STOPPED;
  }

  /** Counts a failed call; the client that saw it stops. */
  void error(String what) {
    if (errors.getAndIncrement() == 0) {
      System.err.println("first error: " + what);
    }
  }

  /** A client ends (stopped, failed or disconnected); called once per client. */
  void finished() {
    drained.countDown();
  }

  void beginMeasuring() {
    cpuStart = Cpu.processNanos();
    measureStart = System.nanoTime();
    phase = MEASURING;
  }

  void awaitStop(Duration max) throws InterruptedException {
    stopSignal.await(max.toNanos(), TimeUnit.NANOSECONDS);
  }

  synchronized void stop() {
    if (phase != STOPPED) {
      phase = STOPPED;
      measureEnd = System.nanoTime();
      cpuEnd = Cpu.processNanos();
      stopSignal.countDown();
    }
  }

  boolean stopped() {
    return phase == STOPPED;
  }

  /** Waits for the clients to finish their last round trip; returns how many did not. */
  int awaitDrained(Duration max) throws InterruptedException {
    drained.await(max.toNanos(), TimeUnit.NANOSECONDS);
    return (int) drained.getCount();
  }

  long measured() {
    return Math.min(measured.get(), maxRoundTrips);
  }

  long errors() {
    return errors.get();
  }

  Duration window() {
    long start = measureStart;
    return start == 0 ? Duration.ZERO : Duration.ofNanos(measureEnd - start);
  }

  /** CPU time this JVM spent in the measured window, all threads; -1 where the JVM cannot tell. */
  long cpuNanos() {
    return cpuStart < 0 || cpuEnd < 0 || measureStart == 0 ? -1 : cpuEnd - cpuStart;
  }

  Histogram merged() {
    Histogram all = new Histogram();
    for (Histogram h : histograms) {
      all.add(h);
    }
    return all;
  }
}
