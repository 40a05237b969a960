package dev.gmesim.examples.voice;

import dev.gmesim.core.auth.AppKey;
import dev.gmesim.core.auth.AuthBufferGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The game's backend side of GME auth: it holds the app's permission key (clients never do) and
 * mints a room's auth buffer for a logged-in player, valid for five minutes as GME recommends.
 *
 * <pre>{@code
 * VoiceTokenBackend backend = new VoiceTokenBackend(1400000000L, AppKey.of(secrets.get("gme-key")), Clock.systemUTC());
 * TeamVoiceChat chat = new TeamVoiceChat(sdk, room -> backend.roomToken(player.openId(), room), ...);
 * }</pre>
 */
public final class VoiceTokenBackend {
  /** How long a minted buffer is valid. */
  public static final Duration VALIDITY = Duration.ofMinutes(5);

  private final long appId;
  private final AppKey key;
  private final Clock clock;

  /** A backend for app {@code appId} with its permission key; {@code clock} decides the expiry. */
  public VoiceTokenBackend(long appId, AppKey key, Clock clock) {
    this.appId = appId;
    this.key = Objects.requireNonNull(key);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Returns the auth buffer with which {@code openId} may enter {@code roomId}. */
  public byte[] roomToken(String openId, String roomId) {
    return AuthBufferGenerator.roomBuffer(appId, roomId, openId, key, clock.instant().plus(VALIDITY));
  }
}
