package dev.gmesim.core.internal.server;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.catalog.Operation;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The bounded record of calls the simulator answered: the newest {@link #capacity()} entries are
 * kept, older ones drop off, so a long drill cannot exhaust memory.
 *
 * <pre>{@code
 * List<JournalEntry> entries = simulator.journal().find(e -> e.operation() == Operation.ENTER_ROOM);
 * }</pre>
 *
 * @since 0.1
 */
public final class Journal {
  /** The default number of entries kept. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private final int capacity;
  private final ArrayDeque<JournalEntry> entries;
  private final Consumer<JournalEntry> listener;
  private long total;

  /** Creates a journal that keeps the newest {@code capacity} entries. */
  public Journal(int capacity) {
    this(capacity, entry -> { });
  }

  /**
   * Creates a journal that also hands every recorded entry to {@code listener} (for metrics), so
   * that every channel that journals a call is counted in one place.
   */
  public Journal(int capacity, Consumer<JournalEntry> listener) {
    if (capacity < 1) {
      throw new IllegalArgumentException("journal capacity " + capacity + " must be at least 1");
    }
    this.capacity = capacity;
    this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
    this.listener = Objects.requireNonNull(listener,
        "Journal: listener is null; pass entry -> { } for none");
  }

  /** Returns how many entries the journal keeps at most. */
  public int capacity() {
    return capacity;
  }

  /** Records one answered call, numbering it, and drops the oldest entry when full. */
  public JournalEntry record(Operation operation, String appId, String openId, String roomId,
      String tag, String source, String effect, int result) {
    return record(operation, appId, openId, roomId, tag, source, effect, result, -1);
  }

  /** As {@link #record(Operation, String, String, String, String, String, String, int)}, with the session's simulated time. */
  public JournalEntry record(Operation operation, String appId, String openId, String roomId,
      String tag, String source, String effect, int result, long sessionTimeMs) {
    JournalEntry entry;
    synchronized (this) {
      entry = new JournalEntry(++total, Instant.now(), operation, appId, openId, roomId, tag, source,
          effect, result, sessionTimeMs);
      if (entries.size() == capacity) {
        entries.removeFirst();
      }
      entries.addLast(entry);
    }
    // Outside the lock: a slow listener must not hold up other connections' journaling.
    listener.accept(entry);
    return entry;
  }

  /** Returns every kept entry, oldest first. */
  public synchronized List<JournalEntry> entries() {
    return new ArrayList<>(entries);
  }

  /** Returns the kept entries that match, oldest first. */
  public synchronized List<JournalEntry> find(Predicate<JournalEntry> filter) {
    List<JournalEntry> out = new ArrayList<>();
    for (JournalEntry e : entries) {
      if (filter.test(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Returns the kept entries for one operation, oldest first. */
  public List<JournalEntry> find(Operation operation) {
    return find(e -> e.operation() == operation);
  }

  /** Returns how many entries are kept now. */
  public synchronized int size() {
    return entries.size();
  }

  /** Returns how many calls were recorded since start, including those that dropped off. */
  public synchronized long total() {
    return total;
  }

  /** Drops every entry; the running count goes on. */
  public synchronized void clear() {
    entries.clear();
  }
}
