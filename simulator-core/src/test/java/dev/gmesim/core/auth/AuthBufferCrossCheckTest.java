package dev.gmesim.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Java generator and checker against a second reading of the format in Python
 * ({@code auth/gme_auth_buffer.py}): the same inputs and seed give the same bytes, and each side
 * decrypts the other's buffers. A misreading of docs/gme-fidelity-notes.md A.8 in either shows here.
 */
class AuthBufferCrossCheckTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HexFormat HEX = HexFormat.of();

  record Fixture(long appId, String roomId, String openId, String key, long expiry, long seed) {}

  static final List<Fixture> FIXTURES = List.of(
      new Fixture(1400000000L, "lobby", "10001", "0123456789abcdef", 2100000000L, 1),
      new Fixture(1400000000L, "", "10001", "0123456789abcdef", 1700000300L, 2),
      new Fixture(0xFFFFFFFFL, "r".repeat(127), "o".repeat(127), "ZZZZZZZZZZZZZZZZ", 0xFFFFFFFFL, 3),
      new Fixture(1L, "房间-1", "玩家é", "k3y-with:colons!", 0L, 4),
      new Fixture(1400012345L, "a", "b", "AAAAAAAAAAAAAAAA", 1234567890L, -5));

  @Test
  void javaAndPythonMintTheSameBytesAndReadEachOther() throws Exception {
    List<ObjectNode> requests = new ArrayList<>();
    for (Fixture f : FIXTURES) {
      ObjectNode r = JSON.createObjectNode();
      r.put("op", "generate").put("appId", f.appId()).put("roomId", f.roomId()).put("openId", f.openId())
          .put("key", f.key()).put("expiry", f.expiry()).put("seed", f.seed());
      requests.add(r);
    }
    List<JsonNode> generated = python(requests);

    List<ObjectNode> decrypts = new ArrayList<>();
    for (int i = 0; i < FIXTURES.size(); i++) {
      Fixture f = FIXTURES.get(i);
      AppKey key = AppKey.of(f.key());
      AuthBufferContent content = new AuthBufferContent(f.appId(), f.roomId(), f.openId(),
          Instant.ofEpochSecond(f.expiry()));
      byte[] java = new AuthBufferGenerator(new java.util.Random(f.seed())).generate(content, key);
      byte[] py = HEX.parseHex(generated.get(i).get("buffer").asText());
      assertThat(HEX.formatHex(java)).as("fixture %s", f).isEqualTo(HEX.formatHex(py));
      assertThat(AuthBufferChecker.decrypt(py, key)).as("Java reads Python's buffer %s", f).isEqualTo(content);
      // Python reads a buffer with Java's own (secure) randomness, so it is not just the seeded bytes echoed.
      ObjectNode d = JSON.createObjectNode();
      d.put("op", "decrypt").put("key", f.key()).put("buffer", HEX.formatHex(new AuthBufferGenerator().generate(content, key)));
      decrypts.add(d);
    }
    // A buffer made with another key must not decrypt in Python either.
    ObjectNode wrongKey = JSON.createObjectNode();
    wrongKey.put("op", "decrypt").put("key", "fedcba9876543210").put("buffer", HEX.formatHex(
        AuthBufferGenerator.roomBuffer(1400000000L, "lobby", "10001", AppKey.of("0123456789abcdef"),
            Instant.ofEpochSecond(2100000000L))));
    decrypts.add(wrongKey);

    List<JsonNode> read = python(decrypts);
    for (int i = 0; i < FIXTURES.size(); i++) {
      Fixture f = FIXTURES.get(i);
      JsonNode r = read.get(i);
      assertThat(r.has("error")).as("Python decrypts Java's buffer %s: %s", f, r).isFalse();
      assertThat(r.get("appId").asLong()).isEqualTo(f.appId());
      assertThat(r.get("roomId").asText()).isEqualTo(f.roomId());
      assertThat(r.get("openId").asText()).isEqualTo(f.openId());
      assertThat(r.get("expiry").asLong()).isEqualTo(f.expiry());
    }
    assertThat(read.get(FIXTURES.size()).has("error")).as("Python refuses another key's buffer").isTrue();
  }

  /** Runs the Python reading once with one request per line and returns its answers in order. */
  static List<JsonNode> python(List<ObjectNode> requests) throws Exception {
    Path script = Path.of(AuthBufferCrossCheckTest.class.getResource("/auth/gme_auth_buffer.py").toURI());
    Process p;
    try {
      p = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("python3 is needed for the auth-buffer cross-check (CI installs it); " + e, e);
    }
    try (Writer w = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
      for (ObjectNode r : requests) {
        w.write(JSON.writeValueAsString(r) + "\n");
      }
    }
    List<JsonNode> out = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        raw.add(line);
      }
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("python3 finishes").isTrue();
    assertThat(p.exitValue()).as("python3 output: %s", raw).isZero();
    for (String line : raw) {
      out.add(JSON.readTree(line));
    }
    assertThat(out).as("one answer per request: %s", raw).hasSize(requests.size());
    return out;
  }
}
