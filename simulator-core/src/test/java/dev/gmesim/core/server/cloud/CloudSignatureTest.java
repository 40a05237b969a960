package dev.gmesim.core.server.cloud;

import static dev.gmesim.core.server.cloud.CloudRoomActionsTest.code;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoRequest;
import dev.gmesim.core.cloud.CloudSecret;
import dev.gmesim.core.internal.cloud.Tc3;
import dev.gmesim.core.server.GmeSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TC3-HMAC-SHA256 checks as the official Java client signs, and a hand-signed request as the Go SDK scopes it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CloudSignatureTest {
  static final CloudSecret KEY = CloudSecret.of("AKIDsimulatorTest0001", "the-right-secret-key");
  static GmeSimulator sim;

  @BeforeAll
  static void start() {
    sim = GmeSimulator.builder().cloudSecret(KEY).start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static DescribeRoomInfoRequest request() {
    DescribeRoomInfoRequest req = new DescribeRoomInfoRequest();
    req.setSdkAppId(1400000000L);
    req.setStrRoomIds(new String[] {"lobby"});
    return req;
  }

  @Test
  void theRightKeyPasses() throws Exception {
    assertThat(CloudClients.client(sim, KEY.secretId(), KEY.reveal()).DescribeRoomInfo(request()).getResult()).isZero();
  }

  @Test
  void aWrongKeyIsSignatureFailure() {
    assertThat(code(() -> CloudClients.client(sim, KEY.secretId(), "a-wrong-key").DescribeRoomInfo(request())))
        .isEqualTo("AuthFailure.SignatureFailure");
  }

  @Test
  void anUnknownSecretIdIsSecretIdNotFound() {
    assertThat(code(() -> CloudClients.client(sim, "AKIDnobody", KEY.reveal()).DescribeRoomInfo(request())))
        .isEqualTo("AuthFailure.SecretIdNotFound");
  }

  @Test
  void sixMinutesOfSkewIsSignatureExpire() throws Exception {
    long skewed = System.currentTimeMillis() / 1000 - 360;
    HttpResponse<String> res = post(skewed, "gme", KEY.reveal(), "{\"SdkAppId\":1400000000,\"StrRoomIds\":[\"lobby\"]}");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).contains("\"Code\":\"AuthFailure.SignatureExpire\"").contains("RequestId");
    // The official client against a simulator whose clock runs six minutes ahead of the client's.
    try (GmeSimulator ahead = GmeSimulator.builder().cloudSecret(KEY)
        .cloudClock(java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(6))).start()) {
      assertThat(code(() -> CloudClients.client(ahead, KEY.secretId(), KEY.reveal()).DescribeRoomInfo(request())))
          .isEqualTo("AuthFailure.SignatureExpire");
    }
  }

  @Test
  void aHandSignedRequestScopedToGmeAsTheGoSdkDoesPasses() throws Exception {
    HttpResponse<String> res = post(System.currentTimeMillis() / 1000, "gme", KEY.reveal(),
        "{\"SdkAppId\":1400000000,\"StrRoomIds\":[\"lobby\"]}");
    assertThat(res.body()).contains("\"Result\":0").doesNotContain("Error");
  }

  @Test
  void aMalformedAuthorizationIsInvalidAuthorization() throws Exception {
    HttpResponse<String> res = HttpClient.newHttpClient().send(base()
        .header("Authorization", "TC3-HMAC-SHA256 Credential=broken")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(res.body()).contains("AuthFailure.InvalidAuthorization").doesNotContain(KEY.reveal());
  }

  static HttpRequest.Builder base() {
    return HttpRequest.newBuilder(URI.create("http://" + sim.cloudEndpoint() + "/"))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("X-TC-Action", "DescribeRoomInfo")
        .header("X-TC-Version", "2018-07-11")
        .header("X-TC-Timestamp", Long.toString(System.currentTimeMillis() / 1000));
  }

  static HttpResponse<String> post(long timestamp, String service, String secretKey, String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String auth = Tc3.authorization(KEY.secretId(), secretKey, sim.cloudEndpoint(), "application/json; charset=utf-8",
        bytes, timestamp, service);
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + sim.cloudEndpoint() + "/"))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("X-TC-Action", "DescribeRoomInfo")
        .header("X-TC-Version", "2018-07-11")
        .header("X-TC-Timestamp", Long.toString(timestamp))
        .header("Authorization", auth)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
  }
}
