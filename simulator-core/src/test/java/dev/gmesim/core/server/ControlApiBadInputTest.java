package dev.gmesim.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to every control endpoint: each gets a 4xx with a JSON error naming the field and the
 * fix, and the simulator keeps serving.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ControlApiBadInputTest {
  static GmeSimulator sim;
  static ControlHttp http;

  @BeforeAll
  static void start() {
    sim = GmeSimulator.builder().start();
    http = ControlHttp.to(sim);
    // An existing rule, so that a clashing id and an add/remove mix have something to hit.
    http.post("faults", "{\"id\":\"taken\",\"operations\":[\"PTT_PLAY\"],\"error\":4101}");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  /**
   * One bad request.
   *
   * @param name what is wrong
   * @param method the HTTP method
   * @param path the path under /__admin/gme/
   * @param contentType the Content-Type header, or null for none
   * @param body the body, or null for none
   * @param status the expected status
   * @param field the field the error must name
   * @param fix a fragment of the message that tells the fix
   */
  record Case(String name, String method, String path, String contentType, String body, int status, String field,
      String fix) {
    @Override
    public String toString() {
      return method + " " + path.replaceAll("\\?.*", "") + ": " + name;
    }
  }

  static final String JSON = "application/json";
  static final String RULE = "{\"operations\":[\"ENTER_ROOM\"],\"error\":7006";

  static Stream<Case> badRequests() {
    String huge = "{\"rules\":[" + ("{\"error\":7006,\"alias\":\"" + "x".repeat(1000) + "\"},").repeat(1100)
        + "{\"error\":7006}]}";
    return Stream.of(
        new Case("malformed JSON", "POST", "faults", JSON, RULE, 400, "(body)", "malformed JSON at line 1"),
        new Case("unknown field", "POST", "faults", JSON, RULE + ",\"tims\":2}", 400, "tims", "nearest: times"),
        new Case("unknown code", "POST", "faults", JSON, "{\"operations\":[\"ENTER_ROOM\"],\"error\":70060}", 400,
            "error", "unknown GME error code 70060; nearest: 7006 AV_ERR_AUTH_FIALD"),
        new Case("negative times", "POST", "faults", JSON, RULE + ",\"times\":-2}", 400, "times",
            "-2 is negative; pass 1 or more"),
        new Case("probability above 1", "POST", "faults", JSON, RULE + ",\"probability\":1.5}", 400, "probability",
            "outside (0, 1]; pass a number in (0, 1] such as 0.25"),
        new Case("negative probability", "POST", "faults", JSON, RULE + ",\"probability\":-0.5}", 400, "probability",
            "outside (0, 1]"),
        new Case("unknown operation", "POST", "faults", JSON, "{\"operations\":[\"ENTER_ROM\"],\"error\":7006}", 400,
            "operations[0]", "nearest: ENTER_ROOM"),
        new Case("body over the size limit", "POST", "faults", JSON, huge, 413, "(body)",
            "over the 1048576-byte limit; send fewer rules per request"),
        new Case("wrong content type", "POST", "faults", "text/plain", RULE + "}", 415, "Content-Type",
            "send Content-Type: application/json"),
        new Case("form content type (curl -d without -H)", "POST", "faults", "application/x-www-form-urlencoded",
            RULE + "}", 415, "Content-Type", "-H 'Content-Type: application/json'"),
        new Case("empty body", "POST", "faults", JSON, "", 400, "(body)", "empty; send a JSON object"),
        new Case("a JSON array", "POST", "faults", JSON, "[" + RULE + "}]", 400, "(body)",
            "a rule is a JSON object"),
        new Case("bad rule in a list", "POST", "faults", JSON, "{\"rules\":[" + RULE + "}," + RULE + ",\"times\":0}]}", 400,
            "rules[1].times", "pass 1 or more"),
        new Case("id already in use", "POST", "faults", JSON, "{\"id\":\"taken\",\"error\":7006}", 409, "id",
            "give the rule another id"),
        new Case("unknown query parameter", "POST", "faults?dryRun=true", JSON, RULE + "}", 400, "dryRun",
            "takes no query parameters"),
        new Case("unknown query parameter", "GET", "faults?active=true", null, null, 400, "active",
            "takes no query parameters"),
        new Case("unknown id", "GET", "faults/nope", null, null, 404, "id", "ids in the plan: [taken]"),
        new Case("unknown id", "DELETE", "faults/nope", null, null, 404, "id", "GET /__admin/gme/faults lists them"),
        new Case("empty owner", "DELETE", "faults?owner=", null, null, 400, "owner", "give a value or leave it out"),
        new Case("misspelt parameter", "DELETE", "faults?ownr=x", null, null, 400, "ownr", "nearest: owner"),
        new Case("unknown operation", "GET", "journal?operation=ENTER_ROM", null, null, 400, "operation",
            "nearest: ENTER_ROOM"),
        new Case("unknown code", "GET", "journal?result=70060", null, null, 400, "result",
            "nearest: 7006 AV_ERR_AUTH_FIALD"),
        new Case("negative limit", "GET", "journal?limit=-1", null, null, 400, "limit", "-1 is negative; pass 1..10000"),
        new Case("limit not a number", "GET", "journal?limit=ten", null, null, 400, "limit", "not a whole number"),
        new Case("negative since", "GET", "journal?since=-5", null, null, 400, "since", "is negative"),
        new Case("parameter given twice", "GET", "journal?openId=a&openId=b", null, null, 400, "openId",
            "given twice"),
        new Case("misspelt parameter", "GET", "journal?roomid=lobby", null, null, 400, "roomid", "nearest: roomId"),
        new Case("unknown code", "GET", "catalog?code=70060", null, null, 400, "code",
            "unknown GME error code 70060; nearest: 7006 AV_ERR_AUTH_FIALD"),
        new Case("unknown code name", "GET", "catalog?code=AV_ERR_AUTH_FAILED", null, null, 400, "code",
            "nearest: 7006 AV_ERR_AUTH_FIALD"),
        new Case("unknown category", "GET", "catalog?category=GENERL", null, null, 400, "category",
            "nearest: GENERAL"),
        new Case("unknown operation", "GET", "catalog?operation=ENTR_ROOM", null, null, 400, "operation",
            "nearest: ENTER_ROOM"),
        new Case("misspelt parameter", "GET", "rooms?room=lobby", null, null, 400, "room", "parameters are [appId, roomId]"),
        new Case("a body", "POST", "reset", JSON, "{\"faults\":true}", 400, "(body)", "takes no body"),
        new Case("wrong content type", "POST", "reset", "text/plain", "now", 415, "Content-Type", "application/json"),
        new Case("unknown query parameter", "GET", "settings?verbose", null, null, 400, "verbose",
            "takes no query parameters"),
        new Case("unknown query parameter", "GET", "metrics?format=json", null, null, 400, "format",
            "takes no query parameters"),
        new Case("unknown query parameter", "GET", "apps?verbose", null, null, 400, "verbose",
            "takes no query parameters"),
        new Case("a key that is not 16 bytes", "PUT", "apps/1400000000", JSON, "{\"key\":\"short\"}", 400, "key",
            "the permission key has 5 bytes"),
        new Case("an AppID that is not a number", "PUT", "apps/lobby", JSON, "{\"key\":\"0123456789abcdef\"}", 400,
            "appId", "is not a number"),
        new Case("an unknown field", "PUT", "apps/1400000000", JSON, "{\"kee\":\"0123456789abcdef\"}", 400, "key",
            "missing"),
        new Case("an app without a key", "DELETE", "apps/1400000001", null, null, 404, "appId", "no app 1400000001"),
        new Case("unknown query parameter", "GET", "cloud-secrets?verbose", null, null, 400, "verbose",
            "takes no query parameters"),
        new Case("a body without secretKey", "PUT", "cloud-secrets/AKIDcontrol01", JSON, "{\"key\":\"k\"}", 400,
            "secretKey", "missing; send {\"secretKey\""),
        new Case("a SecretKey that is not printable ASCII", "PUT", "cloud-secrets/AKIDcontrol01", JSON,
            "{\"secretKey\":\"\"}", 400, "secretKey", "is not 1 to 256 printable ASCII characters"),
        new Case("an unknown SecretId", "DELETE", "cloud-secrets/AKIDnobody", null, null, 404, "secretId",
            "no server-API key has SecretId AKIDnobody"),
        new Case("bad profile", "POST", "drills", "application/yaml", "name: x\nttl: soon\nrules:\n  - error: 7006\n",
            400, "ttl", "line 2: 'soon' is not a duration"),
        new Case("profile neither JSON nor YAML", "POST", "drills", "text/plain", "name: x", 415, "Content-Type",
            "application/yaml"),
        new Case("empty profile", "POST", "drills", JSON, "", 400, "(body)", "send a drill profile"),
        new Case("unknown query parameter", "GET", "drills?all=true", null, null, 400, "all",
            "takes no query parameters"),
        new Case("unknown query parameter", "DELETE", "drills?force=true", null, null, 400, "force",
            "takes no query parameters"),
        new Case("unknown drill", "DELETE", "drills/nope", null, null, 404, "name", "no running drill named 'nope'"),
        new Case("unknown drill", "GET", "drills/nope/summary", null, null, 404, "name",
            "GET /__admin/gme/drills lists the running ones"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void isRefusedWithAJsonErrorNamingTheFieldAndTheFixAndTheSimulatorKeepsServing(Case c) {
    ControlHttp.Reply reply = http.send(c.method(), c.path(), c.contentType(), c.body());

    assertThat(reply.status()).as("status of %s", c).isEqualTo(c.status());
    assertThat(reply.contentType()).startsWith("application/json");
    JsonNode error = reply.json();
    assertThat(error.path("status").asInt()).isEqualTo(c.status());
    assertThat(error.path("field").asText()).as("field of %s", c).isEqualTo(c.field());
    assertThat(error.path("message").asText()).as("message of %s", c).contains(c.fix());
    assertThat(error.path("problems")).isNotEmpty();

    assertKeepsServing();
  }

  @Test
  void everyRouteTakesPartInTheTable() {
    // Health takes no input, so it has no bad input; every other route has at least one case.
    assertThat(badRequests().map(c -> c.method() + " /" + c.path().replaceAll("[?].*", "")
            .replaceAll("faults/.+", "faults/{id}").replaceAll("drills/[^/]+/summary", "drills/{name}/summary")
            .replaceAll("drills/[^/{]+$", "drills/{name}").replaceAll("apps/.+", "apps/{appId}")
            .replaceAll("cloud-secrets/.+", "cloud-secrets/{secretId}")).distinct())
        .containsExactlyInAnyOrderElementsOf(ControlApiDocsTest.ROUTES.stream()
            .filter(r -> !r.equals("GET /health")).toList());
  }

  private static void assertKeepsServing() {
    assertThat(http.get("health").status()).isEqualTo(200);
    ControlHttp.Reply good = http.post("faults", "{\"operations\":[\"ENTER_ROOM\"],\"error\":7006,\"times\":1}");
    assertThat(good.status()).isEqualTo(201);
    assertThat(http.delete("faults/" + good.json().path("id").asText()).status()).isEqualTo(200);
    assertThat(sim.faults()).extracting(s -> s.rule().id()).containsExactly("taken");
  }
}
