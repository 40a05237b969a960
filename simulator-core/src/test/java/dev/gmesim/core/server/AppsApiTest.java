package dev.gmesim.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gmesim.core.auth.AppKey;
import dev.gmesim.core.auth.AuthBufferGenerator;
import dev.gmesim.core.remote.GmeSimulatorClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Apps over the control API (token-guarded, keys never echoed) and the checks as a harness in
 * another language sees them: raw room-protocol frames and plain HTTP.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AppsApiTest {
  static final String TOKEN = "apps-api-token-0123456789";
  static final String KEY = "0123456789abcdef";

  GmeSimulator sim;
  ControlHttp http;

  @BeforeEach
  void start() {
    sim = GmeSimulator.builder().adminToken(TOKEN).start();
    http = ControlHttp.to(sim).withAuthorization("Bearer " + TOKEN);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void putListAndDeleteAnAppWithoutEverEchoingItsKey() {
    ControlHttp.Reply put = http.send("PUT", "apps/1400000000", "application/json", "{\"key\":\"" + KEY + "\"}");
    assertThat(put.status()).isEqualTo(201);
    assertThat(put.body()).doesNotContain(KEY).contains("\"replaced\":false");
    assertThat(http.send("PUT", "apps/1400000000", "application/json", "{\"key\":\"fedcba9876543210\"}").json()
        .path("replaced").asBoolean()).isTrue();
    ControlHttp.Reply list = http.get("apps");
    assertThat(list.json().path("apps").get(0).path("appId").asText()).isEqualTo("1400000000");
    assertThat(list.body()).doesNotContain(KEY, "fedcba9876543210", "key");
    assertThat(http.delete("apps/1400000000").status()).isEqualTo(200);
    assertThat(http.delete("apps/1400000000").status()).isEqualTo(404);
    assertThat(sim.apps()).isEmpty();
  }

  @Test
  void theAppsRoutesNeedTheToken() {
    ControlHttp anonymous = ControlHttp.to(sim);
    assertThat(anonymous.send("PUT", "apps/1400000000", "application/json", "{\"key\":\"" + KEY + "\"}").status())
        .isEqualTo(401);
    assertThat(anonymous.get("apps").status()).isEqualTo(401);
    assertThat(sim.apps()).isEmpty();
  }

  @Test
  void badAppsAreRefusedNamingTheValueButNotTheKey() {
    ControlHttp.Reply shortKey = http.send("PUT", "apps/1400000000", "application/json", "{\"key\":\"hunter2\"}");
    assertThat(shortKey.status()).isEqualTo(400);
    assertThat(shortKey.json().path("field").asText()).isEqualTo("key");
    assertThat(shortKey.body()).contains("7 bytes").doesNotContain("hunter2");
    ControlHttp.Reply notANumber = http.send("PUT", "apps/my-game", "application/json", "{\"key\":\"" + KEY + "\"}");
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(notANumber.body()).contains("AppID 'my-game' is not a number").doesNotContain(KEY);
    ControlHttp.Reply broken = http.send("PUT", "apps/1400000000", "application/json", "{\"key\":\"" + KEY);
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.body()).doesNotContain(KEY);
    ControlHttp.Reply extra = http.send("PUT", "apps/1400000000", "application/json",
        "{\"key\":\"" + KEY + "\",\"secret\":1}");
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.body()).contains("unknown field 'secret'").doesNotContain(KEY);
    // The simulator keeps serving.
    assertThat(http.get("health").status()).isEqualTo(200);
  }

  @Test
  void theRemoteClientReadsLikeTheEmbeddedSimulator() {
    GmeSimulatorClient client = GmeSimulatorClient.connect(sim.httpBaseUri(), TOKEN);
    assertThat(client.addApp("1400000000", KEY)).isFalse();
    assertThat(client.addApp("1400000000", KEY)).isTrue();
    assertThat(client.apps()).containsExactly("1400000000");
    assertThat(sim.apps()).containsExactly("1400000000");
    assertThatThrownBy(() -> client.addApp("1400000001", "too-short"))
        .hasMessageContaining("9 bytes").hasMessageNotContaining("too-short");
    assertThat(client.removeApp("1400000000")).isTrue();
    assertThat(client.removeApp("1400000000")).isFalse();
  }

  @Test
  void aRawRoomClientGets7006WithTheFieldInTheReply() throws Exception {
    sim.addApp("1400000000", KEY);
    String wrongRoom = Base64.getEncoder().encodeToString(AuthBufferGenerator.roomBuffer(1400000000L, "lobby-2",
        "py-1", AppKey.of(KEY), Instant.now().plusSeconds(300)));
    try (RawClient raw = new RawClient(sim.roomAddress())) {
      raw.sendJson("{\"id\":1,\"op\":\"HELLO\",\"args\":{\"version\":1}}");
      raw.readReply();
      raw.sendJson("{\"id\":2,\"op\":\"INIT\",\"args\":{\"appId\":\"1400000000\",\"openId\":\"py-1\"}}");
      assertThat(raw.readReply().path("result").asInt()).isZero();
      raw.sendJson("{\"id\":3,\"op\":\"ENTER_ROOM\",\"args\":{\"roomId\":\"lobby\",\"roomType\":1,\"authBuffer\":\""
          + wrongRoom + "\"}}");
      JsonNode r = raw.readReply();
      assertThat(r.path("result").asInt()).isEqualTo(7006);
      assertThat(r.path("errorInfo").asText()).contains("auth buffer is for room 'lobby-2', EnterRoom asked for 'lobby'");
      assertThat(r.path("data").path("authField").asText()).isEqualTo("roomId");
    }
  }

  @Test
  void aPlainHttpClientGets8194WithTheFieldInTheBody() throws Exception {
    sim.addApp("1400000000", KEY);
    String otherPlayer = Base64.getEncoder().encodeToString(AuthBufferGenerator.voiceMessageBuffer(1400000000L,
        "py-2", AppKey.of(KEY), Instant.now().plusSeconds(300)));
    HttpResponse<String> up = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            sim.httpBaseUri().resolve("/gme/ptt/v1/upload"))
        .header("X-Gme-AppId", "1400000000").header("X-Gme-OpenId", "py-1").header("X-Gme-AuthBuffer", otherPlayer)
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {7, 7, 7})).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(up.statusCode()).isEqualTo(401);
    JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(up.body());
    assertThat(body.path("result").asInt()).isEqualTo(8194);
    assertThat(body.path("auth_field").asText()).isEqualTo("openId");
    assertThat(body.path("error_info").asText()).contains("auth buffer is for OpenID 'py-2', Init was called with 'py-1'");
  }
}
