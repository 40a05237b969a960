package dev.gmesim.core.internal.protocol;

/**
 * The typed {@code data} of the server's protocol messages that the SDK reads field by field,
 * written by the room gateway and read by the SDK through {@link ArgsCodec} (the SDK ignores fields
 * it does not know, so a newer server may add some). GME's own reply and event payloads stay maps:
 * the SDK hands them to the game as they come.
 */
public sealed interface RoomData {

  /**
   * HELLO's reply: the session the server opened and its settings (docs/protocol.md, "Handshake").
   * A server from before session clocks sends no {@code clock}, {@code now} or {@code originEpochMs}.
   */
  record Welcome(@RoomArgs.Default String server, @RoomArgs.Default("1") int version,
      @RoomArgs.Default String sessionId, @RoomArgs.Default String clock, @RoomArgs.Default("1.0") double timeScale,
      @RoomArgs.Default Long now, @RoomArgs.Default Long originEpochMs,
      @RoomArgs.Default("30000") long enterRoomTimeoutMs, @RoomArgs.Default("30000") long requestTimeoutMs,
      @RoomArgs.Default("15000") long heartbeatIntervalMs, @RoomArgs.Default("90000") long idleTimeoutMs,
      @RoomArgs.Default String httpBaseUri) implements RoomData {}

  /**
   * The {@code HELD} event: the reply to request {@code id} waits on the session's clock until
   * {@code until} simulated ms, or for good (the client's own timer ends the wait) when null.
   */
  record Held(long id, @RoomArgs.Default Long until) implements RoomData {}

  /** ADVANCE's reply: the session's simulated time now. */
  record Advanced(long now) implements RoomData {}
}
