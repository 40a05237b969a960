package dev.gmesim.junit5;

import dev.gmesim.core.auth.AppCredentials;
import dev.gmesim.core.auth.AppKey;
import dev.gmesim.core.auth.AuthBufferGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Correct GME auth buffers for the apps a test class configured ({@code @GmeSimulatorTest(apps = ...)}
 * or the builder's {@code app}), as the game's backend would mint them. Declare it as a parameter.
 *
 * <pre>{@code
 * @GmeSimulatorTest(apps = "1400000000:test-key-0123456")
 * class LobbyTest {
 *   @Test
 *   void entersWithARealBuffer(GmeContext gme, EventRecorder events, GmeAuth auth) {
 *     gme.init(auth.appId(), "10001");
 *     gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, auth.roomBuffer("10001", "lobby"));
 *     GmeAssertions.awaitEvent(events, GmeEventType.ENTER_ROOM).succeeded();
 *     gme.getPTT().applyPTTAuthbuffer(auth.voiceMessageBuffer("10001"));
 *   }
 * }
 * }</pre>
 *
 * <p>Buffers are valid for {@link #VALIDITY} from the wall clock's now (GME's recommendation);
 * the simulator checks expiry on the session's clock, so a test that advances simulated time past
 * that sees a natural 7006. Pass an expiry to mint an expired one.
 *
 * @since 0.1
 */
public final class GmeAuth {
  /** How long minted buffers are valid: GME recommends now + 300 s. */
  public static final Duration VALIDITY = Duration.ofSeconds(300);

  private final List<AppCredentials> apps;
  private final String source;
  private final AppCredentials app;

  GmeAuth(List<AppCredentials> apps, String source) {
    this(apps, source, apps.isEmpty() ? null : apps.get(0));
  }

  private GmeAuth(List<AppCredentials> apps, String source, AppCredentials app) {
    this.apps = apps;
    this.source = source;
    this.app = app;
  }

  /** Returns the same helper for another configured app (the first one is the default). */
  public GmeAuth forApp(String appId) {
    return new GmeAuth(apps, source, apps.stream().filter(a -> a.appId().equals(appId)).findFirst()
        .orElseThrow(() -> new ParameterResolutionException("GmeAuth.forApp: AppID " + appId + " is not configured on "
            + source + "; configured: " + apps.stream().map(AppCredentials::appId).toList())));
  }

  /** Returns the AppID buffers are minted for, to pass to Init. */
  public String appId() {
    return app().appId();
  }

  /** Returns the app's key, for minting buffers of your own with {@link AuthBufferGenerator}. */
  public AppKey key() {
    return app().key();
  }

  /** A buffer for EnterRoom/SwitchRoom into {@code roomId} by {@code openId}, valid for {@link #VALIDITY}. */
  public byte[] roomBuffer(String openId, String roomId) {
    return roomBuffer(openId, roomId, Instant.now().plus(VALIDITY));
  }

  /** A room buffer that expires at {@code expiresAt} (in the past for an expired one). */
  public byte[] roomBuffer(String openId, String roomId, Instant expiresAt) {
    return AuthBufferGenerator.roomBuffer(app().numericAppId(), roomId, openId, app().key(), expiresAt);
  }

  /** A buffer for ApplyPTTAuthbuffer (voice messages) for {@code openId}, valid for {@link #VALIDITY}. */
  public byte[] voiceMessageBuffer(String openId) {
    return voiceMessageBuffer(openId, Instant.now().plus(VALIDITY));
  }

  /** A voice-message buffer that expires at {@code expiresAt}. */
  public byte[] voiceMessageBuffer(String openId, Instant expiresAt) {
    return AuthBufferGenerator.voiceMessageBuffer(app().numericAppId(), openId, app().key(), expiresAt);
  }

  private AppCredentials app() {
    if (app == null) {
      throw new ParameterResolutionException("GmeAuth: no app with a key is configured on " + source
          + "; add apps = \"APPID:KEY\" to @GmeSimulatorTest or .app(appId, key) to the builder");
    }
    return app;
  }

  /** Names the app, never its key. */
  @Override
  public String toString() {
    return "GmeAuth[" + (app == null ? "no app" : "appId=" + app.appId()) + "]";
  }
}
