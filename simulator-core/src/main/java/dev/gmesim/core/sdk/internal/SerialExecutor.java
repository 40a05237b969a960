package dev.gmesim.core.sdk.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: one context's events reach its
 * delegate in order without each context owning a thread.
 */
public final class SerialExecutor implements Executor {
  private final Executor backing;
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private boolean running;

  /** Creates a serial view of {@code backing}. */
  public SerialExecutor(Executor backing) {
    this.backing = backing;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (tasks) {
      tasks.add(task);
      if (running) {
        return;
      }
      running = true;
    }
    backing.execute(this::drain);
  }

  private void drain() {
    while (true) {
      Runnable next;
      synchronized (tasks) {
        next = tasks.poll();
        if (next == null) {
          running = false;
          return;
        }
      }
      try {
        next.run();
      } catch (RuntimeException | AssertionError e) {
        // A failing delegate must not stop later events from arriving.
        org.slf4j.LoggerFactory.getLogger(SerialExecutor.class).warn("GME delegate threw", e);
      }
    }
  }
}
