package dev.gmesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.server.GmeSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line, in-process: every refusal exits 2 naming the flag, before anything is bound. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MainTest {

  /** What one run printed and returned. */
  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @Nested
  class BadFlags {

    static Stream<Arguments> badFlags() {
      return Stream.of(
          Arguments.of(new String[] {"--room-port", "-1"}, "--room-port -1 is not a TCP port; use 0..65535"),
          Arguments.of(new String[] {"--http-port", "70000"}, "--http-port 70000 is not a TCP port"),
          Arguments.of(new String[] {"--http-port", "eighty"}, "'eighty' is not an int"),
          Arguments.of(new String[] {"--time-scale", "0"}, "--time-scale 0.0 is out of range"),
          Arguments.of(new String[] {"--journal-size", "0"}, "--journal-size 0 must be at least 1"),
          Arguments.of(new String[] {"--bind", "0.0.0.0"},
              "--bind 0.0.0.0 is not loopback, so anyone on the network could drive the control API; give "
                  + "--admin-token (or GMESIM_ADMIN_TOKEN), or on a trusted network --insecure-admin"),
          Arguments.of(new String[] {"--admin-token", "abc123"},
              "--admin-token: admin token is 6 characters; use at least 16"),
          Arguments.of(new String[] {"--admin-token", "0123456789abcdef0123", "--insecure-admin"},
              "--admin-token and --insecure-admin contradict each other"),
          Arguments.of(new String[] {"--insecure-admin=maybe"}, "'maybe' is not a boolean"),
          Arguments.of(new String[] {"--profile", "no-such-profile.json"}, "--profile no-such-profile.json: "
              + "no such file; check the path"),
          Arguments.of(new String[] {"--profile", "drill.txt"}, "name it *.json, *.yaml or *.yml"),
          Arguments.of(new String[] {"--room-prot", "7300"}, "Unknown options: '--room-prot', '7300'\nPossible solutions: --room-port"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badFlags")
    void exitWith2AndAMessageNamingTheFlag(String[] args, String message) {
      Run r = run(args);
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains(message);
      assertThat(r.out()).doesNotContain("ready");
    }

    @Test
    void aShortTokenIsNeverEchoed() {
      Run r = run("--admin-token", "hunter2hunter2");
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("--admin-token").doesNotContain("hunter2hunter2");
    }

    @Test
    void aProfileWithABadRuleNamesTheFileTheRuleAndTheFix(@TempDir Path dir) throws Exception {
      Path profile = dir.resolve("drill.yaml");
      Files.writeString(profile, "rules:\n  - error: 7006\n  - operations: [ENTER_ROOM]\n    effect: noReply\n"
          + "    probability: 1.5\n");
      Run r = run("--profile", profile.toString());
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("--profile drill.yaml: rules[1].probability").contains("rules[1].probability")
          .contains("1.5 is outside (0, 1]");
    }
  }

  @Nested
  class HelpAndVersion {

    @Test
    void helpListsEveryFlagWithItsEnvironmentVariable() {
      Run r = run("--help");
      assertThat(r.status()).isZero();
      assertThat(r.out()).contains("--http-port", "GMESIM_HTTP_PORT", "--room-port", "GMESIM_ROOM_PORT", "--bind",
          "GMESIM_BIND", "--admin-token", "GMESIM_ADMIN_TOKEN", "--insecure-admin", "GMESIM_INSECURE_ADMIN",
          "--profile", "GMESIM_PROFILE", "--time-scale", "GMESIM_TIME_SCALE", "--journal-size",
          "GMESIM_JOURNAL_SIZE", "--version", "health");
    }

    @Test
    void versionNamesTheProgram() {
      Run r = run("--version");
      assertThat(r.status()).isZero();
      assertThat(r.out()).startsWith("gme-simulator ");
    }
  }

  @Nested
  class Health {

    @Test
    void healthExits0WhenTheSimulatorIsUp() {
      try (GmeSimulator sim = GmeSimulator.builder().adminToken("health-check-token-0123").start()) {
        Run r = run("health", "--url", sim.httpBaseUri().toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("UP ");
      }
    }

    @Test
    void healthExits1WhenNothingAnswers() throws Exception {
      int port;
      try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = probe.getLocalPort();
      }
      Run r = run("health", "--url", "http://127.0.0.1:" + port, "--timeout", "PT2S");
      assertThat(r.status()).isEqualTo(1);
      assertThat(r.err()).startsWith("DOWN http://127.0.0.1:" + port + "/__admin/gme/health");
    }
  }
}
