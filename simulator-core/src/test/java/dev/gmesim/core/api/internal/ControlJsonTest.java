package dev.gmesim.core.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.api.DrillStatus;
import dev.gmesim.core.api.Health;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.fault.GuardRail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract's records go over the wire in the documented shape and come back equal. */
class ControlJsonTest {
  static final Instant AT = Instant.parse("2026-11-27T03:50:00Z");

  static RuleStatus status() {
    return new RuleStatus(FaultRule.on(Operation.ENTER_ROOM).error(7006).times(2).id("r1").alias("token expiry").build(),
        1, 1, true, AT, Optional.empty());
  }

  @Test
  void aRuleStatusIsWrittenWithItsDescriptionInTheDocumentedOrder() {
    assertThat(ControlJson.write(status())).isEqualTo("{\"rule\":{\"id\":\"r1\",\"alias\":\"token expiry\","
        + "\"operations\":[\"ENTER_ROOM\"],\"effect\":\"error\",\"error\":7006,\"times\":2},"
        + "\"description\":\"'token expiry' (ENTER_ROOM -> 7006 AV_ERR_AUTH_FIALD) fired 1 of 2 times, matched 1\","
        + "\"matched\":1,\"fired\":1,\"active\":true,\"addedAt\":\"2026-11-27T03:50:00Z\"}");
  }

  @Test
  void aDrillHasTheWiresShapeAndReadsBackEqualToTheMillisecond() throws Exception {
    DrillStatus drill = new DrillStatus("brownout", DrillStatus.State.RUNNING, AT, Optional.empty(),
        Optional.of(Duration.ofMinutes(10)), Optional.of(Duration.ofMillis(431_200)), new GuardRail(null, 0.3),
        List.of(status()), 5120, 1003, 2, Map.of("7006", 1003L), Duration.ofMillis(80), null, null);

    String json = ControlJson.write(drill);

    assertThat(json).isEqualTo("{\"name\":\"brownout\",\"state\":\"RUNNING\",\"startedAt\":\"2026-11-27T03:50:00Z\","
        + "\"ttl\":\"PT10M\",\"remainingMs\":431200,\"guardRail\":{\"maxFaultShare\":0.3},\"calls\":5120,\"faults\":1003,"
        + "\"guardRailed\":2,\"faultsByCode\":{\"7006\":1003},\"injectedDelayMs\":{\"p50\":80.0,\"p95\":null,\"p99\":null},"
        + "\"rules\":[" + ControlJson.write(status()) + "]}");
    assertThat(ControlJson.read(json, DrillStatus.class)).isEqualTo(drill);
  }

  @Test
  void aGuardRailThatLimitsNothingIsLeftOut() {
    DrillStatus ended = new DrillStatus("d", DrillStatus.State.STOPPED, AT, Optional.of(AT), Optional.empty(),
        Optional.empty(), GuardRail.none(), List.of(), 0, 0, 0, Map.of(), null, null, null);
    assertThat(ControlJson.write(ended)).doesNotContain("guardRail\"").doesNotContain("remainingMs")
        .contains("\"endedAt\":\"2026-11-27T03:50:00Z\"");
  }

  @Test
  void aJournalEntryLeavesOutWhatWasUnknownAndReadsBackEqual() throws Exception {
    JournalEntry entry = new JournalEntry(4, AT, Operation.INIT, "1400000000", null, null, null, "world", "reply", 0, 12);
    String json = ControlJson.write(entry);
    assertThat(json).isEqualTo("{\"seq\":4,\"at\":\"2026-11-27T03:50:00Z\",\"operation\":\"INIT\",\"appId\":\"1400000000\","
        + "\"source\":\"world\",\"effect\":\"reply\",\"result\":0,\"sessionTimeMs\":12}");
    assertThat(ControlJson.read(json, JournalEntry.class)).isEqualTo(entry);
  }

  @Test
  void roomsAndHealthReadBackEqualWithoutDerivedFields() throws Exception {
    RoomSnapshot room = new RoomSnapshot("1400000000", "lobby", 1,
        List.of(new RoomSnapshot.Member("10001", true, false)));
    assertThat(ControlJson.read(ControlJson.write(room), RoomSnapshot.class)).isEqualTo(room);
    Health health = new Health("UP", 100.0, 3);
    assertThat(ControlJson.write(health)).isEqualTo("{\"status\":\"UP\",\"timeScale\":100.0,\"sessions\":3}");
    assertThat(ControlJson.read(ControlJson.write(health), Health.class)).isEqualTo(health);
  }
}
