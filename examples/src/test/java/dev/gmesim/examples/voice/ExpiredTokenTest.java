package dev.gmesim.examples.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmesim.core.auth.AppKey;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.examples.voice.TeamVoiceChat.Status;
import dev.gmesim.junit5.GmeSimulatorHandle;
import dev.gmesim.junit5.GmeSimulatorTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A natural 7006, with nothing injected: the simulator checks real auth buffers for this app, the
 * backend's first buffer has expired, and the chat asks the backend for a fresh one and gets in.
 */
@GmeSimulatorTest(apps = ExpiredTokenTest.APP + ":" + ExpiredTokenTest.KEY)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExpiredTokenTest {
  static final String APP = "1400000000";
  /** A test-only key: the backend and the simulator share it, as the game's backend and GME do. */
  static final String KEY = "example-key-0123";

  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void anExpiredBufferIsReplacedByAFreshOneFromTheBackend(GmeContext gme, EventRecorder events,
      GmeSimulatorHandle sim) {
    // The backend's clock starts ten minutes behind, so its first buffer expired five minutes ago.
    AtomicReference<Clock> clock = new AtomicReference<>(
        Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC));
    List<PlayerNotice> notices = new CopyOnWriteArrayList<>();
    TeamVoiceChat chat = new TeamVoiceChat(new SimulatedGmeVoiceSdk(gme, null, events), room -> {
      byte[] token = new VoiceTokenBackend(Long.parseLong(APP), AppKey.of(KEY), clock.get()).roomToken("p1", room);
      clock.set(Clock.systemUTC());
      return token;
    }, RetryPolicy.DEFAULT, scheduler, notices::add);
    assertThat(chat.start(APP, "p1")).isZero();

    chat.join("lobby");

    await().atMost(Duration.ofSeconds(10)).until(chat::status, s -> s == Status.IN_ROOM);
    List<JournalEntry> entries = sim.journal().stream().filter(e -> e.operation() == Operation.ENTER_ROOM).toList();
    assertThat(entries).extracting(JournalEntry::result).containsExactly(7006, 0);
    assertThat(entries.get(0).effect()).isEqualTo("reply (auth buffer: expiry)");
    assertThat(notices).isEmpty();
  }
}
