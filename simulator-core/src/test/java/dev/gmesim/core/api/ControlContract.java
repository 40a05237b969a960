package dev.gmesim.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmesim.core.api.DrillStatus;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.auth.AppKey;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultProfile;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.time.TimeMode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link GmeSimulatorControl} promises, asserted the same way against each implementation:
 * a subclass only says how to start and stop its simulator (time scale {@value #TIME_SCALE}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class ControlContract {
  static final double TIME_SCALE = 100;
  static final String APP = "1400000000";

  GmeSimulatorControl sim;

  /** Starts the simulator under test with time scale {@value #TIME_SCALE} and an open control API. */
  abstract GmeSimulatorControl start() throws Exception;

  /** Stops what {@link #start()} started. */
  abstract void stop();

  @BeforeAll
  void startSimulator() throws Exception {
    sim = start();
  }

  @AfterAll
  void stopSimulator() {
    stop();
  }

  @BeforeEach
  void clean() {
    sim.reset();
    sim.apps().forEach(sim::removeApp);
  }

  /** Inits user {@code openId} on a new context, enters {@code room} and returns ENTER_ROOM's result. */
  int enter(GmeContext gme, EventRecorder events, String openId, String room) {
    assertThat(gme.init(APP, openId)).isZero();
    gme.enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    return events.await(GmeEventType.ENTER_ROOM).result();
  }

  /** A virtual session whatever the simulator's default: the jar's scaled clock would give a loaded machine 1005s. */
  GmeContext connect(EventRecorder events) {
    return GmeContext.builder().room(sim.roomAddress()).clock(TimeMode.virtual()).delegate(events).build();
  }

  static FaultRule authFailure(String openId) {
    return FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD).openId(openId).times(1).build();
  }

  @Test
  void reportsTheTimeScaleItStartedWith() {
    assertThat(sim.timeScale().factor()).isEqualTo(TIME_SCALE);
  }

  @Nested
  class Faults {
    @Test
    void anAddedRuleIsListedWithItsIdAndZeroCounters() {
      FaultRule added = sim.addFault(authFailure("alice"));
      assertThat(added.id()).isNotBlank();
      assertThat(sim.faults()).singleElement().satisfies(s -> {
        assertThat(s.rule()).isEqualTo(added);
        assertThat(s.fired()).isZero();
        assertThat(s.matched()).isZero();
        assertThat(s.active()).isTrue();
      });
      assertThat(sim.fault(added.id())).map(RuleStatus::rule).contains(added);
      assertThat(sim.fault("no-such-rule")).isEmpty();
    }

    @Test
    void aRuleThatFiresCountsItAndTheJournalNamesItAsTheSource() {
      FaultRule rule = sim.addFault(authFailure("bob"));
      EventRecorder events = new EventRecorder();
      try (GmeContext gme = connect(events)) {
        assertThat(enter(gme, events, "bob", "lobby")).isEqualTo(7006);
      }
      RuleStatus status = sim.fault(rule.id()).orElseThrow();
      assertThat(status.fired()).isEqualTo(1);
      assertThat(status.active()).isFalse();
      assertThat(sim.journal(JournalQuery.builder().source(rule.id()).build())).singleElement().satisfies(e -> {
        assertThat(e.operation()).isEqualTo(Operation.ENTER_ROOM);
        assertThat(e.openId()).isEqualTo("bob");
        assertThat(e.roomId()).isEqualTo("lobby");
        assertThat(e.result()).isEqualTo(7006);
        assertThat(e.effect()).isEqualTo("reply");
        assertThat(e.faulted()).isTrue();
        assertThat(e.sessionTimeMs()).isNotNegative();
      });
    }

    @Test
    void addFaultsIsAllOrNothing() {
      sim.addFault(authFailure("carol").newBuilder().id("taken").build());
      List<FaultRule> clash = List.of(authFailure("dave").newBuilder().id("fresh").build(),
          authFailure("erin").newBuilder().id("taken").build());
      assertThatThrownBy(() -> sim.addFaults(clash)).isInstanceOf(RuntimeException.class).hasMessageContaining("taken");
      assertThat(sim.faults()).extracting(s -> s.rule().id()).containsExactly("taken");

      List<FaultRule> added = sim.addFaults(List.of(authFailure("dave"), authFailure("erin")));
      assertThat(added).extracting(r -> r.scope().openId()).containsExactly("dave", "erin");
      assertThat(sim.faults()).extracting(s -> s.rule().id())
          .containsExactly("taken", added.get(0).id(), added.get(1).id());
    }

    @Test
    void removeOneByOwnerAndAll() {
      FaultRule one = sim.addFault(authFailure("frank"));
      sim.addFault(authFailure("grace").newBuilder().owner("suite-a").build());
      sim.addFault(authFailure("heidi").newBuilder().owner("suite-a").build());
      sim.addFault(authFailure("ivan").newBuilder().owner("suite-b").build());

      assertThat(sim.removeFault(one.id())).isTrue();
      assertThat(sim.removeFault(one.id())).isFalse();
      assertThat(sim.removeFaultsByOwner("suite-a")).isEqualTo(2);
      assertThat(sim.removeFaultsByOwner("suite-a")).isZero();
      assertThat(sim.faults()).extracting(s -> s.rule().owner()).containsExactly("suite-b");
      sim.clearFaults();
      assertThat(sim.faults()).isEmpty();
    }
  }

  @Nested
  class JournalAndRooms {
    @Test
    void aQueryFiltersAndItsLimitKeepsTheNewestMatches() {
      for (String user : List.of("u1", "u2", "u3")) {
        EventRecorder events = new EventRecorder();
        try (GmeContext gme = connect(events)) {
          assertThat(gme.init(APP, user)).isZero();
        }
      }
      JournalQuery.Builder inits = JournalQuery.builder().operation(Operation.INIT);
      assertThat(sim.journal(inits.build())).extracting(JournalEntry::openId).containsExactly("u1", "u2", "u3");
      assertThat(sim.journal(inits.limit(2).build())).extracting(JournalEntry::openId).containsExactly("u2", "u3");
      assertThat(sim.journal(JournalQuery.builder().openId("u2").build())).singleElement()
          .satisfies(e -> assertThat(e.faulted()).isFalse());
      long last = sim.journal(JournalQuery.all()).get(2).seq();
      assertThat(sim.journal(JournalQuery.builder().since(last).build())).isEmpty();
    }

    @Test
    void roomsShowTheirMembersAndResetEmptiesEverything() {
      sim.addFault(authFailure("nobody"));
      EventRecorder events = new EventRecorder();
      try (GmeContext gme = connect(events)) {
        assertThat(enter(gme, events, "judy", "arena")).isZero();
        assertThat(sim.rooms()).singleElement().satisfies(r -> {
          assertThat(r.appId()).isEqualTo(APP);
          assertThat(r.roomId()).isEqualTo("arena");
          assertThat(r.openIds()).containsExactly("judy");
        });
        assertThat(sim.room(APP, "arena")).isEqualTo(sim.rooms().stream().findFirst());
        assertThat(sim.room(APP, "elsewhere")).isEmpty();

        sim.reset();
        assertThat(sim.rooms()).isEmpty();
        assertThat(sim.faults()).isEmpty();
        assertThat(sim.journal(JournalQuery.all())).isEmpty();
      }
    }
  }

  @Nested
  class Drills {
    final FaultProfile profile = FaultProfile.parse("name: brownout\nttl: PT10M\nguardRail: {maxFaultShare: 0.5}\n"
        + "rules:\n  - id: slow\n    operations: [ENTER_ROOM]\n    error: 7006\n    probability: 0.5\n",
        FaultProfile.Format.YAML);

    @Test
    void aStartedDrillIsListedWithItsRulesAndItsSummaryEndsWithIt() {
      DrillStatus started = sim.startDrill(profile);
      assertThat(started.running()).isTrue();
      assertThat(started.guardRail().maxFaultShare()).isEqualTo(0.5);
      assertThat(started.rules()).extracting(s -> s.rule().id()).containsExactly("slow");
      assertThat(started.rules()).extracting(s -> s.rule().owner()).containsExactly("drill:brownout");
      assertThat(sim.drills()).extracting(DrillStatus::name).containsExactly("brownout");
      assertThat(sim.drill("brownout")).hasValueSatisfying(d -> {
        assertThat(d.rules()).extracting(s -> s.rule().id()).containsExactly("slow");
        assertThat(d.remaining()).isPresent();
      });
      assertThat(sim.faults()).extracting(s -> s.rule().id()).containsExactly("slow");

      DrillStatus stopped = sim.stopDrill("brownout").orElseThrow();
      assertThat(stopped.state()).isEqualTo(DrillStatus.State.STOPPED);
      assertThat(stopped.rules()).isEmpty();
      assertThat(sim.stopDrill("brownout")).isEmpty();
      assertThat(sim.drill("brownout")).map(DrillStatus::state).contains(DrillStatus.State.STOPPED);
      assertThat(sim.drills()).isEmpty();
      assertThat(sim.faults()).isEmpty();
      assertThat(sim.drill("never-started")).isEmpty();
    }

    @Test
    void theKillSwitchEndsEveryRunningDrill() {
      sim.startDrill(profile);
      assertThat(sim.stopDrills()).extracting(DrillStatus::state).containsExactly(DrillStatus.State.STOPPED);
      assertThat(sim.drills()).isEmpty();
      assertThat(sim.stopDrills()).isEmpty();
    }
  }

  @Nested
  class AppsAndTranscripts {
    @Test
    void anAppKeyIsAddedRotatedListedAndRemoved() {
      assertThat(sim.addApp("1400000002", AppKey.random().reveal())).isFalse();
      assertThat(sim.addApp("1400000001", AppKey.random().reveal())).isFalse();
      assertThat(sim.addApp("1400000001", AppKey.random().reveal())).isTrue();
      assertThat(sim.apps()).containsExactly("1400000001", "1400000002");
      assertThat(sim.removeApp("1400000001")).isTrue();
      assertThat(sim.removeApp("1400000001")).isFalse();
      assertThat(sim.apps()).containsExactly("1400000002");
    }

    @Test
    void aTranscriptForAnUnknownFileIsRefusedNamingTheId() {
      assertThatThrownBy(() -> sim.transcript("http://127.0.0.1/voice/no-such-file", "hello"))
          .isInstanceOf(RuntimeException.class).hasMessageContaining("no-such-file");
    }
  }

  @Nested
  class SettingsAndStats {
    @Test
    void settingsReportThePortsTheClockAndGmesTimeout() {
      SimulatorSettings settings = sim.settings();
      assertThat(settings.roomPort()).isEqualTo(sim.roomAddress().getPort());
      assertThat(settings.timeScale()).isEqualTo(TIME_SCALE);
      assertThat(settings.enterRoomTimeoutMs()).isEqualTo(30_000);
      assertThat(settings.journalCapacity()).isEqualTo(10_000);
      assertThat(settings.version()).isNotBlank();
    }

    @Test
    void aResetStoreHoldsNoVoiceMessagesBelowItsLimit() {
      VoiceMessageStats stats = sim.voiceMessageStats();
      assertThat(stats.files()).isZero();
      assertThat(stats.bytes()).isZero();
      assertThat(stats.maxBytes()).isPositive();
    }
  }
}
