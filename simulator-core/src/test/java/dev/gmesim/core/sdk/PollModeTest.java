package dev.gmesim.core.sdk;

import static dev.gmesim.core.catalog.GmeEventType.ENTER_ROOM;
import static dev.gmesim.core.catalog.GmeEventType.EXIT_ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.SimFixture.Client;
import dev.gmesim.core.time.TimeMode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Strict polling: as in GME, an event reaches the game only inside its Poll, on the polling thread. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PollModeTest extends SimulatorPerTest {

  /** What a delegate saw, and on which thread. */
  record Seen(GmeEvent event, String thread) {}

  private GmeContext strict(List<Seen> seen) {
    return GmeContext.builder().room(f.sim.roomAddress()).poll(PollMode.STRICT)
        .delegate((type, e) -> seen.add(new Seen(e, Thread.currentThread().getName()))).build();
  }

  /** A strict, virtual-clock context whose EnterRoom the server swallows (noReply). */
  private Client silentEntry() {
    Client c = f.connect(TimeMode.virtual(), PollMode.STRICT);
    assertThat(c.gme().init(SimFixture.APP, c.openId())).isZero();
    f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).noReply().times(1).build());
    c.gme().enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    return c;
  }

  @Nested
  class Strict {
    @Test
    void aClientThatNeverPollsReceivesNoEvent() {
      List<Seen> seen = new CopyOnWriteArrayList<>();
      try (GmeContext gme = strict(seen)) {
        assertThat(gme.init(SimFixture.APP, "31")).isZero();
        gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
        // The entry succeeded on the server and its ENTER_ROOM has reached the SDK, where it waits for Poll.
        await().atMost(Duration.ofSeconds(5)).until(() -> gme.eventsWaitingForPoll() == 1);
        assertThat(f.sim.room(SimFixture.APP, "lobby").orElseThrow().openIds()).containsExactly("31");
        assertThat(seen).isEmpty();
      }
    }

    @Test
    void aClientThatPollsOnItsOwnThreadReceivesItsEventsThere() {
      List<Seen> seen = new CopyOnWriteArrayList<>();
      ScheduledExecutorService gameLoop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "game-main"));
      try (GmeContext gme = strict(seen)) {
        gameLoop.scheduleAtFixedRate(gme::poll, 0, 10, TimeUnit.MILLISECONDS);
        assertThat(gme.init(SimFixture.APP, "32")).isZero();
        gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
        gme.exitRoom();
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
        assertThat(seen).extracting(s -> s.event().type()).containsExactly(ENTER_ROOM, EXIT_ROOM);
        assertThat(seen).extracting(Seen::thread).containsOnly("game-main");
        assertThat(seen).extracting(s -> s.event().result()).containsOnly(0);
      } finally {
        gameLoop.shutdownNow();
      }
    }

    @Test
    void anEventRecorderAwaitPollsForTheTest() {
      Client c = f.connect(null, PollMode.STRICT);
      assertThat(c.gme().init(SimFixture.APP, c.openId())).isZero();
      c.gme().enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      assertThat(c.events().await(ENTER_ROOM).result()).isZero();
      assertThat(c.gme().eventsWaitingForPoll()).isZero();
    }

    @Test
    void onAVirtualClockTimeStandsStillBetweenPollsSoExitDuringAHeldEntryAlwaysGives7013() {
      Client c = silentEntry();
      await().atMost(Duration.ofSeconds(5)).until(() -> c.gme().heldRequests() == 1);
      // The SDK knows the entry waits on time alone. With immediate delivery a virtual clock would now
      // skip to its 1005 and race this call; here nothing moves until the game polls or the test awaits.
      c.gme().exitRoom();
      GmeEvent entry = c.events().await(ENTER_ROOM);
      assertThat(entry.result()).isEqualTo(GmeErrorCode.AV_ERR_USER_CANCELED.value());
      assertThat(c.events().await(EXIT_ROOM).result()).isZero();
      assertThat(c.gme().clock().now()).isEqualTo(Duration.ZERO);
    }

    @Test
    void awaitingLetsAVirtualClockSkipAHeldWait() {
      Client c = silentEntry();
      GmeEvent entry = c.events().await(ENTER_ROOM);
      assertThat(entry.result()).isEqualTo(GmeErrorCode.AV_ERR_TIMEOUT.value());
      assertThat(entry.elapsedMillis()).isEqualTo(30_000);
      assertThat(c.gme().clock().now()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aPollIsASkipPointForAVirtualClock() {
      List<Seen> seen = new CopyOnWriteArrayList<>();
      try (GmeContext gme = GmeContext.builder().room(f.sim.roomAddress()).poll(PollMode.STRICT)
          .clock(TimeMode.virtual()).delegate((type, e) -> seen.add(new Seen(e, "")))
          .build()) {
        assertThat(gme.init(SimFixture.APP, "33")).isZero();
        f.sim.addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD)
            .delay(Duration.ofSeconds(10)).times(1).build());
        gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
        // A game loop with nothing to do but wait: each Poll lets the clock reach the next deadline.
        await().atMost(Duration.ofSeconds(5)).until(() -> {
          gme.poll();
          return !seen.isEmpty();
        });
        assertThat(seen).singleElement().satisfies(s -> {
          assertThat(s.event().result()).isEqualTo(7006);
          assertThat(s.event().elapsedMillis()).isEqualTo(10_000);
        });
        assertThat(gme.clock().now()).isEqualTo(Duration.ofSeconds(10));
      }
    }
  }

  @Nested
  class Immediate {
    @Test
    void eventsArriveOnTheSdksThreadWithoutPoll() {
      List<Seen> seen = new CopyOnWriteArrayList<>();
      try (GmeContext gme = GmeContext.builder().room(f.sim.roomAddress())
          .delegate((type, e) -> seen.add(new Seen(e, Thread.currentThread().getName()))).build()) {
        assertThat(gme.init(SimFixture.APP, "34")).isZero();
        gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
        await().atMost(Duration.ofSeconds(5)).until(() -> !seen.isEmpty());
        assertThat(seen).singleElement().satisfies(s -> assertThat(s.thread()).startsWith("gmesim-sdk-callback-"));
        assertThat(gme.poll()).isZero();
      }
    }
  }
}
