package dev.gmesim.core.internal.server;

import dev.gmesim.core.internal.fault.Decision;
import dev.gmesim.core.time.TimeMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's view of every session's clock. A scaled session's time runs with the wall clock; a
 * virtual or manual session's time is whatever its client last said in {@code ADVANCE}, so the
 * server never holds a wall-clock timer for it. The voice-message side finds a session here by
 * the {@code X-Gme-Session} header and parks held answers under a ticket until the client releases
 * them.
 */
public final class SessionClocks {
  /** Held HTTP answers kept at most; the oldest ticket goes first (its client would only see a stall). */
  public static final int MAX_TICKETS = 10_000;

  private final TimeMode defaultMode;
  private final long startNanos = System.nanoTime();
  private final Map<String, SessionTime> sessions = new ConcurrentHashMap<>();
  private final AtomicLong tickets = new AtomicLong();
  private final LinkedHashMap<String, Decision> held = new LinkedHashMap<>(16, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Decision> eldest) {
      return size() > MAX_TICKETS;
    }
  };

  /** Sessions that ask for no mode in HELLO get {@code defaultMode}. */
  public SessionClocks(TimeMode defaultMode) {
    this.defaultMode = defaultMode;
  }

  /** Returns the mode of sessions whose HELLO names none. */
  public TimeMode defaultMode() {
    return defaultMode;
  }

  /** One session's clock. */
  public static final class SessionTime {
    private final TimeMode mode;
    private final long originEpochMs;
    private final long baseMs;
    private final long startNanos = System.nanoTime();
    private volatile long virtualNowMs;

    SessionTime(TimeMode mode, long nowMs, long originEpochMs) {
      this.mode = mode;
      this.baseMs = nowMs;
      this.virtualNowMs = nowMs;
      this.originEpochMs = originEpochMs;
    }

    /** Returns the session's mode. */
    public TimeMode mode() {
      return mode;
    }

    /** Returns whether the client decides this session's time (virtual or manual). */
    public boolean simulated() {
      return !mode.followsWallClock();
    }

    /** Returns the session's simulated time in milliseconds. */
    public long nowMs() {
      if (mode.followsWallClock()) {
        return baseMs + (long) ((System.nanoTime() - startNanos) / 1_000_000.0 * mode.factor());
      }
      return virtualNowMs;
    }

    /** Returns the wall-clock epoch millisecond that simulated time 0 stands for (for expiry times). */
    public long originEpochMs() {
      return originEpochMs;
    }

    /** Returns the session's simulated time as a Unix epoch millisecond. */
    public long epochMs() {
      return originEpochMs + nowMs();
    }

    /** Moves a virtual or manual clock forward; returns false if {@code nowMs} lies in its past. */
    boolean advanceTo(long nowMs) {
      if (nowMs < virtualNowMs) {
        return false;
      }
      virtualNowMs = nowMs;
      return true;
    }
  }

  /** Registers a session that finished HELLO. */
  public SessionTime open(String sessionId, TimeMode mode, long nowMs, long originEpochMs) {
    SessionTime t = new SessionTime(mode, nowMs, originEpochMs);
    sessions.put(sessionId, t);
    return t;
  }

  /** Forgets a closed session. */
  public void close(String sessionId) {
    sessions.remove(sessionId);
  }

  /** Returns a session by id, if it is open. */
  public Optional<SessionTime> get(String sessionId) {
    return sessionId == null ? Optional.empty() : Optional.ofNullable(sessions.get(sessionId));
  }

  /**
   * Returns a session's simulated time in ms; for an unknown session, the time since the simulator
   * started on the default scale (1 for virtual and manual defaults).
   */
  public long nowMs(String sessionId) {
    SessionTime t = sessionId == null ? null : sessions.get(sessionId);
    if (t != null) {
      return t.nowMs();
    }
    return (long) ((System.nanoTime() - startNanos) / 1_000_000.0 * defaultMode.factor());
  }

  /** Parks a decided HTTP answer and returns its ticket. */
  public String hold(Decision decided) {
    String ticket = "h" + tickets.incrementAndGet();
    synchronized (held) {
      held.put(ticket, decided);
    }
    return ticket;
  }

  /** Takes back a parked answer, or empty for an unknown (or already released) ticket. */
  public Optional<Decision> release(String ticket) {
    synchronized (held) {
      return Optional.ofNullable(held.remove(ticket));
    }
  }
}
