package dev.gmesim.junit5;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.cloud.ApiErrorCode;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.PollMode;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeDelegate;
import dev.gmesim.core.time.TimeMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One test's share of the simulator: its tag, the rules installed for it, the SDK contexts opened
 * for it. Kept in the test's store, so JUnit closes it (closing the contexts and removing every
 * rule the test owns) even when the test or another extension failed.
 */
final class TestScope implements StoreResource {
  private static final Logger LOG = LoggerFactory.getLogger(TestScope.class);

  private final String tag;
  private final String testName;
  private final Backend backend;
  private final Coverage coverage;
  /** Rule id to the code it injects, for the coverage report; annotation rules also listed in {@link #annotated}. */
  private final Map<String, GmeErrorCode> tracked = new LinkedHashMap<>();
  private final Map<String, ApiErrorCode> apiTracked = new LinkedHashMap<>();
  private final List<String> annotated = new ArrayList<>();
  private final List<GmeContext> contexts = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private GmeContext context;
  private EventRecorder recorder;

  private final TimeMode clock;
  private final PollMode poll;

  TestScope(String tag, String testName, Backend backend, Coverage coverage, TimeMode clock, PollMode poll) {
    this.tag = tag;
    this.clock = clock;
    this.poll = poll;
    this.testName = testName;
    this.backend = backend;
    this.coverage = coverage;
  }

  String tag() {
    return tag;
  }

  Backend backend() {
    return backend;
  }

  /** Installs the annotations' rules, scoped to this test's connections. */
  void install(List<InjectedFaults.Planned> planned) {
    for (InjectedFaults.Planned p : planned) {
      FaultRule added = install(p.rule(), p.code());
      synchronized (this) {
        annotated.add(added.id());
      }
    }
  }

  /**
   * Installs one rule scoped to this test's connections and owned by it, counting {@code code} (the
   * code it makes the SDK report, also for 1005's silence) in the coverage report; null for a
   * transport cause, which the report does not count.
   */
  FaultRule install(FaultRule rule, GmeErrorCode code) {
    FaultRule added = backend.control().addFault(rule.newBuilder().tag(tag).owner(tag).build());
    if (code != null) {
      track(added, code);
    }
    return added;
  }

  /** Returns how often one of this test's rules has failed a call, 0 once it is gone. */
  long fired(String ruleId) {
    return backend.control().fault(ruleId).map(RuleStatus::fired).orElse(0L);
  }

  /** Returns the journal of this test's calls, oldest first. */
  List<JournalEntry> journal() {
    return backend.journal(tag);
  }

  /**
   * Installs the server-error annotations' rules, owned by this test so they are removed after it,
   * and limited to requests carrying its tag (as {@link GmeCloudApi}'s clients send it) unless the
   * annotation says {@code tagged = false}.
   */
  void installServer(List<InjectedServerFaults.Planned> planned) {
    for (InjectedServerFaults.Planned p : planned) {
      FaultRule added = backend.control().addFault(p.rule().newBuilder().tag(p.tagged() ? tag : null).owner(tag).build());
      synchronized (this) {
        annotated.add(added.id());
      }
      trackApi(added, p.code());
    }
  }

  private void trackApi(FaultRule added, ApiErrorCode code) {
    synchronized (this) {
      apiTracked.put(added.id(), code);
    }
    coverage.injected(code, testName);
  }

  /** Adds a rule on the test's behalf: limited to its connections and removed after it, unless the rule says otherwise. */
  FaultRule addFault(FaultRule rule) {
    Objects.requireNonNull(rule, "addFault: rule is null; build one with FaultRule.on(operation)...build()");
    FaultRule.Builder scoped = rule.newBuilder();
    if (rule.scope().tag() == null) {
      scoped.tag(tag);
    }
    if (rule.owner() == null) {
      scoped.owner(tag);
    }
    FaultRule added = backend.control().addFault(scoped.build());
    if (added.fault() instanceof Fault.Error error) {
      track(added, error.code());
    } else if (added.fault() instanceof Fault.ApiError apiError) {
      trackApi(added, apiError.code());
    }
    return added;
  }

  private void track(FaultRule added, GmeErrorCode code) {
    synchronized (this) {
      tracked.put(added.id(), code);
    }
    coverage.injected(code, testName);
  }

  /** This test's rules, by owner. */
  List<RuleStatus> faults() {
    return backend.control().faults().stream().filter(s -> tag.equals(s.rule().owner())).toList();
  }

  /** The annotations' rules that have not failed a single call so far. */
  List<RuleStatus> unfiredAnnotationRules() {
    List<String> ids;
    synchronized (this) {
      ids = List.copyOf(annotated);
    }
    return backend.control().faults().stream().filter(s -> ids.contains(s.rule().id()) && s.fired() == 0).toList();
  }

  /** The test's own SDK context, connected on first use, with an {@link EventRecorder} as its delegate. */
  synchronized GmeContext context() {
    if (context == null) {
      EventRecorder events = new EventRecorder();
      context = newContext(events);
      recorder = events;
    }
    return context;
  }

  synchronized EventRecorder recorder() {
    context();
    return recorder;
  }

  /** Opens another context tagged as this test's; it is closed with the scope. */
  GmeContext newContext(GmeDelegate delegate) {
    if (closed.get()) {
      throw new IllegalStateException("the test " + testName + " has finished; open SDK contexts during the test");
    }
    // The HTTP side is taken from the endpoints, not the handshake, so a remapped container port works.
    GmeContext c = GmeContext.builder().room(backend.endpoints().room()).http(backend.endpoints().http()).tag(tag)
        .sdkName("gmesim-junit5").clock(clock).poll(poll)
        .delegate(delegate).build();
    synchronized (this) {
      contexts.add(c);
    }
    return c;
  }

  /** Closes the contexts, counts what fired, and removes every rule this test owns; safe to call twice. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<GmeContext> open;
    synchronized (this) {
      open = List.copyOf(contexts);
    }
    try {
      for (GmeContext c : open) {
        try {
          c.close();
        } catch (RuntimeException e) {
          LOG.warn("closing an SDK context of {} failed", testName, e);
        }
      }
      for (RuleStatus status : faults()) {
        GmeErrorCode code;
        synchronized (this) {
          code = tracked.get(status.rule().id());
        }
        ApiErrorCode apiCode;
        synchronized (this) {
          apiCode = apiTracked.get(status.rule().id());
        }
        if (code != null && status.fired() > 0) {
          coverage.fired(code, status.fired());
        }
        if (apiCode != null && status.fired() > 0) {
          coverage.fired(apiCode, status.fired());
        }
      }
    } finally {
      backend.control().removeFaultsByOwner(tag);
    }
  }
}
