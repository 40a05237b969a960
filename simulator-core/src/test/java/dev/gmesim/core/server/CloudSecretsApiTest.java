package dev.gmesim.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server-API keys over the control API: token-guarded, SecretIds listed, a SecretKey never echoed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CloudSecretsApiTest {
  static final String TOKEN = "cloud-secrets-token-0123456789";
  static final String KEY = "cloud-secret-key-never-echoed";

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
  void putListAndDeleteAKeyWithoutEverEchoingIt() {
    ControlHttp.Reply put = http.send("PUT", "cloud-secrets/AKIDapi0001", "application/json",
        "{\"secretKey\":\"" + KEY + "\"}");
    assertThat(put.status()).isEqualTo(201);
    assertThat(put.json().path("secretId").asText()).isEqualTo("AKIDapi0001");
    assertThat(put.json().toString()).doesNotContain(KEY);
    ControlHttp.Reply list = http.get("cloud-secrets");
    assertThat(list.json().path("secrets").get(0).path("secretId").asText()).isEqualTo("AKIDapi0001");
    assertThat(list.json().toString()).doesNotContain(KEY);
    assertThat(sim.cloudSecretIds()).containsExactly("AKIDapi0001");
    assertThat(http.delete("cloud-secrets/AKIDapi0001").status()).isEqualTo(200);
    assertThat(http.delete("cloud-secrets/AKIDapi0001").status()).isEqualTo(404);
    assertThat(sim.cloudSecretIds()).isEmpty();
  }

  @Test
  void theRoutesNeedTheToken() {
    ControlHttp anonymous = ControlHttp.to(sim);
    assertThat(anonymous.send("PUT", "cloud-secrets/AKIDapi0001", "application/json",
        "{\"secretKey\":\"" + KEY + "\"}").status()).isEqualTo(401);
    assertThat(anonymous.get("cloud-secrets").status()).isEqualTo(401);
    assertThat(anonymous.delete("cloud-secrets/AKIDapi0001").status()).isEqualTo(401);
    assertThat(sim.cloudSecretIds()).isEmpty();
  }

  @Test
  void aBadKeyIsRefusedWithoutShowingIt() {
    String bad = "tab\tinside-the-key";
    ControlHttp.Reply reply = http.send("PUT", "cloud-secrets/AKIDapi0001", "application/json",
        "{\"secretKey\":\"tab\\tinside-the-key\"}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("field").asText()).isEqualTo("secretKey");
    assertThat(reply.json().toString()).doesNotContain("inside-the-key").doesNotContain(bad);
  }
}
