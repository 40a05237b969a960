package dev.gmesim.core.sdk.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every simulated SDK context shares: one Netty event-loop group for I/O and timers,
 * and a pool that runs delegates. Counted by reference, so the last context to close stops them
 * and nothing outlives the contexts that used it.
 */
public final class SdkRuntime {
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

  /** Gives a reference back; the last one stops the threads. */
  public static void release(SdkRuntime runtime) {
    SdkRuntime stop = null;
    synchronized (SdkRuntime.class) {
      if (runtime != shared || users == 0) {
        return;
      }
      if (--users == 0) {
        stop = shared;
        shared = null;
      }
    }
    if (stop != null) {
      stop.io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      stop.callbacks.shutdown();
    }
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
