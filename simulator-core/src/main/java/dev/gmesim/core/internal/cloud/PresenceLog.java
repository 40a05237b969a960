package dev.gmesim.core.internal.cloud;

import dev.gmesim.core.internal.server.SessionClocks;
import dev.gmesim.core.internal.world.PresenceListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every member's entries into and exits from rooms, for DescribeUserInAndOutTime. Times are Unix
 * milliseconds on the member's session clock (its simulated epoch: wall time for a real-time session,
 * the start plus simulated time for a virtual one), so a test that advances a virtual clock by ten
 * minutes sees a ten-minute stay. The newest {@value #PER_USER} stays per user and room are kept.
 */
public final class PresenceLog implements PresenceListener {
  /** Stays kept per (app, room, user); older ones are dropped first. */
  static final int PER_USER = 1000;

  /** One stay: entered at {@code startMs}; {@code endMs} -1 while the member is still there. */
  record Stay(String sessionId, long startMs, long endMs) {}

  private final Map<String, Deque<Stay>> stays = new ConcurrentHashMap<>();
  private final SessionClocks clocks;

  /** Creates a log that dates changes on these clocks. */
  public PresenceLog(SessionClocks clocks) {
    this.clocks = clocks;
  }

  @Override
  public void moved(String sessionId, String appId, String roomId, String openId, boolean entered) {
    long now = nowMs(sessionId);
    Deque<Stay> list = stays.computeIfAbsent(key(appId, roomId, openId), k -> new ArrayDeque<>());
    synchronized (list) {
      if (entered) {
        if (list.size() == PER_USER) {
          list.removeFirst();
        }
        list.addLast(new Stay(sessionId, now, -1));
      } else if (!list.isEmpty() && list.peekLast().endMs() < 0) {
        Stay open = list.removeLast();
        list.addLast(new Stay(open.sessionId(), open.startMs(), Math.max(open.startMs(), now)));
      }
    }
  }

  /** Returns the stays of a user in a room, oldest first; a stay still open ends now (its session's now). */
  List<Stay> stays(String appId, String roomId, String openId) {
    Deque<Stay> list = stays.get(key(appId, roomId, openId));
    if (list == null) {
      return List.of();
    }
    List<Stay> out = new ArrayList<>();
    synchronized (list) {
      for (Stay s : list) {
        out.add(s.endMs() >= 0 ? s : new Stay(s.sessionId(), s.startMs(), Math.max(s.startMs(), nowMs(s.sessionId()))));
      }
    }
    return out;
  }

  /** Forgets every stay (the simulator's reset). */
  public void clear() {
    stays.clear();
  }

  private long nowMs(String sessionId) {
    return clocks.get(sessionId).map(SessionClocks.SessionTime::epochMs).orElseGet(System::currentTimeMillis);
  }

  private static String key(String appId, String roomId, String openId) {
    return appId + '\u0000' + roomId + '\u0000' + openId;
  }
}
