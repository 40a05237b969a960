package dev.gmesim.core.sdk.internal;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.protocol.ArgsCodec;
import dev.gmesim.core.internal.protocol.ArgumentException;
import dev.gmesim.core.internal.protocol.Message;
import dev.gmesim.core.internal.protocol.Ops;
import dev.gmesim.core.internal.protocol.RoomArgs;
import dev.gmesim.core.internal.protocol.RoomData;
import dev.gmesim.core.sdk.GmeEvent;
import dev.gmesim.core.time.TimeMode;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated SDK context's life on the wire: the connection and its HELLO, the heartbeat, calls
 * with GME's timeouts on the session clock, the room state GME keeps (account, room, devices), and
 * the reconnect that follows a lost connection (RECONNECT_START, then RECONNECT_SUCCESS with mic
 * and speaker restored, or ROOM_DISCONNECT). {@code GmeContext} and {@code GmePtt} are facades over it.
 */
public final class Session implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  /**
   * What a context was built with; final, so a reconnect uses the address and tag of its own build.
   *
   * @param address the room gateway
   * @param tag the connection's tag, or null
   * @param sdkName the SDK's name in HELLO
   * @param connectTimeout the wall-clock bound on connecting and on HELLO
   * @param http the voice-message HTTP base the builder named, or null for the one HELLO announces
   * @param clock the clock mode to ask for, or null for the simulator's default
   * @param stallGuard the wall-clock bound on a reply that neither comes nor is announced as held
   * @param polled whether events wait for {@code Poll()} instead of being delivered at once
   */
  public record Settings(InetSocketAddress address, String tag, String sdkName, Duration connectTimeout, URI http,
      TimeMode clock, Duration stallGuard, boolean polled) {}

  private final Settings cfg;
  private final SdkRuntime runtime;
  private final EventLoop loop;
  private final ClockEngine clock;
  private final Executor callbacks;
  private final Events events;
  private final RoomAudio audio;
  private final Consumer<String> onStall;
  private final AtomicLong ids = new AtomicLong();
  private final Object reconnectLock = new Object();
  private volatile Connection conn;
  private volatile String sessionId;
  private volatile long originEpochMs = -1;
  private volatile Duration enterRoomTimeout = Duration.ofSeconds(30);
  private volatile Duration requestTimeout = Duration.ofSeconds(30);
  private volatile URI httpBase;
  private volatile ScheduledFuture<?> heartbeat;
  private volatile boolean closed;
  // The state GME keeps for the game: re-applied after a reconnect, since a new server session starts empty.
  private volatile String appId;
  private volatile String openId;
  private volatile String room;
  private volatile int roomType;
  private volatile boolean micOn;
  private volatile boolean speakerOn;

  /**
   * Connects and performs the handshake. {@code dispatch} hands one event to the delegate;
   * {@code onStall} hears of a call that stalled (no GME outcome, so no event).
   */
  public Session(Settings cfg, Consumer<GmeEvent> dispatch, Consumer<String> onStall) throws IOException {
    this.cfg = cfg;
    this.onStall = onStall;
    this.runtime = SdkRuntime.acquire();
    this.loop = runtime.io().next();
    this.clock = new ClockEngine(loop, cfg.stallGuard());
    // One serial executor per context: its events, and its reconnect, run in order.
    this.callbacks = new SerialExecutor(runtime.callbacks());
    this.events = new Events(clock, callbacks, cfg.polled(), dispatch);
    this.audio = new RoomAudio(this, clock, events);
    clock.advancer(now -> {
      Connection c = conn;
      if (c == null || !c.isOpen()) {
        return CompletableFuture.completedFuture(null);
      }
      return c.sendUntracked(ids.incrementAndGet(), new RoomArgs.Advance(now));
    });
    try {
      this.conn = connect();
    } catch (IOException | RuntimeException e) {
      SdkRuntime.release(runtime);
      throw e;
    }
    if (!conn.isOpen()) {
      // Dropped right after the handshake, before conn was set: the loss handler saw another
      // connection and stood down, so reconnect now.
      lost(conn);
    }
  }

  // ---- calls --------------------------------------------------------------------------------

  /**
   * Makes a call that returns its result code, as GME's synchronous calls do: 1101 after close,
   * 1007 on the SDK's own I/O thread, 7004 when the connection fails, 1005 on timeout.
   */
  public int call(RoomArgs args) {
    if (closed) {
      return GmeErrorCode.AV_ERR_CONTEXT_NOT_EXIST.value();
    }
    if (conn.inEventLoop()) {
      // Blocking the I/O thread would deadlock the reply we wait for; GME likewise refuses calls off its thread.
      return GmeErrorCode.AV_ERR_NOT_IN_MAIN_THREAD.value();
    }
    Connection c = connection();
    long id = ids.incrementAndGet();
    try {
      int result = awaitReply(c, id, c.send(id, args), args.op(), requestTimeout).result();
      track(args, result);
      return result;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Connection.StalledException stall) {
        throw new IllegalStateException(stall.getMessage(), stall);
      }
      return GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.value();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return GmeErrorCode.AV_ERR_USER_CANCELED.value();
    }
  }

  /**
   * Makes a call whose outcome is a GME event ({@code ENTER_ROOM}, ...): returns 0 once the request is
   * out, and delivers the event with {@code result}, {@code error_info}, the reply's data and
   * {@code elapsed_ms}; 1005 when the SDK's own timer (on the session clock) fires first.
   */
  public int callAsync(RoomArgs args) {
    Operation op = Operation.valueOf(args.op());
    GmeEventType type = op.event().orElseThrow();
    Duration simulatedTimeout = op == Operation.ENTER_ROOM ? enterRoomTimeout : requestTimeout;
    if (closed) {
      return GmeErrorCode.AV_ERR_CONTEXT_NOT_EXIST.value();
    }
    Connection c = connection();
    long id = ids.incrementAndGet();
    long startMs = clock.nowMs();
    CompletableFuture<Message.Reply> f = c.send(id, args);
    Message.Reply timeout = new Message.Reply(id, GmeErrorCode.AV_ERR_TIMEOUT.value(),
        GmeErrorCode.AV_ERR_TIMEOUT.name() + ": no " + type.name() + " result within "
            + simulatedTimeout.toMillis() + " ms", null);
    ClockEngine.Timer timer = clock.scheduleAt(startMs + simulatedTimeout.toMillis(), () -> {
      // Runs on the context's loop, as replies do, so a reply and the timer cannot both win.
      if (f.isDone()) {
        return;
      }
      c.forget(id);
      if (op == Operation.ENTER_ROOM) {
        // Tell the server first, so a new EnterRoom sent after the 1005 event is not refused as in flight.
        c.sendOneWay(ids.incrementAndGet(), new RoomArgs.CancelEnter(id));
      }
      f.complete(timeout);
    });
    f.whenComplete((reply, failure) -> {
      timer.cancel();
      if (closed) {
        // close() fails what is in flight; the caller closed the context, so this is no network error to report.
        return;
      }
      if (failure instanceof Connection.StalledException stall) {
        stalled(stall.getMessage());
        return;
      }
      Message.Reply r = orFailure(reply, failure);
      // The SDK's timer fired at exactly the timeout, in simulated time; report that, not scheduling jitter.
      long elapsed = r == timeout ? simulatedTimeout.toMillis() : clock.nowMs() - startMs;
      track(args, r.result());
      Map<String, Object> fields = Events.fields(r.data());
      fields.put("elapsed_ms", elapsed);
      events.emit(type, r.result(), r.errorInfo(), fields);
    });
    return 0;
  }

  /** Sends a request on an open connection (reconnecting first if it dropped); the future completes with its reply. */
  public CompletableFuture<Message.Reply> send(RoomArgs args) {
    return connection().send(ids.incrementAndGet(), args);
  }

  /** Returns the reply, or for a failed exchange the 7004 reply GME's SDK reports for a network failure. */
  public static Message.Reply orFailure(Message.Reply reply, Throwable failure) {
    if (reply != null) {
      return reply;
    }
    GmeErrorCode code = GmeErrorCode.AV_ERR_NET_REQUEST_FALLED;
    return new Message.Reply(-1, code.value(), code.name() + ": " + (failure == null ? "no reply" : failure.getMessage()),
        null);
  }

  /**
   * Waits for a reply as GME's SDK does: 1005 once {@code timeout} of simulated time has passed. On a
   * scaled clock the wait is wall time plus 5 s of slack (a loaded machine must not time out a
   * normal reply); on a virtual or manual clock it is a session timer, and the wall clock only
   * guards against a reply that stalled without notice.
   */
  private Message.Reply awaitReply(Connection c, long id, CompletableFuture<Message.Reply> f, String op,
      Duration timeout) throws ExecutionException, InterruptedException {
    Message.Reply timedOut = new Message.Reply(id, GmeErrorCode.AV_ERR_TIMEOUT.value(),
        GmeErrorCode.AV_ERR_TIMEOUT.name() + ": no " + op + " reply within " + timeout.toMillis() + " ms", null);
    ClockEngine.Timer timer = null;
    Duration wall;
    if (clock.isSimulated()) {
      timer = clock.schedule(timeout, () -> {
        // On the context's loop, as replies are: forget first, so the woken caller finds nothing pending.
        if (!f.isDone()) {
          c.forget(id);
          f.complete(timedOut);
        }
      });
      wall = clock.stallGuard().multipliedBy(2);
    } else {
      wall = clock.mode().scale().toWall(timeout).plusSeconds(5);
    }
    try {
      return f.get(wall.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // Nobody waits any more: without this the request would stay pending for the connection's whole life.
      c.forget(id);
      return timedOut;
    } finally {
      if (timer != null) {
        timer.cancel();
      }
    }
  }

  /** Keeps the state GME keeps for the game (IsRoomEntered, the account, the devices) from each call's result. */
  private void track(RoomArgs args, int result) {
    if (args instanceof RoomArgs.SwitchRoom s && result == GmeErrorCode.QAV_ERR_TRY_NEW_ROOM_FAILED.value()) {
      leftRoom();
    }
    if (result != 0) {
      return;
    }
    // Java 17: no pattern matching in switch, so an instanceof chain over the sealed arguments.
    if (args instanceof RoomArgs.Init a) {
      appId = a.appId();
      openId = a.openId();
    } else if (args instanceof RoomArgs.Uninit) {
      appId = null;
      openId = null;
    } else if (args instanceof RoomArgs.EnterRoom a) {
      room = a.roomId();
      roomType = a.roomType();
      audio.entered();
    } else if (args instanceof RoomArgs.ExitRoom) {
      leftRoom();
    } else if (args instanceof RoomArgs.SwitchRoom a) {
      room = a.targetRoomId();
      audio.switched();
    } else if (args instanceof RoomArgs.EnableMic a) {
      micOn = a.enable();
    } else if (args instanceof RoomArgs.EnableSpeaker a) {
      speakerOn = a.enable();
    }
  }

  /** Leaving a room turns its devices off, as the simulator's world does; a switch keeps them. */
  private void leftRoom() {
    audio.left();
    room = null;
    micOn = false;
    speakerOn = false;
  }

  /**
   * A request stalled: no reply and no hold notice within the stall guard. That is no GME outcome,
   * so no GME event is sent; the log and the owner's stall hook say what happened.
   */
  public void stalled(String message) {
    LOG.error("GME simulator session {}: {}", sessionId, message);
    onStall.accept(message);
  }

  // ---- connection, heartbeat, reconnect --------------------------------------------------------

  private Connection connect() throws IOException {
    Connection c = Connection.open(loop, clock, cfg.address(), cfg.connectTimeout(), this::pushed, this::lost);
    TimeMode asked = cfg.clock();
    boolean again = sessionId != null;
    // A reconnect continues the session's simulated time instead of starting it again at 0.
    RoomArgs.Hello hello = new RoomArgs.Hello(Ops.PROTOCOL_VERSION, cfg.sdkName(), cfg.tag(),
        asked == null ? null : asked.kind().wireName(),
        asked != null && asked.kind() == TimeMode.Kind.SCALED ? asked.factor() : null,
        again ? clock.nowMs() : null, again ? originEpochMs : null);
    RoomData.Welcome w;
    try {
      Message.Reply r = c.sendUntracked(ids.incrementAndGet(), hello)
          .get(cfg.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
      w = ArgsCodec.readData(RoomData.Welcome.class, r.data(), "HELLO reply");
    } catch (ExecutionException | TimeoutException | ArgumentException e) {
      c.close();
      Message.ErrorFrame ef = c.lastError();
      throw new IOException("HELLO to the GME simulator at " + cfg.address() + " failed"
          + (ef == null ? ": " + e : ": " + ef.code() + " " + ef.message()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      c.close();
      throw new IOException("interrupted during HELLO", e);
    }
    // A simulator from before session clocks names no mode: its clock is scaled.
    TimeMode confirmed = w.clock() == null || TimeMode.parse(w.clock()).kind() == TimeMode.Kind.SCALED
        ? TimeMode.scaled(w.timeScale()) : TimeMode.parse(w.clock());
    clock.configure(confirmed, w.now() != null ? w.now() : sessionId == null ? 0 : clock.nowMs());
    sessionId = w.sessionId();
    originEpochMs = w.originEpochMs() != null ? w.originEpochMs() : System.currentTimeMillis();
    enterRoomTimeout = Duration.ofMillis(w.enterRoomTimeoutMs());
    requestTimeout = Duration.ofMillis(w.requestTimeoutMs());
    if (cfg.http() != null) {
      httpBase = cfg.http();
    } else if (w.httpBaseUri() != null) {
      httpBase = URI.create(w.httpBaseUri());
    }
    ScheduledFuture<?> old = heartbeat;
    if (old != null) {
      old.cancel(false);
    }
    // Heartbeats guard a real socket, so they run on the wall clock in every mode.
    heartbeat = runtime.io().scheduleAtFixedRate(() -> {
      Connection now = conn;
      if (now != null && now.isOpen()) {
        now.sendOneWay(ids.incrementAndGet(), new RoomArgs.Ping());
      }
    }, w.heartbeatIntervalMs(), w.heartbeatIntervalMs(), TimeUnit.MILLISECONDS);
    return c;
  }

  private void pushed(Message.Event e) {
    GmeEventType type;
    try {
      type = GmeEventType.valueOf(e.event());
    } catch (IllegalArgumentException unknown) {
      LOG.debug("ignoring unknown event {}", e.event());
      return;
    }
    if (type == GmeEventType.ROOM_DISCONNECT) {
      // The server removed this member (server API DeleteRoomMember): it is in no room any more.
      leftRoom();
    }
    Map<String, Object> fields = Events.fields(e.data());
    if (type == GmeEventType.USER_UPDATE && audio.consumes(fields)) {
      return;
    }
    events.deliver(new GmeEvent(type, fields));
  }

  /**
   * The server closed the connection (a disconnect or reset fault, or the server went away).
   * In a room, GME reconnects by itself: RECONNECT_START, then RECONNECT_SUCCESS, or
   * ROOM_DISCONNECT when the room cannot be entered again.
   */
  private void lost(Connection dead) {
    if (closed) {
      return;
    }
    callbacks.execute(() -> reconnect(dead));
  }

  private void reconnect(Connection dead) {
    String wasIn;
    int result = 0;
    String info = "";
    synchronized (reconnectLock) {
      if (closed || conn != dead) {
        // A call made meanwhile already reconnected (see connection()).
        return;
      }
      wasIn = room;
      if (wasIn != null) {
        events.emit(GmeEventType.RECONNECT_START, 0, "the room connection dropped; reconnecting", Map.of());
      }
      try {
        conn = connect();
        if (closed) {
          // close() ran while we connected and may have seen only the dead connection: without this,
          // the new one and its heartbeat would live on for as long as any other context does.
          dropConnection();
          return;
        }
        result = appId == null ? 0 : call(new RoomArgs.Init(appId, openId));
        info = result == 0 ? "" : "Init failed while reconnecting";
        if (result == 0 && wasIn != null) {
          long enterId = ids.incrementAndGet();
          Message.Reply r = awaitReply(conn, enterId, conn.send(enterId, new RoomArgs.EnterRoom(wasIn, roomType, "")),
              Operation.ENTER_ROOM.name(), enterRoomTimeout);
          result = r.result();
          info = r.errorInfo();
          if (result == 0) {
            restoreDevices();
          }
        }
      } catch (IOException | ExecutionException e) {
        result = GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.value();
        info = GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.name() + ": could not reconnect: " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (wasIn != null && result != 0) {
        leftRoom();
      }
    }
    if (wasIn == null) {
      return;
    }
    if (result == 0) {
      events.emit(GmeEventType.RECONNECT_SUCCESS, 0, "", Map.of());
    } else {
      events.emit(GmeEventType.ROOM_DISCONNECT, result, info, Map.of());
    }
  }

  /** Re-applies mic and speaker on the new session before RECONNECT_SUCCESS, so the player is heard and hears at once. */
  private void restoreDevices() throws ExecutionException, InterruptedException {
    if (micOn) {
      long id = ids.incrementAndGet();
      awaitReply(conn, id, conn.send(id, new RoomArgs.EnableMic(true)), Operation.ENABLE_MIC.name(), requestTimeout);
    }
    if (speakerOn) {
      long id = ids.incrementAndGet();
      awaitReply(conn, id, conn.send(id, new RoomArgs.EnableSpeaker(true)), Operation.ENABLE_SPEAKER.name(),
          requestTimeout);
    }
  }

  /**
   * Returns an open connection: a call made after the connection dropped, but before the
   * background reconnect ran, reconnects first (or waits for the reconnect under way).
   */
  public Connection connection() {
    Connection c = conn;
    if (!c.isOpen() && !closed) {
      reconnect(c);
    }
    return conn;
  }

  private void dropConnection() {
    ScheduledFuture<?> hb = heartbeat;
    if (hb != null) {
      hb.cancel(false);
    }
    Connection c = conn;
    if (c != null) {
      c.close();
    }
  }

  /** Closes the connection and releases the SDK's shared threads when no other context uses them. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    dropConnection();
    clock.close();
    SdkRuntime.release(runtime);
  }

  // ---- state --------------------------------------------------------------------------------

  /** Returns this session's clock. */
  public ClockEngine clock() {
    return clock;
  }

  /** Returns where this context's events go. */
  public Events events() {
    return events;
  }

  /** Returns the simulated timeout for a request other than EnterRoom, as the server announced. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Returns the next request id on this context's connection (voice-message exchanges use the same ids). */
  public long nextId() {
    return ids.incrementAndGet();
  }

  /** Returns the HTTP side's base URI, or null if neither the builder nor the server named one. */
  public URI httpBase() {
    return httpBase;
  }

  /** Returns the AppID after a successful Init, else null. */
  public String appId() {
    return appId;
  }

  /** Returns the OpenID after a successful Init, else null. */
  public String openId() {
    return openId;
  }

  /** Returns the room the last room event left this context in, or null. */
  public String room() {
    return room;
  }

  /** Returns the simulator's id of the current session (HELLO's {@code sessionId}), or null. */
  public String sessionId() {
    return sessionId;
  }

  /** Returns the connection's tag, or null. */
  public String tag() {
    return cfg.tag();
  }

  /** Returns whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** Returns whether the room connection is open. */
  public boolean isConnected() {
    Connection c = conn;
    return c != null && c.isOpen();
  }

  /** Returns how many requests on the current connection still wait for a reply. */
  public int pendingRequests() {
    Connection c = conn;
    return c == null ? 0 : c.pendingCount();
  }

  /** Returns what this context hears in its room: talking members, levels, the blacklist, quality reports. */
  public RoomAudio audio() {
    return audio;
  }

  /** Returns the connection if it is open, else null; unlike {@link #connection()} it never reconnects (safe on the loop). */
  public Connection openConnection() {
    Connection c = conn;
    return c != null && c.isOpen() ? c : null;
  }

  /** Returns the shared pool for blocking work (file I/O) that must stay off the I/O threads. */
  public Executor blockingPool() {
    return runtime.callbacks();
  }
}
