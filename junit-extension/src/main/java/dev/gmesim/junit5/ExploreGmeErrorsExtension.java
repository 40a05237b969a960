package dev.gmesim.junit5;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.junit5.ExplorationPlan.Cell;
import dev.gmesim.junit5.ExplorationPlan.Cells;
import dev.gmesim.junit5.ExplorationReport.Explored;
import dev.gmesim.junit5.ExplorationReport.Outcome;
import dev.gmesim.junit5.ExplorationReport.Result;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs an {@link ExploreGmeErrors} test: the clean run first, then, once it has shown which calls the
 * test makes, one run per failure. The runs are produced lazily, so the failures can depend on what
 * the clean run did; each run's callbacks install its one rule into the test's {@link TestScope}
 * (which {@link GmeSimulatorExtension} opened just before) and record how it ended.
 */
final class ExploreGmeErrorsExtension implements TestTemplateInvocationContextProvider {
  static final String CLEAN_RUN = "clean run";

  private static final String PARALLEL = "junit.jupiter.execution.parallel.enabled";
  /** How long past its own timeout a parallel template waits for its clean run to be scheduled and finish. */
  private static final Duration SCHEDULING_SLACK = Duration.ofSeconds(60);

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, ExploreGmeErrors.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    Class<?> testClass = context.getRequiredTestClass();
    String test = InjectedFaults.simpleName(testClass) + "." + method.getName() + "()";
    ExplorationPlan plan = ExplorationPlan.of(
        AnnotationSupport.findAnnotation(method, ExploreGmeErrors.class).orElseThrow(), test);
    List<InjectedFaults.Declared> injected = new ArrayList<>(InjectedFaults.onClass(testClass));
    injected.addAll(InjectedFaults.onMethod(method));
    if (!injected.isEmpty()) {
      InjectedFaults.Declared first = injected.get(0);
      throw InjectedFaults.bad(plan.alias(), test, InjectedFaults.render(first.annotation()) + " on " + first.where()
          + " would fail every run, the clean one too, while each run must inject one failure and nothing else;"
          + " move the explored test to a class without it");
    }
    Explored explored = ExplorationReport.of(context).explored(test, plan);
    boolean parallel = context.getConfigurationParameter(PARALLEL).map(Boolean::parseBoolean).orElse(false);
    Runs runs = new Runs(plan, explored, test, parallel);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(runs, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * The clean run, then the failures. JUnit asks for the next run only after starting the previous
   * one, and, unless tests run in parallel, after finishing it; so the second request waits for the
   * clean run's plan.
   */
  private static final class Runs implements Iterator<TestTemplateInvocationContext> {
    private final ExplorationPlan plan;
    private final Explored explored;
    private final String test;
    private final boolean parallel;
    private final CompletableFuture<Cells> planned = new CompletableFuture<>();
    private boolean cleanGiven;
    private Iterator<Cell> cells;

    Runs(ExplorationPlan plan, Explored explored, String test, boolean parallel) {
      this.plan = plan;
      this.explored = explored;
      this.test = test;
      this.parallel = parallel;
    }

    @Override
    public boolean hasNext() {
      if (!cleanGiven) {
        return true;
      }
      if (cells == null) {
        Cells c = awaitPlan();
        cells = c == null ? List.<Cell>of().iterator() : c.run().iterator();
      }
      return cells.hasNext();
    }

    @Override
    public TestTemplateInvocationContext next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (!cleanGiven) {
        cleanGiven = true;
        return new Run(CLEAN_RUN, new RunCallbacks(plan, explored, null, planned));
      }
      Cell cell = cells.next();
      return new Run(cell.name(), new RunCallbacks(plan, explored, cell, null));
    }

    /** Returns the clean run's plan, or null when the clean run failed (it then reports why). */
    private Cells awaitPlan() {
      if (!planned.isDone() && parallel) {
        await(planned, plan.timeout().plus(SCHEDULING_SLACK));
      }
      if (!planned.isDone()) {
        throw new ExtensionConfigurationException(plan.alias() + ": the clean run did not "
            + (parallel ? "finish in time" : "run") + ", so there are no calls to explore; run the whole test, not"
            + " one of its runs [on " + test + "]");
      }
      return planned.getNow(null);
    }
  }

  /** Blocks until {@code f} completes or {@code max} passes, letting a fork-join pool (parallel tests) run other work meanwhile. */
  private static void await(CompletableFuture<?> f, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    try {
      ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
        @Override
        public boolean block() throws InterruptedException {
          long left = deadline - System.nanoTime();
          if (left > 0) {
            try {
              f.get(left, TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
              // Done or out of time either way; the caller looks at the future.
            }
          }
          return true;
        }

        @Override
        public boolean isReleasable() {
          return f.isDone() || deadline - System.nanoTime() <= 0;
        }
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One run as JUnit sees it.
   *
   * @param name its display name, {@code clean run} or {@code ENTER_ROOM#1 -> 7006 AV_ERR_AUTH_FIALD}
   * @param callbacks what installs its failure and records its end
   */
  private record Run(String name, Extension callbacks) implements TestTemplateInvocationContext {
    @Override
    public String getDisplayName(int invocationIndex) {
      return name;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(callbacks);
    }
  }

  /**
   * The callbacks of one run. Registered for the run alone, after the class's
   * {@link GmeSimulatorExtension}: its {@code beforeEach} runs after that one opened the test's scope,
   * its {@code afterEach} before that one closes it.
   */
  private static final class RunCallbacks implements BeforeEachCallback, AfterEachCallback, TestWatcher,
      InvocationInterceptor {
    private final ExplorationPlan plan;
    private final Explored explored;
    /** The failure this run injects; null for the clean run. */
    private final Cell cell;
    /** The clean run's plan, completed when the clean run ends; null for the other runs. */
    private final CompletableFuture<Cells> planned;
    private volatile long started;
    private volatile String ruleId;
    /** How often the rule fired; -1 until known. */
    private volatile long fired = -1;

    RunCallbacks(ExplorationPlan plan, Explored explored, Cell cell, CompletableFuture<Cells> planned) {
      this.plan = plan;
      this.explored = explored;
      this.cell = cell;
      this.planned = planned;
    }

    private String name() {
      return cell == null ? CLEAN_RUN : cell.name();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      started = System.nanoTime();
      TestScope scope = scope(context);
      if (scope == null) {
        throw new ExtensionConfigurationException(plan.alias() + " needs @GmeSimulatorTest (or a registered"
            + " GmeSimulatorExtension) on the test class: it runs the simulator the failures are injected into"
            + " [on " + context.getRequiredTestClass().getName() + "]");
      }
      if (cell != null) {
        ruleId = scope.install(cell.rule(), cell.code()).id();
      }
    }

    @Override
    public void afterEach(ExtensionContext context) {
      TestScope scope = scope(context);
      if (cell == null) {
        afterCleanRun(context, scope);
        return;
      }
      if (scope != null && ruleId != null) {
        fired = scope.fired(ruleId);
        if (fired == 0 && context.getExecutionException().isEmpty()) {
          throw new NotReached(cell.name() + ": the failure never fired: this run made no " + cell.call().label()
              + " call, which the clean run made; the test's calls depend on something besides GME's answers"
              + " (wall time, randomness, shared state), so make them repeatable");
        }
      }
    }

    private void afterCleanRun(ExtensionContext context, TestScope scope) {
      Cells cells = null;
      try {
        if (scope != null && context.getExecutionException().isEmpty()) {
          cells = plan.cells(scope.journal().stream().map(JournalEntry::operation).toList());
          explored.planned(cells);
        }
      } finally {
        // Always, even when reading the journal failed: the template waits for it.
        planned.complete(cells);
      }
      if (cells != null && cells.nothing() != null) {
        throw new AssertionError(cells.nothing());
      }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
      record(new Result(Outcome.PASS, "", millis()));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      Outcome outcome = fired == 0 ? Outcome.NOT_REACHED : cause instanceof Hang ? Outcome.HANG
          : cause instanceof AssertionError ? Outcome.FAIL : Outcome.ERROR;
      record(new Result(outcome, firstLine(cause, outcome), millis()));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
      record(new Result(Outcome.SKIPPED, firstLine(cause, Outcome.SKIPPED), millis()));
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
      record(new Result(Outcome.SKIPPED, reason.orElse("disabled"), 0));
      if (planned != null) {
        planned.complete(null);
      }
    }

    private void record(Result result) {
      if (cell == null) {
        explored.cleanRan(result);
      } else {
        explored.ran(cell, result);
      }
    }

    private long millis() {
      return started == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
        ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
      guard(invocation, "the test");
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation,
        ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
      guard(invocation, "@BeforeEach " + invocationContext.getExecutable().getName() + "()");
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation,
        ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
      guard(invocation, "@AfterEach " + invocationContext.getExecutable().getName() + "()");
    }

    /**
     * Runs the method on a thread of its own and gives up on it after the plan's timeout: a hung run
     * fails with where it waits instead of holding the build (a thread stuck without regard to
     * interrupts is left behind, as a daemon).
     */
    private void guard(Invocation<Void> invocation, String what) throws Throwable {
      CompletableFuture<Void> done = new CompletableFuture<>();
      Thread runner = new Thread(() -> {
        try {
          invocation.proceed();
          done.complete(null);
        } catch (Throwable t) {
          done.completeExceptionally(t);
        }
      }, "gmesim-explore " + name());
      runner.setDaemon(true);
      runner.start();
      try {
        done.get(plan.timeout().toNanos(), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        throw e.getCause();
      } catch (TimeoutException e) {
        StackTraceElement[] stack = runner.getStackTrace();
        runner.interrupt();
        Hang hang = new Hang(name() + ": " + what + " did not finish within " + plan.timeoutText()
            + " of wall time; on the virtual clock GME's own timeouts cost none, so it waits for something that never"
            + " comes" + waitsAt(stack) + " (the limit is @ExploreGmeErrors(timeout))");
        hang.setStackTrace(stack);
        throw hang;
      }
    }
  }

  private static TestScope scope(ExtensionContext context) {
    return context.getStore(GmeSimulatorExtension.NAMESPACE).get(TestScope.class, TestScope.class);
  }

  /** Names where a stuck thread waits and the first frame of the test's own code that got it there. */
  private static String waitsAt(StackTraceElement[] stack) {
    if (stack.length == 0) {
      return "";
    }
    for (StackTraceElement frame : stack) {
      String c = frame.getClassName();
      if (!(c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("org.junit.")
          || c.startsWith("org.awaitility.") || c.startsWith("org.assertj.") || c.startsWith("dev.gmesim.core.")
          || c.startsWith(ExploreGmeErrorsExtension.class.getName()) || c.startsWith(GmeAssertions.class.getName()))) {
        return "; it waits in " + frame(stack[0]) + (frame == stack[0] ? "" : ", called from " + frame(frame));
      }
    }
    return "; it waits in " + frame(stack[0]);
  }

  /** Returns {@code pkg.Class.method(File.java:12)}, without the module and class loader a JDK frame names. */
  private static String frame(StackTraceElement e) {
    String where = e.isNativeMethod() ? "Native Method"
        : e.getFileName() == null ? "Unknown Source"
        : e.getLineNumber() >= 0 ? e.getFileName() + ":" + e.getLineNumber() : e.getFileName();
    return e.getClassName() + "." + e.getMethodName() + "(" + where + ")";
  }

  /**
   * Returns a failure's message on one line (AssertJ spreads one over several), prefixed with the
   * exception's name when it is no assertion.
   */
  static String firstLine(Throwable t, Outcome outcome) {
    String message = t.getMessage() == null ? "" : t.getMessage().strip().replaceAll("\\s+", " ");
    if (message.length() > 300) {
      message = message.substring(0, 299) + "…";
    }
    boolean plain = outcome != Outcome.ERROR && outcome != Outcome.SKIPPED;
    if (plain && !message.isEmpty()) {
      return message;
    }
    return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }

  /** A run that did not finish within its timeout. */
  static final class Hang extends TimeoutException {
    private static final long serialVersionUID = 1L;

    Hang(String message) {
      super(message);
    }
  }

  /** A run whose failure never fired: the test did not make the call this time. */
  static final class NotReached extends AssertionError {
    private static final long serialVersionUID = 1L;

    NotReached(String message) {
      super(message);
    }
  }
}
