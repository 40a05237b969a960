package dev.gmesim.benchmarks.roomload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.benchmarks.CliRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** RoomLoad's flags, parsed in-process: a bad value exits 2 naming the flag, the value and the fix; nothing runs. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RoomLoadFlagsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--clients 0        | Invalid value for option '--clients' (N): '0' is not a positive integer; use 1 or more",
      "--clients 1,x      | Invalid value for option '--clients' (N): 'x' is not a positive integer",
      "--modes sdk,fast   | Invalid value for option '--modes' (MODE): unknown mode 'fast'; use sdk, raw or echo",
      "--warmup 5         | Invalid value for option '--warmup': '5' is not a duration; write ISO-8601",
      "--warmup -PT1S     | Invalid value for option '--warmup': '-PT1S' is negative; use a non-negative duration",
      "--duration 0s      | Invalid value for option '--duration': '0s' is zero; use a positive duration such as",
      "--target localhost | Invalid value for option '--target': 'localhost' is not host:port with a port in 1..65535",
      "--depth -8         | Invalid value for option '--depth': '-8' is not a positive integer",
      "--clinets 16       | Unknown options: '--clinets', '16'",
  })
  void aBadValueExits2WithTheFlagTheValueAndTheFix(String args, String reason) {
    CliRun run = CliRun.of(new RoomLoad(), args.split(" "));

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.reason()).startsWith(reason);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void theDocumentedCommandParsesToItsValues() {
    RoomLoad load = new RoomLoad();
    new CommandLine(load).parseArgs("--clients", "1,16,256", "--warmup", "500ms", "--duration", "PT10S",
        "--modes", "echo,SDK", "--target", "127.0.0.1:7300", "--shared-room");

    assertThat(load.clients).containsExactly(1, 16, 256);
    assertThat(load.warmup).isEqualTo(Duration.ofMillis(500));
    assertThat(load.duration).isEqualTo(Duration.ofSeconds(10));
    assertThat(load.modes).isEqualTo(List.of(Mode.ECHO, Mode.SDK));
    assertThat(load.target.getPort()).isEqualTo(7300);
    assertThat(load.sharedRoom).isTrue();
    assertThat(load.depth).isEqualTo(8);
  }

  @Test
  void helpNamesEveryFlagAndExits0() {
    CliRun run = CliRun.of(new RoomLoad(), "--help");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("--clients=N[,N...]", "--modes=MODE[,MODE...]", "--warmup=DURATION",
        "--duration=DURATION", "--max-round-trips=N", "--depth=N", "--target=HOST:PORT", "--shared-room",
        "--server-threads=N", "--client-threads=N", "-h, --help");
  }
}
