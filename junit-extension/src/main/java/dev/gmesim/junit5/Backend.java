package dev.gmesim.junit5;

import dev.gmesim.core.auth.AppCredentials;

import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.fault.RuleStatus;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.time.TimeScale;
import dev.gmesim.core.world.RoomSnapshot;
import java.util.List;

/**
 * The simulator the tests of a scope share, whether embedded in this JVM or running elsewhere;
 * the per-test {@link GmeSimulatorHandle} narrows it to one test. Kept in a JUnit store, which
 * closes it at the end of its scope.
 */
interface Backend extends StoreResource {

  GmeEndpoints endpoints();

  TimeScale timeScale();

  FaultRule addFault(FaultRule rule);

  boolean removeFault(String id);

  /** Every rule with its counters, in order of addition. */
  List<RuleStatus> faults();

  /** Removes every rule this owner installed; returns how many there were. */
  int removeFaultsOwnedBy(String owner);

  /** The journal entries of connections with this tag, oldest first. */
  List<JournalEntry> journal(String tag);

  List<RoomSnapshot> rooms();

  /** Makes the simulator check this app's auth buffers with its key. */
  void addApp(AppCredentials app);

  /** Names the simulator in messages, e.g. {@code embedded simulator (room 127.0.0.1:40123)}. */
  String describe();
}
