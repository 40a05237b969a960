package dev.gmesim.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Apps with keys from the annotation and the builder, and GmeAuth minting buffers the simulator accepts. */
class GmeAuthTest {

  @Nested
  @GmeSimulatorTest(apps = "1400000000:test-key-0123456")
  class FromTheAnnotation {
    @Test
    void aMintedBufferEnters(GmeContext gme, EventRecorder events, GmeAuth auth) {
      gme.init(auth.appId(), "10001");
      gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, auth.roomBuffer("10001", "lobby"));
      GmeAssertions.awaitEvent(events, GmeEventType.ENTER_ROOM).succeeded();
    }

    @Test
    void anExpiredBufferFailsWith7006ByItself(GmeContext gme, EventRecorder events, GmeAuth auth) {
      gme.init(auth.appId(), "10001");
      gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY,
          auth.roomBuffer("10001", "lobby", Instant.now().minusSeconds(5)));
      GmeAssertions.awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(GmeErrorCode.AV_ERR_AUTH_FIALD);
    }

    @Test
    void anyBytesStillPassForAnAppWithoutAKey(GmeContext gme, EventRecorder events) {
      gme.init("1400000999", "10001");
      gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      GmeAssertions.awaitEvent(events, GmeEventType.ENTER_ROOM).succeeded();
    }

    @Test
    void theHelperNeverShowsTheKey(GmeAuth auth) {
      assertThat(auth.toString()).contains("1400000000").doesNotContain("test-key-0123456");
    }
  }

  @Nested
  class FromTheBuilder {
    @RegisterExtension
    final GmeSimulatorExtension gme = GmeSimulatorExtension.builder().app("1400000001", "builder-key-0123").build();

    @Test
    void aBufferForAnotherPlayerFailsWith7006(GmeContext ctx, EventRecorder events, GmeAuth auth) {
      ctx.init(auth.appId(), "10001");
      ctx.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, auth.roomBuffer("someone-else", "lobby"));
      GmeAssertions.awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(GmeErrorCode.AV_ERR_AUTH_FIALD);
    }
  }
}
