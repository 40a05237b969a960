package dev.gmesim.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Chaos drills over the control API, against a simulator that real SDK contexts use. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DrillApiTest {
  static final String APP = "1400000000";
  static GmeSimulator sim;
  static ControlHttp http;
  final List<GmeContext> contexts = new ArrayList<>();

  static final String BROWNOUT_YAML = "name: brownout\n"
      + "ttl: PT10M\n"
      + "rules:\n"
      + "  - id: joins-fail\n"
      + "    operations: [ENTER_ROOM]\n"
      + "    error: 7006\n"
      + "    openId: \"drill-*\"\n"
      + "    probability: 0.5\n"
      + "    seed: 3\n";

  @BeforeAll
  static void start() {
    sim = GmeSimulator.builder().start();
    http = ControlHttp.to(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void clean() {
    sim.reset();
  }

  @AfterEach
  void closeContexts() {
    contexts.forEach(GmeContext::close);
  }

  /** Enters and leaves a room as a fresh user; returns the ENTER_ROOM result. */
  int enterOnce(String openId) {
    EventRecorder events = new EventRecorder();
    GmeContext gme = GmeContext.builder().room(sim.roomAddress()).delegate(events).build();
    contexts.add(gme);
    assertThat(gme.init(APP, openId)).isZero();
    gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    int result = events.await(GmeEventType.ENTER_ROOM).result();
    if (result == 0) {
      gme.exitRoom();
      events.await(GmeEventType.EXIT_ROOM);
    }
    return result;
  }

  static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  static long metric(String scrape, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E]+)$").matcher(scrape);
    return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
  }

  @Nested
  class Lifecycle {

    @Test
    void aYamlProfileStartsADrillThatFaultsShowsItsTimeAndTheKillSwitchEndsIt() {
      ControlHttp.Reply started = http.send("POST", "drills", "application/yaml", BROWNOUT_YAML);
      assertThat(started.status()).as(started.body()).isEqualTo(201);
      assertThat(started.json().path("state").asText()).isEqualTo("RUNNING");

      JsonNode running = http.get("drills").json();
      assertThat(list(running.path("drills"))).singleElement().satisfies(d -> {
        assertThat(d.path("name").asText()).isEqualTo("brownout");
        assertThat(d.path("remainingMs").asLong()).isBetween(1L, 600_000L);
        assertThat(list(d.path("rules"))).extracting(r -> r.path("rule").path("id").asText())
            .containsExactly("joins-fail");
      });

      int faulted = 0;
      for (int i = 0; i < 20; i++) {
        if (enterOnce("drill-" + i) == 7006) {
          faulted++;
        }
      }
      assertThat(faulted).isBetween(1, 19);

      ControlHttp.Reply killed = http.delete("drills");
      assertThat(killed.status()).isEqualTo(200);
      assertThat(killed.json().path("stopped").asInt()).isEqualTo(1);
      assertThat(http.get("drills").json().path("drills").isEmpty()).isTrue();
      for (int i = 0; i < 10; i++) {
        assertThat(enterOnce("drill-after-" + i)).as("no drill fault after the kill switch").isZero();
      }

      JsonNode summary = http.get("drills/brownout/summary").json();
      assertThat(summary.path("state").asText()).isEqualTo("STOPPED");
      assertThat(summary.path("calls").asInt()).isEqualTo(20);
      assertThat(summary.path("faults").asInt()).isEqualTo(faulted);
      assertThat(summary.path("faultsByCode").path("7006").asInt()).isEqualTo(faulted);
    }

    @Test
    void theMetricsCarryTheCountsTheJournalShows() {
      assertThat(http.post("drills", "{\"name\":\"m\",\"rules\":[{\"operations\":[\"ENTER_ROOM\"],\"error\":7006,"
          + "\"probability\":0.5,\"seed\":9,\"delay\":{\"fixed\":\"PT0.5S\"}}]}").status()).isEqualTo(201);
      String before = http.get("metrics").body();
      for (int i = 0; i < 16; i++) {
        enterOnce("m-" + i);
      }
      long journalFaults = SimulatorInternals.journal(sim).find(e -> e.operation() == Operation.ENTER_ROOM && e.faulted()).size();
      long journalWorld = SimulatorInternals.journal(sim).find(e -> e.operation() == Operation.ENTER_ROOM && !e.faulted()).size();
      assertThat(journalFaults).isPositive();
      String after = http.get("metrics").body();
      String faults = "gmesim_faults_injected_total{code=\"7006\",effect=\"error\",operation=\"ENTER_ROOM\"}";
      String world = "gmesim_calls_total{operation=\"ENTER_ROOM\",result=\"0\",source=\"world\"}";
      assertThat(metric(after, faults) - metric(before, faults)).isEqualTo(journalFaults);
      assertThat(metric(after, world) - metric(before, world)).isEqualTo(journalWorld);
      assertThat(metric(after, "gmesim_fault_delay_seconds_count{operation=\"ENTER_ROOM\"}")
          - metric(before, "gmesim_fault_delay_seconds_count{operation=\"ENTER_ROOM\"}")).isEqualTo(journalFaults);
      assertThat(after).contains("gmesim_drills_active 1.0");
      JsonNode summary = http.get("drills/m/summary").json();
      assertThat(summary.path("faults").asLong()).isEqualTo(journalFaults);
      assertThat(summary.path("injectedDelayMs").path("p50").asDouble()).isBetween(480.0, 500.0);
    }

    @Test
    void deletingOneDrillLeavesTheOthers() {
      http.send("POST", "drills", "application/yaml", BROWNOUT_YAML);
      http.send("POST", "drills", "application/yaml", BROWNOUT_YAML.replace("brownout", "second")
          .replace("joins-fail", "second-rule"));
      ControlHttp.Reply one = http.delete("drills/brownout");
      assertThat(one.status()).isEqualTo(200);
      assertThat(one.json().path("state").asText()).isEqualTo("STOPPED");
      assertThat(list(http.get("drills").json().path("drills"))).extracting(d -> d.path("name").asText())
          .containsExactly("second");
      ControlHttp.Reply missing = http.delete("drills/brownout");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.json().path("message").asText()).contains("no running drill named 'brownout'")
          .contains("second");
    }
  }

  @Nested
  class BadProfiles {

    @Test
    void aBadProfileIsRefusedWholeWithEveryProblemAndItsLineAndTheRunningDrillStays() {
      http.send("POST", "drills", "application/yaml", BROWNOUT_YAML);
      String bad = "name: brownout\nttl: soon\nrules:\n  - operations: [ENTER_ROOM]\n    error: 70060\n"
          + "    probability: 0.5\n    sed: 3\n";
      ControlHttp.Reply refused = http.send("POST", "drills", "application/yaml", bad);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(list(refused.json().path("problems")))
          .extracting(p -> p.path("field").asText() + " " + p.path("message").asText().replaceAll(":.*", ""))
          .containsExactly("ttl line 2", "rules[0].sed line 7", "rules[0].error line 5");
      assertThat(list(http.get("drills").json().path("drills"))).singleElement().satisfies(d ->
          assertThat(list(d.path("rules"))).extracting(r -> r.path("rule").path("id").asText())
              .containsExactly("joins-fail"));
    }

    @Test
    void aBodyThatIsNeitherJsonNorYamlIsRefused() {
      ControlHttp.Reply r = http.send("POST", "drills", "text/plain", "name: x");
      assertThat(r.status()).isEqualTo(415);
      assertThat(r.json().path("message").asText()).contains("application/yaml");
    }
  }
}
