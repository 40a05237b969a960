package dev.gmesim.core.auth;

/**
 * The part of an auth buffer a check found wrong; {@link #wireName()} is how replies and the journal name it.
 *
 * @since 0.1
 */
public enum AuthField {
  /** The bytes themselves: too short, not base64, not decryptable with the app's key, or not the layout. */
  BUFFER("buffer"),
  /** The AppID inside differs from Init's. */
  APP_ID("appId"),
  /** The OpenID inside differs from Init's. */
  OPEN_ID("openId"),
  /** The room id inside differs from the room being entered or switched to. */
  ROOM_ID("roomId"),
  /** The expiry has passed on the session's clock. */
  EXPIRY("expiry");

  private final String wireName;

  AuthField(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the name used in replies ({@code authField}, {@code auth_field}) and the journal. */
  public String wireName() {
    return wireName;
  }
}
