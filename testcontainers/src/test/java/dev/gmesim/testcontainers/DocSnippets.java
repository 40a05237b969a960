package dev.gmesim.testcontainers;

import static dev.gmesim.junit5.GmeAssertions.awaitEvent;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.junit5.GmeSimulatorExtension;
import dev.gmesim.junit5.InjectGmeError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The Java snippets of testcontainers/README.md and the README's Docker section, as compiled code
 * (nested classes, so the build compiles them but runs only the real container tests, which need
 * Docker). examples' DocSnippetsMatchSourcesTest compares each region with its doc.
 */
final class DocSnippets {
  private DocSnippets() {}

  static class ReadmeDocker {
    // tag::readme-docker-container[]
    @Container
    static final GmeSimulatorContainer GME = new GmeSimulatorContainer("gme-simulator");

    // The JUnit extension's remote mode, pointed straight at it:
    @RegisterExtension
    static final GmeSimulatorExtension SIMULATOR = GmeSimulatorExtension.builder()
        .remote(GME::httpBaseUri, GME::adminToken, GME::roomAddress)
        .build();
    // end::readme-docker-container[]
  }

  // tag::testcontainers-readme-client[]
  @Testcontainers
  class VoiceChatContainerTest {
    @Container
    static final GmeSimulatorContainer GME = new GmeSimulatorContainer("gme-simulator:latest");

    @Test
    void anExpiredTokenFailsEntry() {
      GME.client().addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD).build());
      try (GmeContext gme = GmeContext.builder().room(GME.roomAddress()).http(GME.httpBaseUri()).build()) {
        // init, enterRoom, ... : ENTER_ROOM reports 7006
      }
    }
  }
  // end::testcontainers-readme-client[]

  // tag::testcontainers-readme-remote-mode[]
  @Testcontainers
  class LobbyAgainstTheContainerTest {
    @Container
    static final GmeSimulatorContainer GME = new GmeSimulatorContainer("gme-simulator:latest").withTimeScale(100);

    @RegisterExtension
    static final GmeSimulatorExtension SIMULATOR = GmeSimulatorExtension.builder()
        .remote(GME::httpBaseUri, GME::adminToken, GME::roomAddress)
        .build();

    @Test
    @InjectGmeError(7006)
    void anInjectedCodeReachesTheContext(GmeContext gme, EventRecorder events) {
      gme.init("1400000000", "30001");
      gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(7006);
    }
  }
  // end::testcontainers-readme-remote-mode[]
}
