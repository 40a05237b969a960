package dev.gmesim.core.internal.cloud;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TencentCloud's TC3-HMAC-SHA256 request signature, written from the API 3.0 "Signature v3" page:
 * canonical request, string to sign, the key chain {@code TC3+key -> date -> service -> tc3_request}.
 */
public final class Tc3 {
  /** The algorithm name, the first word of the Authorization header. */
  public static final String ALGORITHM = "TC3-HMAC-SHA256";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();

  private Tc3() {}

  /** Returns the UTC date {@code yyyy-MM-dd} of a Unix timestamp, the scope's date. */
  public static String date(long timestamp) {
    return DATE.format(Instant.ofEpochSecond(timestamp));
  }

  /**
   * Returns the signature (lowercase hex) of a POST to {@code /} with an empty query.
   *
   * @param header the value of a signed header by lowercase name, or null
   * @param signedHeaders the lowercase names of the signed headers, in the order signed
   * @param payloadHash hex SHA-256 of the body
   */
  public static String signature(String secretKey, long timestamp, String scopeDate, String service,
      Function<String, String> header, List<String> signedHeaders, String payloadHash) {
    StringBuilder canonical = new StringBuilder("POST\n/\n\n");
    for (String h : signedHeaders) {
      String v = header.apply(h);
      canonical.append(h).append(':').append(v == null ? "" : v.trim().toLowerCase(java.util.Locale.ROOT)).append('\n');
    }
    canonical.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash);
    String scope = scopeDate + "/" + service + "/tc3_request";
    String toSign = ALGORITHM + "\n" + timestamp + "\n" + scope + "\n" + sha256Hex(canonical.toString());
    byte[] kDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), scopeDate);
    byte[] kService = hmac(kDate, service);
    byte[] kSigning = hmac(kService, "tc3_request");
    return HEX.formatHex(hmac(kSigning, toSign));
  }

  /**
   * Returns the Authorization header value for a JSON body signed over {@code content-type;host}, as
   * the official SDKs sign it; for tests and tools.
   */
  public static String authorization(String secretId, String secretKey, String host, String contentType, byte[] body,
      long timestamp, String service) {
    String date = date(timestamp);
    Map<String, String> headers = Map.of("content-type", contentType, "host", host);
    String sig = signature(secretKey, timestamp, date, service, headers::get, List.of("content-type", "host"),
        sha256Hex(body));
    return ALGORITHM + " Credential=" + secretId + "/" + date + "/" + service + "/tc3_request, SignedHeaders="
        + "content-type;host, Signature=" + sig;
  }

  /** Returns the lowercase hex SHA-256 of UTF-8 text. */
  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the lowercase hex SHA-256 of bytes. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  /** Compares two signatures in constant time. */
  static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no HmacSHA256", e);
    }
  }
}
