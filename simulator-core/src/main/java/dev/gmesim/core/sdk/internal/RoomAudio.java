package dev.gmesim.core.sdk.internal;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.internal.protocol.RoomArgs;
import dev.gmesim.core.sdk.GmeEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a context hears in its room, on its own session clock: {@code USER_UPDATE} 5 when a member it
 * can hear starts talking and 6 after 2 s without audio from it, the levels derived from who is
 * talking, the audio blacklist's local copy, and the {@code CHANGE_ROOM_QUALITY} report every 2 s.
 *
 * <p>The server decides who hears whom (it knows mic and speaker states, teams, modes, positions,
 * ranges and blacklists) and sends each listener {@code USER_UPDATE} 5 with {@code duration_ms} when a
 * member talks; this class turns that into GME's events: 5 only when the member was silent (GME fires
 * on a change of state), 6 once {@code duration_ms} plus 2 s have passed on this session's clock.
 */
public final class RoomAudio {
  /** GME: NO_AUDIO comes after 2 s without audio from a member. */
  public static final long NO_AUDIO_AFTER_MS = 2_000;
  /** GME: CHANGE_ROOM_QUALITY every 2 s in a room. */
  public static final long QUALITY_EVERY_MS = 2_000;
  /** The level a talking member's stream has, as GetMicLevel and GetSendStreamLevel (0-100) report it. */
  public static final int TALKING_LEVEL = 50;
  /** The level a heard, talking member's stream has on GetRecvStreamLevel's 0-200 scale (the same loudness). */
  public static final int TALKING_RECV_LEVEL = 100;

  private final Session session;
  private final ClockEngine clock;
  private final Events events;
  /** Members heard now: until when their audio lasts, and the timer of their NO_AUDIO. */
  private final Map<String, Heard> heard = new ConcurrentHashMap<>();
  private final Set<String> blacklist = ConcurrentHashMap.newKeySet();
  private volatile long talkingUntilMs = -1;
  private volatile Map<String, Object> lastQuality;
  /** Bumped on every entry and exit, so a quality report of an earlier stay in a room is dropped. */
  private volatile int stay;
  private volatile ClockEngine.Timer qualityTimer;

  private record Heard(long untilMs, ClockEngine.Timer silence) {}

  RoomAudio(Session session, ClockEngine clock, Events events) {
    this.session = session;
    this.clock = clock;
    this.events = events;
  }

  // ---- from the session --------------------------------------------------------------------------

  /** A pushed USER_UPDATE: returns true when it was a member talking, which this class reports itself. */
  boolean consumes(Map<String, Object> fields) {
    if (!(fields.get("event_id") instanceof Number id) || id.intValue() != 5
        || !(fields.get("duration_ms") instanceof Number duration) || !(fields.get("user_list") instanceof List<?> who)
        || who.size() != 1) {
      return false;
    }
    heard(String.valueOf(who.get(0)), duration.longValue());
    return true;
  }

  /** The context entered a room: the quality reports start, 2 s after entry. */
  void entered() {
    int mine = ++stay;
    scheduleQuality(mine, clock.nowMs() + QUALITY_EVERY_MS);
  }

  /** The context left its room: the blacklist lapses (GME), nothing is heard any more, the reports stop. */
  void left() {
    stay++;
    ClockEngine.Timer q = qualityTimer;
    if (q != null) {
      q.cancel();
    }
    heard.values().forEach(h -> h.silence().cancel());
    heard.clear();
    blacklist.clear();
    talkingUntilMs = -1;
    lastQuality = null;
  }

  /** The context switched rooms: it left the old one, so its blacklist lapses there as on the server. */
  void switched() {
    blacklist.clear();
  }

  // ---- what the game reads -----------------------------------------------------------------------

  /** The player talks until {@code durationMs} from now (SPEAK succeeded). */
  public void talking(long durationMs) {
    talkingUntilMs = Math.max(talkingUntilMs, clock.nowMs() + durationMs);
  }

  /** GetMicLevel / GetSendStreamLevel: {@link #TALKING_LEVEL} while the player talks, else 0. */
  public int micLevel() {
    return clock.nowMs() < talkingUntilMs ? TALKING_LEVEL : 0;
  }

  /** GetRecvStreamLevel(openId): {@link #TALKING_RECV_LEVEL} while that member is heard talking, else 0. */
  public int recvLevel(String openId) {
    Heard h = openId == null ? null : heard.get(openId);
    return h != null && clock.nowMs() < h.untilMs() ? TALKING_RECV_LEVEL : 0;
  }

  /** GetSpeakerLevel: {@link #TALKING_LEVEL} while any heard member talks, else 0. */
  public int speakerLevel() {
    long now = clock.nowMs();
    return heard.values().stream().anyMatch(h -> now < h.untilMs()) ? TALKING_LEVEL : 0;
  }

  /** The local copy of the audio blacklist: the server filters, the context answers IsOpenIdInAudioBlackList. */
  public Set<String> blacklist() {
    return blacklist;
  }

  /** The last CHANGE_ROOM_QUALITY payload in this room, or null before the first. */
  public Map<String, Object> lastQuality() {
    return lastQuality;
  }

  // ---- on the context's loop ---------------------------------------------------------------------

  private void heard(String openId, long durationMs) {
    long until = clock.nowMs() + durationMs;
    Heard old = heard.get(openId);
    if (old != null) {
      old.silence().cancel();
      until = Math.max(until, old.untilMs());
    } else {
      events.deliver(userUpdate(5, openId));
    }
    long end = until;
    ClockEngine.Timer silence = clock.scheduleAt(end + NO_AUDIO_AFTER_MS, () -> silent(openId, end));
    heard.put(openId, new Heard(end, silence));
  }

  private void silent(String openId, long until) {
    // Only the timer of the latest audio ends it; a later burst replaced this one.
    Heard h = heard.get(openId);
    if (h != null && h.untilMs() == until && heard.remove(openId, h)) {
      events.deliver(userUpdate(6, openId));
    }
  }

  private static GmeEvent userUpdate(int eventId, String openId) {
    return new GmeEvent(GmeEventType.USER_UPDATE, Map.of("event_id", eventId, "user_list", List.of(openId)));
  }

  private void scheduleQuality(int mine, long dueMs) {
    qualityTimer = clock.scheduleQuietAt(dueMs, () -> {
      if (stay != mine) {
        return;
      }
      // A quiet timer runs when time has passed it, maybe by several periods: one sample per period.
      long due = dueMs;
      for (; due <= clock.nowMs(); due += QUALITY_EVERY_MS) {
        sample(mine);
      }
      scheduleQuality(mine, due);
    });
  }

  private void sample(int mine) {
    Connection c = session.openConnection();
    if (c == null) {
      // Reconnecting: no sample to report (GME's weight 0 would mean the same: no value yet).
      return;
    }
    c.send(session.nextId(), new RoomArgs.RoomQuality()).whenComplete((r, failure) -> {
      if (r == null || r.result() != 0 || stay != mine) {
        // An injected error (or a lost connection) loses this sample; the next one comes 2 s later.
        return;
      }
      Map<String, Object> q = Events.fields(r.data());
      lastQuality = q;
      events.deliver(new GmeEvent(GmeEventType.CHANGE_ROOM_QUALITY, q));
    });
  }
}
