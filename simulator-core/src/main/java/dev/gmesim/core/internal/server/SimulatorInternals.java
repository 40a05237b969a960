package dev.gmesim.core.internal.server;

import dev.gmesim.core.internal.world.GmeWorld;
import dev.gmesim.core.internal.world.VoiceMessages;
import dev.gmesim.core.server.GmeSimulator;
import java.util.Objects;
import java.util.function.Function;

/**
 * The simulator's internals (world, journal, voice-message store) for the simulator's own tests
 * and tools: {@link GmeSimulator} hands out only views, so this is the one way in, and it carries
 * no promise.
 *
 * <p>The pattern is the JDK's "shared secrets": {@code GmeSimulator} registers an accessor when its
 * class initialises, so no public method of the API returns an internal type.
 */
public final class SimulatorInternals {
  private static volatile Function<GmeSimulator, SimulatorState> access;

  private SimulatorInternals() {}

  /** Called once by {@code GmeSimulator}'s static initialiser; a second call is refused. */
  public static synchronized void register(Function<GmeSimulator, SimulatorState> accessor) {
    if (access != null) {
      throw new IllegalStateException("SimulatorInternals: an accessor is already registered");
    }
    access = Objects.requireNonNull(accessor, "accessor");
  }

  /** Returns the state the simulator's gateways share. */
  public static SimulatorState state(GmeSimulator simulator) {
    Objects.requireNonNull(simulator, "SimulatorInternals.state: simulator is null");
    // An instance exists, so GmeSimulator's static initialiser has run and registered the accessor.
    return access.apply(simulator);
  }

  /** Returns the bounded journal of answered calls, to filter with any predicate. */
  public static Journal journal(GmeSimulator simulator) {
    return state(simulator).journal();
  }

  /** Returns the stateful world. */
  public static GmeWorld world(GmeSimulator simulator) {
    return state(simulator).world();
  }

  /** Returns the voice-message store (uploaded files, transcripts) and recording state. */
  public static VoiceMessages voiceMessages(GmeSimulator simulator) {
    return state(simulator).voiceMessages();
  }
}
