package dev.gmesim.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.time.TimeMode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The documented clock messages, driven by the Python harness of the Docker stage against a
 * simulator whose default clock is real time, as the jar's is: the harness asks for a virtual clock
 * and a 10 s delay and a 30 s timeout cost it no wall time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PythonClockHarnessTest {

  @Test
  void aPythonHarnessDrivesAVirtualClockFromTheDocsAlone() throws Exception {
    try (GmeSimulator sim = GmeSimulator.builder().clock(TimeMode.scaled(1)).start()) {
      sim.addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD)
          .delay(Duration.ofSeconds(10)).roomId("clock-delay-*").build());
      sim.addFault(FaultRule.on(Operation.ENTER_ROOM).noReply().roomId("clock-silent-*").build());
      Path script = Path.of("..", "docker", "clock_smoke.py");
      Process p = new ProcessBuilder("python3", script.toString(), "127.0.0.1",
          String.valueOf(sim.roomAddress().getPort())).redirectErrorStream(true).start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      p.getInputStream().transferTo(out);
      // The script's own socket timeout (10 s) bounds a hang; this only waits for its exit code.
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String printed = out.toString(StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(printed).isZero();
      assertThat(printed).contains("HELD until=10000, then result=7006 at now=10000")
          .contains("reports 1005 at now=40000").contains("clock smoke: OK");
      assertThat(SimulatorInternals.journal(sim).find(Operation.ENTER_ROOM)).extracting(JournalEntry::sessionTimeMs)
          .containsExactly(0L, 10_000L, 40_000L);
    }
  }
}
