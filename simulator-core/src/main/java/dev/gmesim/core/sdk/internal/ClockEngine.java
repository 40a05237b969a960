package dev.gmesim.core.sdk.internal;

import dev.gmesim.core.sdk.SessionClock;
import dev.gmesim.core.time.TimeMode;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's clock. In {@code scaled} mode timers run on the wall clock divided by the factor.
 * In {@code virtual} and {@code manual} mode nothing is measured with the wall clock: timers wait in
 * a queue, and the clock knows which requests are on the wire ("in flight") and which the server
 * announced as held. A virtual clock jumps to the earliest deadline only when no request is in
 * flight and someone waits (a held request, or a thread in {@link #waitStart()}; with strict polling
 * only a thread, or a {@link #tick()} from Poll); a manual clock
 * moves only in {@link #advance}. Each move is told to the server ({@code ADVANCE}), which releases
 * the replies it held until then before it answers, so releases and local timers fire in order.
 *
 * <p>All state is confined to the context's event loop, the same loop its connections use, so a
 * reply, a timer and a move can never race.
 */
public final class ClockEngine implements SessionClock {
  private static final Logger LOG = LoggerFactory.getLogger(ClockEngine.class);

  private final EventLoop loop;
  private final Duration stallGuard;
  private final boolean skipOnlyWhenWaited;
  private volatile TimeMode mode = TimeMode.virtual();
  private volatile boolean configured;
  private volatile long virtualNowMs;
  private volatile long scaledBaseMs;
  private volatile long scaledOriginNanos = System.nanoTime();

  // Confined to the loop.
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  /** Timers that run when time passes them but never make a virtual clock skip (see {@link #scheduleQuietAt}). */
  private final PriorityQueue<Timer> quiet = new PriorityQueue<>();
  private final Map<Long, ScheduledFuture<?>> inFlight = new HashMap<>();
  // Concurrent only so that heldCount() may read its size from another thread; written on the loop.
  private final Map<Long, Long> held = new ConcurrentHashMap<>();
  private final List<Runnable> whenQuiet = new ArrayList<>();
  private int waiters;
  private int busy;
  private boolean advancing;
  private boolean closed;
  private long timerSeq;
  private LongFunction<CompletableFuture<?>> advancer;

  /**
   * A clock whose work runs on {@code loop}; {@code stallGuard} bounds a wait on an unannounced reply.
   * With {@code skipOnlyWhenWaited} (strict polling) a virtual clock skips only while someone waits
   * ({@link #waitStart()}, {@link #tick()}), never merely because the server holds a reply.
   */
  public ClockEngine(EventLoop loop, Duration stallGuard, boolean skipOnlyWhenWaited) {
    this.loop = loop;
    this.stallGuard = stallGuard;
    this.skipOnlyWhenWaited = skipOnlyWhenWaited;
  }

  /** A pending timer; {@link #cancel()} is safe from any thread and after it fired. */
  public final class Timer implements Comparable<Timer> {
    private final long dueMs;
    private final long seq;
    private final Runnable task;
    private volatile boolean cancelled;
    private ScheduledFuture<?> wall;

    private Timer(long dueMs, long seq, Runnable task) {
      this.dueMs = dueMs;
      this.seq = seq;
      this.task = task;
    }

    /** Cancels the timer; it will not run. */
    public void cancel() {
      cancelled = true;
      onLoop(() -> {
        timers.remove(this);
        quiet.remove(this);
        if (wall != null) {
          wall.cancel(false);
        }
      });
    }

    /** Returns the simulated millisecond it is due at. */
    public long dueMs() {
      return dueMs;
    }

    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(dueMs, o.dueMs);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** Sets the mode the server confirmed and the session's current simulated time. */
  public void configure(TimeMode confirmed, long nowMs) {
    this.mode = confirmed;
    this.virtualNowMs = nowMs;
    this.scaledBaseMs = nowMs;
    this.scaledOriginNanos = System.nanoTime();
    this.configured = true;
  }

  /** Names how the clock tells the server it moved: a function that sends {@code ADVANCE} and completes on its reply. */
  public void advancer(LongFunction<CompletableFuture<?>> sendAdvance) {
    onLoop(() -> this.advancer = sendAdvance);
  }

  @Override
  public TimeMode mode() {
    return mode;
  }

  @Override
  public Duration now() {
    return Duration.ofMillis(nowMs());
  }

  /** Returns the session's simulated time in milliseconds. */
  public long nowMs() {
    if (mode.followsWallClock()) {
      return scaledBaseMs + (long) ((System.nanoTime() - scaledOriginNanos) / 1_000_000.0 * mode.factor());
    }
    return virtualNowMs;
  }

  /** Returns whether simulated time is decided by this clock alone (virtual or manual), not by the wall clock. */
  public boolean isSimulated() {
    return !mode.followsWallClock();
  }

  /** Returns the wall-clock bound on a wait for a reply that was not announced as held. */
  public Duration stallGuard() {
    return stallGuard;
  }

  /** Returns how many requests the server announced as held and has not released yet. */
  public int heldCount() {
    return held.size();
  }

  /** Runs {@code task} after {@code delay} of simulated time on this clock's loop. */
  public Timer schedule(Duration delay, Runnable task) {
    return scheduleAt(nowMs() + Math.max(0, delay.toMillis()), task);
  }

  /** Runs {@code task} when the session's simulated time reaches {@code dueMs}, on this clock's loop. */
  public Timer scheduleAt(long dueMs, Runnable task) {
    Timer t;
    synchronized (this) {
      t = new Timer(dueMs, ++timerSeq, task);
    }
    onLoop(() -> {
      if (t.cancelled || closed) {
        return;
      }
      if (mode.followsWallClock()) {
        long wallNanos = Math.max(0, (long) ((dueMs - nowMs()) * 1_000_000.0 / mode.factor()));
        t.wall = loop.schedule(() -> run(t), wallNanos, TimeUnit.NANOSECONDS);
      } else {
        timers.add(t);
        pump();
      }
    });
    return t;
  }

  /**
   * Runs {@code task} once the session's simulated time has reached {@code dueMs}, like
   * {@link #scheduleAt}, except that on a virtual clock this timer is never a reason to skip ahead: it
   * fires when time moves for another reason (a timeout, a held reply, a manual advance). A periodic
   * report (CHANGE_ROOM_QUALITY every 2 s) uses it, so that it neither drives a virtual clock forward
   * forever while a test awaits something else, nor makes a test that awaits nothing wait for it.
   * The task may run late (at the time the clock reached), so it must catch up by itself.
   */
  public Timer scheduleQuietAt(long dueMs, Runnable task) {
    if (mode.followsWallClock()) {
      return scheduleAt(dueMs, task);
    }
    Timer t;
    synchronized (this) {
      t = new Timer(dueMs, ++timerSeq, task);
    }
    onLoop(() -> {
      if (!t.cancelled && !closed) {
        quiet.add(t);
        fireDue();
      }
    });
    return t;
  }

  /**
   * A request went on the wire and its reply is awaited; {@code onStall} runs on the loop if neither
   * a reply nor a hold notice comes within the stall guard (virtual and manual sessions only).
   */
  public void sent(long key, Runnable onStall) {
    if (!isSimulated()) {
      return;
    }
    onLoop(() -> {
      if (closed) {
        return;
      }
      held.remove(key);
      ScheduledFuture<?> guard = loop.schedule(() -> {
        if (inFlight.remove(key) != null) {
          onStall.run();
          pump();
        }
      }, stallGuard.toNanos(), TimeUnit.NANOSECONDS);
      ScheduledFuture<?> old = inFlight.put(key, guard);
      if (old != null) {
        old.cancel(false);
      }
    });
  }

  /** The reply to {@code key} arrived (or the request was abandoned). */
  public void answered(long key) {
    if (!isSimulated()) {
      return;
    }
    onLoop(() -> {
      ScheduledFuture<?> guard = inFlight.remove(key);
      if (guard != null) {
        guard.cancel(false);
      }
      held.remove(key);
      pump();
    });
  }

  /** The server announced that it holds the reply to {@code key} until {@code untilMs}, or indefinitely when negative. */
  public void held(long key, long untilMs) {
    if (!isSimulated()) {
      return;
    }
    onLoop(() -> {
      ScheduledFuture<?> guard = inFlight.remove(key);
      if (guard == null && !held.containsKey(key)) {
        // The reply already came, or the caller gave up: nothing waits on it any more.
        return;
      }
      if (guard != null) {
        guard.cancel(false);
      }
      held.put(key, untilMs);
      pump();
    });
  }

  /**
   * The SDK has work under way that will produce an event or a request (an event not yet handed to
   * the delegate, a file being written); time does not skip until {@link #busyEnd()}.
   */
  public void busyStart() {
    if (!isSimulated()) {
      return;
    }
    onLoop(() -> busy++);
  }

  /** The work announced by {@link #busyStart()} is done. */
  public void busyEnd() {
    if (!isSimulated()) {
      return;
    }
    onLoop(() -> {
      busy = Math.max(0, busy - 1);
      pump();
    });
  }

  /** A thread starts waiting on this session (for example in {@code EventRecorder.await}); time may now skip. */
  public void waitStart() {
    onLoop(() -> {
      waiters++;
      pump();
    });
  }

  /** The waiting thread stopped waiting. */
  public void waitEnd() {
    onLoop(() -> waiters = Math.max(0, waiters - 1));
  }

  /**
   * The game polled: a skip point. A virtual clock that waits on nothing but time takes one step to
   * its earliest deadline (what falls due arrives for a later poll); otherwise nothing happens.
   */
  public void tick() {
    onLoop(() -> {
      waiters++;
      pump();
      // The step under way finishes by itself; the next one needs another poll or a waiting thread.
      waiters--;
    });
  }

  @Override
  public void advance(Duration by) {
    if (by == null || by.isNegative()) {
      throw new IllegalArgumentException("advance(" + by + "): the duration must be zero or positive, e.g. "
          + "Duration.ofSeconds(10); simulated time never runs backwards");
    }
    if (mode.kind() != TimeMode.Kind.MANUAL) {
      throw new IllegalStateException("advance(" + by + ") needs a manual clock; this session's clock is " + mode
          + ". Build the context with GmeContext.builder().clock(TimeMode.manual()) "
          + "(or @GmeSimulatorTest(clock = \"manual\"))");
    }
    if (loop.inEventLoop()) {
      throw new IllegalStateException("advance() was called from the SDK's I/O thread (a delegate runs elsewhere); "
          + "call it from the test thread");
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    onLoop(() -> whenQuiet(() -> step(virtualNowMs + by.toMillis(), done)));
    try {
      done.get(stallGuard.toNanos() * 2, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("advance(" + by + ") did not finish within " + stallGuard.multipliedBy(2)
          + " of wall time: a request of this session got neither a reply nor a hold notice from the simulator");
    } catch (ExecutionException e) {
      throw new IllegalStateException("advance(" + by + ") failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted in advance(" + by + ")", e);
    }
  }

  /** Fails every pending wait of the clock; timers will not run any more. */
  public void close() {
    onLoop(() -> {
      closed = true;
      timers.clear();
      quiet.clear();
      inFlight.values().forEach(g -> g.cancel(false));
      inFlight.clear();
      held.clear();
      List<Runnable> quiet = new ArrayList<>(whenQuiet);
      whenQuiet.clear();
      quiet.forEach(Runnable::run);
    });
  }

  // ---- on the loop ----------------------------------------------------------------------------

  private void step(long target, CompletableFuture<Void> done) {
    if (closed) {
      done.complete(null);
      return;
    }
    long next = nextDeadline();
    if (next <= target) {
      moveTo(next, () -> whenQuiet(() -> step(target, done)));
    } else if (virtualNowMs < target) {
      moveTo(target, () -> whenQuiet(() -> done.complete(null)));
    } else {
      done.complete(null);
    }
  }

  /** Runs {@code then} once no request is in flight, so a move sees every hold the server announced. */
  private void whenQuiet(Runnable then) {
    if ((inFlight.isEmpty() && busy == 0) || closed) {
      then.run();
    } else {
      whenQuiet.add(then);
    }
  }

  private void pump() {
    if (closed || !configured || mode.followsWallClock() || advancing) {
      return;
    }
    fireDue();
    if (inFlight.isEmpty() && busy == 0 && !whenQuiet.isEmpty()) {
      List<Runnable> quiet = new ArrayList<>(whenQuiet);
      whenQuiet.clear();
      quiet.forEach(Runnable::run);
      return;
    }
    if (advancing || mode.kind() != TimeMode.Kind.VIRTUAL || !inFlight.isEmpty() || busy > 0) {
      return;
    }
    if (waiters == 0 && (skipOnlyWhenWaited || held.isEmpty())) {
      return;
    }
    long next = nextDeadline();
    if (next != Long.MAX_VALUE) {
      moveTo(next, this::pump);
    }
  }

  private long nextDeadline() {
    long next = Long.MAX_VALUE;
    while (!timers.isEmpty() && timers.peek().cancelled) {
      timers.poll();
    }
    Timer head = timers.peek();
    if (head != null) {
      next = head.dueMs;
    }
    for (long until : held.values()) {
      if (until > virtualNowMs) {
        next = Math.min(next, until);
      }
    }
    return next;
  }

  private void moveTo(long targetMs, Runnable then) {
    virtualNowMs = Math.max(virtualNowMs, targetMs);
    advancing = true;
    LongFunction<CompletableFuture<?>> a = advancer;
    CompletableFuture<?> ack = a == null ? CompletableFuture.completedFuture(null) : a.apply(virtualNowMs);
    ack.whenComplete((r, e) -> onLoop(() -> {
      advancing = false;
      // A reply due by now that has not come is on the wire again: the guard watches it.
      List<Long> due = new ArrayList<>();
      held.forEach((key, until) -> {
        if (until >= 0 && until <= virtualNowMs) {
          due.add(key);
        }
      });
      for (Long key : due) {
        held.remove(key);
        inFlight.put(key, loop.schedule(() -> {
          inFlight.remove(key);
          pump();
        }, stallGuard.toNanos(), TimeUnit.NANOSECONDS));
      }
      fireDue();
      then.run();
    }));
  }

  private void fireDue() {
    while (true) {
      // The two queues fire as one, in order of due time.
      Timer t = timers.peek();
      Timer q = quiet.peek();
      Timer next = t == null ? q : q == null ? t : q.compareTo(t) < 0 ? q : t;
      if (next == null || next.dueMs > virtualNowMs) {
        return;
      }
      (next == t ? timers : quiet).poll();
      run(next);
    }
  }

  private void run(Timer t) {
    if (t.cancelled || closed) {
      return;
    }
    try {
      t.task.run();
    } catch (RuntimeException e) {
      LOG.warn("a simulated-time task failed", e);
    }
  }

  private void onLoop(Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }
}
