package dev.gmesim.core.sdk;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.internal.ClockEngine;
import dev.gmesim.core.sdk.internal.Events;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A delegate that keeps every event so a test can wait for the one it expects; a timeout says
 * which events did arrive. For a context with {@link PollMode#STRICT} polling, the awaits call its
 * Poll on the waiting thread, as a game loop would, so the events arrive there.
 *
 * <pre>{@code
 * EventRecorder events = new EventRecorder();
 * gme.setTMGDelegate(events);
 * gme.enterRoom("lobby", 1, authBuffer);
 * GmeEvent entered = events.await(GmeEventType.ENTER_ROOM);
 * assertThat(entered.result()).isEqualTo(7006);
 * }</pre>
 *
 * @since 0.1
 */
public final class EventRecorder implements GmeDelegate {
  /** How long {@link #await(GmeEventType)} waits unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final LinkedBlockingQueue<GmeEvent> pending = new LinkedBlockingQueue<>();
  private final List<GmeEvent> all = new ArrayList<>();
  private final Set<ClockEngine> clocks = new CopyOnWriteArraySet<>();
  /** The strict-polling contexts this recorder was handed: the awaits poll them. */
  private final Set<Events> polled = new CopyOnWriteArraySet<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private volatile String stall;

  /** One thread blocked in an await: while it waits, the attached virtual clocks may skip ahead. */
  private final class Waiter {
    private final Predicate<GmeEvent> filter;
    private boolean waiting = true;

    private Waiter(Predicate<GmeEvent> filter) {
      this.filter = filter;
      clocks.forEach(ClockEngine::waitStart);
    }

    /** Ends the wait once; the event it waited for stops the clocks from skipping before it returns. */
    private void end() {
      if (waiting) {
        waiting = false;
        clocks.forEach(ClockEngine::waitEnd);
      }
    }
  }

  @Override
  public void onEvent(GmeEventType type, GmeEvent data) {
    synchronized (all) {
      all.add(data);
      // The awaited event is here: the wait ends now, before the clock learns that the event was handled.
      for (Waiter w : waiters) {
        if (w.filter.test(data)) {
          w.end();
        }
      }
      pending.add(data);
    }
  }

  /** A context handed this recorder its session clock and its events (setTMGDelegate). */
  void attach(ClockEngine clock, Events events) {
    clocks.add(clock);
    if (events.queued() && polled.add(events)) {
      // Wakes a blocked await so that it polls: the event waits for Poll, not for this recorder.
      events.onQueued(() -> pending.add(WAKE_MARK));
    }
  }

  /** A call of an attached context stalled; every await fails with this message from now on. */
  void stalled(String message) {
    stall = message;
    synchronized (all) {
      waiters.forEach(Waiter::end);
    }
    pending.add(STALL_MARK);
  }

  private static final GmeEvent STALL_MARK = new GmeEvent(GmeEventType.ENTER_ROOM, java.util.Map.of());
  private static final GmeEvent WAKE_MARK = new GmeEvent(GmeEventType.ENTER_ROOM, java.util.Map.of());

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
    Waiter w = null;
    try {
      while (true) {
        // The game loop's Poll: strict contexts deliver here, on the waiting thread, into pending.
        polled.forEach(Events::poll);
        GmeEvent e;
        synchronized (all) {
          // Atomic with onEvent: an event that arrives now is either seen here or ends the new waiter.
          e = pending.poll();
          if (e == null && w == null) {
            w = new Waiter(filter);
            waiters.add(w);
          }
        }
        if (e == null) {
          long left = deadline - System.nanoTime();
          e = left <= 0 ? null : pending.poll(left, TimeUnit.NANOSECONDS);
        }
        if (e == WAKE_MARK) {
          continue;
        }
        if (e == STALL_MARK || (e == null && stall != null)) {
          pending.add(STALL_MARK);
          throw new AssertionError("No " + description + " event: " + stall);
        }
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
    } finally {
      if (w != null) {
        synchronized (all) {
          w.end();
          waiters.remove(w);
        }
      }
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
    if (stall != null) {
      pending.add(STALL_MARK);
    }
  }

  private String seen() {
    return events().toString();
  }

  private static String format(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
  }
}
