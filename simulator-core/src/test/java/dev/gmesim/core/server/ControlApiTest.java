package dev.gmesim.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.server.Journal;
import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The control API over real HTTP, against a simulator that real SDK contexts use. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ControlApiTest {
  static final String APP = "1400000000";
  static final AtomicInteger USERS = new AtomicInteger(20000);
  static GmeSimulator sim;
  static ControlHttp http;
  final List<GmeContext> contexts = new ArrayList<>();

  @BeforeAll
  static void start() {
    sim = GmeSimulator.builder().timeScale(100).start();
    http = ControlHttp.to(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void clean() {
    sim.reset();
  }

  @AfterEach
  void closeContexts() {
    contexts.forEach(GmeContext::close);
  }

  /** An inited SDK context with a fresh openId. */
  record User(GmeContext gme, EventRecorder events, String openId) {
    int enter(String room) {
      gme.enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
      return events.await(GmeEventType.ENTER_ROOM).result();
    }
  }

  User user() {
    EventRecorder events = new EventRecorder();
    GmeContext gme = GmeContext.builder().room(sim.roomAddress()).delegate(events).build();
    contexts.add(gme);
    String openId = String.valueOf(USERS.incrementAndGet());
    assertThat(gme.init(APP, openId)).isZero();
    return new User(gme, events, openId);
  }

  static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  @Nested
  class Faults {

    @Test
    void anAddedRuleComesBackWithItsIdAndFailsTheSdkCall() {
      User alice = user();
      ControlHttp.Reply added = http.post("faults",
          "{\"operations\":[\"ENTER_ROOM\"],\"error\":7006,\"times\":1,\"openId\":\"" + alice.openId() + "\"}");
      assertThat(added.status()).isEqualTo(201);
      String id = added.json().path("id").asText();
      assertThat(id).isNotBlank();
      assertThat(added.headers().firstValue("Location")).hasValue("/__admin/gme/faults/" + id);

      assertThat(alice.enter("lobby")).isEqualTo(7006);

      JsonNode status = http.get("faults/" + id).json();
      assertThat(status.path("fired").asInt()).isEqualTo(1);
      assertThat(status.path("active").asBoolean()).isFalse();
      assertThat(status.path("description").asText()).contains("ENTER_ROOM -> 7006 AV_ERR_AUTH_FIALD");
    }

    @Test
    void aListOfRulesIsAddedInOrderOrNotAtAll() {
      ControlHttp.Reply refused = http.post("faults",
          "{\"rules\":[{\"error\":7006},{\"error\":1005,\"probability\":2}]}");
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().path("field").asText()).isEqualTo("rules[1].probability");
      assertThat(sim.faults()).isEmpty();

      ControlHttp.Reply added = http.post("faults",
          "{\"rules\":[{\"id\":\"first\",\"error\":7006},{\"operations\":[\"INIT\"],\"effect\":\"noReply\"}]}");
      assertThat(added.status()).isEqualTo(201);
      assertThat(list(added.json().path("rules"))).extracting(r -> r.path("id").asText())
          .containsExactly("first", sim.faults().get(1).rule().id());
      assertThat(list(http.get("faults").json().path("rules")))
          .extracting(r -> r.path("rule").path("id").asText())
          .containsExactly("first", sim.faults().get(1).rule().id());
    }

    @Test
    void anIdAlreadyInUseIsAConflict() {
      assertThat(http.post("faults", "{\"id\":\"x\",\"error\":7006}").status()).isEqualTo(201);
      ControlHttp.Reply again = http.post("faults", "{\"id\":\"x\",\"error\":1005}");
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.json().path("field").asText()).isEqualTo("id");
      assertThat(again.json().path("message").asText()).contains("already used").contains("remove(\"x\")");
    }

    @Test
    void oneRuleIsRemovedByIdAndTheRestByOwnerOrAllAtOnce() {
      http.post("faults", "{\"id\":\"a\",\"error\":7006,\"owner\":\"test-1\"}");
      http.post("faults", "{\"id\":\"b\",\"error\":7006,\"owner\":\"test-1\"}");
      http.post("faults", "{\"id\":\"c\",\"error\":7006,\"owner\":\"test-2\"}");
      http.post("faults", "{\"id\":\"d\",\"error\":7006}");

      assertThat(http.delete("faults/a").json().path("removed").asInt()).isEqualTo(1);
      assertThat(http.delete("faults?owner=test-1").json().path("removed").asInt()).isEqualTo(1);
      assertThat(sim.faults()).extracting(s -> s.rule().id()).containsExactly("c", "d");
      assertThat(http.delete("faults").json().path("removed").asInt()).isEqualTo(2);
      assertThat(sim.faults()).isEmpty();
    }

    @Test
    void anIdWithSpacesIsReachedPercentEncoded() {
      http.post("faults", "{\"id\":\"token expiry\",\"error\":7006}");
      assertThat(http.get("faults/token%20expiry").json().path("rule").path("id").asText()).isEqualTo("token expiry");
      assertThat(http.delete("faults/token%20expiry").status()).isEqualTo(200);
    }
  }

  @Nested
  class JournalQueries {

    @Test
    void callsAreFilteredByOperationOpenIdRoomAndResult() {
      User alice = user();
      User bob = user();
      http.post("faults", "{\"id\":\"auth\",\"operations\":[\"ENTER_ROOM\"],\"error\":7006,\"openId\":\""
          + bob.openId() + "\"}");
      assertThat(alice.enter("lobby")).isZero();
      assertThat(bob.enter("lobby")).isEqualTo(7006);

      JsonNode faulted = http.get("journal?operation=ENTER_ROOM&result=7006").json();
      assertThat(list(faulted.path("entries"))).singleElement().satisfies(e -> {
        assertThat(e.path("openId").asText()).isEqualTo(bob.openId());
        assertThat(e.path("roomId").asText()).isEqualTo("lobby");
        assertThat(e.path("source").asText()).isEqualTo("auth");
        assertThat(e.path("effect").asText()).isEqualTo("reply");
        assertThat(e.path("appId").asText()).isEqualTo(APP);
        assertThat(e.path("at").asText()).isNotBlank();
      });
      assertThat(list(http.get("journal?openId=" + alice.openId()).json().path("entries")))
          .extracting(e -> e.path("operation").asText()).containsExactly("INIT", "ENTER_ROOM");
      assertThat(list(http.get("journal?roomId=lobby&result=AV_ERR_AUTH_FIALD").json().path("entries")))
          .hasSize(1);
      assertThat(list(http.get("journal?source=world&operation=ENTER_ROOM").json().path("entries")))
          .extracting(e -> e.path("openId").asText()).containsExactly(alice.openId());
    }

    @Test
    void aLimitReturnsTheNewestEntriesAndSinceOnlyNewerOnes() {
      for (int i = 0; i < 5; i++) {
        user();
      }
      JsonNode all = http.get("journal").json();
      assertThat(all.path("matched").asInt()).isEqualTo(5);
      List<Long> seqs = list(all.path("entries")).stream().map(e -> e.path("seq").asLong()).toList();

      JsonNode newest = http.get("journal?limit=2").json();
      assertThat(newest.path("returned").asInt()).isEqualTo(2);
      assertThat(list(newest.path("entries"))).extracting(e -> e.path("seq").asLong())
          .containsExactlyElementsOf(seqs.subList(3, 5));
      assertThat(list(http.get("journal?since=" + seqs.get(3)).json().path("entries")))
          .extracting(e -> e.path("seq").asLong()).containsExactly(seqs.get(4));
      assertThat(all.path("capacity").asInt()).isEqualTo(SimulatorInternals.journal(sim).capacity());
    }
  }

  @Nested
  class Catalog {

    @Test
    void withoutFiltersItListsEveryDocumentedCode() {
      JsonNode all = http.get("catalog").json();
      assertThat(all.path("count").asInt()).isEqualTo(GmeErrorCode.values().length).isEqualTo(86);
    }

    @Test
    void filtersNarrowByCodeNameCategoryAndOperation() {
      assertThat(list(http.get("catalog?code=7006").json().path("codes"))).singleElement().satisfies(c -> {
        assertThat(c.path("name").asText()).isEqualTo("AV_ERR_AUTH_FIALD");
        assertThat(c.path("category").asText()).isEqualTo("GENERAL");
        assertThat(list(c.path("operations"))).extracting(JsonNode::asText).contains("ENTER_ROOM");
        assertThat(c.path("errorInfo").asText()).startsWith("AV_ERR_AUTH_FIALD");
      });
      assertThat(list(http.get("catalog?name=auth").json().path("codes")))
          .allSatisfy(c -> assertThat(c.path("name").asText()).contains("AUTH"))
          .isNotEmpty();
      JsonNode voice = http.get("catalog?category=voice_message&operation=PTT_UPLOAD").json();
      assertThat(list(voice.path("codes"))).isNotEmpty().allSatisfy(c -> {
        assertThat(c.path("category").asText()).isEqualTo("VOICE_MESSAGE");
        assertThat(list(c.path("operations"))).extracting(JsonNode::asText).contains("PTT_UPLOAD");
      });
    }
  }

  @Nested
  class RoomsAndReset {

    @Test
    void roomsShowTheirMembersAndCanBeNarrowedToOne() {
      User alice = user();
      User bob = user();
      alice.enter("red");
      bob.enter("blue");
      assertThat(list(http.get("rooms").json().path("rooms"))).hasSize(2);
      JsonNode red = http.get("rooms?appId=" + APP + "&roomId=red").json();
      assertThat(list(red.path("rooms"))).singleElement().satisfies(r -> {
        assertThat(r.path("roomType").asInt()).isEqualTo(GmeContext.ROOM_TYPE_FLUENCY);
        assertThat(list(r.path("members"))).extracting(m -> m.path("openId").asText())
            .containsExactly(alice.openId());
      });
    }

    @Test
    void resetClearsFaultsJournalAndRooms() {
      user().enter("red");
      http.post("faults", "{\"error\":7006}");
      assertThat(http.post("reset", null).json().path("reset").asBoolean()).isTrue();
      assertThat(sim.faults()).isEmpty();
      assertThat(SimulatorInternals.journal(sim).size()).isZero();
      assertThat(sim.rooms()).isEmpty();
    }
  }

  @Nested
  class SettingsAndMetrics {

    @Test
    void settingsNameTheRoomPortAndTheClock() {
      JsonNode s = http.get("settings").json();
      assertThat(s.path("roomPort").asInt()).isEqualTo(sim.roomAddress().getPort());
      assertThat(s.path("timeScale").asDouble()).isEqualTo(100.0);
      assertThat(s.path("admin").asText()).isEqualTo("loopback");
      assertThat(s.path("journalCapacity").asInt()).isEqualTo(Journal.DEFAULT_CAPACITY);
    }

    @Test
    void metricsCountCallsAndInjectedFaultsByOperationAndCode() {
      User alice = user();
      http.post("faults", "{\"operations\":[\"ENTER_ROOM\"],\"error\":7006,\"times\":1,\"openId\":\""
          + alice.openId() + "\"}");
      assertThat(alice.enter("lobby")).isEqualTo(7006);
      assertThat(alice.enter("lobby")).isZero();

      ControlHttp.Reply metrics = http.get("metrics");
      assertThat(metrics.contentType()).startsWith("text/plain");
      assertThat(metrics.body())
          .containsPattern("gmesim_calls_total\\{operation=\"ENTER_ROOM\",result=\"7006\",source=\"fault\"} [1-9]")
          .containsPattern("gmesim_calls_total\\{operation=\"ENTER_ROOM\",result=\"0\",source=\"world\"} [1-9]")
          .containsPattern(
              "gmesim_faults_injected_total\\{code=\"7006\",effect=\"error\",operation=\"ENTER_ROOM\"} [1-9]")
          .contains("gmesim_rooms 1.0")
          .containsPattern("gmesim_sessions [1-9]")
          .contains("gmesim_fault_rules_active 0.0");
    }

    @Test
    void callsJournaledByAnyChannelAreCounted() {
      // The HTTP side journals its calls the same way; the metrics hook sits on the journal.
      SimulatorInternals.journal(sim).record(Operation.PTT_UPLOAD, APP, "u1", null, null, "r9", "server error", 503);
      assertThat(http.get("metrics").body())
          .containsPattern("gmesim_calls_total\\{operation=\"PTT_UPLOAD\",result=\"503\",source=\"fault\"} 1.0")
          .containsPattern(
              "gmesim_faults_injected_total\\{code=\"503\",effect=\"serverError\",operation=\"PTT_UPLOAD\"} 1.0");
    }
  }
}
