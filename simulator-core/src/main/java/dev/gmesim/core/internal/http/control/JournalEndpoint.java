package dev.gmesim.core.internal.http.control;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.JournalQuery;
import dev.gmesim.core.api.internal.Wire;
import dev.gmesim.core.internal.server.Journal;
import java.util.List;

/**
 * {@code GET /__admin/gme/journal}: the newest matching calls, oldest first, at most {@code limit}
 * (default {@value JournalQuery#DEFAULT_LIMIT}, at most {@value JournalQuery#MAX_LIMIT}), so a
 * response stays bounded. The parameters become a {@link JournalQuery}, which the embedded
 * simulator applies the same way.
 */
final class JournalEndpoint {
  private final Journal journal;

  JournalEndpoint(Journal journal) {
    this.journal = journal;
  }

  ResponseDefinition list(ApiRequest req) {
    req.query("operation", "appId", "openId", "roomId", "tag", "source", "result", "since", "limit");
    JournalQuery.Builder q = JournalQuery.builder();
    req.operationParam("operation").ifPresent(q::operation);
    req.param("appId").ifPresent(q::appId);
    req.param("openId").ifPresent(q::openId);
    req.param("roomId").ifPresent(q::roomId);
    req.param("tag").ifPresent(q::tag);
    req.param("source").ifPresent(q::source);
    req.param("result").map(JournalEndpoint::result).ifPresent(q::result);
    req.longParam("since", 0, Long.MAX_VALUE, "pass the seq of the last entry you have, to get only newer ones")
        .ifPresent(q::since);
    req.longParam("limit", 1, JournalQuery.MAX_LIMIT, "pass 1.." + JournalQuery.MAX_LIMIT
        + " (default " + JournalQuery.DEFAULT_LIMIT + ")").ifPresent(l -> q.limit(l.intValue()));
    JournalQuery query = q.build();
    List<JournalEntry> matching = journal.find(query::matches);
    List<JournalEntry> page = query.page(matching);
    return Replies.json(200, new Wire.Journal(journal.total(), journal.size(), journal.capacity(), matching.size(),
        page.size(), page));
  }

  private static int result(String value) {
    String v = value.strip();
    // 0 is success and -1 "nothing sent"; anything else must be a code GME documents.
    if (v.equals("0") || v.equals("-1")) {
      return Integer.parseInt(v);
    }
    return ApiRequest.code("result", v).value();
  }
}
