package dev.gmesim.junit5;

import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.gme.v20180711.GmeClient;
import dev.gmesim.core.cloud.CloudApi;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where a game backend under test reaches GME's server API (TencentCloud API 3.0) on the simulator,
 * the key to sign with, and the test's tag. Ask for it as a parameter and hand the backend a client
 * built from it, so that every request carries the test's tag and only this test's
 * {@link InjectGmeServerError} faults apply to it:
 *
 * <pre>{@code
 * @Test
 * @InjectGmeServerError(value = "RequestLimitExceeded", actions = "DescribeRoomInfo", times = 1)
 * void aThrottledRoomQueryIsRetried(GmeCloudApi api) throws Exception {
 *   GmeClient gme = api.gmeClient();          // or new GmeClient(credential, "", api.clientProfile())
 *   RoomService rooms = new RoomService(gme);  // the backend under test
 *   assertThat(rooms.members("lobby")).isEmpty();
 * }
 * }</pre>
 *
 * <p>{@link #gmeClient()} and {@link #clientProfile()} need Tencent's {@code tencentcloud-sdk-java}
 * 3.1.1239 or later on the test classpath (they add the header with {@code HttpProfile.setHttpClient});
 * with an older SDK or another client, send {@link #headers()} with each request, e.g.
 * {@code request.SetHeader(api.headers())}. With {@code @GmeSimulatorTest(cloudSecret = "SECRETID:SECRETKEY")}
 * (or the builder's {@code cloudSecret}) the simulator checks signatures with that key and this record
 * carries it; without one, any signature passes and {@link #secretId()} and {@link #secretKey()} are
 * placeholders a client needs to sign at all.
 *
 * @param endpoint {@code host:port} of the server API, for {@code HttpProfile.setEndpoint}
 * @param baseUri {@code http://host:port/}, for clients in other languages
 * @param secretId the SecretId to sign with
 * @param secretKey the SecretKey to sign with
 * @param tag the test's tag, sent in {@code X-Gme-Tag}; null outside a test (in {@code @BeforeAll}),
 *     where a client's requests match only rules without a tag
 * @since 0.1
 */
public record GmeCloudApi(String endpoint, URI baseUri, String secretId, String secretKey, String tag) {
  /** The placeholder SecretId of a simulator without keys. */
  public static final String ANY_SECRET_ID = "AKIDgmesimulator";
  /** The placeholder SecretKey of a simulator without keys. */
  public static final String ANY_SECRET_KEY = "any-key-passes";

  /** Checks every field but the tag is present. */
  public GmeCloudApi {
    Objects.requireNonNull(endpoint, "GmeCloudApi: endpoint is null");
    Objects.requireNonNull(baseUri, "GmeCloudApi: baseUri is null");
    Objects.requireNonNull(secretId, "GmeCloudApi: secretId is null");
    Objects.requireNonNull(secretKey, "GmeCloudApi: secretKey is null");
  }

  /** Returns the headers that scope a request to this test ({@code X-Gme-Tag}), empty outside a test. */
  public Map<String, String> headers() {
    return tag == null ? Map.of() : Map.of(CloudApi.TAG_HEADER, tag);
  }

  /**
   * Returns a new profile for the official client: this endpoint over plain HTTP, every request
   * carrying the test's tag, the SDK's own timeouts (connect 60 s, read none).
   */
  public ClientProfile clientProfile() {
    return clientProfile(Duration.ZERO);
  }

  /**
   * Returns {@link #clientProfile()} with this read timeout ({@link Duration#ZERO} for none). Set it
   * here: the profile's own HTTP client ignores a later {@code HttpProfile.setReadTimeout}.
   */
  public ClientProfile clientProfile(Duration readTimeout) {
    Objects.requireNonNull(readTimeout, "GmeCloudApi.clientProfile: readTimeout is null; pass Duration.ZERO for none");
    if (readTimeout.isNegative()) {
      throw new IllegalArgumentException("GmeCloudApi.clientProfile: readTimeout " + readTimeout
          + " is negative; pass a positive duration, or Duration.ZERO for none");
    }
    try {
      return TencentCloudClients.profile(this, readTimeout);
    } catch (NoClassDefFoundError | NoSuchMethodError e) {
      throw missingSdk("clientProfile()", e);
    }
  }

  /** Returns a new official {@link GmeClient} signed with this key, on {@link #clientProfile()}. */
  public GmeClient gmeClient() {
    try {
      return TencentCloudClients.client(this, TencentCloudClients.profile(this, Duration.ZERO));
    } catch (NoClassDefFoundError | NoSuchMethodError e) {
      throw missingSdk("gmeClient()", e);
    }
  }

  private static IllegalStateException missingSdk(String method, LinkageError e) {
    return new IllegalStateException("GmeCloudApi." + method + " needs com.tencentcloudapi:tencentcloud-sdk-java"
        + " 3.1.1239 or later on the test classpath (" + e + "); with another client, send headers() with each"
        + " request instead", e);
  }

  /** Hides the key. */
  @Override
  public String toString() {
    return "GmeCloudApi[" + endpoint + ", " + secretId + ", key hidden, tag " + tag + "]";
  }

  static GmeCloudApi of(GmeEndpoints endpoints, dev.gmesim.core.cloud.CloudSecret secret, String tag) {
    URI http = endpoints.http();
    String endpoint = http.getHost() + ":" + http.getPort();
    return secret == null ? new GmeCloudApi(endpoint, http.resolve("/"), ANY_SECRET_ID, ANY_SECRET_KEY, tag)
        : new GmeCloudApi(endpoint, http.resolve("/"), secret.secretId(), secret.reveal(), tag);
  }
}
