package dev.gmesim.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.JournalQuery;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.DelayDistribution;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.server.GmeSimulator;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The remote client against a real simulator that requires a token: it reads like the embedded one. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GmeSimulatorClientTest {
  static final String TOKEN = "client-test-token-0123456789";
  static final String APP = "1400000000";
  static final AtomicInteger USERS = new AtomicInteger(30000);
  static GmeSimulator sim;
  static GmeSimulatorClient client;

  @BeforeAll
  static void start() {
    sim = GmeSimulator.builder().timeScale(100).adminToken(TOKEN).start();
    client = GmeSimulatorClient.connect(sim.httpBaseUri(), TOKEN);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void clean() {
    client.reset();
  }

  /** Enters a room as a fresh user and returns the ENTER_ROOM result. */
  static int enterAsNewUser(String openId, String room) {
    EventRecorder events = new EventRecorder();
    try (GmeContext gme = GmeContext.builder().room(client.roomAddress()).delegate(events).build()) {
      assertThat(gme.init(APP, openId)).isZero();
      gme.enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      return events.await(GmeEventType.ENTER_ROOM).result();
    }
  }

  static String newUser() {
    return String.valueOf(USERS.incrementAndGet());
  }

  @Nested
  class Faults {

    @Test
    void anAddedRuleComesBackWithItsIdAndTheSdkSeesItsCode() {
      String alice = newUser();
      FaultRule rule = client.addFault(FaultRule.on(Operation.ENTER_ROOM)
          .error(GmeErrorCode.AV_ERR_AUTH_FIALD)
          .delay(DelayDistribution.uniform(Duration.ofMillis(1), Duration.ofMillis(5)))
          .openId(alice)
          .times(1)
          .alias("expired token")
          .build());
      assertThat(rule.id()).isNotBlank();
      assertThat(rule.alias()).isEqualTo("expired token");

      assertThat(enterAsNewUser(alice, "lobby")).isEqualTo(7006);

      RuleStatus status = client.fault(rule.id()).orElseThrow();
      assertThat(status.fired()).isEqualTo(1);
      assertThat(status.rule()).isEqualTo(rule);
      assertThat(client.faults()).extracting(s -> s.rule().id()).containsExactly(rule.id());
    }

    @Test
    void aListIsAddedAllOrNothingAndARefusalCarriesTheServersMessage() {
      client.addFault(FaultRule.on(Operation.INIT).noReply().id("taken").build());
      List<FaultRule> clash = List.of(
          FaultRule.on(Operation.ENTER_ROOM).error(7006).build(),
          FaultRule.on(Operation.ENTER_ROOM).error(1005).id("taken").build());
      assertThatThrownBy(() -> client.addFaults(clash))
          .isInstanceOfSatisfying(RemoteSimulatorException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.field()).isEqualTo("id");
            assertThat(e.getMessage()).contains("POST /__admin/gme/faults answered 409")
                .contains("id 'taken'").contains("give the rule another id");
          });
      assertThat(client.faults()).hasSize(1);

      List<FaultRule> added = client.addFaults(List.of(
          FaultRule.on(Operation.ENTER_ROOM).error(7006).build(),
          FaultRule.on(Operation.EXIT_ROOM).disconnect().build()));
      assertThat(added).extracting(FaultRule::id).doesNotContainNull().doesNotHaveDuplicates();
      assertThat(client.faults()).hasSize(3);
    }

    @Test
    void rulesAreRemovedByIdByOwnerOrAllAtOnce() {
      FaultRule a = client.addFault(FaultRule.on(Operation.INIT).noReply().owner("t1").build());
      client.addFault(FaultRule.on(Operation.INIT).noReply().owner("t1").build());
      client.addFault(FaultRule.on(Operation.INIT).noReply().owner("t2").build());
      assertThat(client.removeFault(a.id())).isTrue();
      assertThat(client.removeFault(a.id())).isFalse();
      assertThat(client.fault(a.id())).isEmpty();
      assertThat(client.removeFaultsByOwner("t1")).isEqualTo(1);
      client.clearFaults();
      assertThat(client.faults()).isEmpty();
    }
  }

  @Nested
  class Observing {

    @Test
    void theJournalIsFilteredAndReadBackAsRecords() {
      String bob = newUser();
      FaultRule rule = client.addFault(FaultRule.on(Operation.ENTER_ROOM).error(7006).openId(bob).build());
      assertThat(enterAsNewUser(bob, "red")).isEqualTo(7006);

      List<JournalEntry> faulted = client.journal(JournalQuery.builder().source(rule.id()).build());
      assertThat(faulted).singleElement().satisfies(r -> {
        assertThat(r.operation()).isEqualTo(Operation.ENTER_ROOM);
        assertThat(r.openId()).isEqualTo(bob);
        assertThat(r.roomId()).isEqualTo("red");
        assertThat(r.result()).isEqualTo(7006);
        assertThat(r.faulted()).isTrue();
        assertThat(r.at()).isNotNull();
      });
      List<JournalEntry> inits = client.journal(JournalQuery.builder().operation(Operation.INIT).openId(bob).build());
      assertThat(inits).singleElement().satisfies(r -> assertThat(r.faulted()).isFalse());
      assertThat(client.journal()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void roomsShowWhoIsIn() {
      EventRecorder events = new EventRecorder();
      String carol = newUser();
      try (GmeContext gme = GmeContext.builder().room(client.roomAddress()).delegate(events).build()) {
        gme.init(APP, carol);
        gme.enterRoom("green", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
        assertThat(events.await(GmeEventType.ENTER_ROOM).result()).isZero();
        assertThat(client.rooms()).singleElement().satisfies(r -> assertThat(r.openIds()).containsExactly(carol));
        assertThat(client.room(APP, "green")).hasValueSatisfying(r -> assertThat(r.roomId()).isEqualTo("green"));
        assertThat(client.room(APP, "nowhere")).isEmpty();
      }
    }

    @Test
    void healthCatalogSettingsAndMetricsAreReadable() {
      assertThat(client.health().isUp()).isTrue();
      assertThat(client.health().timeScale()).isEqualTo(100.0);
      assertThat(client.catalog()).containsExactly(GmeErrorCode.values());
      assertThat(client.roomAddress().getPort()).isEqualTo(sim.roomAddress().getPort());
      assertThat(client.timeScale().factor()).isEqualTo(100.0);
      assertThat(client.metrics()).contains("gmesim_sessions");
    }
  }

  @Nested
  class Connecting {

    @Test
    void aWrongTokenFailsAtConnectNamingTheFix() {
      assertThatThrownBy(() -> GmeSimulatorClient.connect(sim.httpBaseUri(), "not-the-token-0123456789"))
          .isInstanceOfSatisfying(RemoteSimulatorException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.field()).isEqualTo("Authorization");
            assertThat(e.getMessage()).contains("does not match").doesNotContain("not-the-token");
          });
    }

    @Test
    void noTokenFailsAtConnectNamingTheFlag() {
      assertThatThrownBy(() -> GmeSimulatorClient.connect(sim.httpBaseUri()))
          .isInstanceOf(RemoteSimulatorException.class)
          .hasMessageContaining("--admin-token");
    }

    @Test
    void nothingListeningSaysWhereItLooked() throws Exception {
      int port;
      try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        port = probe.getLocalPort();
      }
      URI nowhere = URI.create("http://127.0.0.1:" + port);
      assertThatThrownBy(() -> GmeSimulatorClient.connect(nowhere))
          .isInstanceOfSatisfying(RemoteSimulatorException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).contains("127.0.0.1:" + port).contains("is it running");
          });
    }

    @Test
    void theRoomAddressUsesTheHostTheClientReachedTheSimulatorBy() {
      InetSocketAddress room = client.roomAddress();
      assertThat(room.getHostString()).isEqualTo(sim.httpBaseUri().getHost());
    }
  }
}
