package dev.gmesim.core.internal.server;

import dev.gmesim.core.auth.AppCredentials;
import dev.gmesim.core.auth.AppKey;
import dev.gmesim.core.auth.AuthBufferChecker;
import dev.gmesim.core.auth.AuthCheck;
import dev.gmesim.core.auth.AuthExpectation;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Call;
import dev.gmesim.core.internal.world.GmeWorld;
import dev.gmesim.core.internal.world.Outcome;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The apps the simulator knows (AppID to permission key) and the auth-buffer checks of both
 * channels. Checking is on for an AppID with a key and off for one without, so clients that pass
 * any bytes keep working until a key is configured. Keys are never logged, journaled or returned.
 */
public final class AuthGate {
  /** Where a refusal's field goes in a room reply's data and an HTTP reply's body. */
  public static final String ROOM_FIELD = "authField";
  /** The HTTP reply body's key for the refused field. */
  public static final String HTTP_FIELD = "auth_field";

  private final Map<String, AppKey> keys = new ConcurrentHashMap<>();

  /** A gate knowing {@code apps}; refuses an AppID given twice. */
  public AuthGate(List<AppCredentials> apps) {
    for (AppCredentials app : apps) {
      if (keys.putIfAbsent(app.appId(), app.key()) != null) {
        throw new IllegalArgumentException("AppID " + app.appId() + " is given twice; give each app once "
            + "(to rotate a key while running, use PUT /__admin/gme/apps/" + app.appId() + ")");
      }
    }
  }

  /** A refused buffer: the code to answer with, the reason for {@code error_info} and the field for the journal. */
  public record Refusal(GmeErrorCode code, String field, String reason) {
    /** Returns GME's {@code error_info}: the code's name, then the reason. */
    public String errorInfo() {
      return code.name() + ": " + reason;
    }

    /** Returns the journal's effect: which field, never the buffer or the key. */
    public String journalEffect() {
      return "reply (auth buffer: " + field + ")";
    }
  }

  /** Adds or replaces an app's key; returns whether it replaced one (a key rotation). */
  public boolean put(AppCredentials app) {
    return keys.put(app.appId(), app.key()) != null;
  }

  /** Forgets an app's key (checking goes off for it); returns whether it was known. */
  public boolean remove(String appId) {
    return keys.remove(appId) != null;
  }

  /** Returns the AppIDs with keys, sorted numerically; never the keys. */
  public List<String> appIds() {
    return keys.keySet().stream().sorted((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b))).toList();
  }

  /**
   * EnterRoom, after the world began the entry: refuses a bad buffer with 7006 and ends the entry;
   * empty when the buffer passes or the app has no key.
   */
  public Optional<Outcome> refuseEnter(GmeWorld world, String sessionId, long requestId, Call call, String base64,
      long nowEpochSeconds) {
    Optional<Outcome> refused = room(call, "EnterRoom", base64, nowEpochSeconds);
    refused.ifPresent(r -> world.abortEnter(sessionId, requestId));
    return refused;
  }

  /**
   * SwitchRoom: refuses a bad buffer with 7006, leaving the member where it was; only when the world
   * would move it (in a room, another target), so its own errors (1201, 1003) come first as in GME.
   */
  public Optional<Outcome> refuseSwitch(GmeWorld world, String sessionId, Call call, String base64,
      long nowEpochSeconds) {
    Optional<String> current = world.roomOf(sessionId);
    if (current.isEmpty() || current.get().equals(call.roomId())) {
      return Optional.empty();
    }
    return room(call, "SwitchRoom", base64, nowEpochSeconds);
  }

  /**
   * A voice-message call over HTTP: refuses a bad buffer with the operation's sign-check code (8194
   * upload, 12290 download, 32776 speech-to-text and streaming); empty for other operations, a
   * passing buffer, or an app without a key. A missing buffer is left to the mappings (8200, ...).
   */
  public Optional<Refusal> checkVoice(Operation op, String appId, String openId, String base64,
      long nowEpochSeconds) {
    GmeErrorCode code = switch (op) {
      case PTT_UPLOAD -> GmeErrorCode.QAVPTTERROR_UPLOAD_SIGN_CHECK_FAIL;
      case PTT_DOWNLOAD -> GmeErrorCode.QAVPTTERROR_DOWNLOAD_SIGN_CHECK_FAIL;
      case PTT_SPEECH_TO_TEXT, PTT_STREAMING_RECOGNITION -> GmeErrorCode.QAVPTTERROR_S2T_SIGN_CHECK_FAIL;
      default -> null;
    };
    AppKey key = appId == null ? null : keys.get(appId);
    if (code == null || key == null || openId == null || base64 == null) {
      return Optional.empty();
    }
    AuthExpectation expected = AuthExpectation.voiceMessage(Long.parseLong(appId), openId, callName(op));
    return check(code, key, base64, expected, nowEpochSeconds);
  }

  /** Returns the journal effect for a world outcome: names the refused field when the gate refused it. */
  public static String journalEffect(Outcome out) {
    Object field = out.data().get(ROOM_FIELD);
    return field == null ? "reply" : "reply (auth buffer: " + field + ")";
  }

  private Optional<Outcome> room(Call call, String callName, String base64, long nowEpochSeconds) {
    AppKey key = call.appId() == null ? null : keys.get(call.appId());
    if (key == null || call.openId() == null || call.roomId() == null) {
      return Optional.empty();
    }
    AuthExpectation expected = AuthExpectation.room(Long.parseLong(call.appId()), call.openId(), call.roomId(),
        callName);
    return check(GmeErrorCode.AV_ERR_AUTH_FIALD, key, base64 == null ? "" : base64, expected, nowEpochSeconds)
        .map(r -> new Outcome(r.code().value(), r.errorInfo(), Map.of(ROOM_FIELD, r.field()), List.of(), -1));
  }

  private static Optional<Refusal> check(GmeErrorCode code, AppKey key, String base64, AuthExpectation expected,
      long nowEpochSeconds) {
    byte[] buffer;
    try {
      buffer = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      return Optional.of(new Refusal(code, "buffer", "auth buffer is not base64 (" + base64.length()
          + " characters); send the buffer's bytes base64-encoded"));
    }
    AuthCheck c = AuthBufferChecker.check(buffer, key, expected, Instant.ofEpochSecond(nowEpochSeconds));
    return c.accepted() ? Optional.empty() : Optional.of(new Refusal(code, c.field().wireName(), c.reason()));
  }

  private static String callName(Operation op) {
    return switch (op) {
      case PTT_UPLOAD -> "UploadRecordedFile";
      case PTT_DOWNLOAD -> "DownloadRecordedFile";
      case PTT_SPEECH_TO_TEXT -> "SpeechToText";
      default -> "StartRecordingWithStreamingRecognition";
    };
  }
}
