package dev.gmesim.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may use the control API: loopback by default, a bearer token beyond it, never a stranger. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdminAuthTest {
  static final String TOKEN = "s3cr3t-t0ken-0123456789abcdef";
  static final String WRONG = "wr0ng-t0ken-0123456789abcdefgh";

  @Nested
  class AtStartup {

    @Test
    void aNonLoopbackBindWithoutATokenIsRefusedNamingTheFix() throws Exception {
      InetAddress any = InetAddress.getByName("0.0.0.0");
      assertThatThrownBy(() -> GmeSimulator.builder().bindAddress(any).start())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("bindAddress 0.0.0.0 is not loopback")
          .hasMessageContaining("adminToken(...)")
          .hasMessageContaining("--admin-token")
          .hasMessageContaining("insecureAdmin(true)");
    }

    @Test
    void aTokenAndTheInsecureOptOutTogetherAreRefused() {
      assertThatThrownBy(() -> GmeSimulator.builder().adminToken(TOKEN).insecureAdmin(true).start())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("contradict");
    }

    @Test
    void aShortTokenIsRefusedWithoutEchoingIt() {
      assertThatThrownBy(() -> GmeSimulator.builder().adminToken("hunter2"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("7 characters; use at least 16")
          .hasMessageNotContaining("hunter2");
    }

    @Test
    void aTokenWithSpacesIsRefusedWithoutEchoingIt() {
      String spaced = "correct horse battery staple";
      assertThatThrownBy(() -> GmeSimulator.builder().adminToken(spaced))
          .hasMessageContaining("position 8")
          .hasMessageNotContaining("horse");
    }

    @Test
    void theInsecureOptOutOnLoopbackLeavesTheApiOpenAndSaysSo() {
      try (GmeSimulator sim = GmeSimulator.builder().insecureAdmin(true).start()) {
        assertThat(sim.adminAccess()).isEqualTo("insecure");
        assertThat(ControlHttp.to(sim).get("settings").json().path("admin").asText()).isEqualTo("insecure");
      }
    }
  }

  @Nested
  class WithAToken {
    static GmeSimulator sim;
    static ControlHttp anonymous;

    @BeforeAll
    static void start() {
      sim = GmeSimulator.builder().adminToken(TOKEN).start();
      anonymous = ControlHttp.to(sim);
    }

    @AfterAll
    static void stop() {
      sim.close();
    }

    /** Every control route with a request that succeeds when authorized. */
    static Stream<String[]> routes() {
      return Stream.of(
          new String[] {"GET", "catalog", null},
          new String[] {"GET", "faults", null},
          new String[] {"POST", "faults", "{\"id\":\"auth-probe\",\"operations\":[\"PTT_PLAY\"],\"error\":4101}"},
          new String[] {"GET", "faults/auth-probe", null},
          new String[] {"DELETE", "faults/auth-probe", null},
          new String[] {"DELETE", "faults", null},
          new String[] {"GET", "journal", null},
          new String[] {"GET", "rooms", null},
          new String[] {"POST", "reset", null},
          new String[] {"GET", "settings", null},
          new String[] {"GET", "metrics", null});
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void eachRouteRefusesAMissingOrWrongTokenAndServesTheRightOne(String method, String path, String body) {
      String type = body == null ? null : "application/json";
      ControlHttp.Reply missing = anonymous.send(method, path, type, body);
      assertThat(missing.status()).isEqualTo(401);
      assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
          .startsWith("Bearer"));
      assertThat(missing.json().path("field").asText()).isEqualTo("Authorization");
      assertThat(missing.json().path("message").asText()).contains("missing Authorization header")
          .contains("--admin-token");

      ControlHttp.Reply wrong = anonymous.withAuthorization("Bearer " + WRONG).send(method, path, type, body);
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.json().path("message").asText()).contains("does not match");
      assertThat(wrong.body()).doesNotContain(WRONG).doesNotContain(TOKEN);

      ControlHttp.Reply right = anonymous.withAuthorization("Bearer " + TOKEN).send(method, path, type, body);
      assertThat(right.status()).as(right.body()).isBetween(200, 299);
      assertThat(right.body()).doesNotContain(TOKEN);
    }

    @Test
    void healthStaysOpenForContainerHealthChecks() {
      ControlHttp.Reply health = anonymous.get("health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void theSchemeIsCaseInsensitiveButMustBeBearer() {
      assertThat(anonymous.withAuthorization("bearer " + TOKEN).get("settings").status()).isEqualTo(200);
      ControlHttp.Reply basic = anonymous.withAuthorization("Basic dXNlcjpwYXNz").get("settings");
      assertThat(basic.status()).isEqualTo(401);
      assertThat(basic.json().path("message").asText()).contains("scheme Basic is not accepted; send Authorization: Bearer");
      ControlHttp.Reply bare = anonymous.withAuthorization(TOKEN).get("settings");
      assertThat(bare.status()).isEqualTo(401);
      assertThat(bare.body()).doesNotContain(TOKEN);
    }

    @Test
    void wireMocksOwnAdminApiNeedsTheTokenToo() {
      ControlHttp root = new ControlHttp(sim.httpBaseUri(), null);
      assertThat(root.send("GET", "/__admin/mappings", null, null).status()).isEqualTo(401);
      assertThat(root.withAuthorization("Bearer " + WRONG).send("GET", "/__admin/mappings", null, null).status())
          .isEqualTo(401);
      assertThat(root.withAuthorization("Bearer " + TOKEN).send("GET", "/__admin/mappings", null, null).status())
          .isEqualTo(200);
    }

    @Test
    void anUnknownControlPathNeedsTheTokenBeforeItIsFoundMissing() {
      assertThat(anonymous.get("secrets").status()).isEqualTo(401);
      assertThat(anonymous.withAuthorization("Bearer " + TOKEN).get("secrets").status()).isEqualTo(404);
    }

    @Test
    void settingsSayATokenIsRequiredWithoutShowingIt() {
      ControlHttp.Reply s = anonymous.withAuthorization("Bearer " + TOKEN).get("settings");
      assertThat(s.json().path("admin").asText()).isEqualTo("token");
      assertThat(sim.adminAccess()).isEqualTo("token");
    }
  }
}
