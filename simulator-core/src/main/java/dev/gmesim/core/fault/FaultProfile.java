package dev.gmesim.core.fault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A named set of fault rules loaded from a file, all or nothing: a JSON or YAML document
 * {@code {"rules": [ ... ]}} whose rules have the same form as the control API's
 * (see {@link FaultRuleJson}).
 *
 * <pre>{@code
 * # drills/slow-joins.yaml
 * rules:
 *   - operations: [ENTER_ROOM]
 *     effect: noReply
 *     probability: 0.2
 *     seed: 7
 *     ttl: PT10M
 *
 * FaultProfile profile = FaultProfile.load(Path.of("drills/slow-joins.yaml"));
 * simulator.faults().addAll(profile.rules());
 * }</pre>
 */
public final class FaultProfile {

  /** Profiles larger than this are refused; a real profile is a few kilobytes. */
  public static final long MAX_BYTES = 1 << 20;

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final List<FaultRule> rules;

  private FaultProfile(List<FaultRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Returns the rules in file order. */
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
    List<FaultRule> rules = FaultRuleJson.rulesFromJson(root);
    // Clashing ids would make addAll refuse the profile later, after the simulator started; say so now.
    try {
      new FaultPlan().addAll(rules);
    } catch (IllegalArgumentException e) {
      throw new InvalidFaultRuleException("rules", e.getMessage());
    }
    return new FaultProfile(rules);
  }
}
