package dev.gmesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultProfile;
import dev.gmesim.core.time.TimeMode;
import dev.gmesim.core.server.GmeSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The drill runner: bots against a real simulator, a progress line, a table per operation. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DrillRunnerTest {

  @Nested
  class Runner {

    @Test
    void botsUnderADrillSeeTheInjectedCodesAndTheTableCountsThem() throws Exception {
      try (GmeSimulator sim = GmeSimulator.builder().clock(TimeMode.scaled(100)).start()) {
        sim.startDrill(FaultProfile.parse("name: t\nrules:\n  - id: half\n    operations: [ENTER_ROOM]\n"
            + "    error: 7006\n    probability: 0.5\n    seed: 5\n", FaultProfile.Format.YAML));
        StringWriter progress = new StringWriter();
        DrillRunner.Report report = new DrillRunner(new DrillRunner.Settings(sim.roomAddress(), 4,
            Duration.ofSeconds(2), "1400000000", 3, Duration.ofMillis(10), 0.5, 1)).run(new PrintWriter(progress, true));

        DrillRunner.Row enter = report.row(Operation.ENTER_ROOM).orElseThrow();
        assertThat(enter.codes()).containsKeys(0, 7006);
        assertThat(enter.codes().get(7006)).isEqualTo(sim.drill("t").orElseThrow().faults());
        assertThat(enter.ok()).isEqualTo(enter.codes().get(0));
        assertThat(report.row(Operation.INIT).orElseThrow().calls()).isGreaterThanOrEqualTo(4);
        assertThat(progress.toString()).contains("\r[00:01/00:02] bots 4");
        StringWriter table = new StringWriter();
        report.print(new PrintWriter(table, true));
        assertThat(table.toString()).contains("operation").contains("ENTER_ROOM").contains("7006=");
      }
    }
  }

  @Nested
  class VoiceMessages {

    @Test
    void botsSendAndFetchVoiceMessagesAndAStorageOutageFailsUploadsWith8195ForItsUsersOnly() throws Exception {
      try (GmeSimulator sim = GmeSimulator.builder().clock(TimeMode.scaled(100)).start()) {
        // bot-1, bot-10.. are "the region"; the other bots upload normally.
        sim.startDrill(FaultProfile.parse("name: storage\nscope: {openId: \"bot-1*\"}\nrules:\n"
            + "  - operations: [PTT_UPLOAD]\n    error: 8195\n", FaultProfile.Format.YAML));
        DrillRunner.Report report = new DrillRunner(new DrillRunner.Settings(sim.roomAddress(), 3,
            Duration.ofSeconds(3), "1400000000", 2, Duration.ofMillis(10), 1.0, 1)).run(null);

        assertThat(report.row(Operation.PTT_START_RECORDING).orElseThrow().ok()).isPositive();
        DrillRunner.Row upload = report.row(Operation.PTT_UPLOAD).orElseThrow();
        assertThat(upload.codes()).containsKeys(0, 8195);
        assertThat(upload.codes().get(8195)).isEqualTo(sim.drill("storage").orElseThrow().faults());
        DrillRunner.Row download = report.row(Operation.PTT_DOWNLOAD).orElseThrow();
        assertThat(download.codes()).containsOnlyKeys(0);
        assertThat(download.calls()).isEqualTo(upload.codes().get(0));
      }
    }
  }

  @Nested
  class Command {

    @Test
    void theDrillSubcommandStartsItsOwnSimulatorRunsTheProfileAndPrintsTheTableAndSummary(@TempDir Path dir)
        throws Exception {
      Path profile = dir.resolve("p.yaml");
      Files.writeString(profile, "name: cli\nttl: PT5M\nrules:\n  - operations: [SWITCH_ROOM]\n    error: 2001\n");
      MainTest.Run r = MainTest.run("drill", "--bots", "3", "--duration", "PT2S", "--rooms", "2", "--talk", "PT0.01S",
          "--time-scale", "100", "--profile", profile.toString());
      assertThat(r.status()).as(r.err()).isZero();
      assertThat(r.out()).contains("SWITCH_ROOM").contains("2001=").contains("drill cli (RUNNING)");
      assertThat(r.err()).contains("drill: started a simulator");
    }

    @Test
    void againstARunningSimulatorTheProfileGoesOverTheControlApiAndADrillThatExpiredFirstIsNoError(@TempDir Path dir)
        throws Exception {
      Path profile = dir.resolve("p.json");
      Files.writeString(profile, "{\"name\": \"remote\", \"ttl\": \"PT0.5S\", \"rules\": [{\"operations\": [\"SWITCH_ROOM\"], "
          + "\"error\": 2001}]}");
      try (GmeSimulator sim = GmeSimulator.builder().clock(TimeMode.scaled(100)).start()) {
        MainTest.Run r = MainTest.run("drill", "--target-room", "127.0.0.1:" + sim.roomAddress().getPort(),
            "--target-http", sim.httpBaseUri().toString(), "--bots", "2", "--duration", "PT2S", "--rooms", "2",
            "--talk", "PT0.01S", "--voice-share", "0", "--profile", profile.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("drill summary: {\"name\":\"remote\",\"state\":\"EXPIRED\"");
        assertThat(sim.drills()).isEmpty();
      }
    }

    @Test
    void aBadProfileExits2NamingTheFlagTheLineAndTheField(@TempDir Path dir) throws Exception {
      Path profile = dir.resolve("p.yaml");
      Files.writeString(profile, "name: cli\nrules:\n  - operations: [SWITCH_ROOM]\n    error: 2001\n    times: 0\n");
      MainTest.Run r = MainTest.run("drill", "--profile", profile.toString());
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("--profile p.yaml: rules[0].times: line 5: 0 is less than 1");
    }

    @Test
    void aTargetHttpWithoutATargetRoomExits2() {
      MainTest.Run r = MainTest.run("drill", "--target-http", "http://127.0.0.1:1");
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("--target-http needs --target-room");
    }
  }
}
