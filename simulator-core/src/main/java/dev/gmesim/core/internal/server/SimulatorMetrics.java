package dev.gmesim.core.internal.server;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Effect;
import dev.gmesim.core.internal.fault.Decision;
import dev.gmesim.core.internal.fault.FaultPlan;
import dev.gmesim.core.internal.server.Journal;
import dev.gmesim.core.internal.world.GmeWorld;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The simulator's metrics, fed by the journal so that every channel that journals a call (room
 * gateway, HTTP side) is counted: {@code gmesim_calls_total{operation,result,source}},
 * {@code gmesim_faults_injected_total{operation,code,effect}}, and gauges of rooms, sessions,
 * journal entries and fault rules. One registry per simulator, so parallel simulators never mix.
 *
 * <p>Counts are kept in {@link LongAdder}s from the first call; the Micrometer registry is built
 * when first asked for (a scrape, or {@code GmeSimulator.meterRegistry()}), which keeps its
 * classes out of every start-up that never reads a metric.
 */
public final class SimulatorMetrics implements Consumer<JournalEntry> {
  /** The content type of {@link #scrape()}: Prometheus text format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final ConcurrentHashMap<CallKey, LongAdder> calls = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<FaultKey, LongAdder> faults = new ConcurrentHashMap<>();
  /** Guards the registry's creation and every registration, so each counter is registered exactly once. */
  private final Object lock = new Object();
  private volatile PrometheusMeterRegistry registry;
  private GmeWorld world;
  private FaultPlan plan;
  private Journal journal;

  private record CallKey(String operation, int result, boolean faulted) {}

  private record FaultKey(String operation, int code, String effect) {}

  /** Names the state the gauges read at scrape time. */
  public void watch(GmeWorld world, FaultPlan plan, Journal journal) {
    synchronized (lock) {
      this.world = world;
      this.plan = plan;
      this.journal = journal;
    }
  }

  /** Counts one journaled call, and the fault injected into it if a rule decided it. */
  @Override
  public void accept(JournalEntry e) {
    String op = e.operation() == null ? "UNKNOWN" : e.operation().name();
    count(calls, new CallKey(op, e.result(), e.faulted()));
    if (e.faulted()) {
      count(faults, new FaultKey(op, e.result(), effect(e.effect())));
    }
  }

  private <K> void count(ConcurrentHashMap<K, LongAdder> counts, K key) {
    LongAdder adder = counts.get(key);
    if (adder == null) {
      // A new label set is rare (labels are bounded); creating and registering it under the lock
      // that also guards the registry's creation means each counter is registered exactly once.
      synchronized (lock) {
        adder = counts.get(key);
        if (adder == null) {
          adder = new LongAdder();
          counts.put(key, adder);
          if (registry != null) {
            register(registry, key, adder);
          }
        }
      }
    }
    adder.increment();
  }

  /**
   * Maps the journal's effect text to the fault JSON's effect names ({@code reply} of a fault is
   * an injected {@code error}; {@code no reply} is {@code noReply}), so labels read like the rules.
   */
  static String effect(String journalEffect) {
    if (journalEffect == null || journalEffect.isBlank()) {
      return "unknown";
    }
    String text = journalEffect.strip();
    int paren = text.indexOf('(');
    if (paren > 0) {
      text = text.substring(0, paren).strip();
    }
    if (text.equals("reply")) {
      return "error";
    }
    // HTTP faults journal as "http connection reset" (a rule), "http 503" or "http connectionReset" (X-Gme-Fault).
    if (text.startsWith("http ")) {
      text = text.substring(5).strip();
      if (text.matches("\\d{3}")) {
        return Effect.SERVER_ERROR.wireName();
      }
    }
    Optional<Effect> named = Effect.fromWire(text);
    if (named.isPresent()) {
      return named.get().wireName();
    }
    StringBuilder camel = new StringBuilder();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (word.isEmpty()) {
        continue;
      }
      camel.append(camel.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return camel.length() == 0 ? "unknown" : camel.toString();
  }

  /**
   * Records the delay a fault rule injected before its effect, as the histogram
   * {@code gmesim_fault_delay_seconds{operation}}; calls no rule decided are not recorded.
   */
  public void decided(Operation operation, Decision decision) {
    if (decision.isFault()) {
      Timer.builder("gmesim.fault.delay")
          .description("Delay injected before a fault took effect, by operation")
          .tag("operation", operation.name())
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofMillis(1))
          .maximumExpectedValue(Duration.ofSeconds(60))
          .register(prometheus())
          .record(decision.delay());
    }
  }

  /** Returns the registry (built on first use), for binding more meters or reading values. */
  public MeterRegistry registry() {
    return prometheus();
  }

  /** Returns every meter in Prometheus text format. */
  public String scrape() {
    return prometheus().scrape();
  }

  private PrometheusMeterRegistry prometheus() {
    PrometheusMeterRegistry r = registry;
    if (r != null) {
      return r;
    }
    synchronized (lock) {
      if (registry == null) {
        PrometheusMeterRegistry created = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registerGauges(created);
        for (Map.Entry<CallKey, LongAdder> c : calls.entrySet()) {
          register(created, c.getKey(), c.getValue());
        }
        for (Map.Entry<FaultKey, LongAdder> f : faults.entrySet()) {
          register(created, f.getKey(), f.getValue());
        }
        registry = created;
      }
      return registry;
    }
  }

  private static void register(MeterRegistry r, Object key, LongAdder adder) {
    if (key instanceof CallKey k) {
      FunctionCounter.builder("gmesim.calls", adder, LongAdder::sum)
          .description("Calls the simulator answered, by operation, result code and who decided it")
          .tag("operation", k.operation())
          .tag("result", Integer.toString(k.result()))
          // "fault" rather than the rule id: rule ids grow without bound over a long drill.
          .tag("source", k.faulted() ? "fault" : JournalEntry.WORLD)
          .register(r);
    } else if (key instanceof FaultKey k) {
      FunctionCounter.builder("gmesim.faults.injected", adder, LongAdder::sum)
          .description("Faults injected, by operation, result code (none when nothing was sent) and effect")
          .tag("operation", k.operation())
          .tag("code", k.code() < 0 ? "none" : Integer.toString(k.code()))
          .tag("effect", k.effect())
          .register(r);
    }
  }

  private void registerGauges(MeterRegistry r) {
    if (world == null) {
      return;
    }
    Gauge.builder("gmesim.rooms", world, w -> w.rooms().size())
        .description("Rooms with at least one member").strongReference(true).register(r);
    Gauge.builder("gmesim.sessions", world, GmeWorld::sessionCount)
        .description("Open room connections").strongReference(true).register(r);
    Gauge.builder("gmesim.journal.entries", journal, Journal::size)
        .description("Journal entries kept now (bounded by the journal size)").strongReference(true).register(r);
    Gauge.builder("gmesim.fault.rules", plan, p -> p.rules().size())
        .description("Fault rules in the plan, spent and expired ones included").strongReference(true).register(r);
    Gauge.builder("gmesim.drills.active", plan, p -> p.drills().active().size())
        .description("Chaos drills running now").strongReference(true).register(r);
    Gauge.builder("gmesim.fault.rules.active", plan, p -> p.rules().stream().filter(RuleStatus::active).count())
        .description("Fault rules that can still fire").strongReference(true).register(r);
  }
}
