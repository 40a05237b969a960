package dev.gmesim.core.sdk.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: one context's events reach its
 * delegate in order without each context owning a thread.
 */
public final class SerialExecutor implements Executor {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SerialExecutor.class);
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
      } catch (VirtualMachineError fatal) {
        // Hand the queued events to a fresh drain, then let the JVM-level error through.
        resume();
        throw fatal;
      } catch (RuntimeException | Error e) {
        // A failing delegate must not stop later events from arriving; an escaped Error would leave
        // running set with nobody draining, and the context would go silent for good.
        LOG.warn("GME delegate threw", e);
      }
    }
  }

  private void resume() {
    synchronized (tasks) {
      if (tasks.isEmpty()) {
        running = false;
        return;
      }
    }
    backing.execute(this::drain);
  }
}
