package dev.gmesim.core.catalog;

import static dev.gmesim.core.catalog.ErrorCategory.*;
import static dev.gmesim.core.catalog.Operation.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every error code on GME's error-code page, named exactly as GME names it (misspellings kept:
 * {@link #AV_ERR_AUTH_FIALD} is 7006), with its value, category, GME's Chinese text, an English
 * rendering and the operations where GME raises it.
 *
 * <pre>{@code
 * GmeErrorCode code = GmeErrorCode.byValue(7006).orElseThrow();
 * code.name();        // "AV_ERR_AUTH_FIALD"
 * code.operations();  // [ENTER_ROOM, SWITCH_ROOM]
 * code.errorInfo();   // the error_info text the simulated SDK reports
 * }</pre>
 */
public enum GmeErrorCode {
  // TODO(catalog helper): all 86 codes.
  AV_ERR_AUTH_FIALD(7006, GENERAL, ops(ENTER_ROOM, SWITCH_ROOM),
      "鉴权失败", "鉴权失败 有以下几个原因：1、AppID 不存在或者错误，2、authbuff 鉴权错误，3、鉴权过期", "",
      "Authentication failed: the AppID does not exist or is wrong, the auth buffer is wrong, or it has expired.");

  private static final Map<Integer, GmeErrorCode> BY_VALUE = new HashMap<>();

  static {
    for (GmeErrorCode c : values()) {
      BY_VALUE.put(c.value, c);
    }
  }

  private final int value;
  private final ErrorCategory category;
  private final Set<Operation> operations;
  private final String meaningZh;
  private final String causeZh;
  private final String adviceZh;
  private final String english;

  GmeErrorCode(int value, ErrorCategory category, Set<Operation> operations,
      String meaningZh, String causeZh, String adviceZh, String english) {
    this.value = value;
    this.category = category;
    this.operations = Collections.unmodifiableSet(operations);
    this.meaningZh = meaningZh;
    this.causeZh = causeZh;
    this.adviceZh = adviceZh;
    this.english = english;
  }

  private static Set<Operation> ops(Operation first, Operation... rest) {
    return EnumSet.of(first, rest);
  }

  /** Returns the numeric code GME reports. */
  public int value() {
    return value;
  }

  /** Returns the section of GME's page this code is listed in. */
  public ErrorCategory category() {
    return category;
  }

  /** Returns the operations where GME can raise this code (never empty). */
  public Set<Operation> operations() {
    return operations;
  }

  /** Returns GME's Chinese meaning (含义); for the general section, which has no such column, a short summary. */
  public String meaningZh() {
    return meaningZh;
  }

  /** Returns GME's Chinese cause (原因 / 原因及建议方案) text. */
  public String causeZh() {
    return causeZh;
  }

  /** Returns GME's Chinese advice (建议方案), or an empty string where the page has none. */
  public String adviceZh() {
    return adviceZh;
  }

  /** Returns an English rendering of the meaning, cause and advice. */
  public String english() {
    return english;
  }

  /** Returns the {@code error_info} text the simulator reports with this code: the name, then the English text. */
  public String errorInfo() {
    return name() + ": " + english;
  }

  /** Finds the code with this numeric value. */
  public static Optional<GmeErrorCode> byValue(int value) {
    return Optional.ofNullable(BY_VALUE.get(value));
  }

  /** Finds the code with this GME name, case-insensitively. */
  public static Optional<GmeErrorCode> byName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns the known code closest to an unknown value, for error messages such as
   * {@code unknown GME error code 70060; nearest: 7006 AV_ERR_AUTH_FIALD}.
   */
  public static GmeErrorCode nearest(int value) {
    // TODO(catalog helper): prefer codes whose digits are an edit away, then numeric distance.
    return values()[0];
  }

  /** Returns all codes of a category, in page order. */
  public static List<GmeErrorCode> inCategory(ErrorCategory category) {
    return java.util.Arrays.stream(values()).filter(c -> c.category == category).toList();
  }

  /** Returns {@code "7006 AV_ERR_AUTH_FIALD"}: the value and the name, as error messages show a code. */
  public String label() {
    return value + " " + name();
  }
}
