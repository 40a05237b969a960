package dev.gmesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.server.GmeSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code --app APPID:KEY} and {@code --apps-file}: bad apps exit 2 naming the AppID and the fix, never the key. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MainAppsTest {
  static final String KEY = "0123456789abcdef";

  static MainTest.Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new MainTest.Run(status, out.toString(), err.toString());
  }

  /** Parses the flags and starts the simulator the way {@code call()} does, without waiting for a signal. */
  static GmeSimulator start(String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main.start();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "--app=1400000000:short-secret | --app #1: AppID 1400000000: the permission key has 12 bytes",
      "--app=my-game:0123456789abcdef | --app #1: AppID 'my-game' is not a number",
      "--app=0123456789abcdef | --app #1: an app (16 characters) has no ':'",
      "--app=1400000000:0123456789abcdef,1400000000:0123456789abcdef | --app #2: AppID 1400000000 is given twice"})
  void aBadAppExits2NamingItButNotItsKey(String flag, String message) {
    MainTest.Run r = run(flag, "--room-port", "0", "--http-port", "0");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains(message).doesNotContain("short-secret", "0123456789abcdef");
    assertThat(r.out()).doesNotContain("ready");
  }

  @Test
  void aDuplicateAcrossTheFlagAndTheFileIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("apps.txt");
    Files.writeString(file, "# staging apps\n\n1400000000:" + KEY + "\n");
    MainTest.Run r = run("--app", "1400000000:" + KEY, "--apps-file", file.toString(), "--room-port", "0",
        "--http-port", "0");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--apps-file " + file + " line 3: AppID 1400000000 is given twice (first by --app #1)")
        .doesNotContain(KEY);
  }

  @Test
  void anUnreadableAppsFileIsRefused(@TempDir Path dir) {
    MainTest.Run r = run("--apps-file", dir.resolve("missing.txt").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("missing.txt cannot be read");
  }

  @Test
  void appsFromFlagsAndFileAreChecked(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("apps.txt");
    Files.writeString(file, "1400000002:" + KEY + "\n");
    try (GmeSimulator sim = start("--app", "1400000000:" + KEY + ",1400000001:fedcba9876543210",
        "--apps-file", file.toString(), "--room-port", "0", "--http-port", "0")) {
      assertThat(sim.apps()).containsExactly("1400000000", "1400000001", "1400000002");
    }
  }

  @Test
  void helpListsTheAppFlagsWithTheirVariables() {
    MainTest.Run r = run("--help");
    assertThat(r.out()).contains("--app", "GMESIM_APPS", "--apps-file", "GMESIM_APPS_FILE");
  }
}
