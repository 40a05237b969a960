package dev.gmesim.core.auth;

/**
 * What a buffer must say to be accepted: the caller's AppID and OpenID (from Init) and, for a room
 * call, the room it asks for; {@code call} names that call in refusals ({@code EnterRoom asked for 'lobby'}).
 *
 * <pre>{@code
 * AuthCheck c = AuthBufferChecker.check(buffer, key,
 *     AuthExpectation.room(1400000000L, "10001", "lobby", "EnterRoom"), Instant.now());
 * }</pre>
 *
 * @param appId Init's AppID
 * @param openId Init's OpenID
 * @param roomId the room entered or switched to, or null to accept any room (voice messages)
 * @param call the SDK call, for messages (EnterRoom, SwitchRoom, UploadRecordedFile, ...)
 * @since 0.1
 */
public record AuthExpectation(long appId, String openId, String roomId, String call) {

  /** Checks that the AppID fits 32 bits and the OpenID and call are given. */
  public AuthExpectation {
    if (appId < 0 || appId > AppCredentials.MAX_APP_ID) {
      throw new IllegalArgumentException("appId " + appId + " does not fit 32 bits");
    }
    if (openId == null || call == null) {
      throw new IllegalArgumentException("openId and call are required; got openId=" + openId + ", call=" + call);
    }
  }

  /** Expects a room buffer for {@code roomId}, checked for {@code call} (EnterRoom or SwitchRoom). */
  public static AuthExpectation room(long appId, String openId, String roomId, String call) {
    if (roomId == null) {
      throw new IllegalArgumentException("roomId is null; a room call names the room it enters");
    }
    return new AuthExpectation(appId, openId, roomId, call);
  }

  /** Expects a voice-message buffer: any room id is accepted, as GME's voice messages have none. */
  public static AuthExpectation voiceMessage(long appId, String openId, String call) {
    return new AuthExpectation(appId, openId, null, call);
  }
}
