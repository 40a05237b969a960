package dev.gmesim.core.cloud;

import java.util.Objects;

/**
 * A TencentCloud API key (SecretId and SecretKey) the simulator accepts on its server API: once one
 * is configured, every request must be signed with a configured key (TC3-HMAC-SHA256). The key is
 * never logged, journaled or shown by {@link #toString()}.
 *
 * <pre>{@code
 * CloudSecret key = CloudSecret.of("AKIDsimulator0000000001", "simulator-secret-key");
 * GmeSimulator sim = GmeSimulator.builder().cloudSecret(key).start();
 * Credential cred = new Credential(key.secretId(), key.reveal());   // for the official GmeClient
 * }</pre>
 *
 * @since 0.1
 */
public final class CloudSecret {
  private final String secretId;
  private final String secretKey;

  private CloudSecret(String secretId, String secretKey) {
    this.secretId = secretId;
    this.secretKey = secretKey;
  }

  /**
   * Returns a key; the SecretId must be 1 to 128 printable ASCII characters without spaces, commas,
   * slashes or equals signs (it sits in the Authorization header), the SecretKey 1 to 256 printable
   * ASCII characters.
   */
  public static CloudSecret of(String secretId, String secretKey) {
    if (secretId == null || secretId.isEmpty() || secretId.length() > 128 || !secretId.matches("[\\x21-\\x7e&&[^,/=]]+")) {
      throw new IllegalArgumentException("SecretId '" + (secretId == null ? "null" : printable(secretId))
          + "' is not 1 to 128 printable ASCII characters without spaces, ',', '/' or '='; pass one like AKIDsimulator0001");
    }
    if (secretKey == null || secretKey.isEmpty() || secretKey.length() > 256 || !secretKey.matches("[\\x20-\\x7e]+")) {
      throw new IllegalArgumentException("the SecretKey of SecretId " + secretId
          + " is not 1 to 256 printable ASCII characters; pass a key like simulator-secret-key (its value is never shown)");
    }
    return new CloudSecret(secretId, secretKey);
  }

  /**
   * Parses {@code SecretId:SecretKey}, the form of the CLI flag {@code --cloud-secret} and the
   * variable {@code GMESIM_CLOUD_SECRETS}; the message of a refusal never shows the key.
   */
  public static CloudSecret parse(String idColonKey) {
    int colon = idColonKey == null ? -1 : idColonKey.indexOf(':');
    if (colon <= 0 || colon == idColonKey.length() - 1) {
      throw new IllegalArgumentException("cloud secret is not SecretId:SecretKey (got "
          + (idColonKey == null ? "null" : idColonKey.length() + " characters") + "); pass e.g. AKIDsimulator0001:my-secret-key");
    }
    return of(idColonKey.substring(0, colon), idColonKey.substring(colon + 1));
  }

  /** Returns the SecretId (public: it travels in every request's Authorization header). */
  public String secretId() {
    return secretId;
  }

  /** Returns the SecretKey, for building a client's credential; never log it. */
  public String reveal() {
    return secretKey;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CloudSecret c && c.secretId.equals(secretId) && c.secretKey.equals(secretKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secretId, secretKey);
  }

  /** Shows the SecretId only. */
  @Override
  public String toString() {
    return "CloudSecret[" + secretId + ", key hidden]";
  }

  private static String printable(String s) {
    String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return cut.replaceAll("[^\\x21-\\x7e]", "?");
  }
}
