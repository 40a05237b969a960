package dev.gmesim.core.sdk;

import static dev.gmesim.core.catalog.GmeEventType.ENTER_ROOM;
import static dev.gmesim.core.catalog.GmeEventType.RECONNECT_SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.api.JournalQuery;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.server.GmeSimulator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Built values are shareable: reusing a builder after build()/start() never changes what it built. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BuilderSnapshotTest {
  @Test
  void aContextReconnectsToTheRoomItWasBuiltForAfterItsBuilderIsRetargeted() {
    try (GmeSimulator first = GmeSimulator.start(); GmeSimulator second = GmeSimulator.start()) {
      EventRecorder events = new EventRecorder();
      GmeContext.Builder builder = GmeContext.builder().room(first.roomAddress()).tag("first").delegate(events);
      try (GmeContext original = builder.build();
           GmeContext retargeted = builder.room(second.roomAddress()).tag("second").delegate(new EventRecorder())
               .build()) {
        assertThat(original.init(SimFixture.APP, "10001")).isZero();
        original.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
        assertThat(events.await(ENTER_ROOM).result()).isZero();

        first.addFault(FaultRule.on(Operation.ENABLE_MIC).disconnect().times(1).build());
        assertThat(original.enableMic(true)).isEqualTo(GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.value());
        assertThat(events.await(RECONNECT_SUCCESS).result()).isZero();

        // The reconnect goes back to the simulator and with the tag the context was built with.
        assertThat(first.room(SimFixture.APP, "lobby").orElseThrow().openIds()).containsExactly("10001");
        assertThat(first.journal(JournalQuery.builder().operation(Operation.ENTER_ROOM).build())).extracting(e -> e.tag()).containsOnly("first");
        assertThat(second.rooms()).isEmpty();
        assertThat(retargeted.tag()).isEqualTo("second");
      }
    }
  }

  @Test
  void aSimulatorKeepsTheTimeScaleItStartedWithAfterItsBuilderChanges() {
    GmeSimulator.Builder builder = GmeSimulator.builder().timeScale(1000);
    try (GmeSimulator sim = builder.start()) {
      builder.timeScale(5);
      assertThat(sim.timeScale().factor()).isEqualTo(1000.0);
    }
  }
}
