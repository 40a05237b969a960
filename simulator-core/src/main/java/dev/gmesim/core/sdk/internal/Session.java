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
import dev.gmesim.core.sdk.PollMode;
import dev.gmesim.core.sdk.ReconnectPolicy;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated SDK context's life on the wire: the connection and its HELLO, the heartbeat, calls
 * with GME's timeouts on the session clock, the room state GME keeps (account, room, devices), and
 * the reconnect that follows a lost connection (RECONNECT_START, then attempts on the session clock
 * until RECONNECT_SUCCESS with mic and speaker restored, or ROOM_DISCONNECT). {@code GmeContext}
 * and {@code GmePtt} are facades over it.
 */
public final class Session implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);
  /** The operation of each arguments record, looked up once per record type rather than by name per call. */
  private static final ClassValue<Operation> OPERATIONS = new ClassValue<>() {
    @Override
    protected Operation computeValue(Class<?> type) {
      return Operation.valueOf(ArgsCodec.opOf(type));
    }
  };

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
   * @param poll how events reach the delegate
   * @param reconnect how a lost room connection is resumed
   */
  public record Settings(InetSocketAddress address, String tag, String sdkName, Duration connectTimeout, URI http,
      TimeMode clock, Duration stallGuard, PollMode poll, ReconnectPolicy reconnect) {}

  private final Settings cfg;
  private final SdkRuntime runtime;
  private final EventLoop loop;
  private final ClockEngine clock;
  private final Executor callbacks;
  private final Events events;
  private final RoomAudio voice;
  private final Consumer<String> onStall;
  private final ReconnectPolicy reconnect;
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
  /** GME's reconnect is under way: between its attempts there is no connection to call on. */
  private volatile boolean reconnecting;
  /** A connection a failed reconnect left behind; its loss, reported late, starts no new attempt. */
  private volatile Connection settled;
  // The state GME keeps for the game: re-applied after a reconnect, since a new server session starts empty.
  private volatile String appId;
  private volatile String openId;
  private volatile String room;
  /** The room's actual type (from the replies and CHANGE_ROOM_TYPE events), not the one asked for. */
  private volatile int roomType;
  /** The auth buffer (base64) of the entry or switch that put the context in its room, for re-entering. */
  private volatile String authBuffer = "";
  private final AudioState audio = new AudioState();

  /**
   * Connects and performs the handshake. {@code dispatch} hands one event to the delegate;
   * {@code onStall} hears of a call that stalled (no GME outcome, so no event).
   */
  public Session(Settings cfg, Consumer<GmeEvent> dispatch, Consumer<String> onStall) throws IOException {
    this.cfg = cfg;
    this.onStall = onStall;
    this.reconnect = cfg.reconnect();
    this.runtime = SdkRuntime.acquire();
    this.loop = runtime.io().next();
    boolean strict = cfg.poll() == PollMode.STRICT;
    this.clock = new ClockEngine(loop, cfg.stallGuard(), strict);
    // One serial executor per context: its events, and its reconnect, run in order.
    this.callbacks = new SerialExecutor(runtime.callbacks());
    this.events = new Events(clock, callbacks, strict, dispatch);
    this.voice = new RoomAudio(this, clock, events);
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
    return call(args, reply -> { });
  }

  /**
   * As {@link #call(RoomArgs)}; {@code onReply} sees the reply on the I/O thread as it arrives, before
   * the caller wakes and before the session clock can move (GmePtt keeps its recording timers in step).
   */
  public int call(RoomArgs args, Consumer<Message.Reply> onReply) {
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
      Message.Reply reply = awaitReply(c, id, c.send(id, args, onReply), args.op(), requestTimeout);
      track(args, reply);
      return reply.result();
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
    Operation op = OPERATIONS.get(args.getClass());
    GmeEventType type = op.event().orElseThrow();
    Duration simulatedTimeout = op == Operation.ENTER_ROOM ? enterRoomTimeout : requestTimeout;
    if (closed) {
      return GmeErrorCode.AV_ERR_CONTEXT_NOT_EXIST.value();
    }
    Connection c = connection();
    long id = ids.incrementAndGet();
    long startMs = clock.nowMs();
    Message.Reply timeout = new Message.Reply(id, GmeErrorCode.AV_ERR_TIMEOUT.value(),
        GmeErrorCode.AV_ERR_TIMEOUT.name() + ": no " + type.name() + " result within "
            + simulatedTimeout.toMillis() + " ms", null);
    AtomicReference<ClockEngine.Timer> timer = new AtomicReference<>();
    // The result is handled where the reply arrives (on the loop, hooked before the send), so the event
    // comes before anything the server pushed after the reply, however late this thread gets here.
    CompletableFuture<Message.Reply> f = c.send(id, args, (reply, failure) -> {
      ClockEngine.Timer t = timer.get();
      if (t != null) {
        t.cancel();
      }
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
      track(args, r);
      events.deliver(Events.result(type, r.result(), r.errorInfo(), r.data(), "elapsed_ms", elapsed));
    });
    timer.set(clock.scheduleAt(startMs + simulatedTimeout.toMillis(), () -> {
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
    }));
    if (f.isDone()) {
      // The reply beat the timer's creation: nothing may wait on a timer that can no longer win.
      timer.get().cancel();
    }
    return 0;
  }

  /** GME's Poll: delivers the queued events on the calling thread, then lets a virtual clock take a step (strict polling). */
  public void poll() {
    if (!events.queued()) {
      return;
    }
    events.poll();
    clock.tick();
  }

  /** Sends a request on an open connection (reconnecting first if it dropped); the future completes with its reply. */
  public CompletableFuture<Message.Reply> send(RoomArgs args) {
    return connection().send(ids.incrementAndGet(), args);
  }

  /**
   * Sends a request (reconnecting first if the connection dropped); {@code whenDone} runs with the
   * reply or the failure on the I/O thread as the reply arrives, in order with the events pushed
   * around it and before a virtual clock may move on (see {@link Connection#send(long, RoomArgs, BiConsumer)}).
   */
  public void send(RoomArgs args, BiConsumer<Message.Reply, Throwable> whenDone) {
    connection().send(ids.incrementAndGet(), args, whenDone);
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
  private void track(RoomArgs args, Message.Reply reply) {
    int result = reply.result();
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
      // The first member fixed the room's type; a reconnect must re-enter with that one.
      roomType = intField(reply, "roomType", a.roomType());
      authBuffer = a.authBuffer();
      voice.entered();
    } else if (args instanceof RoomArgs.ExitRoom) {
      leftRoom();
    } else if (args instanceof RoomArgs.SwitchRoom a) {
      room = a.targetRoomId();
      authBuffer = a.authBuffer();
      roomType = intField(reply, "roomType", roomType);
    } else if (args instanceof RoomArgs.ChangeRoomType a) {
      roomType = intField(reply, "new_room_type", a.roomType());
      voice.switched();
    }
    audio.track(args);
  }

  private static int intField(Message.Reply reply, String name, int otherwise) {
    return reply.data() != null && reply.data().path(name).isInt() ? reply.data().get(name).asInt() : otherwise;
  }

  /** Leaving a room turns its devices off, as the simulator's world does; a switch keeps them. */
  private void leftRoom() {
    voice.left();
    room = null;
    roomType = 0;
    audio.leftRoom();
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
    if (type == GmeEventType.CHANGE_ROOM_TYPE && e.data() != null && e.data().path("new_room_type").isInt()) {
      // Another member changed the room's type, or the room's type overrode ours on entry (sub-event 1).
      roomType = e.data().get("new_room_type").asInt();
    }
    Map<String, Object> fields = Events.fields(e.data());
    if (type == GmeEventType.USER_UPDATE && voice.consumes(fields)) {
      return;
    }
    events.deliver(new GmeEvent(type, fields));
  }

  /**
   * The server closed the connection (a disconnect, reset or network-down fault, or the server went
   * away). In a room, GME reconnects by itself: RECONNECT_START, then attempts on the session clock
   * (see {@link ReconnectPolicy}) until RECONNECT_SUCCESS or ROOM_DISCONNECT.
   */
  private void lost(Connection dead) {
    if (closed) {
      return;
    }
    // Until the reconnect has started, the session is busy: a virtual clock must not skip past the loss.
    offLoop(() -> {
      if (dead != settled) {
        reconnect(dead);
      }
    });
  }

  /** Runs {@code work} on the callback executor, the session counting as busy until it is done. */
  private void offLoop(Runnable work) {
    clock.busyStart();
    callbacks.execute(() -> {
      try {
        work.run();
      } finally {
        clock.busyEnd();
      }
    });
  }

  private void reconnect(Connection dead) {
    synchronized (reconnectLock) {
      if (closed || conn != dead || reconnecting) {
        // A call made meanwhile already reconnected (see connection()), or the attempts are under way.
        return;
      }
      String wasIn = room;
      if (wasIn == null) {
        // Outside a room there is nothing to resume: one new connection, quietly; a failure shows in the next call.
        try {
          conn = connect();
          if (closed) {
            dropConnection();
          } else if (appId != null && call(new RoomArgs.Init(appId, openId)) != 0) {
            // Refused (the network is still down): its loss must not start another attempt; the next call tries.
            settled = conn;
          }
        } catch (IOException | RuntimeException e) {
          LOG.debug("GME simulator session {}: reconnecting outside a room failed: {}", sessionId, e.toString());
        }
        return;
      }
      reconnecting = true;
      events.emit(GmeEventType.RECONNECT_START, 0, "the room connection dropped; reconnecting", Map.of());
      attempt(wasIn, clock.nowMs());
    }
  }

  /**
   * One attempt to get back into {@code wasIn}, lost at simulated {@code since}: a new connection,
   * INIT, ENTER_ROOM and the devices. A network failure schedules the next attempt on the session
   * clock, or ROOM_DISCONNECT once the window has passed; a GME error from the server ends at once.
   */
  private void attempt(String wasIn, long since) {
    int result;
    String info;
    synchronized (reconnectLock) {
      if (closed || !reconnecting) {
        return;
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
        if (result == 0) {
          long enterId = ids.incrementAndGet();
          Message.Reply r = awaitReply(conn, enterId,
              conn.send(enterId, new RoomArgs.EnterRoom(wasIn, roomType, authBuffer)), Operation.ENTER_ROOM.name(),
              enterRoomTimeout);
          result = r.result();
          info = r.errorInfo();
          if (result == 0) {
            restoreDevices();
          }
        }
      } catch (IOException | ExecutionException | IllegalStateException e) {
        result = GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.value();
        info = GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.name() + ": could not reconnect: " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long now = clock.nowMs();
      long end = since + reconnect.window().toMillis();
      if (result == 0) {
        finishReconnect(GmeEventType.RECONNECT_SUCCESS, 0, "", now - since);
      } else if (!networkFailure(result)) {
        finishReconnect(GmeEventType.ROOM_DISCONNECT, result, info, now - since);
      } else if (now >= end) {
        finishReconnect(GmeEventType.ROOM_DISCONNECT, reconnect.result(), reconnect.errorInfo(), now - since);
      } else {
        // When the window ends before the next attempt would, it ends the reconnect at its end.
        boolean last = now + reconnect.interval().toMillis() > end;
        // Busy from the moment the timer fires until the attempt runs, so the clock waits for its outcome.
        clock.scheduleAt(last ? end : now + reconnect.interval().toMillis(),
            () -> offLoop(() -> {
              if (last) {
                giveUp(since, end);
              } else {
                attempt(wasIn, since);
              }
            }));
      }
    }
  }

  /** The window ended between two attempts: ROOM_DISCONNECT at its end, as GME reports a reconnect that timed out. */
  private void giveUp(long since, long end) {
    synchronized (reconnectLock) {
      if (!closed && reconnecting) {
        finishReconnect(GmeEventType.ROOM_DISCONNECT, reconnect.result(), reconnect.errorInfo(), end - since);
      }
    }
  }

  /** Whether a failed attempt failed for the network (retry), not because the server refused it (give up). */
  private static boolean networkFailure(int result) {
    return result == GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.value() || result == GmeErrorCode.AV_ERR_TIMEOUT.value();
  }

  private void finishReconnect(GmeEventType outcome, int result, String info, long elapsedMs) {
    reconnecting = false;
    if (outcome == GmeEventType.ROOM_DISCONNECT) {
      settled = conn;
      leftRoom();
    }
    events.emit(outcome, result, info, Map.of("elapsed_ms", elapsedMs));
  }

  /**
   * Re-applies Pause and the audio switches on the new session before RECONNECT_SUCCESS, so the
   * player is heard and hears at once.
   */
  private void restoreDevices() throws ExecutionException, InterruptedException {
    for (RoomArgs args : audio.restore()) {
      long id = ids.incrementAndGet();
      awaitReply(conn, id, conn.send(id, args), args.op(), requestTimeout);
    }
  }

  /**
   * Returns the connection for a call: a call made after the connection dropped, but before the
   * background reconnect ran, reconnects first; during GME's reconnect it waits for an attempt under
   * way and then gets whatever that left (a lost connection between attempts: the call fails with 7004).
   */
  public Connection connection() {
    Connection c = conn;
    if (closed || (c.isOpen() && !reconnecting)) {
      return c;
    }
    if (reconnecting) {
      synchronized (reconnectLock) {
        return conn;
      }
    }
    reconnect(c);
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

  /** Returns the room's actual type while in a room (GME's GetRoomType), else 0. */
  public int roomType() {
    return room == null ? 0 : roomType;
  }

  /** Returns the audio state GME's getters answer from. */
  public AudioState audio() {
    return audio;
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
  public RoomAudio voice() {
    return voice;
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
