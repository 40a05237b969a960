package dev.gmesim.core.internal.fault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.NearestName;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.cloud.ApiErrorCode;
import dev.gmesim.core.fault.DelayDistribution;
import dev.gmesim.core.fault.Durations;
import dev.gmesim.core.fault.Effect;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.fault.FaultProfile;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.fault.GuardRail;
import dev.gmesim.core.fault.InvalidFaultRuleException;
import dev.gmesim.core.fault.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON form of a {@link FaultRule}: one codec for the control API, the Java client and chaos
 * profiles. Reading is strict: unknown fields, wrong types and out-of-range values are refused, and
 * every problem names its field and the fix.
 *
 * <pre>{@code
 * FaultRule rule = FaultRuleJson.parse("""
 *     {"operations": ["ENTER_ROOM"], "error": 7006, "times": 2,
 *      "delay": {"uniform": {"min": "PT0.05S", "max": "PT0.15S"}}, "roomId": "lobby-*"}
 *     """);
 * String json = FaultRuleJson.write(rule);   // the same fields back, defaults left out
 * }</pre>
 *
 * <p>Field names are wire format. Durations ({@code delay}, {@code ttl}, {@code schedule}) are
 * strings in the {@link Durations} grammar, ISO-8601 ({@code "PT0.1S"}, {@code "PT10M"}) or short
 * ({@code "100ms"}, {@code "10m"}), and are written back as ISO-8601; {@code error} is a code ({@code 7006}) or
 * GME's name ({@code "AV_ERR_AUTH_FIALD"}). Without {@code operations}, an {@code error} rule
 * targets the operations where GME raises that code.
 *
 * @since 0.1
 */
public final class FaultRuleJson {

  /** Every field a rule object may carry, in the order they are written. */
  public static final List<String> FIELDS = List.of("id", "alias", "operations", "effect", "error", "apiError", "status",
      "outage", "delay", "times", "after", "probability", "seed", "ttl", "appId", "openId", "roomId", "tag", "owner",
      "appIds", "userPercent", "schedule", "loss");

  /** The values of {@code effect}: {@link Effect#wireNames()}. */
  public static final List<String> EFFECTS = Effect.wireNames();

  private static final List<String> DELAY_KINDS = List.of("fixed", "uniform", "lognormal");
  private static final List<String> OPERATION_NAMES = Arrays.stream(Operation.values()).map(Operation::name).toList();
  private static final String DURATION_FORMAT = "pass a string; " + Durations.FORMS;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private FaultRuleJson() {}

  /** Returns the strict mapper the codec reads with (duplicate keys and trailing content are refused). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses JSON text into a tree; malformed text is refused with its line and column. */
  public static JsonNode read(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidFaultRuleException(InvalidFaultRuleException.BODY,
          "empty; send a JSON object such as {\"operations\": [\"ENTER_ROOM\"], \"error\": 7006}");
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new InvalidFaultRuleException(InvalidFaultRuleException.BODY, "malformed JSON" + where + ": "
          + e.getOriginalMessage() + "; send one JSON object such as {\"operations\": [\"ENTER_ROOM\"], \"error\": 7006}");
    }
  }

  /** Parses one rule from JSON text. */
  public static FaultRule parse(String json) {
    return fromJson(read(json));
  }

  /** Reads one rule object; every problem found is reported at once. */
  public static FaultRule fromJson(JsonNode node) {
    List<InvalidFaultRuleException.Problem> problems = new ArrayList<>();
    FaultRule rule = rule(node, "", problems);
    if (!problems.isEmpty()) {
      throw new InvalidFaultRuleException(problems);
    }
    return rule;
  }

  /** Reads {@code {"rules": [ ... ]}}, all or nothing: one bad rule refuses the list. */
  public static List<FaultRule> rulesFromJson(JsonNode node) {
    List<InvalidFaultRuleException.Problem> problems = new ArrayList<>();
    if (node == null || !node.isObject()) {
      throw new InvalidFaultRuleException(InvalidFaultRuleException.BODY, "expected an object such as "
          + "{\"rules\": [{\"operations\": [\"ENTER_ROOM\"], \"error\": 7006}]}; got " + kind(node));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!"rules".equals(name)) {
        problems.add(new InvalidFaultRuleException.Problem(name, "unknown field '" + name + "'"
            + NearestName.hint(name, List.of("rules")) + "; a list of rules has only the field 'rules'"));
      }
    }
    JsonNode rules = node.get("rules");
    List<FaultRule> out = new ArrayList<>();
    if (rules == null || !rules.isArray()) {
      problems.add(new InvalidFaultRuleException.Problem("rules", (rules == null ? "missing" : "is " + kind(rules))
          + "; pass an array of rule objects, e.g. \"rules\": [{\"operations\": [\"ENTER_ROOM\"], \"error\": 7006}]"));
    } else {
      for (int i = 0; i < rules.size(); i++) {
        out.add(rule(rules.get(i), "rules[" + i + "]", problems));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidFaultRuleException(problems);
    }
    return List.copyOf(out);
  }

  /** Writes a rule, leaving out every setting at its default; a custom {@link DelayDistribution} has no JSON form. */
  public static ObjectNode toJson(FaultRule rule) {
    ObjectNode o = MAPPER.createObjectNode();
    putIf(o, "id", rule.id());
    putIf(o, "alias", rule.alias());
    ArrayNode ops = o.putArray("operations");
    rule.operations().forEach(op -> ops.add(op.name()));
    writeFault(o, rule.fault());
    DelayDistribution delay = rule.delay();
    if (!(delay instanceof DelayDistribution.None)) {
      o.set("delay", delayJson(rule, delay));
    }
    if (rule.times() != Integer.MAX_VALUE) {
      o.put("times", rule.times());
    }
    if (rule.after() != 0) {
      o.put("after", rule.after());
    }
    if (rule.probability() != 1.0) {
      o.put("probability", rule.probability());
    }
    if (rule.seed() != 0) {
      o.put("seed", rule.seed());
    }
    rule.ttl().ifPresent(ttl -> o.put("ttl", ttl.toString()));
    putIf(o, "appId", rule.appId());
    putIf(o, "openId", rule.openId());
    putIf(o, "roomId", rule.roomId());
    putIf(o, "tag", rule.tag());
    putIf(o, "owner", rule.owner());
    if (rule.appIds() != null) {
      ArrayNode apps = o.putArray("appIds");
      rule.appIds().stream().sorted().forEach(apps::add);
    }
    if (rule.userPercent() != null) {
      o.put("userPercent", rule.userPercent());
    }
    Schedule schedule = rule.schedule();
    if (schedule != null) {
      ObjectNode sch = o.putObject("schedule");
      sch.put("startAfter", schedule.startAfter().toString());
      if (schedule.duration() != null) {
        sch.put("duration", schedule.duration().toString());
      }
      if (schedule.every() != null) {
        sch.put("every", schedule.every().toString());
      }
    }
    return o;
  }

  /** Writes a rule as compact JSON text. */
  public static String write(FaultRule rule) {
    return toJson(rule).toString();
  }

  /** Writes {@code {"rules": [ ... ]}}, the form {@link #rulesFromJson(JsonNode)} and profiles read. */
  public static ObjectNode rulesToJson(List<FaultRule> rules) {
    ObjectNode o = MAPPER.createObjectNode();
    ArrayNode array = o.putArray("rules");
    rules.forEach(r -> array.add(toJson(r)));
    return o;
  }

  /**
   * Writes a profile in the JSON form {@code POST /__admin/gme/drills} reads. Its scope is left out:
   * it is already applied to every rule, so the drill started from this JSON has the same rules.
   */
  public static ObjectNode profileToJson(FaultProfile profile) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("name", profile.name());
    profile.ttl().ifPresent(ttl -> o.put("ttl", ttl.toString()));
    putGuardRail(o, profile.guardRail());
    o.set("rules", rulesToJson(profile.rules()).get("rules"));
    return o;
  }

  /** Puts {@code guardRail} into {@code o} with the limits that are set; puts nothing for {@link GuardRail#none()}. */
  public static void putGuardRail(ObjectNode o, GuardRail g) {
    if (g.isNone()) {
      return;
    }
    ObjectNode guard = o.putObject("guardRail");
    if (g.maxFaultsPerSecond() != null) {
      guard.put("maxFaultsPerSecond", g.maxFaultsPerSecond());
    }
    if (g.maxFaultShare() != null) {
      guard.put("maxFaultShare", g.maxFaultShare());
    }
  }

  /** Writes a rule's status: the rule, its description, its counters and its times. */
  public static ObjectNode statusToJson(RuleStatus status) {
    ObjectNode o = MAPPER.createObjectNode();
    o.set("rule", toJson(status.rule()));
    o.put("description", status.describe());
    o.put("matched", status.matched());
    o.put("fired", status.fired());
    o.put("active", status.active());
    o.put("addedAt", status.addedAt().toString());
    status.expiresAt().ifPresent(at -> o.put("expiresAt", at.toString()));
    return o;
  }

  /** Reads what {@link #statusToJson(RuleStatus)} writes; {@code description} is recomputed, so it is ignored. */
  public static RuleStatus statusFromJson(JsonNode node) {
    if (node == null || !node.isObject() || !node.has("rule")) {
      throw new InvalidFaultRuleException(InvalidFaultRuleException.BODY,
          "expected a rule status {\"rule\": {...}, \"matched\": 0, ...}; got " + kind(node));
    }
    FaultRule rule = rule(node.get("rule"), "rule", new ArrayList<>(), true);
    Optional<Instant> expiresAt = node.hasNonNull("expiresAt")
        ? Optional.of(Instant.parse(node.get("expiresAt").asText())) : Optional.empty();
    return new RuleStatus(rule, node.path("matched").asLong(), node.path("fired").asLong(),
        node.path("active").asBoolean(), Instant.parse(node.path("addedAt").asText()), expiresAt);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  public static FaultRule rule(JsonNode node, String at, List<InvalidFaultRuleException.Problem> problems) {
    return rule(node, at, problems, false);
  }

  /** Reads a drill's top-level ttl (field {@code ttl}); problems are added, not thrown. */
  public static Duration ttl(JsonNode node, List<InvalidFaultRuleException.Problem> problems) {
    return new Reader("", problems).ttl(node);
  }

  /** Reads a drill's scope object at {@code scope}; problems are added, not thrown. */
  public static FaultProfile.Scope scope(JsonNode node, List<InvalidFaultRuleException.Problem> problems) {
    if (absent(node)) {
      return FaultProfile.Scope.ANY;
    }
    Reader r = new Reader("scope", problems);
    if (!node.isObject()) {
      r.problem("scope", "is " + kind(node) + "; pass an object such as {\"appIds\": [\"1400000000\"], "
          + "\"openId\": \"bot-*\", \"roomId\": \"lobby-*\", \"userPercent\": 20}");
      return FaultProfile.Scope.ANY;
    }
    List<String> names = List.of("appIds", "openId", "roomId", "userPercent");
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        r.problem("scope." + name, "unknown field '" + name + "'" + NearestName.hint(name, names)
            + "; a scope's fields are " + names);
      }
    }
    return new FaultProfile.Scope(r.strings(node.get("appIds"), "appIds"), r.string(node, "openId"),
        r.string(node, "roomId"), r.userPercent(node.get("userPercent")));
  }

  private static FaultRule rule(JsonNode node, String at, List<InvalidFaultRuleException.Problem> problems,
      boolean throwAtOnce) {
    Reader r = new Reader(at, problems);
    FaultRule rule = r.rule(node);
    if (throwAtOnce && !problems.isEmpty()) {
      throw new InvalidFaultRuleException(problems);
    }
    return rule;
  }

  /** Reads one rule object, adding a problem per bad field instead of stopping at the first. */
  private static final class Reader {
    private final String at;
    private final List<InvalidFaultRuleException.Problem> problems;

    Reader(String at, List<InvalidFaultRuleException.Problem> problems) {
      this.at = at;
      this.problems = problems;
    }

    FaultRule rule(JsonNode node) {
      if (node == null || !node.isObject()) {
        problem(at.isEmpty() ? InvalidFaultRuleException.BODY : at, "is " + kind(node)
            + "; a rule is a JSON object such as {\"operations\": [\"ENTER_ROOM\"], \"error\": 7006}");
        return null;
      }
      int before = problems.size();
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!FIELDS.contains(name)) {
          problem(path(name), "unknown field '" + name + "'" + NearestName.hint(name, FIELDS) + "; a rule's fields are "
              + FIELDS);
        }
      }
      String id = string(node, "id");
      String alias = string(node, "alias");
      GmeErrorCode code = errorCode(node.get("error"));
      ApiErrorCode apiCode = apiErrorCode(node.get("apiError"));
      Fault fault = apiCode != null && absent(node.get("error")) ? apiEffect(node, apiCode) : effect(node, code);
      Set<Operation> operations = apiCode != null && absent(node.get("operations")) ? apiCode.operations()
          : operations(node.get("operations"), code, !absent(node.get("error")) || !absent(node.get("apiError")));
      DelayDistribution delay = delay(node.get("delay"));
      Integer times = whole(node, "times", 1, Integer.MAX_VALUE,
          "pass 1 or more, or leave it out for no limit");
      Integer after = whole(node, "after", 0, Integer.MAX_VALUE,
          "pass 0 or more (the number of matching calls to let pass first)");
      Double probability = probability(node.get("probability"));
      Long seed = seed(node.get("seed"));
      Duration ttl = ttl(node.get("ttl"));
      String appId = string(node, "appId");
      String openId = string(node, "openId");
      String roomId = string(node, "roomId");
      String tag = string(node, "tag");
      String owner = string(node, "owner");
      List<String> appIds = strings(node.get("appIds"), "appIds");
      Double userPercent = userPercent(node.get("userPercent"));
      Schedule schedule = schedule(node.get("schedule"));
      if (problems.size() > before) {
        return null;
      }
      FaultRule.Builder b = FaultRule.on(operations).fault(fault).delay(delay)
          .id(id).alias(alias).ttl(ttl).appId(appId).openId(openId).roomId(roomId).tag(tag).owner(owner)
          .appIds(appIds).userPercent(userPercent).schedule(schedule);
      if (times != null) {
        b.times(times);
      }
      if (after != null) {
        b.after(after);
      }
      if (probability != null) {
        b.probability(probability);
      }
      if (seed != null) {
        b.seed(seed);
      }
      try {
        return b.build();
      } catch (IllegalArgumentException e) {
        // The checks above cover every field; this is a safety net for rules that only build() can judge.
        problem(at.isEmpty() ? InvalidFaultRuleException.BODY : at, e.getMessage());
        return null;
      }
    }

    private GmeErrorCode errorCode(JsonNode node) {
      if (absent(node)) {
        return null;
      }
      String field = path("error");
      if (node.isIntegralNumber() && node.canConvertToInt()) {
        return byValue(field, node.intValue());
      }
      if (node.isTextual()) {
        String text = node.textValue().strip();
        if (text.matches("-?\\d{1,9}")) {
          return byValue(field, Integer.parseInt(text));
        }
        Optional<GmeErrorCode> known = GmeErrorCode.byName(text);
        if (known.isEmpty()) {
          problem(field, "unknown GME error code name '" + text + "'; nearest: "
              + GmeErrorCode.nearestName(text).label());
        }
        return known.orElse(null);
      }
      problem(field, "is " + kind(node) + "; pass a GME error code such as 7006 or its name \"AV_ERR_AUTH_FIALD\"");
      return null;
    }

    private ApiErrorCode apiErrorCode(JsonNode node) {
      if (absent(node)) {
        return null;
      }
      String field = path("apiError");
      if (!node.isTextual()) {
        problem(field, "is " + kind(node) + "; pass an API 3.0 error code such as \"RequestLimitExceeded\"");
        return null;
      }
      Optional<ApiErrorCode> known = ApiErrorCode.find(node.textValue());
      if (known.isEmpty()) {
        problem(field, "unknown API 3.0 error code '" + node.textValue() + "'; nearest: "
            + String.join(", ", ApiErrorCode.nearest(node.textValue())));
      }
      return known.orElse(null);
    }

    private Fault apiEffect(JsonNode node, ApiErrorCode code) {
      JsonNode effectNode = node.get("effect");
      if (!absent(effectNode) && !(effectNode.isTextual() && Effect.fromWire(effectNode.textValue()).orElse(null) == Effect.API_ERROR)) {
        problem(path("apiError"), "applies only to effect apiError, not " + effectNode.asText()
            + "; remove \"apiError\" or set \"effect\" to \"apiError\"");
      }
      return Fault.apiError(code);
    }

    private GmeErrorCode byValue(String field, int value) {
      Optional<GmeErrorCode> known = GmeErrorCode.byValue(value);
      if (known.isEmpty()) {
        problem(field, "unknown GME error code " + value + "; nearest: " + GmeErrorCode.nearest(value).label());
      }
      return known.orElse(null);
    }

    private Fault effect(JsonNode node, GmeErrorCode code) {
      JsonNode effectNode = node.get("effect");
      boolean hasError = !absent(node.get("error"));
      boolean hasStatus = !absent(node.get("status"));
      boolean hasOutage = !absent(node.get("outage"));
      Effect effect;
      if (absent(effectNode)) {
        if (!hasError) {
          problem(path("effect"), "missing; set \"effect\" to one of " + EFFECTS
              + ", or give \"error\": <code> (which implies effect error)");
          return null;
        }
        effect = Effect.ERROR;
      } else if (!effectNode.isTextual()) {
        problem(path("effect"), "is " + kind(effectNode) + "; pass one of " + EFFECTS);
        return null;
      } else {
        String wanted = effectNode.textValue();
        effect = Effect.fromWire(wanted).orElse(null);
        if (effect == null) {
          Optional<Effect> renamed = Effect.renamed(wanted);
          if (renamed.isPresent()) {
            problem(path("effect"), "'" + wanted + "' is not an effect name; write \"" + renamed.get().wireName()
                + "\" (effects are " + EFFECTS + ")");
          } else {
            problem(path("effect"), "unknown effect '" + wanted + "'" + NearestName.hint(wanted, EFFECTS)
                + "; effects are " + EFFECTS);
          }
          return null;
        }
      }
      if (hasError && effect != Effect.ERROR) {
        problem(path("error"), "applies only to effect error, not " + effect.wireName()
            + "; remove \"error\" or set \"effect\" to \"error\"");
      }
      if (hasOutage && effect != Effect.NETWORK_DOWN) {
        problem(path("outage"), "applies only to effect networkDown, not " + effect.wireName()
            + "; remove \"outage\" or set \"effect\" to \"networkDown\"");
      }
      if (!absent(node.get("loss")) && effect != Effect.POOR_NETWORK) {
        problem(path("loss"), "applies only to effect poorNetwork, not " + effect.wireName()
            + "; remove \"loss\" or set \"effect\" to \"poorNetwork\"");
      }
      if (hasStatus && effect != Effect.SERVER_ERROR) {
        problem(path("status"), "applies only to effect serverError, not " + effect.wireName()
            + "; remove \"status\" or set \"effect\" to \"serverError\"");
      }
      switch (effect) {
        case ERROR:
          if (!hasError) {
            problem(path("error"), "missing; effect error needs a code such as 7006 or a name such as "
                + "\"AV_ERR_AUTH_FIALD\"");
          }
          return code == null ? null : Fault.error(code);
        case NO_REPLY:
          return Fault.noReply();
        case DISCONNECT:
          return Fault.disconnect();
        case RESET:
          return Fault.reset();
        case NETWORK_DOWN:
          return networkDown(node.get("outage"));
        case CONNECTION_RESET:
          return Fault.http(Fault.HttpFailure.CONNECTION_RESET);
        case EMPTY_RESPONSE:
          return Fault.http(Fault.HttpFailure.EMPTY_RESPONSE);
        case MALFORMED_BODY:
          return Fault.http(Fault.HttpFailure.MALFORMED_BODY);
        case API_ERROR:
          problem(path("apiError"), "missing; effect apiError needs an API 3.0 code such as \"RequestLimitExceeded\"");
          return null;
        case SERVER_ERROR:
          Integer status = whole(node, "status", 500, 599,
              "pass a server-error status in 500..599, or leave it out for 500");
          return status == null ? Fault.serverError(500) : Fault.serverError(status);
        case POOR_NETWORK:
          if (absent(node.get("loss"))) {
            problem(path("loss"), "missing; effect poorNetwork needs the packet loss in percent, e.g. \"loss\": 30");
            return null;
          }
          Integer loss = whole(node, "loss", 0, 100, "pass the packet loss in percent, 0 to 100, e.g. 30");
          return loss == null ? null : Fault.poorNetwork(loss);
        default:
          throw new IllegalStateException("effect " + effect + " is listed in Effect but not read");
      }
    }

    private Set<Operation> operations(JsonNode node, GmeErrorCode code, boolean errorGiven) {
      String field = path("operations");
      if (absent(node)) {
        if (code != null) {
          return code.operations();
        }
        // A bad "error" is reported on its own; asking for operations as well would only add noise.
        if (!errorGiven) {
          problem(field, "missing; list the operations to fault, e.g. [\"ENTER_ROOM\"] (operations are "
              + OPERATION_NAMES + "), or give an \"error\" code to target the operations where GME raises it");
        }
        return null;
      }
      if (!node.isArray()) {
        String hint = node.isTextual() ? "[\"" + node.textValue() + "\"]" : "[\"ENTER_ROOM\"]";
        problem(field, "is " + kind(node) + "; pass an array of operation names such as " + hint);
        return null;
      }
      if (node.isEmpty()) {
        problem(field, "is empty; list at least one operation, e.g. [\"ENTER_ROOM\"]");
        return null;
      }
      Set<Operation> ops = EnumSet.noneOf(Operation.class);
      boolean bad = false;
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        String elementField = field + "[" + i + "]";
        if (!element.isTextual()) {
          problem(elementField, "is " + kind(element) + "; pass an operation name such as \"ENTER_ROOM\"");
          bad = true;
          continue;
        }
        Optional<Operation> op = Operation.parse(element.textValue());
        if (op.isEmpty()) {
          problem(elementField, "unknown operation '" + element.textValue() + "'"
              + NearestName.hint(element.textValue(), OPERATION_NAMES) + "; operations are " + OPERATION_NAMES);
          bad = true;
        } else {
          ops.add(op.get());
        }
      }
      return bad ? null : ops;
    }

    private DelayDistribution delay(JsonNode node) {
      if (absent(node)) {
        return null;
      }
      String field = path("delay");
      String example = "e.g. {\"fixed\": \"PT0.1S\"}, {\"uniform\": {\"min\": \"PT0.05S\", \"max\": \"PT0.15S\"}} "
          + "or {\"lognormal\": {\"median\": \"PT0.08S\", \"sigma\": 0.5}}";
      if (!node.isObject() || node.size() != 1) {
        problem(field, "is " + kind(node) + "; pass an object with exactly one of " + DELAY_KINDS + ", " + example);
        return null;
      }
      String kind = node.fieldNames().next();
      JsonNode value = node.get(kind);
      String kindField = field + "." + kind;
      try {
        switch (kind) {
          case "fixed": {
            Duration d = duration(kindField, value, true);
            return d == null ? null : DelayDistribution.fixed(d);
          }
          case "uniform": {
            if (!fieldsExactly(kindField, value, List.of("min", "max"), "{\"min\": \"PT0.05S\", \"max\": \"PT0.15S\"}")) {
              return null;
            }
            Duration min = duration(kindField + ".min", value.get("min"), true);
            Duration max = duration(kindField + ".max", value.get("max"), true);
            if (min == null || max == null) {
              return null;
            }
            if (min.compareTo(max) > 0) {
              problem(kindField, "min " + min + " is greater than max " + max
                  + "; swap them, or use {\"fixed\": \"" + min + "\"} for a constant delay");
              return null;
            }
            return DelayDistribution.uniform(min, max);
          }
          case "lognormal": {
            if (!fieldsExactly(kindField, value, List.of("median", "sigma"),
                "{\"median\": \"PT0.08S\", \"sigma\": 0.5}")) {
              return null;
            }
            Duration median = duration(kindField + ".median", value.get("median"), true);
            JsonNode sigmaNode = value.get("sigma");
            if (!sigmaNode.isNumber() || !(sigmaNode.doubleValue() >= 0) || Double.isInfinite(sigmaNode.doubleValue())) {
              problem(kindField + ".sigma", "is " + kind(sigmaNode)
                  + "; pass a finite number, 0 or more, e.g. 0.5 (0 always waits the median)");
              return null;
            }
            return median == null ? null : DelayDistribution.lognormal(median, sigmaNode.doubleValue());
          }
          default:
            problem(kindField, "unknown delay kind '" + kind + "'" + NearestName.hint(kind, DELAY_KINDS)
                + "; pass one of " + DELAY_KINDS + ", " + example);
            return null;
        }
      } catch (IllegalArgumentException e) {
        problem(kindField, e.getMessage());
        return null;
      }
    }

    private boolean fieldsExactly(String field, JsonNode node, List<String> names, String example) {
      if (!node.isObject()) {
        problem(field, "is " + kind(node) + "; pass an object such as " + example);
        return false;
      }
      boolean ok = true;
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!names.contains(name)) {
          problem(field + "." + name, "unknown field '" + name + "'" + NearestName.hint(name, names) + "; pass " + example);
          ok = false;
        }
      }
      for (String name : names) {
        if (absent(node.get(name))) {
          problem(field + "." + name, "missing; pass " + example);
          ok = false;
        }
      }
      return ok;
    }

    private List<String> strings(JsonNode node, String name) {
      if (absent(node)) {
        return null;
      }
      String field = path(name);
      String fix = "pass an array of non-blank strings such as [\"1400000000\"], or leave it out";
      if (!node.isArray() || node.isEmpty()) {
        problem(field, "is " + (node.isArray() ? "empty" : kind(node)) + "; " + fix);
        return null;
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        JsonNode e = node.get(i);
        if (!e.isTextual() || e.textValue().isBlank()) {
          problem(field + "[" + i + "]", "is " + kind(e) + "; " + fix);
          return null;
        }
        out.add(e.textValue());
      }
      return out;
    }

    private Double userPercent(JsonNode node) {
      if (absent(node)) {
        return null;
      }
      String fix = "pass a number in (0, 100] such as 20 (a fifth of the users), or leave it out for every user";
      if (!node.isNumber()) {
        problem(path("userPercent"), "is " + kind(node) + "; " + fix);
        return null;
      }
      double p = node.doubleValue();
      if (!(p > 0 && p <= 100)) {
        problem(path("userPercent"), node.asText() + " is outside (0, 100]; " + fix);
        return null;
      }
      return p;
    }

    private Schedule schedule(JsonNode node) {
      if (absent(node)) {
        return null;
      }
      String field = path("schedule");
      String example = "{\"startAfter\": \"PT1M\", \"duration\": \"PT10M\", \"every\": \"PT15M\"}";
      if (!node.isObject()) {
        problem(field, "is " + kind(node) + "; pass an object such as " + example);
        return null;
      }
      List<String> names = List.of("startAfter", "duration", "every");
      int before = problems.size();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!names.contains(name)) {
          problem(field + "." + name, "unknown field '" + name + "'" + NearestName.hint(name, names)
              + "; a schedule's fields are " + names + ", e.g. " + example);
        }
      }
      Duration startAfter = absent(node.get("startAfter")) ? Duration.ZERO
          : duration(field + ".startAfter", node.get("startAfter"), true);
      Duration duration = absent(node.get("duration")) ? null : duration(field + ".duration", node.get("duration"), false);
      Duration every = absent(node.get("every")) ? null : duration(field + ".every", node.get("every"), false);
      if (problems.size() > before) {
        return null;
      }
      try {
        return new Schedule(startAfter, duration, every);
      } catch (IllegalArgumentException e) {
        problem(field, e.getMessage().replaceFirst("^Schedule: ", ""));
        return null;
      }
    }

    /** networkDown's {@code outage}: required and positive. */
    private Fault networkDown(JsonNode node) {
      String field = path("outage");
      if (absent(node)) {
        problem(field, "missing; effect networkDown needs how long the network stays down, e.g. \"outage\": \"5m\"");
        return null;
      }
      Duration outage = duration(field, node, false);
      if (outage != null && (outage.isZero() || outage.isNegative())) {
        problem(field, "\"" + node.asText() + "\" is not positive; pass a positive duration such as \"5m\"");
        return null;
      }
      return outage == null ? null : Fault.networkDown(outage);
    }

    private Duration ttl(JsonNode node) {
      if (absent(node)) {
        return null;
      }
      Duration ttl = duration(path("ttl"), node, false);
      if (ttl != null && (ttl.isZero() || ttl.isNegative())) {
        problem(path("ttl"), "\"" + ttl + "\" is not positive; pass a positive duration such as \"PT10M\", "
            + "or leave it out for no expiry");
        return null;
      }
      if (ttl != null) {
        try {
          Durations.requireNanos("ttl", "ttl", ttl, "pass a shorter duration such as \"PT10M\"");
        } catch (IllegalArgumentException e) {
          problem(path("ttl"), "\"" + ttl + "\" is too long (over 292 years); pass a shorter duration such as \"PT10M\"");
          return null;
        }
      }
      return ttl;
    }

    private Duration duration(String field, JsonNode node, boolean delay) {
      if (node.isNumber()) {
        problem(field, node.asText() + " is a number; " + DURATION_FORMAT);
        return null;
      }
      if (!node.isTextual()) {
        problem(field, "is " + kind(node) + "; " + DURATION_FORMAT);
        return null;
      }
      Duration d;
      try {
        d = Durations.parse(node.textValue());
      } catch (IllegalArgumentException e) {
        problem(field, e.getMessage());
        return null;
      }
      if (delay && d.isNegative()) {
        problem(field, "\"" + d + "\" is negative; pass \"PT0S\" or more, e.g. \"PT0.1S\"");
        return null;
      }
      return d;
    }

    private Integer whole(JsonNode rule, String name, long min, long max, String fix) {
      JsonNode node = rule.get(name);
      if (absent(node)) {
        return null;
      }
      String field = path(name);
      if (!node.isNumber()) {
        problem(field, "is " + kind(node) + "; " + fix);
        return null;
      }
      if (!node.isIntegralNumber()) {
        problem(field, node.asText() + " is not a whole number; " + fix);
        return null;
      }
      if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
        String range = max == Integer.MAX_VALUE ? min + " or more" : min + ".." + max;
        String what = node.canConvertToLong() && node.longValue() < 0 ? " is negative" : " is outside " + range;
        problem(field, node.asText() + what + "; " + fix);
        return null;
      }
      return (int) node.longValue();
    }

    private Double probability(JsonNode node) {
      if (absent(node)) {
        return null;
      }
      String fix = "pass a number in (0, 1] such as 0.25, or leave it out to fire on every matching call";
      if (!node.isNumber()) {
        problem(path("probability"), "is " + kind(node) + "; " + fix);
        return null;
      }
      double p = node.doubleValue();
      if (!(p > 0 && p <= 1)) {
        problem(path("probability"), node.asText() + " is outside (0, 1]; " + fix);
        return null;
      }
      return p;
    }

    private Long seed(JsonNode node) {
      if (absent(node)) {
        return null;
      }
      if (!node.isIntegralNumber() || !node.canConvertToLong()) {
        problem(path("seed"), "is " + kind(node) + "; pass a whole number that fits in 64 bits, e.g. 42");
        return null;
      }
      return node.longValue();
    }

    private String string(JsonNode rule, String name) {
      JsonNode node = rule.get(name);
      if (absent(node)) {
        return null;
      }
      if (!node.isTextual()) {
        problem(path(name), "is " + kind(node) + "; pass a string, or leave it out");
        return null;
      }
      if (node.textValue().isBlank()) {
        problem(path(name), "is blank; pass a non-blank string, or leave it out");
        return null;
      }
      return node.textValue();
    }

    private String path(String name) {
      return at.isEmpty() ? name : at + "." + name;
    }

    private void problem(String field, String message) {
      problems.add(new InvalidFaultRuleException.Problem(field, message));
    }
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** Describes a JSON value for messages: {@code a string ("x")}, {@code an array}, {@code 12}, ... */
  public static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      String t = node.textValue();
      return "a string (\"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\")";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isBoolean()) {
      return "a boolean (" + node.asText() + ")";
    }
    return node.asText();
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  private static void writeFault(ObjectNode o, Fault fault) {
    o.put("effect", Effect.of(fault).wireName());
    if (fault instanceof Fault.Error e) {
      o.put("error", e.code().value());
    } else if (fault instanceof Fault.ApiError a) {
      o.put("apiError", a.code().code());
    } else if (fault instanceof Fault.Http h && h.failure() == Fault.HttpFailure.SERVER_ERROR) {
      o.put("status", h.status());
    } else if (fault instanceof Fault.NetworkDown n) {
      o.put("outage", n.outage().toString());
    } else if (fault instanceof Fault.PoorNetwork p) {
      o.put("loss", p.loss());
    }
  }

  private static JsonNode delayJson(FaultRule rule, DelayDistribution delay) {
    ObjectNode o = MAPPER.createObjectNode();
    if (delay instanceof DelayDistribution.Fixed f) {
      o.put("fixed", f.delay().toString());
    } else if (delay instanceof DelayDistribution.Uniform u) {
      ObjectNode inner = o.putObject("uniform");
      inner.put("min", u.min().toString());
      inner.put("max", u.max().toString());
    } else if (delay instanceof DelayDistribution.Lognormal l) {
      ObjectNode inner = o.putObject("lognormal");
      inner.put("median", l.median().toString());
      inner.put("sigma", l.sigma());
    } else {
      throw new IllegalArgumentException("FaultRule " + rule.describe() + ": delay '" + delay
          + "' is a custom DelayDistribution, which has no JSON form; use DelayDistribution.fixed, uniform or lognormal");
    }
    return o;
  }

  private static void putIf(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }

}
