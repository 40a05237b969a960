package dev.gmesim.core.sdk;

/**
 * How a context hands its events to the delegate. GME delivers no callback unless the game pumps
 * {@code ITMGContext.Poll()} on its main thread; {@link #STRICT} does the same, so a game that forgets
 * Poll fails in its tests, not in production.
 *
 * <pre>{@code
 * GmeContext gme = GmeContext.builder().room(sim.roomAddress()).poll(PollMode.STRICT).build();
 * gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, authBuffer);
 * gameLoop.scheduleAtFixedRate(gme::poll, 0, 33, TimeUnit.MILLISECONDS);  // ENTER_ROOM arrives in there
 * }</pre>
 *
 * @since 0.1
 */
public enum PollMode {
  /**
   * Events reach the delegate at once, on the SDK's own callback threads; {@link GmeContext#poll()}
   * does nothing. Convenient, but kinder than GME.
   */
  IMMEDIATE,
  /**
   * As GME: events wait until {@link GmeContext#poll()}, which delivers them on the calling thread
   * ({@link EventRecorder}'s awaits poll the contexts it records, as a game loop would). On a
   * virtual clock, simulated time moves only while the game polls or a test awaits, so a call made
   * between two polls never races a skip.
   */
  STRICT
}
