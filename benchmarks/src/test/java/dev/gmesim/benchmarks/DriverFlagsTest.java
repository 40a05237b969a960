package dev.gmesim.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drivers' flags, parsed in-process: a bad value exits 2 with one line naming the flag, the
 * value and the fix, before anything is started or measured.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DriverFlagsTest {

  static Stream<Arguments> badValues() {
    return Stream.of(
        refusal(VoiceMessageLoad::new, "--sizes 1024,0",
            "Invalid value for option '--sizes' (BYTES): '0' is not a positive integer; use 1 or more"),
        refusal(VoiceMessageLoad::new, "--seconds five",
            "Invalid value for option '--seconds': 'five' is not a positive integer; use 1 or more"),
        refusal(VoiceMessageLoad::new, "--store-mib -1",
            "Invalid value for option '--store-mib': '-1' is not a positive integer"),
        refusal(VoiceMessageLoad::new, "--sizes",
            "Missing required parameter for option '--sizes' (BYTES)"),
        refusal(CloudApiLoad::new, "--rounds 0",
            "Invalid value for option '--rounds': '0' is not a positive integer; use 1 or more"),
        refusal(CloudApiLoad::new, "--concurrency 1.5",
            "Invalid value for option '--concurrency': '1.5' is not a positive integer"),
        refusal(CloudApiLoad::new, "--second 4",
            "Unknown options: '--second', '4'"),
        refusal(ColdStart::new, "0",
            "Invalid value for positional parameter at index 0 (RUNS): '0' is not a positive integer"),
        refusal(ColdStart::new, "3 no-such-dir/gme-simulator.jar",
            "SIMULATOR_JAR no-such-dir/gme-simulator.jar does not exist; build it with ./mvnw"),
        refusal(TimeoutTestWallTime::new, "ten",
            "Invalid value for positional parameter at index 0 (ROUNDS): 'ten' is not a positive integer"),
        refusal(ExplorationWallTime::new, "1", "ROUNDS 1: give 2 or more (the first is a cold JVM)"),
        refusal(ExplorationWallTime::new, "ten",
            "Invalid value for positional parameter at index 0 (ROUNDS): 'ten' is not a positive integer"));
  }

  private static Arguments refusal(Supplier<Object> command, String args, String reason) {
    return Arguments.of(command, args, reason);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badValues")
  void aBadValueExits2WithTheFlagTheValueAndTheFix(Supplier<Object> command, String args, String reason) {
    CliRun run = CliRun.of(command.get(), args.split(" "));

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.reason()).startsWith(reason);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Nested
  class Help {
    @Test
    void helpListsTheSharedFlagsAndExits0() {
      CliRun run = CliRun.of(new CloudApiLoad(), "--help");

      assertThat(run.status()).isZero();
      assertThat(run.out()).contains("--seconds=N", "--rounds=N", "--concurrency=N", "-h, --help");
    }

    @Test
    void coldStartsDefaultWireMockJarIsThePinnedVersion() {
      CliRun run = CliRun.of(new ColdStart(), "-h");

      assertThat(ColdStart.pinnedWireMock()).matches("\\d+\\.\\d+\\.\\d+.*");
      assertThat(run.out()).contains("wiremock-standalone-" + ColdStart.pinnedWireMock() + ".jar");
    }
  }
}
