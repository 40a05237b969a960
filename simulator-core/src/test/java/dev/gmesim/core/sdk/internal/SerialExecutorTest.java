package dev.gmesim.core.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One context's events reach its delegate in order, and a delegate that throws does not stop the rest. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SerialExecutorTest {
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final SerialExecutor serial = new SerialExecutor(pool);
  private final LinkedBlockingQueue<String> ran = new LinkedBlockingQueue<>();

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void runsTasksInSubmissionOrder() throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      String name = "task " + i;
      serial.execute(() -> ran.add(name));
    }
    for (int i = 0; i < 100; i++) {
      assertThat(ran.poll(5, TimeUnit.SECONDS)).isEqualTo("task " + i);
    }
  }

  @Nested
  class WhenADelegateThrows {
    @Test
    void aRuntimeExceptionDoesNotStopLaterTasks() throws InterruptedException {
      serial.execute(() -> {
        throw new IllegalStateException("delegate bug");
      });
      serial.execute(() -> ran.add("next"));
      assertThat(ran.poll(5, TimeUnit.SECONDS)).isEqualTo("next");
    }

    @Test
    void anErrorDoesNotStopLaterTasks() throws InterruptedException {
      serial.execute(() -> {
        throw new NoClassDefFoundError("a class the delegate needs is missing");
      });
      serial.execute(() -> ran.add("next"));
      assertThat(ran.poll(5, TimeUnit.SECONDS)).isEqualTo("next");
    }

    @Test
    void aStackOverflowDoesNotStopLaterTasks() throws InterruptedException {
      serial.execute(() -> {
        throw new StackOverflowError("delegate recursed without end");
      });
      serial.execute(() -> ran.add("next"));
      serial.execute(() -> ran.add("after next"));
      assertThat(ran.poll(5, TimeUnit.SECONDS)).isEqualTo("next");
      assertThat(ran.poll(5, TimeUnit.SECONDS)).isEqualTo("after next");
    }
  }
}
