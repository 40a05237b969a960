package dev.gmesim.examples.voice;

import java.time.Duration;

/**
 * Exponential backoff for calls worth repeating (GME's timeouts and network errors): attempt 1
 * waits {@code firstDelay}, each later one {@code multiplier} times longer, capped at
 * {@code maxDelay}; after {@code maxAttempts} retries the game gives up and tells the player.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, double multiplier, Duration maxDelay) {

  /** What a game would ship: 4 retries, 500 ms doubling up to 8 s. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(8));

  /** Checks the numbers. */
  public RetryPolicy {
    if (maxAttempts < 0 || firstDelay.isNegative() || multiplier < 1.0 || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("RetryPolicy(" + maxAttempts + ", " + firstDelay + ", " + multiplier + ", "
          + maxDelay + "): need maxAttempts >= 0, firstDelay >= 0, multiplier >= 1 and maxDelay >= firstDelay");
    }
  }

  /** Returns how long to wait before retry number {@code attempt} (1-based). */
  public Duration delayBefore(int attempt) {
    double millis = firstDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
  }
}
