package dev.gmesim.core.sdk;

import dev.gmesim.core.catalog.GmeEventType;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One event the simulated SDK delivers, with GME's payload fields ({@code result},
 * {@code error_info}, {@code user_list}, {@code file_id}, ...). The getters mirror Android's
 * {@code Intent} extras, so handler code reads as it does against GME.
 *
 * <pre>{@code
 * public void onEvent(GmeEventType type, GmeEvent data) {
 *   if (type == GmeEventType.ENTER_ROOM && data.getIntExtra("result", -1) == 7006) { ... }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public record GmeEvent(GmeEventType type, Map<String, Object> data) {

  /** Copies the payload so the event cannot change after delivery. */
  public GmeEvent {
    data = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
  }

  /** Returns an integer field, or {@code defaultValue} when absent. */
  public int getIntExtra(String name, int defaultValue) {
    Object v = data.get(name);
    return v instanceof Number n ? n.intValue() : defaultValue;
  }

  /** Returns a long field, or {@code defaultValue} when absent. */
  public long getLongExtra(String name, long defaultValue) {
    Object v = data.get(name);
    return v instanceof Number n ? n.longValue() : defaultValue;
  }

  /** Returns a string field, or null when absent. */
  public String getStringExtra(String name) {
    Object v = data.get(name);
    return v == null ? null : v.toString();
  }

  /** Returns a string-array field such as {@code user_list}, or an empty array when absent. */
  public String[] getStringArrayExtra(String name) {
    Object v = data.get(name);
    if (v instanceof List<?> list) {
      return list.stream().map(String::valueOf).toArray(String[]::new);
    }
    return new String[0];
  }

  /** Returns {@code result}: 0 for success, else the GME error code (-1 when the event has none). */
  public int result() {
    return getIntExtra("result", -1);
  }

  /** Returns {@code error_info}, or an empty string. */
  public String errorInfo() {
    String s = getStringExtra("error_info");
    return s == null ? "" : s;
  }

  /** Returns the simulated milliseconds between the call and this event ({@code elapsed_ms}), or -1. */
  public long elapsedMillis() {
    return getLongExtra("elapsed_ms", -1);
  }

  @Override
  public String toString() {
    return type + data.toString();
  }
}
