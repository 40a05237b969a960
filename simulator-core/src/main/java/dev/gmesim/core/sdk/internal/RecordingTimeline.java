package dev.gmesim.core.sdk.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Timers on one voice recording's recorded time, which stands still while the recording is paused
 * (GME's PauseRecording): a task due at 2000 ms runs once the recording has run for 2000 ms, however
 * long it was paused on the way. The recording's end at its maximum length and the partial results
 * of streaming recognition are such tasks. Every task runs on the session clock, once at most.
 *
 * <p>Thread-safe. A task may run while a method of this class is on the stack (on the I/O thread a
 * timer that is already due runs at once), so callers hold no lock of their own while calling it.
 *
 * <pre>{@code
 * RecordingTimeline t = new RecordingTimeline(clock);
 * t.at(2000, this::autoStop);
 * t.run(0);        // recording from now
 * t.pause(800);    // paused after 800 ms recorded: nothing fires
 * t.run(800);      // resumed: autoStop fires 1200 ms of session time from now
 * }</pre>
 */
public final class RecordingTimeline {
  private final ClockEngine clock;
  /** Tasks that have not run yet; guarded by this. */
  private final List<Entry> pending = new ArrayList<>();
  private long recordedMs;
  /** The session time the running stretch began at, or -1 while paused or not started. */
  private long runningSinceMs = -1;
  private boolean stopped;

  private static final class Entry {
    final long atMs;
    final Runnable task;
    ClockEngine.Timer timer;
    /** Bumped by each schedule and cancel, so a timer that was due before a pause cannot run. */
    int generation;

    Entry(long atMs, Runnable task) {
      this.atMs = atMs;
      this.task = task;
    }
  }

  /** A timeline whose tasks run on {@code clock}. */
  public RecordingTimeline(ClockEngine clock) {
    this.clock = clock;
  }

  /** Adds {@code task}, due once {@code atMs} have been recorded; it is scheduled if the recording runs. */
  public synchronized void at(long atMs, Runnable task) {
    if (stopped) {
      return;
    }
    Entry e = new Entry(atMs, task);
    pending.add(e);
    if (runningSinceMs >= 0) {
      schedule(e);
    }
  }

  /** The recording runs from now on, {@code recordedMs} having been recorded before. */
  public synchronized void run(long recordedMs) {
    if (stopped) {
      return;
    }
    cancelTimers();
    this.recordedMs = recordedMs;
    this.runningSinceMs = clock.nowMs();
    pending.forEach(this::schedule);
  }

  /** The recording is paused with {@code recordedMs} recorded: no task runs until {@link #run(long)}. */
  public synchronized void pause(long recordedMs) {
    cancelTimers();
    this.recordedMs = recordedMs;
    this.runningSinceMs = -1;
  }

  /** The recording ended (stopped, cancelled or failed): no task runs any more. */
  public synchronized void stop() {
    stopped = true;
    cancelTimers();
    pending.clear();
  }

  private void schedule(Entry e) {
    int generation = ++e.generation;
    long dueMs = runningSinceMs + Math.max(0, e.atMs - recordedMs);
    ClockEngine.Timer t = clock.scheduleAt(dueMs, () -> fire(e, generation));
    // On the I/O thread a timer already due runs inside scheduleAt; then there is nothing to keep.
    if (pending.contains(e) && e.generation == generation) {
      e.timer = t;
    }
  }

  private void fire(Entry e, int generation) {
    synchronized (this) {
      if (stopped || e.generation != generation || runningSinceMs < 0 || !pending.remove(e)) {
        return;
      }
      e.timer = null;
    }
    e.task.run();
  }

  private void cancelTimers() {
    for (Entry e : pending) {
      e.generation++;
      if (e.timer != null) {
        e.timer.cancel();
        e.timer = null;
      }
    }
  }
}
