package dev.gmesim.core.internal.http.control;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gmesim.core.api.internal.Wire;
import dev.gmesim.core.cloud.CloudSecret;
import dev.gmesim.core.internal.cloud.Signatures;

/**
 * {@code /__admin/gme/cloud-secrets}: the server API's keys (TencentCloud SecretId and SecretKey).
 * PUT adds or replaces one, GET lists SecretIds only, DELETE forgets one. A SecretKey is never
 * echoed, logged or journaled: refusals name the SecretId only.
 */
final class CloudSecretEndpoints {

  private final Signatures signatures;

  CloudSecretEndpoints(Signatures signatures) {
    this.signatures = signatures;
  }

  /** GET /cloud-secrets: the SecretIds the server API accepts. */
  ResponseDefinition list(ApiRequest req) {
    req.query();
    return Replies.json(200, new Wire.Secrets(signatures.secretIds().stream().map(Wire.Secret::new).toList()));
  }

  /** PUT /cloud-secrets/{secretId} with {@code {"secretKey": "..."}}: 201 for a new key, 200 for a replaced one. */
  ResponseDefinition put(ApiRequest req) {
    req.query();
    String secretId = req.path("secretId");
    String key = SecretBody.read(req, "secretKey", "<the SecretKey>");
    CloudSecret secret;
    try {
      secret = CloudSecret.of(secretId, key);
    } catch (IllegalArgumentException e) {
      // CloudSecret's messages name the SecretId and never the key.
      throw ApiException.badRequest(e.getMessage().startsWith("SecretId") ? "secretId" : "secretKey", e.getMessage());
    }
    boolean replaced = signatures.put(secret);
    return Replies.json(replaced ? 200 : 201, new Wire.SecretPut(secret.secretId(), replaced));
  }

  /** DELETE /cloud-secrets/{secretId}: the server API stops accepting that key. */
  ResponseDefinition remove(ApiRequest req) {
    req.query();
    String secretId = req.path("secretId");
    if (!signatures.remove(secretId)) {
      throw ApiException.notFound("secretId", "no server-API key has SecretId " + secretId + "; known: "
          + signatures.secretIds() + " (GET /__admin/gme/cloud-secrets lists them)");
    }
    return Replies.json(200, new Wire.SecretRemoved(1, secretId));
  }
}
