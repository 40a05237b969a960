package dev.gmesim.core.internal.fault;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gmesim.core.api.internal.ControlJson;
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
import dev.gmesim.core.fault.InvalidFaultRuleException.Problem;
import dev.gmesim.core.fault.Schedule;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The strict reader of fault rules and profiles from untrusted text (control API bodies, profile
 * files), and the writer of rules in the same form. Unknown fields, wrong types and out-of-range
 * values are refused, and every problem names its field and the fix, all at once.
 *
 * <pre>{@code
 * FaultRule rule = FaultRuleJson.parse("""
 *     {"operations": ["ENTER_ROOM"], "error": 7006, "times": 2,
 *      "delay": {"uniform": {"min": "PT0.05S", "max": "PT0.15S"}}, "roomId": "lobby-*"}
 *     """);
 * String json = FaultRuleJson.write(rule);   // the same fields back, defaults left out
 * }</pre>
 *
 * <p>One table, {@link #FIELDS}, names every field with its kind and its writer; reading checks a
 * field's type here, and its range where the value's record owns it ({@link FaultRule.Budget},
 * {@link FaultRule.Scope}, {@link GuardRail}, {@link FaultRule}), whose problems come back with the
 * field's path in front. Field names are wire format. Durations are strings in the
 * {@link Durations} grammar, written back as ISO-8601; {@code error} is a code ({@code 7006}) or
 * GME's name ({@code "AV_ERR_AUTH_FIALD"}). Without {@code operations}, an {@code error} rule
 * targets the operations where GME raises that code.
 */
public final class FaultRuleJson {

  /** How a field's JSON value is checked and turned into Java: its type only, never its range. */
  private enum Kind { TEXT, WHOLE, SEED, NUMBER, DURATION, TEXTS, OPERATIONS, ERROR, API_ERROR, EFFECT, DELAY, SCHEDULE }

  /**
   * One field of a rule object.
   *
   * @param name the wire name
   * @param kind how its value is read
   * @param write its value for the JSON written back (strings, numbers, lists, maps), or null to leave it out
   */
  private record Field(String name, Kind kind, Function<FaultRule, Object> write) {}

  private static final List<Field> RULE = List.of(
      new Field("id", Kind.TEXT, FaultRule::id),
      new Field("alias", Kind.TEXT, FaultRule::alias),
      new Field("operations", Kind.OPERATIONS, r -> r.operations().stream().map(Operation::name).toList()),
      new Field("effect", Kind.EFFECT, r -> Effect.of(r.fault()).wireName()),
      new Field("error", Kind.ERROR, r -> r.fault() instanceof Fault.Error e ? e.code().value() : null),
      new Field("apiError", Kind.API_ERROR, r -> r.fault() instanceof Fault.ApiError a ? a.code().code() : null),
      new Field("status", Kind.WHOLE, r -> r.fault() instanceof Fault.Http h
          && h.failure() == Fault.HttpFailure.SERVER_ERROR ? h.status() : null),
      new Field("outage", Kind.DURATION, r -> r.fault() instanceof Fault.NetworkDown n ? n.outage().toString() : null),
      new Field("delay", Kind.DELAY, FaultRuleJson::delayJson),
      new Field("times", Kind.WHOLE, r -> r.budget().unlimited() ? null : r.budget().times()),
      new Field("after", Kind.WHOLE, r -> r.budget().after() == 0 ? null : r.budget().after()),
      new Field("probability", Kind.NUMBER, r -> r.budget().probability() == 1.0 ? null : r.budget().probability()),
      new Field("seed", Kind.SEED, r -> r.budget().seed() == 0 ? null : r.budget().seed()),
      new Field("ttl", Kind.DURATION, r -> r.budget().ttl() == null ? null : r.budget().ttl().toString()),
      // One AppID: read as appIds with one element, and written back that way.
      new Field("appId", Kind.TEXT, r -> null),
      new Field("openId", Kind.TEXT, r -> r.scope().openId()),
      new Field("roomId", Kind.TEXT, r -> r.scope().roomId()),
      new Field("tag", Kind.TEXT, r -> r.scope().tag()),
      new Field("owner", Kind.TEXT, FaultRule::owner),
      new Field("appIds", Kind.TEXTS, r -> r.scope().appIds() == null ? null : List.copyOf(r.scope().appIds())),
      new Field("userPercent", Kind.NUMBER, r -> r.scope().userPercent()),
      new Field("schedule", Kind.SCHEDULE, r -> r.schedule() == null ? null : scheduleJson(r.schedule())),
      new Field("loss", Kind.WHOLE, r -> r.fault() instanceof Fault.PoorNetwork p ? p.loss() : null));

  /** Every field a rule object may carry, in the order they are written. */
  public static final List<String> FIELDS = RULE.stream().map(Field::name).toList();

  /**
   * The order problems are reported in: the table's, but the operations after the fault's settings,
   * since without operations an error code names them.
   */
  private static final List<String> REPORT_ORDER = reportOrder();

  /** The fields of a profile's shared scope, read as the rule fields of the same names. */
  private static final List<String> SCOPE_FIELDS = List.of("appIds", "openId", "roomId", "userPercent");
  private static final List<String> GUARD_RAIL_FIELDS = List.of("maxFaultsPerSecond", "maxFaultShare");

  /** The values of {@code effect}: {@link Effect#wireNames()}. */
  public static final List<String> EFFECTS = Effect.wireNames();

  private static final List<String> DELAY_KINDS = List.of("fixed", "uniform", "lognormal");
  private static final List<String> OPERATION_NAMES = Arrays.stream(Operation.values()).map(Operation::name).toList();
  private static final String DURATION_FORMAT = "pass a string; " + Durations.FORMS;
  private static final String RULE_EXAMPLE = "{\"operations\": [\"ENTER_ROOM\"], \"error\": 7006}";

  /** Tokenises YAML profiles as strictly as the contract mapper tokenises JSON: a repeated key is refused. */
  private static final ObjectMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private FaultRuleJson() {}

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** Parses JSON text into a tree; malformed text is refused with its line and column. */
  public static JsonNode read(String text) {
    return tree(text, ControlJson.mapper(), "JSON", "send one JSON object such as " + RULE_EXAMPLE,
        "send a JSON object such as " + RULE_EXAMPLE);
  }

  /** Parses one rule from JSON text. */
  public static FaultRule parse(String json) {
    return fromJson(read(json));
  }

  /** Reads one rule object; every problem found is reported at once. */
  public static FaultRule fromJson(JsonNode node) {
    List<Problem> problems = new ArrayList<>();
    FaultRule rule = rule(node, "", problems);
    refuseIfAny(problems);
    return rule;
  }

  /** Reads {@code {"rules": [ ... ]}}, all or nothing: one bad rule refuses the list. */
  public static List<FaultRule> rulesFromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new InvalidFaultRuleException(InvalidFaultRuleException.BODY, "expected an object such as "
          + "{\"rules\": [" + RULE_EXAMPLE + "]}; got " + kind(node));
    }
    List<Problem> problems = new ArrayList<>();
    unknownFields(node, "", List.of("rules"), "; a list of rules has only the field 'rules'", problems);
    List<FaultRule> out = rules(node.get("rules"), false, problems);
    refuseIfAny(problems);
    return List.copyOf(out);
  }

  /**
   * Reads a profile document (JSON or YAML), all or nothing; each problem names its field and, when
   * the text shows it, its line ({@code rules[1].probability: line 7: 3 is outside (0, 1]; ...}).
   */
  public static FaultProfile profile(String text, FaultProfile.Format format) {
    JsonNode root = format == FaultProfile.Format.JSON ? read(text)
        : tree(text, YAML, "YAML", "write a YAML document with a list under 'rules:'",
            "write a YAML document with a list under 'rules:'");
    List<Problem> problems = new ArrayList<>();
    FaultProfile profile = profile(root, problems);
    if (!problems.isEmpty()) {
      Map<String, Integer> lines = lines(text, format == FaultProfile.Format.JSON ? ControlJson.mapper() : YAML);
      throw new InvalidFaultRuleException(problems.stream()
          .map(p -> new Problem(p.field(), lineOf(p.field(), lines) + p.message()))
          .toList());
    }
    return profile;
  }

  /** Reads one rule object at {@code at} (empty for a bare rule), adding a problem per bad field. */
  private static FaultRule rule(JsonNode node, String at, List<Problem> problems) {
    if (node == null || !node.isObject()) {
      problems.add(new Problem(at.isEmpty() ? InvalidFaultRuleException.BODY : at, "is " + kind(node)
          + "; a rule is a JSON object such as " + RULE_EXAMPLE));
      return null;
    }
    int first = problems.size();
    unknownFields(node, at, FIELDS, "; a rule's fields are " + FIELDS, problems);
    Values v = new Values(node, at, problems);
    RULE.forEach(v::read);
    FaultRule rule = v.rule();
    // Problems come in the table's order, whichever check found them: type, range, or the rule as a whole.
    problems.subList(first, problems.size()).sort(Comparator.comparingInt(p -> order(p.field(), at, REPORT_ORDER)));
    return problems.size() > first ? null : rule;
  }

  private static FaultProfile profile(JsonNode root, List<Problem> problems) {
    FaultProfile profile = readProfile(root, problems);
    // As in a rule: the profile's fields in their order, whichever check found the problem.
    problems.sort(Comparator.comparingInt(p -> order(p.field(), "", FaultProfile.FIELDS)));
    return profile;
  }

  private static FaultProfile readProfile(JsonNode root, List<Problem> problems) {
    if (root == null || !root.isObject()) {
      problems.add(new Problem(InvalidFaultRuleException.BODY, "expected an object such as "
          + "{\"name\": \"slow-joins\", \"rules\": [" + RULE_EXAMPLE + "]}; got " + kind(root)));
      return null;
    }
    unknownFields(root, "", FaultProfile.FIELDS, "; a profile's fields are " + FaultProfile.FIELDS, problems);
    Values top = new Values(root, "", problems);
    String name = top.read("name", Kind.TEXT);
    Duration ttl = top.read("ttl", Kind.DURATION);
    GuardRail guard = guardRail(root.get("guardRail"), problems);
    FaultRule.Scope scope = scope(root.get("scope"), problems);
    int beforeRules = problems.size();
    List<FaultRule> rules = rules(root.get("rules"), true, problems);
    boolean rulesRefused = problems.size() > beforeRules;
    int beforeProfile = problems.size();
    FaultProfile profile = top.owned(() -> FaultProfile.of(name == null ? FaultProfile.DEFAULT_NAME : name, ttl, guard,
        scope, rules), null);
    if (rulesRefused) {
      // The profile checks its name and ttl, and wants rules; the refused ones were named already.
      problems.subList(beforeProfile, problems.size()).removeIf(p -> p.field().equals("rules"));
    }
    if (profile == null || !problems.isEmpty()) {
      return null;
    }
    try {
      // Clashing ids would make the drill refuse to start later; say so now.
      new FaultPlan().addAll(profile.rules());
    } catch (IllegalArgumentException e) {
      problems.add(new Problem("rules", e.getMessage()));
      return null;
    }
    return profile;
  }

  private static List<FaultRule> rules(JsonNode node, boolean nonEmpty, List<Problem> problems) {
    List<FaultRule> out = new ArrayList<>();
    if (absent(node) || !node.isArray() || (nonEmpty && node.isEmpty())) {
      String what = absent(node) ? "missing" : node.isArray() ? "empty" : "is " + kind(node);
      problems.add(new Problem("rules", what + "; pass an array of rule objects, e.g. \"rules\": [" + RULE_EXAMPLE + "]"));
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      FaultRule rule = rule(node.get(i), "rules[" + i + "]", problems);
      if (rule != null) {
        out.add(rule);
      }
    }
    return out;
  }

  private static GuardRail guardRail(JsonNode node, List<Problem> problems) {
    String example = "{\"maxFaultsPerSecond\": 50, \"maxFaultShare\": 0.3}";
    if (!object(node, "guardRail", example, problems)) {
      return GuardRail.none();
    }
    unknownFields(node, "guardRail", GUARD_RAIL_FIELDS, "; pass " + example, problems);
    Values v = new Values(node, "guardRail", problems);
    Integer perSecond = v.read("maxFaultsPerSecond", Kind.WHOLE);
    Double share = v.read("maxFaultShare", Kind.NUMBER);
    return v.owned(() -> new GuardRail(perSecond, share), GuardRail.none());
  }

  private static FaultRule.Scope scope(JsonNode node, List<Problem> problems) {
    if (!object(node, "scope", "{\"appIds\": [\"1400000000\"], \"openId\": \"bot-*\", \"roomId\": \"lobby-*\", "
        + "\"userPercent\": 20}", problems)) {
      return FaultRule.Scope.ANY;
    }
    unknownFields(node, "scope", SCOPE_FIELDS, "; a scope's fields are " + SCOPE_FIELDS, problems);
    Values v = new Values(node, "scope", problems);
    Set<String> appIds = v.read("appIds", Kind.TEXTS);
    String openId = v.read("openId", Kind.TEXT);
    String roomId = v.read("roomId", Kind.TEXT);
    Double userPercent = v.read("userPercent", Kind.NUMBER);
    return v.owned(() -> new FaultRule.Scope(appIds, openId, roomId, null, userPercent), FaultRule.Scope.ANY);
  }

  /** Returns true for an object; false, with a problem for anything but absence, otherwise. */
  private static boolean object(JsonNode node, String field, String example, List<Problem> problems) {
    if (absent(node)) {
      return false;
    }
    if (!node.isObject()) {
      problems.add(new Problem(field, "is " + kind(node) + "; pass an object such as " + example));
      return false;
    }
    return true;
  }

  /**
   * The fields of one JSON object as Java values, read by kind: a value of the wrong type is a
   * problem and reads as absent, so the record that owns the field's range still checks the rest.
   */
  private static final class Values {
    private final JsonNode node;
    private final String at;
    private final List<Problem> problems;
    private final Map<String, Object> values = new HashMap<>();

    Values(JsonNode node, String at, List<Problem> problems) {
      this.node = node;
      this.at = at;
      this.problems = problems;
    }

    void read(Field f) {
      read(f.name(), f.kind());
    }

    /** Reads one field by its kind and keeps the value; null when absent or of the wrong type. */
    @SuppressWarnings("unchecked")
    <T> T read(String name, Kind kind) {
      JsonNode value = node.get(name);
      if (absent(value)) {
        return null;
      }
      Object v = switch (kind) {
        case TEXT -> text(name, value);
        case WHOLE -> whole(name, value);
        case SEED -> seed(value);
        case NUMBER -> number(name, value);
        case DURATION -> durationAt(path(name), value);
        case TEXTS -> texts(name, value);
        case OPERATIONS -> operations(value);
        case ERROR -> errorCode(value);
        case API_ERROR -> apiErrorCode(value);
        case EFFECT -> effect(value);
        case DELAY -> delay(value);
        case SCHEDULE -> schedule(value);
      };
      if (v != null) {
        values.put(name, v);
      }
      return (T) v;
    }

    /** Assembles the rule from what was read: the fault, its operations, then the records that check ranges. */
    FaultRule rule() {
      Fault fault = fault();
      Set<Operation> operations = operations(fault);
      FaultRule.Budget budget = owned(() -> new FaultRule.Budget(get("times", Integer.MAX_VALUE), get("after", 0),
          get("probability", 1.0), get("seed", 0L), get("ttl", null)), FaultRule.Budget.UNLIMITED);
      FaultRule.Scope scope = owned(() -> new FaultRule.Scope(appIds(), get("openId", null), get("roomId", null),
          get("tag", null), get("userPercent", null)), FaultRule.Scope.ANY);
      if (fault == null || operations == null) {
        return null;
      }
      return owned(() -> new FaultRule(get("id", null), get("alias", null), operations, fault, get("delay", null),
          budget, scope, get("schedule", null), get("owner", null)), null);
    }

    /** Builds a record that checks its own fields, reporting each of its problems under this object's path. */
    <T> T owned(java.util.function.Supplier<T> make, T fallback) {
      try {
        return make.get();
      } catch (InvalidFaultRuleException e) {
        for (Problem p : e.problems()) {
          String field = InvalidFaultRuleException.BODY.equals(p.field())
              ? (at.isEmpty() ? InvalidFaultRuleException.BODY : at) : path(p.field());
          problems.add(new Problem(field, asWritten(p.field(), p.message())));
        }
        return fallback;
      }
    }

    /**
     * The records word a value as Java prints it ({@code 3.0}, {@code 0s}); a JSON user reads it as
     * written ({@code 3}, {@code "PT0S"}), so a message that starts with the value it was given
     * starts with the document's text instead.
     */
    private String asWritten(String field, String message) {
      JsonNode n = node.get(field);
      Object v = values.get(field);
      if (n == null || v == null) {
        return message;
      }
      String java = v instanceof Duration d ? Durations.format(d) : String.valueOf(v);
      String written = n.isTextual() ? "\"" + n.textValue() + "\"" : n.asText();
      return message.startsWith(java + " ") ? written + message.substring(java.length()) : message;
    }

    @SuppressWarnings("unchecked")
    private <T> T get(String name, T fallback) {
      Object v = values.get(name);
      return v == null ? fallback : (T) v;
    }

    private boolean given(String name) {
      return !absent(node.get(name));
    }

    private Set<String> appIds() {
      Set<String> many = get("appIds", null);
      String one = get("appId", null);
      if (one != null && many != null) {
        problem("appId", "is given with appIds; list every AppID under appIds, or give one appId alone");
      }
      return one != null ? Set.of(one) : many;
    }

    /** The fault the effect names, with its code or status; problems for settings that do not fit the effect. */
    private Fault fault() {
      Effect effect = get("effect", null);
      if (effect == null) {
        if (given("effect")) {
          return null;
        }
        if (given("apiError")) {
          effect = Effect.API_ERROR;
        } else if (given("error")) {
          effect = Effect.ERROR;
        } else {
          problem("effect", "missing; set \"effect\" to one of " + EFFECTS
              + ", or give \"error\": <code> (which implies effect error)");
          return null;
        }
      }
      fitsEffect("error", effect, Effect.ERROR);
      fitsEffect("apiError", effect, Effect.API_ERROR);
      fitsEffect("status", effect, Effect.SERVER_ERROR);
      fitsEffect("outage", effect, Effect.NETWORK_DOWN);
      fitsEffect("loss", effect, Effect.POOR_NETWORK);
      return switch (effect) {
        case ERROR -> {
          if (!given("error")) {
            problem("error", "missing; effect error needs a code such as 7006 or a name such as \"AV_ERR_AUTH_FIALD\"");
          }
          GmeErrorCode code = get("error", null);
          yield code == null ? null : Fault.error(code);
        }
        case API_ERROR -> {
          if (!given("apiError")) {
            problem("apiError", "missing; effect apiError needs an API 3.0 code such as \"RequestLimitExceeded\"");
          }
          ApiErrorCode code = get("apiError", null);
          yield code == null ? null : Fault.apiError(code);
        }
        case NO_REPLY -> Fault.noReply();
        case DISCONNECT -> Fault.disconnect();
        case RESET -> Fault.reset();
        case NETWORK_DOWN -> {
          if (!given("outage")) {
            problem("outage", "missing; effect networkDown needs how long the network stays down, e.g. \"outage\": \"5m\"");
          }
          Duration outage = get("outage", null);
          yield outage == null ? null : owned(() -> Fault.networkDown(outage), null);
        }
        case POOR_NETWORK -> {
          if (!given("loss")) {
            problem("loss", "missing; effect poorNetwork needs the packet loss in percent, e.g. \"loss\": 30");
          }
          Integer loss = get("loss", null);
          yield loss == null ? null : owned(() -> Fault.poorNetwork(loss), null);
        }
        case CONNECTION_RESET -> Fault.http(Fault.HttpFailure.CONNECTION_RESET);
        case EMPTY_RESPONSE -> Fault.http(Fault.HttpFailure.EMPTY_RESPONSE);
        case MALFORMED_BODY -> Fault.http(Fault.HttpFailure.MALFORMED_BODY);
        case SERVER_ERROR -> owned(() -> Fault.serverError(get("status", 500)), null);
      };
    }

    /** A setting that only one effect takes is a problem beside any other. */
    private void fitsEffect(String name, Effect effect, Effect takes) {
      if (given(name) && effect != takes) {
        problem(name, "applies only to effect " + takes.wireName() + ", not " + effect.wireName()
            + "; remove \"" + name + "\" or set \"effect\" to \"" + takes.wireName() + "\"");
      }
    }

    /** The operations given, or those of the fault's code when none are. */
    private Set<Operation> operations(Fault fault) {
      Set<Operation> given = get("operations", null);
      if (given != null || given("operations")) {
        return given;
      }
      if (fault instanceof Fault.Error e) {
        return e.code().operations();
      }
      if (fault instanceof Fault.ApiError a) {
        return a.code().operations();
      }
      // A bad "error" is reported on its own; asking for operations as well would only add noise.
      if (!given("error") && !given("apiError")) {
        problem("operations", "missing; list the operations to fault, e.g. [\"ENTER_ROOM\"] (operations are "
            + OPERATION_NAMES + "), or give an \"error\" code to target the operations where GME raises it");
      }
      return null;
    }

    private String text(String name, JsonNode n) {
      if (!n.isTextual()) {
        problem(name, "is " + kind(n) + "; pass a string, or leave it out");
        return null;
      }
      return n.textValue();
    }

    private Integer whole(String name, JsonNode n) {
      if (!n.isNumber()) {
        problem(name, "is " + kind(n) + "; pass a whole number, or leave it out");
      } else if (!n.isIntegralNumber()) {
        problem(name, n.asText() + " is not a whole number; pass a whole number, or leave it out");
      } else if (!n.canConvertToInt()) {
        problem(name, n.asText() + " does not fit in 32 bits; pass a whole number from -2147483648 to 2147483647");
      } else {
        return n.intValue();
      }
      return null;
    }

    private Long seed(JsonNode n) {
      if (!n.isIntegralNumber() || !n.canConvertToLong()) {
        problem("seed", "is " + kind(n) + "; pass a whole number that fits in 64 bits, e.g. 42");
        return null;
      }
      return n.longValue();
    }

    private Double number(String name, JsonNode n) {
      if (!n.isNumber()) {
        problem(name, "is " + kind(n) + "; pass a number, or leave it out");
        return null;
      }
      return n.doubleValue();
    }

    private Set<String> texts(String name, JsonNode n) {
      String fix = "pass an array of strings such as [\"1400000000\"], or leave it out";
      if (!n.isArray()) {
        problem(name, "is " + kind(n) + "; " + fix);
        return null;
      }
      Set<String> out = new LinkedHashSet<>();
      for (int i = 0; i < n.size(); i++) {
        JsonNode e = n.get(i);
        if (!e.isTextual()) {
          problem(name + "[" + i + "]", "is " + kind(e) + "; " + fix);
          return null;
        }
        out.add(e.textValue());
      }
      return out;
    }

    private Set<Operation> operations(JsonNode n) {
      if (!n.isArray()) {
        String hint = n.isTextual() ? "[\"" + n.textValue() + "\"]" : "[\"ENTER_ROOM\"]";
        problem("operations", "is " + kind(n) + "; pass an array of operation names such as " + hint);
        return null;
      }
      if (n.isEmpty()) {
        problem("operations", "is empty; list at least one operation, e.g. [\"ENTER_ROOM\"]");
        return null;
      }
      Set<Operation> ops = EnumSet.noneOf(Operation.class);
      boolean bad = false;
      for (int i = 0; i < n.size(); i++) {
        JsonNode element = n.get(i);
        String field = "operations[" + i + "]";
        Optional<Operation> op = element.isTextual() ? Operation.parse(element.textValue()) : Optional.empty();
        if (!element.isTextual()) {
          problem(field, "is " + kind(element) + "; pass an operation name such as \"ENTER_ROOM\"");
        } else if (op.isEmpty()) {
          problem(field, "unknown operation '" + element.textValue() + "'"
              + NearestName.hint(element.textValue(), OPERATION_NAMES) + "; operations are " + OPERATION_NAMES);
        } else {
          ops.add(op.get());
          continue;
        }
        bad = true;
      }
      return bad ? null : ops;
    }

    private GmeErrorCode errorCode(JsonNode n) {
      if (n.isIntegralNumber() && n.canConvertToInt()) {
        return byValue(n.intValue());
      }
      if (n.isTextual()) {
        String text = n.textValue().strip();
        if (text.matches("-?\\d{1,9}")) {
          return byValue(Integer.parseInt(text));
        }
        Optional<GmeErrorCode> known = GmeErrorCode.byName(text);
        if (known.isEmpty()) {
          problem("error", "unknown GME error code name '" + text + "'; nearest: " + GmeErrorCode.nearestName(text).label());
        }
        return known.orElse(null);
      }
      problem("error", "is " + kind(n) + "; pass a GME error code such as 7006 or its name \"AV_ERR_AUTH_FIALD\"");
      return null;
    }

    private GmeErrorCode byValue(int value) {
      Optional<GmeErrorCode> known = GmeErrorCode.byValue(value);
      if (known.isEmpty()) {
        problem("error", "unknown GME error code " + value + "; nearest: " + GmeErrorCode.nearest(value).label());
      }
      return known.orElse(null);
    }

    private ApiErrorCode apiErrorCode(JsonNode n) {
      if (!n.isTextual()) {
        problem("apiError", "is " + kind(n) + "; pass an API 3.0 error code such as \"RequestLimitExceeded\"");
        return null;
      }
      Optional<ApiErrorCode> known = ApiErrorCode.find(n.textValue());
      if (known.isEmpty()) {
        problem("apiError", "unknown API 3.0 error code '" + n.textValue() + "'; nearest: "
            + String.join(", ", ApiErrorCode.nearest(n.textValue())));
      }
      return known.orElse(null);
    }

    private Effect effect(JsonNode n) {
      if (!n.isTextual()) {
        problem("effect", "is " + kind(n) + "; pass one of " + EFFECTS);
        return null;
      }
      String wanted = n.textValue();
      Optional<Effect> effect = Effect.fromWire(wanted);
      if (effect.isEmpty()) {
        Optional<Effect> renamed = Effect.renamed(wanted);
        problem("effect", renamed.isPresent()
            ? "'" + wanted + "' is not an effect name; write \"" + renamed.get().wireName() + "\" (effects are " + EFFECTS + ")"
            : "unknown effect '" + wanted + "'" + NearestName.hint(wanted, EFFECTS) + "; effects are " + EFFECTS);
      }
      return effect.orElse(null);
    }

    private DelayDistribution delay(JsonNode n) {
      String field = path("delay");
      String example = "e.g. {\"fixed\": \"PT0.1S\"}, {\"uniform\": {\"min\": \"PT0.05S\", \"max\": \"PT0.15S\"}} "
          + "or {\"lognormal\": {\"median\": \"PT0.08S\", \"sigma\": 0.5}}";
      if (!n.isObject() || n.size() != 1) {
        problems.add(new Problem(field, "is " + kind(n) + "; pass an object with exactly one of " + DELAY_KINDS + ", "
            + example));
        return null;
      }
      String kind = n.fieldNames().next();
      JsonNode value = n.get(kind);
      String at = field + "." + kind;
      try {
        switch (kind) {
          case "fixed": {
            Duration d = delayAt(at, value);
            return d == null ? null : DelayDistribution.fixed(d);
          }
          case "uniform": {
            if (!fieldsExactly(at, value, List.of("min", "max"), "{\"min\": \"PT0.05S\", \"max\": \"PT0.15S\"}")) {
              return null;
            }
            Duration min = delayAt(at + ".min", value.get("min"));
            Duration max = delayAt(at + ".max", value.get("max"));
            if (min == null || max == null) {
              return null;
            }
            if (min.compareTo(max) > 0) {
              problems.add(new Problem(at, "min " + min + " is greater than max " + max
                  + "; swap them, or use {\"fixed\": \"" + min + "\"} for a constant delay"));
              return null;
            }
            return DelayDistribution.uniform(min, max);
          }
          case "lognormal": {
            if (!fieldsExactly(at, value, List.of("median", "sigma"), "{\"median\": \"PT0.08S\", \"sigma\": 0.5}")) {
              return null;
            }
            Duration median = delayAt(at + ".median", value.get("median"));
            JsonNode sigma = value.get("sigma");
            if (!sigma.isNumber() || !(sigma.doubleValue() >= 0) || Double.isInfinite(sigma.doubleValue())) {
              problems.add(new Problem(at + ".sigma", "is " + kind(sigma)
                  + "; pass a finite number, 0 or more, e.g. 0.5 (0 always waits the median)"));
              return null;
            }
            return median == null ? null : DelayDistribution.lognormal(median, sigma.doubleValue());
          }
          default:
            problems.add(new Problem(at, "unknown delay kind '" + kind + "'" + NearestName.hint(kind, DELAY_KINDS)
                + "; pass one of " + DELAY_KINDS + ", " + example));
            return null;
        }
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(at, e.getMessage()));
        return null;
      }
    }

    private boolean fieldsExactly(String field, JsonNode n, List<String> names, String example) {
      if (!n.isObject()) {
        problems.add(new Problem(field, "is " + kind(n) + "; pass an object such as " + example));
        return false;
      }
      int before = problems.size();
      unknownFields(n, field, names, "; pass " + example, problems);
      for (String name : names) {
        if (absent(n.get(name))) {
          problems.add(new Problem(field + "." + name, "missing; pass " + example));
        }
      }
      return problems.size() == before;
    }

    private Schedule schedule(JsonNode n) {
      String field = path("schedule");
      String example = "{\"startAfter\": \"PT1M\", \"duration\": \"PT10M\", \"every\": \"PT15M\"}";
      if (!n.isObject()) {
        problems.add(new Problem(field, "is " + kind(n) + "; pass an object such as " + example));
        return null;
      }
      List<String> names = List.of("startAfter", "duration", "every");
      int before = problems.size();
      unknownFields(n, field, names, "; a schedule's fields are " + names + ", e.g. " + example, problems);
      Duration startAfter = absent(n.get("startAfter")) ? Duration.ZERO : delayAt(field + ".startAfter", n.get("startAfter"));
      Duration duration = absent(n.get("duration")) ? null : durationAt(field + ".duration", n.get("duration"));
      Duration every = absent(n.get("every")) ? null : durationAt(field + ".every", n.get("every"));
      if (problems.size() > before) {
        return null;
      }
      try {
        return new Schedule(startAfter, duration, every);
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(field, e.getMessage().replaceFirst("^Schedule: ", "")));
        return null;
      }
    }

    /** A duration that may not be negative: a delay or a schedule's start. */
    private Duration delayAt(String field, JsonNode n) {
      Duration d = durationAt(field, n);
      if (d != null && d.isNegative()) {
        problems.add(new Problem(field, "\"" + d + "\" is negative; pass \"PT0S\" or more, e.g. \"PT0.1S\""));
        return null;
      }
      return d;
    }

    private Duration durationAt(String field, JsonNode n) {
      if (n.isNumber()) {
        problems.add(new Problem(field, n.asText() + " is a number; " + DURATION_FORMAT));
        return null;
      }
      if (!n.isTextual()) {
        problems.add(new Problem(field, "is " + kind(n) + "; " + DURATION_FORMAT));
        return null;
      }
      try {
        return Durations.parse(n.textValue());
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(field, e.getMessage()));
        return null;
      }
    }

    private String path(String name) {
      return at.isEmpty() ? name : at + "." + name;
    }

    private void problem(String name, String message) {
      problems.add(new Problem(path(name), message));
    }
  }

  private static void unknownFields(JsonNode node, String at, List<String> known, String listed, List<Problem> problems) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(new Problem(at.isEmpty() ? name : at + "." + name, "unknown field '" + name + "'"
            + NearestName.hint(name, known) + listed));
      }
    }
  }

  /** Where a problem of the object at {@code at} sorts: unknown fields first, then as {@code fields}, the whole object last. */
  private static int order(String field, String at, List<String> fields) {
    String rest = at.isEmpty() ? field : field.startsWith(at + ".") ? field.substring(at.length() + 1) : null;
    if (rest == null) {
      return fields.size();
    }
    int end = 0;
    while (end < rest.length() && Character.isLetterOrDigit(rest.charAt(end))) {
      end++;
    }
    return end == 0 ? fields.size() : fields.indexOf(rest.substring(0, end));
  }

  private static List<String> reportOrder() {
    List<String> order = new ArrayList<>(FIELDS);
    order.remove("operations");
    order.add(order.indexOf("outage") + 1, "operations");
    return List.copyOf(order);
  }

  private static JsonNode tree(String text, ObjectMapper mapper, String format, String shape, String emptyFix) {
    if (text == null || text.isBlank()) {
      throw new InvalidFaultRuleException(InvalidFaultRuleException.BODY, "empty; " + emptyFix);
    }
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new InvalidFaultRuleException(InvalidFaultRuleException.BODY, "malformed " + format + where + ": "
          + e.getOriginalMessage() + "; " + shape);
    }
  }

  private static void refuseIfAny(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidFaultRuleException(problems);
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

  /** Maps each JSON pointer in the document to the line its value (or field name) starts on. */
  private static Map<String, Integer> lines(String text, ObjectMapper mapper) {
    Map<String, Integer> out = new HashMap<>();
    try (JsonParser p = mapper.getFactory().createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        JsonPointer ptr = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
            ? p.getParsingContext().getParent() == null ? JsonPointer.empty() : p.getParsingContext().getParent().pathAsPointer()
            : p.getParsingContext().pathAsPointer();
        out.putIfAbsent(ptr.toString(), p.currentTokenLocation().getLineNr());
      }
    } catch (IOException | RuntimeException e) {
      // The document parsed once already; if locations cannot be read, problems go without lines.
    }
    return out;
  }

  /** Returns {@code "line 7: "} for a field such as {@code rules[1].delay.fixed}, or the nearest enclosing field's line. */
  private static String lineOf(String field, Map<String, Integer> lines) {
    if (InvalidFaultRuleException.BODY.equals(field)) {
      return "";
    }
    String ptr = "/" + field.replaceAll("\\[(\\d+)]", "/$1").replace('.', '/');
    while (true) {
      Integer line = lines.get(ptr);
      if (line != null) {
        return "line " + line + ": ";
      }
      int slash = ptr.lastIndexOf('/');
      if (slash <= 0) {
        return "";
      }
      ptr = ptr.substring(0, slash);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /** Writes a rule from the field table, leaving out every setting at its default; a custom {@link DelayDistribution} has no JSON form. */
  public static ObjectNode toJson(FaultRule rule) {
    ObjectNode o = ControlJson.mapper().createObjectNode();
    for (Field f : RULE) {
      Object value = f.write().apply(rule);
      if (value != null) {
        o.set(f.name(), ControlJson.mapper().valueToTree(value));
      }
    }
    return o;
  }

  /** Writes a rule as compact JSON text. */
  public static String write(FaultRule rule) {
    return toJson(rule).toString();
  }

  private static Object delayJson(FaultRule rule) {
    DelayDistribution delay = rule.delay();
    if (delay instanceof DelayDistribution.None) {
      return null;
    }
    if (delay instanceof DelayDistribution.Fixed f) {
      return Map.of("fixed", f.delay().toString());
    }
    Map<String, Object> inner = new LinkedHashMap<>();
    if (delay instanceof DelayDistribution.Uniform u) {
      inner.put("min", u.min().toString());
      inner.put("max", u.max().toString());
      return Map.of("uniform", inner);
    }
    if (delay instanceof DelayDistribution.Lognormal l) {
      inner.put("median", l.median().toString());
      inner.put("sigma", l.sigma());
      return Map.of("lognormal", inner);
    }
    throw new IllegalArgumentException("FaultRule " + rule.describe() + ": delay '" + delay
        + "' is a custom DelayDistribution, which has no JSON form; use DelayDistribution.fixed, uniform or lognormal");
  }

  private static Map<String, String> scheduleJson(Schedule s) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("startAfter", s.startAfter().toString());
    if (s.duration() != null) {
      o.put("duration", s.duration().toString());
    }
    if (s.every() != null) {
      o.put("every", s.every().toString());
    }
    return o;
  }
}
