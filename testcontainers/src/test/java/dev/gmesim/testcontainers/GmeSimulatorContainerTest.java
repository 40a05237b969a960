package dev.gmesim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.api.JournalQuery;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.time.TimeMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Runs the real image. It needs a Docker daemon and a built image, so it runs only when
 * {@code -Dgmesim.docker.image=IMAGE} names one (CI's Docker stage does).
 */
@Testcontainers
@EnabledIfSystemProperty(named = "gmesim.docker.image", matches = "[A-Za-z0-9].*")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GmeSimulatorContainerTest {

  @Container
  static final GmeSimulatorContainer GME =
      new GmeSimulatorContainer(System.getProperty("gmesim.docker.image")).withTimeScale(100);

  @Test
  void aFaultInjectedOverTheControlApiReachesTheSdkInTheContainer() {
    GME.client().addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD)
        .roomId("tc-*").build());
    EventRecorder events = new EventRecorder();
    assertThat(GME.client().timeScale().factor()).isEqualTo(100.0);
    // The container's default clock is scaled(100); this session asks for a virtual one, which the same
    // container serves beside scaled sessions.
    try (GmeContext gme = GmeContext.builder().room(GME.roomAddress()).clock(TimeMode.virtual()).delegate(events)
        .build()) {
      assertThat(gme.clock().mode()).isEqualTo(TimeMode.virtual());
      assertThat(gme.init("1400000000", "20001")).isZero();
      gme.enterRoom("tc-lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      assertThat(events.await(GmeEventType.ENTER_ROOM).result()).isEqualTo(7006);
      gme.enterRoom("other-room", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      assertThat(events.await(GmeEventType.ENTER_ROOM).result()).isZero();
    }
    assertThat(GME.client().journal(JournalQuery.builder().operation(Operation.ENTER_ROOM).build()))
        .extracting(r -> r.result())
        .contains(7006, 0);
  }

  @Test
  void theControlApiRefusesAStrangerWithoutTheToken() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(GME.httpBaseUri() + "/__admin/gme/faults")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain(GME.adminToken());
  }
}
