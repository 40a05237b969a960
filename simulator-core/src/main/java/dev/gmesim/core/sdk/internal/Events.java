package dev.gmesim.core.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.GmeEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Builds a context's GME events and hands them to its delegate in order: at once on the SDK's
 * callback threads, or, when polled, on the thread that calls {@link #poll()}. The one place where
 * the SDK's events get their {@code result} and {@code error_info}, for the context and its voice
 * messages alike.
 */
public final class Events {
  private final ClockEngine clock;
  private final Executor callbacks;
  private final boolean queued;
  private final Consumer<GmeEvent> dispatch;
  private final ConcurrentLinkedQueue<GmeEvent> polled = new ConcurrentLinkedQueue<>();
  private final CopyOnWriteArraySet<Runnable> wakers = new CopyOnWriteArraySet<>();
  /** One poller at a time, so two threads polling one context cannot reorder its events. */
  private final ReentrantLock polling = new ReentrantLock();

  /**
   * Events for one context: {@code dispatch} hands one to the delegate; with {@code queued} they wait
   * for {@link #poll()}, else they run on {@code callbacks} (a serial executor, so in order).
   */
  public Events(ClockEngine clock, Executor callbacks, boolean queued, Consumer<GmeEvent> dispatch) {
    this.clock = clock;
    this.callbacks = callbacks;
    this.queued = queued;
    this.dispatch = dispatch;
  }

  /** Returns an event with GME's {@code result} and {@code error_info} first, then {@code fields}. */
  public static GmeEvent of(GmeEventType type, int result, String errorInfo, Map<String, Object> fields) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("result", result);
    data.put("error_info", errorInfo == null ? "" : errorInfo);
    fields.forEach(data::putIfAbsent);
    return new GmeEvent(type, data);
  }

  /** Returns event fields from name-value pairs, leaving out pairs whose value is null. */
  public static Map<String, Object> fields(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        m.put((String) kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  /** Returns the fields of a reply's or a pushed event's {@code data}, as plain Java values. */
  public static Map<String, Object> fields(JsonNode data) {
    Map<String, Object> m = new LinkedHashMap<>();
    putFields(m, data);
    return m;
  }

  /**
   * Returns a result event: GME's {@code result} and {@code error_info} first, then the reply's
   * {@code data} fields (those two left out), then {@code extraName} set to {@code extraValue}. One
   * map for the whole payload, where {@link #of} over {@link #fields(JsonNode)} would build two.
   */
  public static GmeEvent result(GmeEventType type, int result, String errorInfo, JsonNode data, String extraName,
      Object extraValue) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("result", result);
    m.put("error_info", errorInfo == null ? "" : errorInfo);
    putFields(m, data);
    m.put(extraName, extraValue);
    return new GmeEvent(type, m);
  }

  /** Adds the fields of a JSON object that {@code into} does not hold yet; nothing for null or a non-object. */
  private static void putFields(Map<String, Object> into, JsonNode data) {
    if (data == null || !data.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      into.putIfAbsent(f.getKey(), plain(f.getValue()));
    }
  }

  /**
   * The Java value Jackson's {@code convertValue(node, Object.class)} gives (Integer, Long or BigInteger,
   * Double, Boolean, String, List, LinkedHashMap, null), by a walk of the tree: convertValue writes the
   * tree out and parses it again, which costs more than the rest of handling a reply.
   */
  private static Object plain(JsonNode n) {
    switch (n.getNodeType()) {
      case STRING:
        return n.textValue();
      case NUMBER:
        return n.isFloatingPointNumber() ? (Object) n.doubleValue() : n.canConvertToInt() ? (Object) n.intValue()
            : n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
      case BOOLEAN:
        return n.booleanValue();
      case ARRAY: {
        List<Object> list = new ArrayList<>(n.size());
        n.forEach(e -> list.add(plain(e)));
        return list;
      }
      case OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        putFields(m, n);
        return m;
      }
      default:
        // NULL and MISSING; the room protocol sends no binary or POJO nodes.
        return null;
    }
  }

  /** Builds an event (see {@link #of}) and delivers it. */
  public void emit(GmeEventType type, int result, String errorInfo, Map<String, Object> fields) {
    deliver(of(type, result, errorInfo, fields));
  }

  /** Hands an event to the delegate (or the poll queue), in order with every other event of this context. */
  public void deliver(GmeEvent e) {
    if (queued) {
      // Not work in progress for the clock: in strict mode delivering is the game's job, in its Poll.
      polled.add(e);
      wakers.forEach(Runnable::run);
      return;
    }
    // Until the delegate has it, the event is work in progress: a virtual clock must not skip past it.
    clock.busyStart();
    callbacks.execute(() -> {
      try {
        dispatch.accept(e);
      } finally {
        clock.busyEnd();
      }
    });
  }

  /** Delivers every queued event on the calling thread (GME's Poll). */
  public void poll() {
    polling.lock();
    try {
      GmeEvent e;
      while ((e = polled.poll()) != null) {
        dispatch.accept(e);
      }
    } finally {
      polling.unlock();
    }
  }

  /** Returns whether events wait for {@link #poll()} (strict polling). */
  public boolean queued() {
    return queued;
  }

  /** Returns how many events wait for {@link #poll()}. */
  public int waiting() {
    return polled.size();
  }

  /** Runs {@code waker} (quickly, on the thread that queues) whenever an event starts waiting for {@link #poll()}. */
  public void onQueued(Runnable waker) {
    wakers.add(waker);
  }
}
