package dev.gmesim.core.server.internal.http.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.server.Journal;
import dev.gmesim.core.server.JournalEntry;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * {@code GET /__admin/gme/journal}: the newest matching calls, oldest first, at most {@code limit}
 * (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}), so a response stays bounded.
 */
final class JournalEndpoint {
  static final int DEFAULT_LIMIT = 1000;
  static final int MAX_LIMIT = 10_000;

  private final Journal journal;

  JournalEndpoint(Journal journal) {
    this.journal = journal;
  }

  ResponseDefinition list(ApiRequest req) {
    req.query("operation", "appId", "openId", "roomId", "tag", "source", "result", "since", "limit");
    Operation op = req.operationParam("operation").orElse(null);
    String appId = req.param("appId").orElse(null);
    String openId = req.param("openId").orElse(null);
    String roomId = req.param("roomId").orElse(null);
    String tag = req.param("tag").orElse(null);
    String source = req.param("source").orElse(null);
    Integer result = req.param("result").map(JournalEndpoint::result).orElse(null);
    long since = req.longParam("since", 0, Long.MAX_VALUE,
        "pass the seq of the last entry you have, to get only newer ones").orElse(0L);
    int limit = req.longParam("limit", 1, MAX_LIMIT,
        "pass 1.." + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")").orElse((long) DEFAULT_LIMIT).intValue();

    Predicate<JournalEntry> filter = e -> e.seq() > since
        && (op == null || e.operation() == op)
        && (appId == null || appId.equals(e.appId()))
        && (openId == null || openId.equals(e.openId()))
        && (roomId == null || roomId.equals(e.roomId()))
        && (tag == null || tag.equals(e.tag()))
        && (source == null || source.equals(e.source()))
        && (result == null || Objects.equals(result, e.result()));
    List<JournalEntry> matching = journal.find(filter);
    List<JournalEntry> page = matching.size() > limit ? matching.subList(matching.size() - limit, matching.size())
        : matching;

    ObjectNode body = Replies.object();
    body.put("total", journal.total());
    body.put("kept", journal.size());
    body.put("capacity", journal.capacity());
    body.put("matched", matching.size());
    body.put("returned", page.size());
    ArrayNode entries = body.putArray("entries");
    for (JournalEntry e : page) {
      entries.add(toJson(e));
    }
    return Replies.json(200, body);
  }

  private static int result(String value) {
    String v = value.strip();
    // 0 is success and -1 "nothing sent"; anything else must be a code GME documents.
    if (v.equals("0") || v.equals("-1")) {
      return Integer.parseInt(v);
    }
    return ApiRequest.code("result", v).value();
  }

  static ObjectNode toJson(JournalEntry e) {
    ObjectNode o = Replies.object();
    o.put("seq", e.seq());
    o.put("at", e.at().toString());
    o.put("operation", e.operation() == null ? null : e.operation().name());
    putIf(o, "appId", e.appId());
    putIf(o, "openId", e.openId());
    putIf(o, "roomId", e.roomId());
    putIf(o, "tag", e.tag());
    o.put("source", e.source());
    o.put("effect", e.effect());
    o.put("result", e.result());
    o.put("sessionTimeMs", e.sessionTimeMs());
    return o;
  }

  private static void putIf(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }
}
