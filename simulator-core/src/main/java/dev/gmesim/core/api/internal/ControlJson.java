package dev.gmesim.core.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmesim.core.api.DrillStatus;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.GuardRail;
import dev.gmesim.core.internal.fault.FaultRuleJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The control API's JSON for journal entries, rooms and drills, written by the server and read by
 * the client in one place, so the two ends cannot drift apart. The server's own answers are trusted:
 * reading them checks nothing (untrusted input goes through {@link FaultRuleJson}'s strict reader).
 */
public final class ControlJson {
  private ControlJson() {}

  /** Writes one journal entry; absent ids are left out. */
  public static ObjectNode journalEntry(JournalEntry e) {
    ObjectNode o = FaultRuleJson.mapper().createObjectNode();
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

  /** Reads what {@link #journalEntry(JournalEntry)} writes. */
  public static JournalEntry journalEntry(JsonNode e) {
    return new JournalEntry(e.path("seq").asLong(), Instant.parse(e.path("at").asText()),
        Operation.parse(e.path("operation").asText()).orElse(null), text(e, "appId"), text(e, "openId"),
        text(e, "roomId"), text(e, "tag"), text(e, "source"), text(e, "effect"), e.path("result").asInt(),
        e.path("sessionTimeMs").asLong(-1));
  }

  /** Writes one room with its members. */
  public static ObjectNode room(RoomSnapshot r) {
    ObjectNode room = FaultRuleJson.mapper().createObjectNode();
    room.put("appId", r.appId());
    room.put("roomId", r.roomId());
    room.put("roomType", r.roomType());
    ArrayNode members = room.putArray("members");
    for (RoomSnapshot.Member m : r.members()) {
      members.addObject().put("openId", m.openId()).put("micOn", m.micOn()).put("speakerOn", m.speakerOn());
    }
    return room;
  }

  /** Reads what {@link #room(RoomSnapshot)} writes. */
  public static RoomSnapshot room(JsonNode r) {
    List<RoomSnapshot.Member> members = new ArrayList<>();
    for (JsonNode m : r.path("members")) {
      members.add(new RoomSnapshot.Member(m.path("openId").asText(), m.path("micOn").asBoolean(),
          m.path("speakerOn").asBoolean()));
    }
    return new RoomSnapshot(r.path("appId").asText(), r.path("roomId").asText(), r.path("roomType").asInt(),
        List.copyOf(members));
  }

  /**
   * Writes a drill's status; its rules (empty once it has ended) are always written, so a summary
   * read over HTTP equals the embedded one.
   */
  public static ObjectNode drill(DrillStatus d) {
    ObjectNode o = FaultRuleJson.mapper().createObjectNode();
    o.put("name", d.name());
    o.put("state", d.state().name());
    o.put("startedAt", d.startedAt().toString());
    d.endedAt().ifPresent(at -> o.put("endedAt", at.toString()));
    d.ttl().ifPresent(t -> o.put("ttl", t.toString()));
    d.remaining().ifPresent(r -> o.put("remainingMs", r.toMillis()));
    FaultRuleJson.putGuardRail(o, d.guardRail());
    o.put("calls", d.calls());
    o.put("faults", d.faults());
    o.put("guardRailed", d.guardRailed());
    ObjectNode codes = o.putObject("faultsByCode");
    d.faultsByCode().forEach(codes::put);
    ObjectNode delay = o.putObject("injectedDelayMs");
    putMs(delay, "p50", d.delayP50());
    putMs(delay, "p95", d.delayP95());
    putMs(delay, "p99", d.delayP99());
    ArrayNode rules = o.putArray("rules");
    for (RuleStatus s : d.rules()) {
      rules.add(FaultRuleJson.statusToJson(s));
    }
    return o;
  }

  /** Reads what {@link #drill(DrillStatus)} writes; the remaining time has millisecond precision. */
  public static DrillStatus drill(JsonNode o) {
    JsonNode g = o.path("guardRail");
    GuardRail guard = g.isObject()
        ? new GuardRail(g.hasNonNull("maxFaultsPerSecond") ? g.get("maxFaultsPerSecond").asInt() : null,
            g.hasNonNull("maxFaultShare") ? g.get("maxFaultShare").asDouble() : null)
        : GuardRail.none();
    Map<String, Long> codes = new LinkedHashMap<>();
    o.path("faultsByCode").fields().forEachRemaining(e -> codes.put(e.getKey(), e.getValue().asLong()));
    List<RuleStatus> rules = new ArrayList<>();
    for (JsonNode s : o.path("rules")) {
      rules.add(FaultRuleJson.statusFromJson(s));
    }
    JsonNode delay = o.path("injectedDelayMs");
    return new DrillStatus(o.path("name").asText(), DrillStatus.State.valueOf(o.path("state").asText()),
        Instant.parse(o.path("startedAt").asText()),
        Optional.ofNullable(text(o, "endedAt")).map(Instant::parse),
        Optional.ofNullable(text(o, "ttl")).map(Duration::parse),
        o.hasNonNull("remainingMs") ? Optional.of(Duration.ofMillis(o.get("remainingMs").asLong())) : Optional.empty(),
        guard, List.copyOf(rules), o.path("calls").asLong(), o.path("faults").asLong(), o.path("guardRailed").asLong(),
        new TreeMap<>(codes), ms(delay, "p50"), ms(delay, "p95"), ms(delay, "p99"));
  }

  private static void putMs(ObjectNode o, String name, Duration d) {
    if (d == null) {
      o.putNull(name);
    } else {
      o.put(name, d.toNanos() / 1_000_000.0);
    }
  }

  private static Duration ms(JsonNode o, String name) {
    JsonNode v = o.get(name);
    return v == null || v.isNull() ? null : Duration.ofNanos(Math.round(v.asDouble() * 1_000_000));
  }

  private static void putIf(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }

  private static String text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }
}
