package dev.gmesim.core.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.sdk.SimFixture.Client;
import dev.gmesim.core.time.TimeMode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a context does with calls that end without their reply: a timeout, or the context closing. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ContextCallsTest extends SimulatorPerTest {
  @Nested
  class SyncTimeout {
    @Test
    void aSyncCallThatTimesOutStopsWaitingForItsReply() {
      Client c = f.inRoom("lobby");
      f.sim.addFault(FaultRule.on(Operation.ENABLE_MIC).noReply().times(1).build());
      assertThat(c.gme().enableMic(true)).isEqualTo(GmeErrorCode.AV_ERR_TIMEOUT.value());
      // A reply that never comes must not keep the request waiting for as long as the connection lives.
      // (The 30 s the virtual clock skipped took CHANGE_ROOM_QUALITY samples, whose replies are on their way.)
      await().atMost(Duration.ofSeconds(5)).until(() -> c.gme().pendingRequests() == 0);
      assertThat(c.gme().enableMic(true)).isZero();
    }
  }

  @Nested
  class AfterClose {
    @Test
    void anEntryInFlightWhenTheContextClosesReportsNothingToTheDelegate() {
      // Another context keeps the SDK's shared threads alive, so an event would surely be delivered.
      Client bystander = f.inited();
      // A manual clock: simulated time stands still, so the SDK's 30 s timer cannot end the entry first.
      Client c = f.inited(TimeMode.manual());
      f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).noReply().openId(c.openId()).build());
      assertThat(c.gme().enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0])).isZero();
      await().atMost(Duration.ofSeconds(5)).until(() -> SimulatorInternals.journal(f.sim).find(
          e -> e.operation() == Operation.ENTER_ROOM && c.openId().equals(e.openId())).size() == 1);
      c.gme().close();
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
          .untilAsserted(() -> assertThat(c.events().events()).as("events after close()").isEmpty());
      assertThat(bystander.gme().isConnected()).isTrue();
    }
  }
}
