package dev.gmesim.core.sdk;

import dev.gmesim.core.catalog.GmeEventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A delegate that keeps every event so a test can wait for the one it expects; a timeout says
 * which events did arrive.
 *
 * <pre>{@code
 * EventRecorder events = new EventRecorder();
 * gme.setTMGDelegate(events);
 * gme.enterRoom("lobby", 1, authBuffer);
 * GmeEvent entered = events.await(GmeEventType.ENTER_ROOM);
 * assertThat(entered.result()).isEqualTo(7006);
 * }</pre>
 */
public final class EventRecorder implements GmeDelegate {
  /** How long {@link #await(GmeEventType)} waits unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final LinkedBlockingQueue<GmeEvent> pending = new LinkedBlockingQueue<>();
  private final List<GmeEvent> all = new ArrayList<>();

  @Override
  public void onEvent(GmeEventType type, GmeEvent data) {
    synchronized (all) {
      all.add(data);
    }
    pending.add(data);
  }

  /** Waits up to 5 s for the next event of {@code type}, skipping others; see {@link #await(Predicate, String, Duration)}. */
  public GmeEvent await(GmeEventType type) {
    return await(type, DEFAULT_TIMEOUT);
  }

  /** Waits up to {@code timeout} for the next event of {@code type}, skipping events of other types. */
  public GmeEvent await(GmeEventType type, Duration timeout) {
    return await(e -> e.type() == type, type.name(), timeout);
  }

  /**
   * Waits up to {@code timeout} for the next event that matches; events before it are consumed.
   * On timeout, throws an {@link AssertionError} such as
   * {@code No ENTER_ROOM event within 2s; events seen: [EXIT_ROOM{result=0}]}.
   */
  public GmeEvent await(Predicate<GmeEvent> filter, String description, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        GmeEvent e = left <= 0 ? pending.poll() : pending.poll(left, TimeUnit.NANOSECONDS);
        if (e == null) {
          throw new AssertionError("No " + description + " event within " + format(timeout) + "; events seen: "
              + seen());
        }
        if (filter.test(e)) {
          return e;
        }
      }
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + description, ie);
    }
  }

  /** Returns every event received so far, oldest first, including those already awaited. */
  public List<GmeEvent> events() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  /** Returns every event of one type received so far. */
  public List<GmeEvent> events(GmeEventType type) {
    return events().stream().filter(e -> e.type() == type).toList();
  }

  /** Forgets every event received so far. */
  public void clear() {
    synchronized (all) {
      all.clear();
    }
    pending.clear();
  }

  private String seen() {
    return events().toString();
  }

  private static String format(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
  }
}
