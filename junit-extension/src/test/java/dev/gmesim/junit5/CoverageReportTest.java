package dev.gmesim.junit5;

import static dev.gmesim.junit5.Fixtures.join;
import static dev.gmesim.junit5.GmeAssertions.assertEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gmesim.core.catalog.ErrorCategory;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** At the end of a run, the report lists by category which of the 86 codes the suite injected and which it never did. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CoverageReportTest {

  @Test
  void theReportListsInjectedAndNeverInjectedCodesByCategory(@TempDir Path dir) throws IOException {
    Kit.assertPassed(Kit.run(Map.of(Coverage.ENABLED_PROPERTY, "true", Coverage.DIR_PROPERTY, dir.toString()),
        ReportedCases.class), 2);

    JsonNode json = new ObjectMapper().readTree(dir.resolve("gme-error-coverage.json").toFile());
    assertThat(json.get("documentedCodes").asInt()).isEqualTo(86);
    assertThat(json.get("injectedCodes").asInt()).isEqualTo(4);
    assertThat(json.get("neverInjectedCodes").asInt()).isEqualTo(82);
    List<Integer> injected = new ArrayList<>();
    int listed = 0;
    for (JsonNode category : json.get("categories")) {
      ErrorCategory c = ErrorCategory.valueOf(category.get("category").asText());
      assertThat(category.get("injected").size() + category.get("neverInjected").size())
          .as("codes listed under %s", c).isEqualTo(GmeErrorCode.inCategory(c).size());
      category.get("injected").forEach(e -> injected.add(e.get("code").asInt()));
      listed += category.get("injected").size() + category.get("neverInjected").size();
    }
    assertThat(listed).isEqualTo(86);
    assertThat(injected).containsExactlyInAnyOrder(7005, 7006, 1001, 8195);
    JsonNode auth = entry(json, 7006);
    assertThat(auth.get("installs").asInt()).isEqualTo(2);
    assertThat(auth.get("fired").asInt()).isEqualTo(1);
    assertThat(auth.get("tests")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
        "ReportedCases.joinsWithFaults()", "ReportedCases.installsWithoutFiring()");
    assertThat(entry(json, 7005).get("fired").asInt()).isEqualTo(1);
    assertThat(entry(json, 8195).get("fired").asInt()).isZero();

    String md = Files.readString(dir.resolve("gme-error-coverage.md"));
    assertThat(md)
        .startsWith("# GME error-code coverage\n\nThis run injected 4 of GME's 86 documented error codes.")
        .contains("| General errors (一般性错误) | 2 of 13 | 11 |")
        .contains("| 7006 | `AV_ERR_AUTH_FIALD` | 2 | 1 | ReportedCases.joinsWithFaults(), ReportedCases.installsWithoutFiring() |")
        .contains("| 7004 | `AV_ERR_NET_REQUEST_FALLED` | ENTER_ROOM |");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("gme-error-coverage.md", "gme-error-coverage.json");
    }
  }

  @Test
  void theReportCanBeTurnedOff(@TempDir Path dir) throws IOException {
    Kit.assertPassed(Kit.run(Map.of(Coverage.ENABLED_PROPERTY, "false", Coverage.DIR_PROPERTY, dir.toString()),
        ReportedCases.class), 2);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  private static JsonNode entry(JsonNode json, int code) {
    for (JsonNode category : json.get("categories")) {
      for (JsonNode e : category.get("injected")) {
        if (e.get("code").asInt() == code) {
          return e;
        }
      }
    }
    throw new AssertionError("code " + code + " not among the injected");
  }

  @GmeSimulatorTest
  static class ReportedCases {
    @Test
    @InjectGmeError(value = 7006, times = 1)
    @InjectGmeError(value = 1001, operations = Operation.ENABLE_MIC)
    void joinsWithFaults(GmeContext gme, EventRecorder events, GmeSimulatorHandle sim) {
      sim.addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_CHARGE_OVERDUE).times(1).build());
      // Not an error effect: the report counts injected codes, not causes.
      sim.addFault(FaultRule.on(Operation.EXIT_ROOM).noReply().build());
      assertEvent(join(gme, events, "10001", "lobby")).hasResult(7006);
      assertEvent(Fixtures.enter(gme, events, "lobby")).hasResult(7005);
      assertEvent(Fixtures.enter(gme, events, "lobby")).succeeded();
      assertThat(gme.enableMic(true)).isEqualTo(1001);
    }

    @Test
    @InjectGmeError(7006)
    @InjectGmeError(8195)
    void installsWithoutFiring() {}
  }
}
