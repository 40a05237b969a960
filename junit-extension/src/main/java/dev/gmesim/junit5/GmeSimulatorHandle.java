package dev.gmesim.junit5;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeDelegate;
import dev.gmesim.core.time.TimeScale;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One test's view of the simulator it runs against: add faults beyond the annotations, read the
 * journal of its own calls, look at rooms. The handle is bound to the test: the faults it adds
 * apply to the test's own SDK contexts and are removed after the test, so tests running in
 * parallel on one shared simulator never see each other's faults.
 *
 * <pre>{@code
 * @Test
 * void secondJoinSucceedsAfterAnAuthFailure(GmeSimulatorHandle sim, GmeContext gme, EventRecorder events) {
 *   sim.addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD).times(1).build());
 *   gme.init("1400000000", "10001");
 *   gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
 *   GmeAssertions.awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(7006);
 *   gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
 *   GmeAssertions.awaitEvent(events, GmeEventType.ENTER_ROOM).succeeded();
 *   assertThat(sim.journal()).hasSize(3);
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface GmeSimulatorHandle {

  /** Returns the tag that marks this test's SDK connections and server API clients, and owns its fault rules. */
  String tag();

  /**
   * Adds a fault rule for this test and returns it with its id. A rule without a tag is limited
   * to this test's SDK contexts and {@link GmeCloudApi} clients, and a rule without an owner is
   * removed after the test; set either yourself to widen or keep a rule on purpose.
   */
  FaultRule addFault(FaultRule rule);

  /** Removes one fault rule by id; returns whether it existed. */
  boolean removeFault(String id);

  /** Returns this test's fault rules with their counters, the annotations' included, in order of addition. */
  List<RuleStatus> faults();

  /** Returns the journal entries of this test's calls, oldest first. */
  List<JournalEntry> journal();

  /** Returns every non-empty room on the simulator and its members (rooms are shared by all tests). */
  List<RoomSnapshot> rooms();

  /** Returns one room, if it has members. */
  default Optional<RoomSnapshot> room(String appId, String roomId) {
    return rooms().stream().filter(r -> r.appId().equals(appId) && r.roomId().equals(roomId)).findFirst();
  }

  /** Returns the simulator's addresses. */
  GmeEndpoints endpoints();

  /** Returns the room gateway's address; shorthand for {@code endpoints().room()}. */
  default InetSocketAddress roomAddress() {
    return endpoints().room();
  }

  /** Returns the HTTP side's base URI; shorthand for {@code endpoints().http()}. */
  default URI httpBaseUri() {
    return endpoints().http();
  }

  /** Returns the simulator's clock scale (100 unless the test chose another). */
  TimeScale timeScale();

  /**
   * Opens one more connected SDK context for this test (a second player, say), tagged like the
   * test's own and closed after the test.
   */
  GmeContext newContext(GmeDelegate delegate);
}
