package dev.gmesim.core.sdk;

import dev.gmesim.core.internal.protocol.RoomArgs;
import dev.gmesim.core.sdk.internal.Session;
import dev.gmesim.core.time.TimeMode;
import dev.gmesim.core.time.TimeScale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * The simulated GME SDK: a Java mirror of {@code ITMGContext} that talks to a GME simulator over
 * the room protocol. Asynchronous calls ({@code enterRoom}, {@code exitRoom}, {@code switchRoom},
 * {@code changeRoomType}) return 0 when the request went out and report their outcome as a GME
 * event to the delegate; the others return their result code, as GME's do.
 *
 * <p>As in GME, EnterRoom has its own 30 s timer: if the server stays silent, the delegate gets
 * {@code ENTER_ROOM} with result 1005 after 30 simulated seconds. Simulated time belongs to the
 * context's session ({@link #clock()}): on a {@link TimeMode#virtual() virtual} clock (the embedded
 * simulator's default) those 30 s pass in no wall time, and a reply that is merely slow in wall
 * time is never turned into a timeout; {@link TimeMode#manual() manual} and
 * {@link TimeMode#scaled(double) scaled} clocks are one builder call away.
 *
 * <p>Events reach the delegate on the SDK's own threads unless the context polls strictly
 * ({@link Builder#poll(PollMode)}): then, as in GME, only inside {@link #poll()}. A dropped room
 * connection is resumed as GME does ({@link Builder#reconnect(ReconnectPolicy)}).
 *
 * <pre>{@code
 * try (GmeContext gme = GmeContext.builder().room(simulator.roomAddress()).build()) {
 *   EventRecorder events = new EventRecorder();
 *   gme.setTMGDelegate(events);
 *   gme.init("1400000000", "10001");
 *   gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, authBuffer);
 *   GmeEvent entered = events.await(GmeEventType.ENTER_ROOM);
 *   if (entered.result() == 0) {
 *     gme.enableMic(true);
 *   }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class GmeContext implements AutoCloseable {
  /** {@code ITMG_ROOM_TYPE_FLUENCY}: 16 kHz, the only type enabled by default. */
  public static final int ROOM_TYPE_FLUENCY = 1;
  /** {@code ITMG_ROOM_TYPE_STANDARD}: 48 kHz. */
  public static final int ROOM_TYPE_STANDARD = 2;
  /** {@code ITMG_ROOM_TYPE_HIGHQUALITY}: 48 kHz. */
  public static final int ROOM_TYPE_HIGHQUALITY = 3;

  /** The connection, its clock and the room state GME keeps; this class is the API over it. */
  private final Session session;
  private final GmeRoom room;
  private final GmeAudioCtrl audio;
  private volatile GmeDelegate delegate;
  private GmePtt ptt;

  private GmeContext(Session.Settings settings, GmeDelegate delegate) throws IOException {
    this.delegate = delegate;
    this.session = new Session(settings, this::dispatch, this::stalled);
    this.room = new GmeRoom(session);
    this.audio = new GmeAudioCtrl(session);
    attach(delegate);
  }

  /** Returns a builder; {@link Builder#room} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Sets the delegate that receives events ({@code SetTMGDelegate}); set it before entering a room. */
  public int setTMGDelegate(GmeDelegate delegate) {
    this.delegate = delegate;
    attach(delegate);
    return 0;
  }

  private void attach(GmeDelegate d) {
    if (d instanceof EventRecorder r) {
      // A test blocked in its awaits is a session waiting: a virtual clock may skip ahead then.
      r.attach(session.clock(), session.events());
    }
  }

  /** {@code Init(appId, openId)}: starts the context; returns 0 or a GME error code. */
  public int init(String appId, String openId) {
    return session.call(new RoomArgs.Init(appId, openId));
  }

  /** {@code Uninit()}: stops the context (1202 while in a room). */
  public int uninit() {
    return session.call(new RoomArgs.Uninit());
  }

  /**
   * {@code Poll()}: with {@link PollMode#STRICT}, delivers the queued events on the calling thread, then
   * lets a virtual clock skip to its next deadline if the session waits on nothing but time; returns 0.
   * With {@link PollMode#IMMEDIATE} it does nothing.
   */
  public int poll() {
    session.poll();
    return 0;
  }

  /**
   * {@code EnterRoom(roomId, roomType, authBuffer)}: returns 0 once the request is out; the
   * outcome arrives as {@code ENTER_ROOM} ({@code result}, {@code error_info}).
   */
  public int enterRoom(String roomId, int roomType, byte[] authBuffer) {
    return session.callAsync(new RoomArgs.EnterRoom(roomId, roomType, base64(authBuffer)));
  }

  /** {@code ExitRoom()}: the outcome arrives as {@code EXIT_ROOM}. */
  public int exitRoom() {
    return session.callAsync(new RoomArgs.ExitRoom());
  }

  /** The same as {@code getRoom().switchRoom(targetRoomId, authBuffer)}, where GME has it. */
  public int switchRoom(String targetRoomId, byte[] authBuffer) {
    return room.switchRoom(targetRoomId, authBuffer);
  }

  /** The same as {@code getRoom().changeRoomType(roomType)}, where GME has it. */
  public int changeRoomType(int roomType) {
    return room.changeRoomType(roomType);
  }

  /** {@code IsRoomEntered()}: whether the last room event left this context in a room. */
  public boolean isRoomEntered() {
    return session.room() != null;
  }

  /** Returns the room this context is in, or null. */
  public String currentRoom() {
    return session.room();
  }

  /**
   * {@code ITMGContext.Pause()}: GME's "Totally Pause SDK, including releasing Physical Devices
   * Occupation", for a game going to the background. The room hears the mic close (USER_UPDATE 12) if it was open and this
   * context hears nothing; the switches the game set stay (the {@code Is...Enabled} getters), while
   * {@code GetMicState}/{@code GetSpeakerState} report 0. Works in and out of a room after Init;
   * 1101 before Init, 1003 ({@code AV_ERR_HAS_IN_THE_STATE}) when already paused (docs silent on both).
   */
  public int pause() {
    return session.call(new RoomArgs.Pause());
  }

  /**
   * {@code ITMGContext.Resume()}: restores voice chat after {@link #pause()}: the devices come back as
   * the switches say (the room hears USER_UPDATE 11 if the mic works again); 1003 without a Pause.
   */
  public int resume() {
    return session.call(new RoomArgs.Resume());
  }

  /** The same as {@code getAudioCtrl().enableMic(enable)}, where GME has it. */
  public int enableMic(boolean enable) {
    return audio.enableMic(enable);
  }

  /** The same as {@code getAudioCtrl().enableSpeaker(enable)}, where GME has it. */
  public int enableSpeaker(boolean enable) {
    return audio.enableSpeaker(enable);
  }

  /** The same as {@code getAudioCtrl().initSpatializer(modelPath)}, where GME has it. */
  public int initSpatializer(String modelPath) {
    return audio.initSpatializer(modelPath);
  }

  /** The same as {@code getAudioCtrl().enableSpatializer(enable, applyToTeam)}, where GME has it. */
  public int enableSpatializer(boolean enable, boolean applyToTeam) {
    return audio.enableSpatializer(enable, applyToTeam);
  }

  /** {@code ITMGContext.GetRoom()}: the calls on the room this context is in (GME's {@code ITMGRoom}). */
  public GmeRoom getRoom() {
    return room;
  }

  /** {@code ITMGContext.GetAudioCtrl()}: microphone, speaker and 3D-voice calls (GME's {@code ITMGAudioCtrl}). */
  public GmeAudioCtrl getAudioCtrl() {
    return audio;
  }

  /**
   * {@code GetPTT()}: the voice-message (push-to-talk) API of this context; its events arrive at
   * this context's delegate.
   */
  public synchronized GmePtt getPTT() {
    if (ptt == null) {
      ptt = new GmePtt(session);
    }
    return ptt;
  }

  /**
   * Returns this session's clock: its mode, its simulated time, and {@code advance} for a manual
   * clock. Everything simulated (timeouts, fault delays, recording and playback lengths) runs on it.
   */
  public SessionClock clock() {
    return session.clock();
  }

  /** Returns the time scale of a scaled session, or real time for a virtual or manual one (which ignore it). */
  public TimeScale timeScale() {
    return session.clock().mode().scale();
  }

  /** Returns whether the room connection is open. */
  public boolean isConnected() {
    return session.isConnected();
  }

  /** Requests on the current connection that still wait for a reply; tests check that abandoned calls let go. */
  int pendingRequests() {
    return session.pendingRequests();
  }

  /** Events that wait for {@link #poll()} (strict polling); tests check that none slipped through. */
  int eventsWaitingForPoll() {
    return session.events().waiting();
  }

  /** Requests the server holds on this session's clock; tests wait for a hold before acting during it. */
  int heldRequests() {
    return session.clock().heldCount();
  }

  /** Returns the connection's tag, or null. */
  String tag() {
    return session.tag();
  }

  /**
   * Not a GME call: the player talks into the microphone for {@code duration} of simulated time, the
   * test's stand-in for a voice. Each member who can hear it (mic and speaker on, not blacklisted by
   * the listener, and with range voice in team or range) receives {@code USER_UPDATE} 5 naming this
   * player, then 6 once it has been silent for 2 s on the listener's clock. Returns 0, 1201 outside a
   * room, 1301 with the mic off (nothing is captured; the simulator's choice, GME having no such
   * call), or 1004 for a null, zero or negative duration.
   */
  public int speak(Duration duration) {
    if (duration == null) {
      // The only check made here: null cannot travel; the server refuses a duration under 1 ms.
      return dev.gmesim.core.catalog.GmeErrorCode.AV_ERR_INVALID_ARGUMENT.value();
    }
    int result = session.call(new RoomArgs.Speak(duration.toMillis()));
    if (result == 0) {
      session.voice().talking(duration.toMillis());
    }
    return result;
  }

  /**
   * {@code ITMGContext.SetRangeAudioTeamID(teamId)}: before EnterRoom a non-zero team puts the next
   * entry in range voice (0: none) and returns the code; in a room it changes team, returns 0 once
   * the request is out, and reports {@code CHANGETEAMID} ({@code result}, {@code error_info},
   * {@code teamid}); 0 in a room is refused there with 1004, as GME requires a non-zero team.
   */
  public int setRangeAudioTeamID(int teamId) {
    RoomArgs.SetRangeAudioTeamId args = new RoomArgs.SetRangeAudioTeamId(teamId);
    return isRoomEntered() ? session.callAsync(args) : session.call(args);
  }

  /**
   * {@code ITMGContext.SetRangeAudioMode(mode)}: {@link #RANGE_AUDIO_MODE_WORLD} (others within the
   * receive range, and teammates) or {@link #RANGE_AUDIO_MODE_TEAM} (teammates only); any other value,
   * GME's custom modes 100-107 included (not simulated), gets 1004.
   */
  public int setRangeAudioMode(int mode) {
    return session.call(new RoomArgs.SetRangeAudioMode(mode));
  }

  /** {@code ITMG_RANGE_AUDIO_MODE_WORLD}: hear teammates, and others within the receive range. */
  public static final int RANGE_AUDIO_MODE_WORLD = 0;
  /** {@code ITMG_RANGE_AUDIO_MODE_TEAM}: hear and be heard by teammates only. */
  public static final int RANGE_AUDIO_MODE_TEAM = 1;

  /** Closes the room connection and releases the SDK's shared threads when no other context uses them. */
  @Override
  public void close() {
    if (session.isClosed()) {
      return;
    }
    GmePtt p;
    synchronized (this) {
      p = ptt;
    }
    if (p != null) {
      p.close();
    }
    session.close();
  }

  private void dispatch(GmeEvent e) {
    GmeDelegate d = delegate;
    if (d != null) {
      d.onEvent(e.type(), e);
    }
  }

  /** A call stalled (no GME outcome, so no event): a test's {@link EventRecorder} fails its awaits with the message. */
  private void stalled(String message) {
    if (delegate instanceof EventRecorder r) {
      r.stalled(message);
    }
  }

  static String base64(byte[] authBuffer) {
    return authBuffer == null ? "" : Base64.getEncoder().encodeToString(authBuffer);
  }

  /** Settings for a context; {@link #room} is required. */
  public static final class Builder {
    private InetSocketAddress address;
    private String tag;
    private String sdkName = "gmesim-java";
    private Duration connectTimeout = Duration.ofSeconds(5);
    private GmeDelegate delegate;
    private PollMode poll = PollMode.IMMEDIATE;
    private ReconnectPolicy reconnect = ReconnectPolicy.gme();
    private URI http;
    private TimeMode clock;
    private Duration stallGuard = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * Sends voice-message HTTP calls to this base URI (e.g. {@code http://localhost:8080}) instead of
     * the one the simulator announces; useful behind port mappings or against a stock WireMock
     * that serves the {@code wiremock-mappings} files.
     */
    public Builder http(URI baseUri) {
      this.http = baseUri;
      return this;
    }

    /**
     * Asks the simulator for this session clock in HELLO; without it the simulator's default applies
     * (virtual for the embedded simulator, scaled for the standalone jar). See {@link SessionClock}.
     */
    public Builder clock(TimeMode mode) {
      this.clock = Objects.requireNonNull(mode,
          "GmeContext.builder().clock: mode is null; pass TimeMode.virtual(), manual() or scaled(f)");
      return this;
    }

    /**
     * On a virtual or manual clock, fails a call whose reply neither came nor was announced as held
     * within this much wall time (default 60 s), with a message instead of a hang or a GME code.
     */
    public Builder stallGuard(Duration guard) {
      if (guard == null || guard.isNegative() || guard.isZero()) {
        throw new IllegalArgumentException("GmeContext.builder().stallGuard(" + guard
            + "): use a positive duration, e.g. Duration.ofSeconds(60)");
      }
      this.stallGuard = guard;
      return this;
    }

    /**
     * Sets how the context gets back into its room after the connection drops (default
     * {@link ReconnectPolicy#gme()}: 60 simulated minutes, an attempt every 30 s).
     */
    public Builder reconnect(ReconnectPolicy policy) {
      this.reconnect = Objects.requireNonNull(policy,
          "GmeContext.builder().reconnect: policy is null; pass ReconnectPolicy.gme() or a variant of it");
      return this;
    }

    /** Connects to the simulator's room gateway at this address. */
    public Builder room(InetSocketAddress address) {
      this.address = address;
      return this;
    }

    /** Connects to the simulator's room gateway at {@code host:port}. */
    public Builder room(String host, int port) {
      return room(new InetSocketAddress(host, port));
    }

    /** Tags the connection so that fault rules scoped to this tag apply to it alone (one tag per test). */
    public Builder tag(String tag) {
      this.tag = tag;
      return this;
    }

    /** Names the SDK in the handshake (shown in the simulator's journal and logs). */
    public Builder sdkName(String name) {
      this.sdkName = name;
      return this;
    }

    /** Gives up connecting after this long (default 5 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** Sets the delegate from the start; see {@link GmeContext#setTMGDelegate}. */
    public Builder delegate(GmeDelegate delegate) {
      this.delegate = delegate;
      return this;
    }

    /**
     * Chooses how events reach the delegate (default {@link PollMode#IMMEDIATE}); {@link PollMode#STRICT}
     * holds them until {@link GmeContext#poll()}, as GME does.
     */
    public Builder poll(PollMode mode) {
      this.poll = Objects.requireNonNull(mode,
          "GmeContext.builder().poll: mode is null; pass PollMode.STRICT or PollMode.IMMEDIATE");
      return this;
    }

    /** Connects and performs the handshake; throws {@link UncheckedIOException} naming the address if that fails. */
    public GmeContext build() {
      if (address == null) {
        throw new IllegalStateException("GmeContext.builder(): call room(address) first, e.g. room(simulator.roomAddress())");
      }
      try {
        return new GmeContext(new Session.Settings(address, tag, sdkName, connectTimeout, http, clock, stallGuard,
            poll, reconnect), delegate);
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }
  }
}
