package dev.gmesim.core.auth;

/**
 * One app the simulator knows: its SDK AppID and permission key. Parsed from {@code APPID:KEY}
 * (the {@code --app} flag, {@code GMESIM_APPS}, an apps file); refusals name the AppID and the
 * key's length, never the key.
 *
 * <pre>{@code
 * AppCredentials app = AppCredentials.parse("1400000000:" + System.getenv("GME_PERMISSION_KEY"));
 * GmeSimulator sim = GmeSimulator.builder().app(app).start();
 * }</pre>
 *
 * @param appId the SDK AppID, as Init receives it (digits only)
 * @param key the app's permission key
 * @since 0.1
 */
public record AppCredentials(String appId, AppKey key) {

  /** Largest AppID: the buffer holds it as an unsigned 32-bit number. */
  public static final long MAX_APP_ID = 0xFFFF_FFFFL;

  /** Checks the AppID and that a key is present. */
  public AppCredentials {
    numericAppId(appId);
    if (key == null) {
      throw new IllegalArgumentException("AppID " + appId + " has no permission key; give APPID:KEY");
    }
  }

  /** Returns the app for AppID {@code appId} with permission key {@code key} (16 bytes). */
  public static AppCredentials of(String appId, String key) {
    long id = numericAppId(appId);
    try {
      return new AppCredentials(Long.toString(id), AppKey.of(key));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("AppID " + appId + ": " + e.getMessage(), e);
    }
  }

  /** Parses {@code APPID:KEY}; the key is everything after the first colon. */
  public static AppCredentials parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("an app is empty; give it as APPID:KEY, e.g. 1400000000:<16-byte "
          + "permission key>");
    }
    int colon = spec.indexOf(':');
    if (colon < 0) {
      // No colon: the whole text may be a key, so none of it is shown.
      throw new IllegalArgumentException("an app (" + spec.length() + " characters) has no ':'; give it as "
          + "APPID:KEY, e.g. 1400000000:<16-byte permission key>");
    }
    return of(spec.substring(0, colon).trim(), spec.substring(colon + 1));
  }

  /** Returns the AppID as a number, refusing one that is not a whole number within 32 bits. */
  public static long numericAppId(String appId) {
    String shown = appId == null ? "null" : appId.length() > 40 ? appId.substring(0, 40) + "..." : appId;
    if (appId == null || appId.isEmpty() || appId.length() > 10 || !appId.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("AppID '" + shown + "' is not a number; use the numeric SDK AppID "
          + "from the GME console, e.g. 1400000000");
    }
    long id = Long.parseLong(appId);
    if (id > MAX_APP_ID) {
      throw new IllegalArgumentException("AppID " + appId + " does not fit the auth buffer's 32 bits; use the "
          + "SDK AppID from the GME console, e.g. 1400000000");
    }
    return id;
  }

  /** Returns the AppID as a number. */
  public long numericAppId() {
    return Long.parseLong(appId);
  }

  /** Returns {@code AppCredentials[appId=..., key=redacted]}. */
  @Override
  public String toString() {
    return "AppCredentials[appId=" + appId + ", key=redacted]";
  }
}
