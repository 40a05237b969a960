package dev.gmesim.core.fault;

import dev.gmesim.core.internal.fault.FaultRuleJson;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A chaos drill profile loaded from a JSON or YAML file, all or nothing: a name, an optional TTL
 * after which the whole drill ends by itself, a guard rail, a scope shared by every rule, and the
 * rules themselves (each in the control API's form). A bare
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

  private final String name;
  private final Duration ttl;
  private final GuardRail guardRail;
  private final FaultRule.Scope scope;
  private final List<FaultRule> rules;

  private FaultProfile(String name, Duration ttl, GuardRail guardRail, FaultRule.Scope scope, List<FaultRule> rules) {
    this.name = name;
    this.ttl = ttl;
    this.guardRail = guardRail;
    this.scope = scope;
    this.rules = List.copyOf(rules);
  }

  /**
   * Creates a profile in code; the scope fills in, on every rule, the fields the rule leaves unset.
   * A bad name, ttl or an empty list of rules is refused naming each.
   */
  public static FaultProfile of(String name, Duration ttl, GuardRail guardRail, FaultRule.Scope scope,
      List<FaultRule> rules) {
    FaultChecks c = new FaultChecks();
    if (name == null || !name.matches(NAME_PATTERN)) {
      c.refuse("name", "'" + name + "' " + NAME_RULE);
    }
    if (ttl != null) {
      c.positive("ttl", ttl, "\"PT10M\"", "or leave it out for no expiry");
    }
    if (rules == null || rules.isEmpty() || rules.contains(null)) {
      c.refuse("rules", (rules == null || rules.isEmpty() ? "empty" : "holding null") + "; pass at least one FaultRule");
    }
    c.done();
    FaultRule.Scope s = scope == null ? FaultRule.Scope.ANY : scope;
    return new FaultProfile(name, ttl, guardRail == null ? GuardRail.none() : guardRail, s,
        rules.stream().map(r -> s.equals(FaultRule.Scope.ANY) ? r : withScope(r, r.scope().orElse(s))).toList());
  }

  private static FaultRule withScope(FaultRule r, FaultRule.Scope scope) {
    return new FaultRule(r.id(), r.alias(), r.operations(), r.fault(), r.delay(), r.budget(), scope, r.schedule(),
        r.owner());
  }

  private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
  private static final String NAME_RULE = "is not a drill name; use 1 to 64 letters, digits, '.', '_' or '-', "
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
  public FaultRule.Scope scope() {
    return scope;
  }

  /** Returns the rules in file order, with the profile's scope applied; the TTL and guard rail act only through a drill. */
  public List<FaultRule> rules() {
    return rules;
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

  /** Parses and checks a profile document given as text; every problem names its field and line. */
  public static FaultProfile parse(String text, Format format) {
    Objects.requireNonNull(format, "FaultProfile.parse: format is null; pass Format.JSON or Format.YAML");
    return FaultRuleJson.profile(text, format);
  }
}
