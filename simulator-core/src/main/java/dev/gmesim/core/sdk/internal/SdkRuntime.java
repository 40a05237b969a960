package dev.gmesim.core.sdk.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every simulated SDK context shares: one Netty event-loop group for I/O and timers,
 * and a pool that runs delegates. Counted by reference, so the threads stop shortly after the last
 * context closes and nothing outlives the contexts that used it by more than {@link #LINGER}.
 */
public final class SdkRuntime {
  /** How long the threads outlive the last context that used them. */
  static final java.time.Duration LINGER = java.time.Duration.ofSeconds(1);

  private static SdkRuntime shared;
  private static int users;

  private final EventLoopGroup io;
  private final ExecutorService callbacks;

  private SdkRuntime() {
    io = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("gmesim-sdk-io", true),
        NioIoHandler.newFactory());
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf = r -> {
      Thread t = new Thread(r, "gmesim-sdk-callback-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    callbacks = Executors.newCachedThreadPool(tf);
  }

  /** Takes a reference to the shared runtime, starting it if no context holds one. */
  public static synchronized SdkRuntime acquire() {
    if (shared == null) {
      shared = new SdkRuntime();
    }
    users++;
    return shared;
  }

  /**
   * Gives a reference back; when the last one is gone the threads stop after {@link #LINGER}, unless
   * a new context takes a reference first. A test suite opens and closes a context per test, and
   * starting an event-loop group for each one would cost more than the test itself.
   */
  public static void release(SdkRuntime runtime) {
    synchronized (SdkRuntime.class) {
      if (runtime != shared || users == 0) {
        return;
      }
      if (--users > 0) {
        return;
      }
    }
    CompletableFuture.delayedExecutor(LINGER.toMillis(), TimeUnit.MILLISECONDS).execute(() -> stopIfUnused(runtime));
  }

  private static void stopIfUnused(SdkRuntime runtime) {
    synchronized (SdkRuntime.class) {
      if (runtime != shared || users > 0) {
        return;
      }
      shared = null;
    }
    runtime.io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    runtime.callbacks.shutdown();
  }

  /** Returns the I/O event-loop group. */
  public EventLoopGroup io() {
    return io;
  }

  /** Returns the pool that runs delegates (wrap it in a {@link SerialExecutor} per context). */
  public ExecutorService callbacks() {
    return callbacks;
  }
}
