package dev.gmesim.core.internal.cloud;

import static dev.gmesim.core.cloud.ApiErrorCode.AUTH_FAILURE_INVALID_AUTHORIZATION;
import static dev.gmesim.core.cloud.ApiErrorCode.AUTH_FAILURE_SECRET_ID_NOT_FOUND;
import static dev.gmesim.core.cloud.ApiErrorCode.AUTH_FAILURE_SIGNATURE_EXPIRE;
import static dev.gmesim.core.cloud.ApiErrorCode.AUTH_FAILURE_SIGNATURE_FAILURE;
import static dev.gmesim.core.cloud.ApiErrorCode.INVALID_PARAMETER;
import static dev.gmesim.core.cloud.ApiErrorCode.MISSING_PARAMETER;

import dev.gmesim.core.cloud.CloudApi;
import dev.gmesim.core.cloud.CloudSecret;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configured API keys and the TC3-HMAC-SHA256 check of each request. Without a key any request
 * passes (a malformed Authorization header is still refused); with one, a request must be signed by
 * a configured key, within five minutes of the simulator's wall clock (requests of a game's backend
 * belong to no SDK session, so no session clock applies). The scope's service may be {@code gme} (Go
 * SDK) or the Host's first dot-label (the Java SDK: {@code 127} for {@code 127.0.0.1:PORT}).
 * Keys are never logged, and messages never show them.
 */
public final class Signatures {
  /** The largest skew between X-TC-Timestamp and the simulator's clock, in seconds. */
  public static final long MAX_SKEW_SECONDS = 300;

  private static final Pattern AUTH = Pattern.compile(
      "TC3-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{4}-\\d{2}-\\d{2})/([^/,\\s]+)/tc3_request\\s*,\\s*"
          + "SignedHeaders=([a-z0-9;-]+)\\s*,\\s*Signature=([0-9a-f]{64})\\s*");

  private final Map<String, CloudSecret> secrets = new ConcurrentHashMap<>();
  private final LongSupplier nowSeconds;

  /** Creates the keys' store; {@code nowSeconds} is the clock skew is judged against. */
  public Signatures(List<CloudSecret> initial, LongSupplier nowSeconds) {
    this.nowSeconds = nowSeconds;
    initial.forEach(this::put);
  }

  /** Adds or replaces a key; returns whether one with this SecretId was replaced. */
  public boolean put(CloudSecret secret) {
    return secrets.put(secret.secretId(), secret) != null;
  }

  /** Removes a key by SecretId; returns whether it existed. */
  public boolean remove(String secretId) {
    return secretId != null && secrets.remove(secretId) != null;
  }

  /** Returns the configured SecretIds, sorted; never the keys. */
  public List<String> secretIds() {
    return secrets.keySet().stream().sorted().toList();
  }

  /**
   * Checks one request, throwing the API 3.0 failure GME would answer.
   *
   * @param header a request header by name (case-insensitive), or null
   * @param body the raw body
   */
  void check(Function<String, String> header, byte[] body) {
    String auth = header.apply("Authorization");
    if (auth == null || auth.isBlank()) {
      if (secrets.isEmpty()) {
        return;
      }
      throw new ApiFailure(AUTH_FAILURE_INVALID_AUTHORIZATION, "The Authorization header is missing; sign the "
          + "request with TC3-HMAC-SHA256 and one of the simulator's SecretIds (docs/server-api.md)");
    }
    Matcher m = AUTH.matcher(auth.trim());
    if (!m.matches()) {
      throw new ApiFailure(AUTH_FAILURE_INVALID_AUTHORIZATION, "The Authorization header is malformed; expected "
          + "'TC3-HMAC-SHA256 Credential=<SecretId>/<yyyy-MM-dd>/<service>/tc3_request, SignedHeaders=content-type;host, "
          + "Signature=<64 hex>' (docs/server-api.md)");
    }
    if (secrets.isEmpty()) {
      return;
    }
    String secretId = m.group(1);
    String scopeDate = m.group(2);
    String service = m.group(3);
    List<String> signed = Arrays.asList(m.group(4).split(";"));
    String signature = m.group(5);
    String ts = header.apply("X-TC-Timestamp");
    if (ts == null || ts.isBlank()) {
      throw new ApiFailure(MISSING_PARAMETER, "The request is missing a required parameter `Timestamp` "
          + "(header X-TC-Timestamp, Unix seconds)");
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(ts.trim());
    } catch (NumberFormatException e) {
      throw new ApiFailure(INVALID_PARAMETER, "X-TC-Timestamp '" + ts + "' is not Unix seconds; send e.g. "
          + nowSeconds.getAsLong());
    }
    long now = nowSeconds.getAsLong();
    if (Math.abs(now - timestamp) > MAX_SKEW_SECONDS) {
      throw new ApiFailure(AUTH_FAILURE_SIGNATURE_EXPIRE, "Signature expired: X-TC-Timestamp " + timestamp
          + " and the server time " + now + " differ by " + Math.abs(now - timestamp)
          + " s, more than 300 s; sign with the current time");
    }
    CloudSecret secret = secrets.get(secretId);
    if (secret == null) {
      throw new ApiFailure(AUTH_FAILURE_SECRET_ID_NOT_FOUND, "SecretId " + secretId + " is not configured on this "
          + "simulator; use one of " + secretIds() + " (builder cloudSecret, GmeSimulator.addCloudSecret, --cloud-secret)");
    }
    if (!signed.contains("host") || !signed.contains("content-type")) {
      throw new ApiFailure(AUTH_FAILURE_SIGNATURE_FAILURE, "SignedHeaders " + m.group(4)
          + " must include content-type and host");
    }
    if (!scopeDate.equals(Tc3.date(timestamp))) {
      throw new ApiFailure(AUTH_FAILURE_SIGNATURE_FAILURE, "The credential scope's date " + scopeDate
          + " is not the UTC date of X-TC-Timestamp (" + Tc3.date(timestamp) + ")");
    }
    String host = header.apply("Host");
    String hostLabel = host == null ? "" : host.split("\\.", 2)[0];
    if (!service.equals(CloudApi.SERVICE) && !service.equals(hostLabel)) {
      throw new ApiFailure(AUTH_FAILURE_SIGNATURE_FAILURE, "The credential scope's service '" + service
          + "' is neither gme nor the Host's first label '" + hostLabel + "'");
    }
    String payload = header.apply("X-TC-Content-SHA256");
    String payloadHash = "UNSIGNED-PAYLOAD".equals(payload) ? Tc3.sha256Hex("UNSIGNED-PAYLOAD") : Tc3.sha256Hex(body);
    String expected = Tc3.signature(secret.reveal(), timestamp, scopeDate, service,
        name -> header.apply(name.toLowerCase(Locale.ROOT)), signed, payloadHash);
    if (!Tc3.same(expected, signature)) {
      throw new ApiFailure(AUTH_FAILURE_SIGNATURE_FAILURE, "The signature does not match the request signed with "
          + "SecretId " + secretId + "'s key; check the key, and sign the exact body and the Host and Content-Type sent");
    }
  }
}
