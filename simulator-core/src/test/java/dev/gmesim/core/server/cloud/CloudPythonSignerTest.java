package dev.gmesim.core.server.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.cloud.CloudSecret;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.server.GmeSimulator;
import dev.gmesim.core.time.TimeMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature recipe of docs/server-api.md, followed from the docs alone: a short Python script
 * (src/test/resources/cloud/tc3_describe_room_info.py, standard library only) signs DescribeRoomInfo
 * by hand against a simulator with a configured key. Skipped where python3 is missing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CloudPythonSignerTest {
  static final String SECRET_ID = "AKIDpythoncheck0001";
  static final String SECRET_KEY = "python-check-secret-key";
  static GmeSimulator sim;

  @BeforeAll
  static void start() {
    sim = GmeSimulator.builder().cloudSecret(CloudSecret.of(SECRET_ID, SECRET_KEY)).start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void theHandSignedRequestListsTheRoom(@TempDir Path dir) throws Exception {
    EventRecorder events = new EventRecorder();
    try (GmeContext player = GmeContext.builder().room(sim.roomAddress()).clock(TimeMode.virtual())
        .delegate(events).build()) {
      assertThat(player.init("1400000000", "10001")).isZero();
      player.enterRoom("py-room", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      assertThat(events.await(GmeEventType.ENTER_ROOM).result()).isZero();

      JsonNode response = run(dir, SECRET_KEY).get("Response");

      assertThat(response.has("Error")).as("%s", response).isFalse();
      assertThat(response.get("RoomUsers").get(0).get("StrUins").get(0).asText()).isEqualTo("10001");
    }
  }

  @Test
  void aWrongKeyIsASignatureFailure(@TempDir Path dir) throws Exception {
    JsonNode error = run(dir, "not-the-key").get("Response").get("Error");
    assertThat(error.get("Code").asText()).isEqualTo("AuthFailure.SignatureFailure");
    assertThat(error.get("Message").asText()).doesNotContain(SECRET_KEY, "not-the-key");
  }

  /** Runs the script with the key in its environment and returns the JSON it printed. */
  static JsonNode run(Path dir, String key) throws IOException, InterruptedException {
    Path script = dir.resolve("tc3_describe_room_info.py");
    try (InputStream in = CloudPythonSignerTest.class.getResourceAsStream("/cloud/tc3_describe_room_info.py")) {
      Files.copy(in, script);
    }
    ProcessBuilder pb;
    try {
      pb = new ProcessBuilder(List.of("python3", "--version"));
      assumeTrue(pb.start().waitFor() == 0, "python3 is not installed");
    } catch (IOException e) {
      assumeTrue(false, "python3 is not installed: " + e.getMessage());
    }
    pb = new ProcessBuilder(List.of("python3", script.toString(), sim.httpBaseUri().toString(), SECRET_ID,
        "1400000000", "py-room"));
    pb.environment().put("TC3_SECRET_KEY", key);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("python3 exit status; output: %s", out).isZero();
    return new ObjectMapper().readTree(out);
  }
}
