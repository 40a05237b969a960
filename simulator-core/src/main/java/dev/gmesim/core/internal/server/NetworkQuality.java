package dev.gmesim.core.internal.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One room-quality sample as {@code CHANGE_ROOM_QUALITY} reports it: {@code weight} 1 to 50 (below 30
 * is a poor network), {@code loss} in percent and {@code delay} in ms.
 *
 * <p>How GME computes the weight is docs silent. The simulator's formula: {@code 50 - loss / 2 -
 * delay / 25}, kept within 1 to 50, so a healthy network (no loss, 20 ms) weighs 49, and 30 % loss
 * with 400 ms of added delay weighs 19.
 *
 * @param weight the quality weight, 1 to 50
 * @param loss the upstream packet loss, in percent
 * @param delayMs the delay, in ms
 */
record NetworkQuality(int weight, int loss, long delayMs) {
  /** The delay of a healthy network, in ms; a poor network adds its rule's delay to it. */
  static final long BASE_DELAY_MS = 20;
  /** A network without a rule: no loss, the base delay. */
  static final NetworkQuality HEALTHY = poor(0, Duration.ZERO);

  /** A network with this loss and this much delay over the base. */
  static NetworkQuality poor(int loss, Duration addedDelay) {
    long delay = BASE_DELAY_MS + Math.max(0, addedDelay.toMillis());
    long weight = 50 - loss / 2 - delay / 25;
    return new NetworkQuality((int) Math.max(1, Math.min(50, weight)), loss, delay);
  }

  /** The reply's data: GME's payload keys. */
  Map<String, Object> data() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("weight", weight);
    m.put("loss", loss);
    m.put("delay", delayMs);
    return m;
  }
}
