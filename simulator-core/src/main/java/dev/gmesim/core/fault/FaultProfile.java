package dev.gmesim.core.fault;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gmesim.core.catalog.NearestName;
import dev.gmesim.core.internal.fault.FaultPlan;
import dev.gmesim.core.internal.fault.FaultRuleJson;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A chaos drill profile loaded from a JSON or YAML file, all or nothing: a name, an optional TTL
 * after which the whole drill ends by itself, a guard rail, a scope shared by every rule, and the
 * rules themselves (each in the control API's form, see {@link FaultRuleJson}). A bare
 * {@code {"rules": [ ... ]}} document is a profile too. docs/chaos-drills.md documents the schema.
 *
 * <pre>{@code
 * # drills/slow-joins.yaml
 * name: slow-joins
 * ttl: PT10M
 * guardRail: {maxFaultsPerSecond: 50, maxFaultShare: 0.3}
 * scope: {userPercent: 20}
 * rules:
 *   - operations: [ENTER_ROOM]
 *     effect: noReply
 *     probability: 0.2
 *     seed: 7
 *
 * FaultProfile profile = FaultProfile.load(Path.of("drills/slow-joins.yaml"));
 * simulator.startDrill(profile);   // ends by itself after 10 minutes
 * }</pre>
 *
 * @since 0.1
 */
public final class FaultProfile {

  /** Profiles larger than this are refused; a real profile is a few kilobytes. */
  public static final long MAX_BYTES = 1 << 20;

  /** The name a profile gets when it gives none. */
  public static final String DEFAULT_NAME = "profile";

  /** The fields a profile document may carry at its top level. */
  public static final List<String> FIELDS = List.of("name", "ttl", "guardRail", "scope", "rules");

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final String name;
  private final Duration ttl;
  private final GuardRail guardRail;
  private final Scope scope;
  private final List<FaultRule> rules;

  private FaultProfile(String name, Duration ttl, GuardRail guardRail, Scope scope, List<FaultRule> rules) {
    this.name = name;
    this.ttl = ttl;
    this.guardRail = guardRail;
    this.scope = scope;
    this.rules = List.copyOf(rules);
  }

  /** Creates a profile in code; the scope is applied to every rule that does not set that field itself. */
  public static FaultProfile of(String name, Duration ttl, GuardRail guardRail, Scope scope, List<FaultRule> rules) {
    if (name == null || !name.matches(NAME_PATTERN)) {
      throw new IllegalArgumentException("FaultProfile: name '" + name + "' " + NAME_RULE);
    }
    if (ttl != null && (ttl.isZero() || ttl.isNegative())) {
      throw new IllegalArgumentException("FaultProfile '" + name + "': ttl " + ttl + " is not positive; pass e.g. PT10M");
    }
    if (rules == null || rules.isEmpty()) {
      throw new IllegalArgumentException("FaultProfile '" + name + "': no rules; pass at least one FaultRule");
    }
    Scope s = scope == null ? Scope.ANY : scope;
    return new FaultProfile(name, ttl, guardRail == null ? GuardRail.none() : guardRail, s,
        rules.stream().map(s::applyTo).toList());
  }

  static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
  static final String NAME_RULE = "is not a drill name; use 1 to 64 letters, digits, '.', '_' or '-', "
      + "starting with a letter or digit, e.g. \"enter-room-brownout\"";

  /** Returns the drill's name (unique among running drills; a new drill of the same name replaces the old). */
  public String name() {
    return name;
  }

  /** Returns how long the drill runs before it ends by itself, if it does. */
  public Optional<Duration> ttl() {
    return Optional.ofNullable(ttl);
  }

  /** Returns the limits on how much the drill may fault. */
  public GuardRail guardRail() {
    return guardRail;
  }

  /** Returns the scope shared by every rule, already applied to {@link #rules()}. */
  public Scope scope() {
    return scope;
  }

  /** Returns the rules in file order, with the profile's scope applied; the TTL and guard rail act only through a drill. */
  public List<FaultRule> rules() {
    return rules;
  }

  /**
   * The scope every rule of a profile shares; a rule's own field, when set, wins.
   *
   * @param appIds the AppIDs (exact), or null for any
   * @param openId an OpenID glob, or null for any
   * @param roomId a room-id glob, or null for any
   * @param userPercent the share of users in (0, 100] by stable hash of the OpenID, or null for all
   */
  public record Scope(List<String> appIds, String openId, String roomId, Double userPercent) {
    /** The scope that limits nothing. */
    public static final Scope ANY = new Scope(null, null, null, null);

    FaultRule applyTo(FaultRule rule) {
      if (this.equals(ANY)) {
        return rule;
      }
      FaultRule.Builder b = rule.newBuilder();
      if (appIds != null && rule.appIds() == null && rule.appId() == null) {
        b.appIds(appIds);
      }
      if (openId != null && rule.openId() == null) {
        b.openId(openId);
      }
      if (roomId != null && rule.roomId() == null) {
        b.roomId(roomId);
      }
      if (userPercent != null && rule.userPercent() == null) {
        b.userPercent(userPercent);
      }
      return b.build();
    }
  }

  /** The two formats a profile may be written in. */
  public enum Format {
    /** A JSON document. */
    JSON,
    /** A YAML document (YAML 1.1, as SnakeYAML reads it). */
    YAML;

    /** Picks the format from the file name: {@code .json}, or {@code .yaml} / {@code .yml}. */
    public static Format of(Path file) {
      String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
      if (name.endsWith(".json")) {
        return JSON;
      }
      if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        return YAML;
      }
      throw new IllegalArgumentException("profile " + file + ": cannot tell its format from the name; "
          + "name it *.json, *.yaml or *.yml");
    }
  }

  /**
   * Reads and checks a profile file; every problem is reported with the file name, the field and
   * the fix, e.g. {@code profile drills.yaml: rules[1].probability: 1.5 is outside (0, 1]; ...}.
   */
  public static FaultProfile load(Path file) {
    Objects.requireNonNull(file, "FaultProfile.load: file is null; pass the path of a .json or .yaml profile");
    Format format = Format.of(file);
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException("profile " + file + ": " + Files.size(file) + " bytes is over the "
            + MAX_BYTES + "-byte limit; split it into smaller profiles");
      }
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("profile " + file + ": no such file; check the path (relative paths start at "
          + Path.of("").toAbsolutePath() + ")", e);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("profile " + file + ": not UTF-8 text; save it as UTF-8", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("profile " + file + ": cannot read it (" + e + "); check the path and "
          + "its permissions", e);
    }
    try {
      return parse(text, format);
    } catch (InvalidFaultRuleException e) {
      throw new InvalidFaultRuleException(e.problems().stream()
          .map(p -> new InvalidFaultRuleException.Problem("profile " + file.getFileName() + ": " + p.field(),
              p.message()))
          .toList());
    }
  }

  /** Parses and checks a profile document given as text. */
  public static FaultProfile parse(String text, Format format) {
    Objects.requireNonNull(format, "FaultProfile.parse: format is null; pass Format.JSON or Format.YAML");
    JsonNode root;
    if (format == Format.JSON) {
      root = FaultRuleJson.read(text);
    } else {
      if (text == null || text.isBlank()) {
        throw new InvalidFaultRuleException(InvalidFaultRuleException.BODY,
            "empty; write a YAML document with a list under 'rules:'");
      }
      try {
        root = YAML.readTree(text);
      } catch (JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
            : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        throw new InvalidFaultRuleException(InvalidFaultRuleException.BODY, "malformed YAML" + where + ": "
            + e.getOriginalMessage() + "; write a YAML document with a list under 'rules:'");
      }
    }
    List<InvalidFaultRuleException.Problem> problems = new ArrayList<>();
    FaultProfile profile = fromTree(root, problems);
    if (!problems.isEmpty()) {
      Map<String, Integer> lines = lines(text, format == Format.JSON ? FaultRuleJson.mapper() : YAML);
      throw new InvalidFaultRuleException(problems.stream()
          .map(p -> new InvalidFaultRuleException.Problem(p.field(), lineOf(p.field(), lines) + p.message()))
          .toList());
    }
    return profile;
  }

  private static FaultProfile fromTree(JsonNode root, List<InvalidFaultRuleException.Problem> problems) {
    if (root == null || !root.isObject()) {
      problems.add(new InvalidFaultRuleException.Problem(InvalidFaultRuleException.BODY, "expected an object such as "
          + "{\"name\": \"slow-joins\", \"rules\": [{\"operations\": [\"ENTER_ROOM\"], \"error\": 7006}]}; got "
          + FaultRuleJson.kind(root)));
      return null;
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!FIELDS.contains(field)) {
        problems.add(new InvalidFaultRuleException.Problem(field, "unknown field '" + field + "'"
            + NearestName.hint(field, FIELDS) + "; a profile's fields are " + FIELDS));
      }
    }
    String name = DEFAULT_NAME;
    JsonNode nameNode = root.get("name");
    if (nameNode != null && !nameNode.isNull()) {
      if (!nameNode.isTextual() || !nameNode.textValue().matches(NAME_PATTERN)) {
        problems.add(new InvalidFaultRuleException.Problem("name", FaultRuleJson.kind(nameNode) + " " + NAME_RULE));
      } else {
        name = nameNode.textValue();
      }
    }
    Duration ttl = FaultRuleJson.ttl(root.get("ttl"), problems);
    GuardRail guard = guardRail(root.get("guardRail"), problems);
    Scope scope = FaultRuleJson.scope(root.get("scope"), problems);
    JsonNode rulesNode = root.get("rules");
    List<FaultRule> rules = new ArrayList<>();
    if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
      String what = rulesNode == null ? "missing" : rulesNode.isArray() ? "empty" : "is " + FaultRuleJson.kind(rulesNode);
      problems.add(new InvalidFaultRuleException.Problem("rules", what
          + "; pass an array of rule objects, e.g. \"rules\": [{\"operations\": [\"ENTER_ROOM\"], \"error\": 7006}]"));
    } else {
      for (int i = 0; i < rulesNode.size(); i++) {
        rules.add(FaultRuleJson.rule(rulesNode.get(i), "rules[" + i + "]", problems));
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    List<FaultRule> scoped;
    try {
      scoped = rules.stream().map(scope::applyTo).toList();
      // Clashing ids would make the drill refuse to start later; say so now.
      new FaultPlan().addAll(scoped);
    } catch (IllegalArgumentException e) {
      problems.add(new InvalidFaultRuleException.Problem("rules", e.getMessage()));
      return null;
    }
    return new FaultProfile(name, ttl, guard, scope, scoped);
  }

  private static GuardRail guardRail(JsonNode node, List<InvalidFaultRuleException.Problem> problems) {
    if (node == null || node.isNull()) {
      return GuardRail.none();
    }
    String example = "{\"maxFaultsPerSecond\": 50, \"maxFaultShare\": 0.3}";
    if (!node.isObject()) {
      problems.add(new InvalidFaultRuleException.Problem("guardRail", "is " + FaultRuleJson.kind(node)
          + "; pass an object such as " + example));
      return null;
    }
    List<String> names = List.of("maxFaultsPerSecond", "maxFaultShare");
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!names.contains(field)) {
        problems.add(new InvalidFaultRuleException.Problem("guardRail." + field, "unknown field '" + field + "'"
            + NearestName.hint(field, names) + "; pass " + example));
      }
    }
    Integer perSecond = null;
    JsonNode ps = node.get("maxFaultsPerSecond");
    if (ps != null && !ps.isNull()) {
      if (!ps.isIntegralNumber() || !ps.canConvertToInt() || ps.intValue() < 1) {
        problems.add(new InvalidFaultRuleException.Problem("guardRail.maxFaultsPerSecond", FaultRuleJson.kind(ps)
            + " is not a whole number of 1 or more; pass e.g. 50, or leave it out for no limit"));
      } else {
        perSecond = ps.intValue();
      }
    }
    Double share = null;
    JsonNode sh = node.get("maxFaultShare");
    if (sh != null && !sh.isNull()) {
      if (!sh.isNumber() || !(sh.doubleValue() > 0 && sh.doubleValue() <= 1)) {
        problems.add(new InvalidFaultRuleException.Problem("guardRail.maxFaultShare", FaultRuleJson.kind(sh)
            + " is outside (0, 1]; pass e.g. 0.3 for at most 30% of calls, or leave it out for no limit"));
      } else {
        share = sh.doubleValue();
      }
    }
    return new GuardRail(perSecond, share);
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
}
