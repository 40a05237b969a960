package dev.gmesim.core.api;

import dev.gmesim.core.catalog.Operation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Which journal entries to fetch: every filter that is set must match. The server returns the
 * newest {@code limit} matches (default 1000), oldest first.
 *
 * <pre>{@code
 * List<JournalEntry> joins = simulator.journal(JournalQuery.builder()
 *     .operation(Operation.ENTER_ROOM).openId("10001").result(7006).build());
 * }</pre>
 *
 * <p>The embedded simulator and the HTTP server apply a query the same way: {@link #matches}, then {@link #page}.
 *
 * @since 0.1
 */
public final class JournalQuery {
  private final Builder b;

  private JournalQuery(Builder b) {
    this.b = b.copy();
  }

  /** Returns a query that matches every entry. */
  public static JournalQuery all() {
    return builder().build();
  }

  /** Returns a builder with no filter set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The newest matches a query returns when it sets no {@code limit}. */
  public static final int DEFAULT_LIMIT = 1000;

  /** The largest {@code limit} a query may set; it keeps one answer bounded. */
  public static final int MAX_LIMIT = 10_000;

  /** Returns whether {@code entry} passes every filter that is set. */
  public boolean matches(JournalEntry entry) {
    return entry.seq() > b.since
        && (b.operation == null || entry.operation() == b.operation)
        && (b.appId == null || b.appId.equals(entry.appId()))
        && (b.openId == null || b.openId.equals(entry.openId()))
        && (b.roomId == null || b.roomId.equals(entry.roomId()))
        && (b.tag == null || b.tag.equals(entry.tag()))
        && (b.source == null || b.source.equals(entry.source()))
        && (b.result == null || Objects.equals(b.result, entry.result()));
  }

  /** Returns how many of the newest matches the query returns ({@value #DEFAULT_LIMIT} unless set). */
  public int limit() {
    return b.limit == 0 ? DEFAULT_LIMIT : b.limit;
  }

  /** Returns the newest {@link #limit()} entries of {@code matching} (oldest first), which already passed {@link #matches}. */
  public List<JournalEntry> page(List<JournalEntry> matching) {
    int limit = limit();
    return matching.size() > limit ? List.copyOf(matching.subList(matching.size() - limit, matching.size()))
        : List.copyOf(matching);
  }

  /** Returns {@code ?operation=...&...} for {@code GET /__admin/gme/journal}, or an empty string. */
  public String queryString() {
    StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
    add(q, "operation", b.operation == null ? null : b.operation.name());
    add(q, "appId", b.appId);
    add(q, "openId", b.openId);
    add(q, "roomId", b.roomId);
    add(q, "tag", b.tag);
    add(q, "source", b.source);
    add(q, "result", b.result == null ? null : b.result.toString());
    add(q, "since", b.since == 0 ? null : Long.toString(b.since));
    add(q, "limit", b.limit == 0 ? null : Integer.toString(b.limit));
    return q.toString();
  }

  private static void add(StringJoiner q, String name, String value) {
    if (value != null) {
      q.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  @Override
  public String toString() {
    return "JournalQuery" + queryString();
  }

  /** Collects filters; every setter is optional. */
  public static final class Builder {
    private Operation operation;
    private String appId;
    private String openId;
    private String roomId;
    private String tag;
    private String source;
    private Integer result;
    private long since;
    private int limit;

    private Builder() {}

    private Builder copy() {
      Builder c = new Builder();
      c.operation = operation;
      c.appId = appId;
      c.openId = openId;
      c.roomId = roomId;
      c.tag = tag;
      c.source = source;
      c.result = result;
      c.since = since;
      c.limit = limit;
      return c;
    }

    /** Only calls of this operation. */
    public Builder operation(Operation operation) {
      this.operation = operation;
      return this;
    }

    /** Only calls from this AppID. */
    public Builder appId(String appId) {
      this.appId = appId;
      return this;
    }

    /** Only calls from this OpenID (exact). */
    public Builder openId(String openId) {
      this.openId = openId;
      return this;
    }

    /** Only calls concerning this room (exact). */
    public Builder roomId(String roomId) {
      this.roomId = roomId;
      return this;
    }

    /** Only calls on connections with this tag. */
    public Builder tag(String tag) {
      this.tag = tag;
      return this;
    }

    /** Only calls decided by this fault rule id, or {@code "world"}. */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /** Only calls answered with this result code (0 success, -1 nothing sent). */
    public Builder result(int result) {
      this.result = result;
      return this;
    }

    /** Only entries newer than this seq, to read what happened since the last look. */
    public Builder since(long seq) {
      if (seq < 0) {
        throw new IllegalArgumentException("JournalQuery.since " + seq + " is negative; pass 0 or a seq you have seen");
      }
      this.since = seq;
      return this;
    }

    /** At most this many entries, the newest ones (1..10000; default 1000). */
    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("JournalQuery.limit " + limit + " is outside 1.." + MAX_LIMIT
            + "; pass e.g. 100, or leave it unset for the newest " + DEFAULT_LIMIT);
      }
      this.limit = limit;
      return this;
    }

    /** Returns the query. */
    public JournalQuery build() {
      return new JournalQuery(this);
    }
  }
}
