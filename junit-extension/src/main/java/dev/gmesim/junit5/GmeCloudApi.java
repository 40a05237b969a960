package dev.gmesim.junit5;

import java.net.URI;
import java.util.Objects;

/**
 * Where a game backend under test reaches GME's server API (TencentCloud API 3.0) on the simulator,
 * and the key to sign with. Ask for it as a parameter and build the official client from it:
 *
 * <pre>{@code
 * @Test
 * void kicksACheater(GmeCloudApi api) throws Exception {
 *   HttpProfile http = new HttpProfile();
 *   http.setEndpoint(api.endpoint());          // host:port, no scheme
 *   http.setProtocol(HttpProfile.REQ_HTTP);
 *   ClientProfile profile = new ClientProfile();
 *   profile.setHttpProfile(http);
 *   GmeClient gme = new GmeClient(new Credential(api.secretId(), api.secretKey()), "", profile);
 *   ...
 * }
 * }</pre>
 *
 * <p>With {@code @GmeSimulatorTest(cloudSecret = "SECRETID:SECRETKEY")} (or the builder's
 * {@code cloudSecret}) the simulator checks signatures with that key and this record carries it;
 * without one, any signature passes and {@link #secretId()} and {@link #secretKey()} are
 * placeholders a client needs to sign at all.
 *
 * @param endpoint {@code host:port} of the server API, for {@code HttpProfile.setEndpoint}
 * @param baseUri {@code http://host:port/}, for clients in other languages
 * @param secretId the SecretId to sign with
 * @param secretKey the SecretKey to sign with
 * @since 0.1
 */
public record GmeCloudApi(String endpoint, URI baseUri, String secretId, String secretKey) {
  /** The placeholder SecretId of a simulator without keys. */
  public static final String ANY_SECRET_ID = "AKIDgmesimulator";
  /** The placeholder SecretKey of a simulator without keys. */
  public static final String ANY_SECRET_KEY = "any-key-passes";

  /** Checks every field is present. */
  public GmeCloudApi {
    Objects.requireNonNull(endpoint, "GmeCloudApi: endpoint is null");
    Objects.requireNonNull(baseUri, "GmeCloudApi: baseUri is null");
    Objects.requireNonNull(secretId, "GmeCloudApi: secretId is null");
    Objects.requireNonNull(secretKey, "GmeCloudApi: secretKey is null");
  }

  /** Hides the key. */
  @Override
  public String toString() {
    return "GmeCloudApi[" + endpoint + ", " + secretId + ", key hidden]";
  }

  static GmeCloudApi of(GmeEndpoints endpoints, dev.gmesim.core.cloud.CloudSecret secret) {
    URI http = endpoints.http();
    String endpoint = http.getHost() + ":" + http.getPort();
    return secret == null ? new GmeCloudApi(endpoint, http.resolve("/"), ANY_SECRET_ID, ANY_SECRET_KEY)
        : new GmeCloudApi(endpoint, http.resolve("/"), secret.secretId(), secret.reveal());
  }
}
