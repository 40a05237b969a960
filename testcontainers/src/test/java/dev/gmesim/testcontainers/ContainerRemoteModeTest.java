package dev.gmesim.testcontainers;

import static dev.gmesim.junit5.GmeAssertions.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.junit5.GmeSimulatorExtension;
import dev.gmesim.junit5.GmeSimulatorHandle;
import dev.gmesim.junit5.InjectGmeError;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The JUnit extension's remote mode, pointed straight at a Testcontainers container: the
 * container's extension starts it first, then ours reads its addresses and token.
 */
@Testcontainers
@EnabledIfSystemProperty(named = "gmesim.docker.image", matches = "[A-Za-z0-9].*")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ContainerRemoteModeTest {

  @Container
  static final GmeSimulatorContainer GME =
      new GmeSimulatorContainer(System.getProperty("gmesim.docker.image")).withTimeScale(100);

  @RegisterExtension
  static final GmeSimulatorExtension SIMULATOR = GmeSimulatorExtension.builder()
      .remote(GME::httpBaseUri, GME::adminToken, GME::roomAddress)
      .build();

  @Test
  @InjectGmeError(7006)
  void anInjectedCodeReachesTheTestsContextThroughTheContainer(GmeContext gme, EventRecorder events,
      GmeSimulatorHandle sim) {
    assertThat(gme.init("1400000000", "30001")).isZero();
    gme.enterRoom("remote-lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(7006);
    assertThat(sim.journal()).extracting(e -> e.operation()).contains(Operation.ENTER_ROOM);
  }

  @Test
  @InjectGmeError(value = 1005, operations = Operation.ENTER_ROOM)
  void silenceBecomesTheSdksOwnTimeoutOnTheContainersClock(GmeContext gme, EventRecorder events) {
    assertThat(gme.init("1400000000", "30002")).isZero();
    gme.enterRoom("remote-lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(1005).hasElapsedMillis(30_000);
  }
}
