package dev.gmesim.core.api;

/**
 * What {@code GET /__admin/gme/health} reports.
 *
 * @param status {@code UP} when the simulator serves
 * @param timeScale the clock scale announced to SDKs
 * @param sessions open room connections
 * @since 0.1
 */
public record Health(String status, double timeScale, int sessions) {

  /** Returns true when the simulator reports UP. */
  public boolean isUp() {
    return "UP".equals(status);
  }
}
