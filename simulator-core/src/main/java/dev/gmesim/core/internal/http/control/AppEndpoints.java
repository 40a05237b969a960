package dev.gmesim.core.internal.http.control;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gmesim.core.api.internal.Wire;
import dev.gmesim.core.auth.AppCredentials;
import dev.gmesim.core.internal.server.AuthGate;

/**
 * {@code /__admin/gme/apps}: the apps whose auth buffers are checked. PUT sets (or rotates) a key,
 * GET lists AppIDs only, DELETE forgets one. A key is never echoed, logged or journaled: refusals
 * name the AppID and the key's length.
 */
final class AppEndpoints {
  private final AuthGate gate;

  AppEndpoints(AuthGate gate) {
    this.gate = gate;
  }

  /** GET /apps: the AppIDs with keys. */
  ResponseDefinition list(ApiRequest req) {
    req.query();
    return Replies.json(200, new Wire.Apps(gate.appIds().stream().map(Wire.App::new).toList()));
  }

  /** PUT /apps/{appId} with {@code {"key": "<16 bytes>"}}: 201 for a new app, 200 for a rotated key. */
  ResponseDefinition put(ApiRequest req) {
    req.query();
    String appId = appId(req);
    String key = SecretBody.read(req, "key", "<the app's 16-byte permission key>");
    AppCredentials app;
    try {
      app = AppCredentials.of(appId, key);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("key", e.getMessage());
    }
    boolean replaced = gate.put(app);
    return Replies.json(replaced ? 200 : 201, new Wire.AppPut(app.appId(), replaced));
  }

  /** DELETE /apps/{appId}: stops checking that app's buffers. */
  ResponseDefinition remove(ApiRequest req) {
    req.query();
    String appId = appId(req);
    if (!gate.remove(appId)) {
      throw ApiException.notFound("appId", "no app " + appId + " has a key; apps with keys: " + gate.appIds()
          + " (GET /__admin/gme/apps lists them)");
    }
    return Replies.json(200, new Wire.AppRemoved(1, appId));
  }

  private static String appId(ApiRequest req) {
    String raw = req.path("appId");
    try {
      return Long.toString(AppCredentials.numericAppId(raw));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("appId", e.getMessage());
    }
  }
}
