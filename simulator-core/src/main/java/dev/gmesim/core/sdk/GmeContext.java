package dev.gmesim.core.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.protocol.Message;
import dev.gmesim.core.internal.protocol.MessageCodec;
import dev.gmesim.core.internal.protocol.Ops;
import dev.gmesim.core.sdk.internal.ClockEngine;
import dev.gmesim.core.sdk.internal.Connection;
import dev.gmesim.core.sdk.internal.SdkRuntime;
import dev.gmesim.core.sdk.internal.SerialExecutor;
import dev.gmesim.core.time.TimeMode;
import dev.gmesim.core.time.TimeScale;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

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

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GmeContext.class);

  /** The builder's values, copied at build(): reusing the builder never retargets this context. */
  private final Settings cfg;
  private final SdkRuntime runtime;
  private final EventLoop loop;
  private final ClockEngine clock;
  private final Executor callbacks;
  private final AtomicLong ids = new AtomicLong();
  private final ConcurrentLinkedQueue<GmeEvent> polled = new ConcurrentLinkedQueue<>();
  private volatile GmeDelegate delegate;
  private volatile Connection conn;
  private volatile String sessionId;
  private volatile long originEpochMs = -1;
  private volatile Duration enterRoomTimeout = Duration.ofSeconds(30);
  private volatile Duration requestTimeout = Duration.ofSeconds(30);
  private volatile String appId;
  private volatile String openId;
  private volatile String room;
  private volatile int roomType;
  /** Device state in the room, re-applied after a reconnect (GME keeps it; a new server session starts with both off). */
  private volatile boolean micOn;
  private volatile boolean speakerOn;
  private volatile boolean closed;
  private volatile ScheduledFuture<?> heartbeat;
  private final Object reconnectLock = new Object();
  /** The simulator's HTTP side, for voice messages: the builder's, else the one HELLO announced. */
  private volatile java.net.URI httpBase;
  private GmePtt ptt;

  private GmeContext(Settings cfg) throws IOException {
    this.cfg = cfg;
    this.delegate = cfg.delegate();
    this.runtime = SdkRuntime.acquire();
    this.callbacks = new SerialExecutor(runtime.callbacks());
    this.loop = runtime.io().next();
    this.clock = new ClockEngine(loop, cfg.stallGuard());
    clock.advancer(now -> {
      Connection c = conn;
      if (c == null || !c.isOpen()) {
        return CompletableFuture.completedFuture(null);
      }
      return c.sendUntracked(ids.incrementAndGet(), Ops.ADVANCE, args("now", now));
    });
    attach(delegate);
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
      r.attach(clock);
    }
  }

  /** {@code Init(appId, openId)}: starts the context; returns 0 or a GME error code. */
  public int init(String appId, String openId) {
    int result = syncCall(Operation.INIT, args("appId", appId, "openId", openId));
    if (result == 0) {
      this.appId = appId;
      this.openId = openId;
    }
    return result;
  }

  /** {@code Uninit()}: stops the context (1202 while in a room). */
  public int uninit() {
    int result = syncCall(Operation.UNINIT, args());
    if (result == 0) {
      appId = null;
      openId = null;
    }
    return result;
  }

  /** {@code Poll()}: with manual polling, delivers queued events on the calling thread; returns 0. */
  public int poll() {
    GmeEvent e;
    while ((e = polled.poll()) != null) {
      dispatch(e);
    }
    return 0;
  }

  /**
   * {@code EnterRoom(roomId, roomType, authBuffer)}: returns 0 once the request is out; the
   * outcome arrives as {@code ENTER_ROOM} ({@code result}, {@code error_info}).
   */
  public int enterRoom(String roomId, int roomType, byte[] authBuffer) {
    ObjectNode a = args("roomId", roomId, "roomType", roomType);
    a.put("authBuffer", authBuffer == null ? "" : java.util.Base64.getEncoder().encodeToString(authBuffer));
    return asyncCall(Operation.ENTER_ROOM, a, enterRoomTimeout);
  }

  /** {@code ExitRoom()}: the outcome arrives as {@code EXIT_ROOM}. */
  public int exitRoom() {
    return asyncCall(Operation.EXIT_ROOM, args(), requestTimeout);
  }

  /** {@code SwitchRoom(targetRoomId, authBuffer)}: the outcome arrives as {@code SWITCH_ROOM}. */
  public int switchRoom(String targetRoomId, byte[] authBuffer) {
    ObjectNode a = args("targetRoomId", targetRoomId);
    a.put("authBuffer", authBuffer == null ? "" : java.util.Base64.getEncoder().encodeToString(authBuffer));
    return asyncCall(Operation.SWITCH_ROOM, a, requestTimeout);
  }

  /** {@code ChangeRoomType(type)}: the outcome arrives as {@code CHANGE_ROOM_TYPE}. */
  public int changeRoomType(int roomType) {
    return asyncCall(Operation.CHANGE_ROOM_TYPE, args("roomType", roomType), requestTimeout);
  }

  /** {@code IsRoomEntered()}: whether the last room event left this context in a room. */
  public boolean isRoomEntered() {
    return room != null;
  }

  /** Returns the room this context is in, or null. */
  public String currentRoom() {
    return room;
  }

  /** {@code EnableMic(enable)}: returns 0 or a GME error code (1201 outside a room). */
  public int enableMic(boolean enable) {
    int result = syncCall(Operation.ENABLE_MIC, args("enable", enable));
    if (result == 0) {
      micOn = enable;
    }
    return result;
  }

  /** {@code EnableSpeaker(enable)}: returns 0 or a GME error code (1201 outside a room). */
  public int enableSpeaker(boolean enable) {
    int result = syncCall(Operation.ENABLE_SPEAKER, args("enable", enable));
    if (result == 0) {
      speakerOn = enable;
    }
    return result;
  }

  /** {@code InitSpatializer(modelPath)}: call after entering a room; returns 0 or a GME error code. */
  public int initSpatializer(String modelPath) {
    return syncCall(Operation.INIT_SPATIALIZER, args("modelPath", modelPath == null ? "" : modelPath));
  }

  /** {@code EnableSpatializer(enable, applyToTeam)}: 7003 before InitSpatializer. */
  public int enableSpatializer(boolean enable, boolean applyToTeam) {
    return syncCall(Operation.ENABLE_SPATIALIZER, args("enable", enable, "applyToTeam", applyToTeam));
  }

  /**
   * {@code GetPTT()}: the voice-message (push-to-talk) API of this context; its events arrive at
   * this context's delegate.
   */
  public synchronized GmePtt getPTT() {
    if (ptt == null) {
      ptt = new GmePtt(this);
    }
    return ptt;
  }

  /**
   * Returns this session's clock: its mode, its simulated time, and {@code advance} for a manual
   * clock. Everything simulated (timeouts, fault delays, recording and playback lengths) runs on it.
   */
  public SessionClock clock() {
    return clock;
  }

  /** Returns the time scale of a scaled session, or real time for a virtual or manual one (which ignore it). */
  public TimeScale timeScale() {
    return clock.mode().scale();
  }

  /** Returns whether the room connection is open. */
  public boolean isConnected() {
    Connection c = conn;
    return c != null && c.isOpen();
  }

  /** Requests on the current connection that still wait for a reply; tests check that abandoned calls let go. */
  int pendingRequests() {
    Connection c = conn;
    return c == null ? 0 : c.pendingCount();
  }

  /** Closes the room connection and releases the SDK's shared threads when no other context uses them. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    GmePtt p;
    synchronized (this) {
      p = ptt;
    }
    if (p != null) {
      p.close();
    }
    dropConnection();
    clock.close();
    SdkRuntime.release(runtime);
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

  // ---- calls --------------------------------------------------------------------------------

  private int syncCall(Operation op, ObjectNode args) {
    return syncCall(op, args, reply -> { });
  }

  /**
   * A call that returns its code; {@code onReply} sees the reply on the I/O thread as it arrives,
   * before the caller wakes and before the session clock can move (GmePtt keeps recording timers in step).
   */
  int syncCall(Operation op, ObjectNode args, java.util.function.Consumer<Message.Reply> onReply) {
    if (closed) {
      return GmeErrorCode.AV_ERR_CONTEXT_NOT_EXIST.value();
    }
    if (conn.inEventLoop()) {
      // Blocking the I/O thread would deadlock the reply we wait for; GME likewise refuses calls off its thread.
      return GmeErrorCode.AV_ERR_NOT_IN_MAIN_THREAD.value();
    }
    Connection c = ensureConnected();
    long id = ids.incrementAndGet();
    CompletableFuture<Message.Reply> f = c.send(id, op.name(), args);
    f.thenAccept(onReply);
    try {
      return awaitReply(c, id, f, op, requestTimeout).result();
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
   * Waits for a reply as GME's SDK does: 1005 once {@code timeout} of simulated time has passed. On a
   * scaled clock the wait is wall time plus 5 s of slack (a loaded machine must not time out a
   * normal reply); on a virtual or manual clock it is a session timer, and the wall clock only
   * guards against a reply that stalled without notice.
   */
  private Message.Reply awaitReply(Connection c, long id, CompletableFuture<Message.Reply> f, Operation op,
      Duration timeout) throws ExecutionException, InterruptedException {
    Message.Reply timedOut = new Message.Reply(id, GmeErrorCode.AV_ERR_TIMEOUT.value(),
        GmeErrorCode.AV_ERR_TIMEOUT.name() + ": no " + op.name() + " reply within " + timeout.toMillis() + " ms", null);
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

  private int asyncCall(Operation op, ObjectNode args, Duration simulatedTimeout) {
    GmeEventType type = op.event().orElseThrow();
    if (closed) {
      return GmeErrorCode.AV_ERR_CONTEXT_NOT_EXIST.value();
    }
    Connection c = ensureConnected();
    long id = ids.incrementAndGet();
    long startMs = clock.nowMs();
    CompletableFuture<Message.Reply> f = c.send(id, op.name(), args);
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
        c.sendOneWay(ids.incrementAndGet(), Ops.CANCEL_ENTER, args("requestId", id));
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
      Message.Reply r = reply != null ? reply
          : new Message.Reply(id, GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.value(),
              GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.name() + ": " + failure.getMessage(), null);
      // The SDK's timer fired at exactly the timeout, in simulated time; report that, not scheduling jitter.
      long elapsed = r == timeout ? simulatedTimeout.toMillis() : clock.nowMs() - startMs;
      track(op, args, r.result());
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("result", r.result());
      data.put("error_info", r.errorInfo());
      for (Iterator<Map.Entry<String, JsonNode>> it = r.data().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        data.putIfAbsent(field.getKey(), MessageCodec.mapper().convertValue(field.getValue(), Object.class));
      }
      data.put("elapsed_ms", elapsed);
      deliver(new GmeEvent(type, data));
    });
    return 0;
  }

  /**
   * A request stalled: no reply and no hold notice within the stall guard. That is no GME outcome,
   * so no GME event is sent; the log and the test's {@link EventRecorder} say what happened.
   */
  void stalled(String message) {
    LOG.error("GME simulator session {}: {}", sessionId, message);
    if (delegate instanceof EventRecorder r) {
      r.stalled(message);
    }
  }

  /** Keeps the local room state GME's IsRoomEntered reports. */
  private void track(Operation op, ObjectNode args, int result) {
    switch (op) {
      case ENTER_ROOM -> {
        if (result == 0) {
          room = args.path("roomId").asText();
          roomType = args.path("roomType").asInt(1);
        }
      }
      case EXIT_ROOM -> {
        if (result == 0) {
          leftRoom();
        }
      }
      case SWITCH_ROOM -> {
        if (result == 0) {
          room = args.path("targetRoomId").asText();
        } else if (result == GmeErrorCode.QAV_ERR_TRY_NEW_ROOM_FAILED.value()) {
          leftRoom();
        }
      }
      default -> { }
    }
  }

  /** Leaving a room turns its devices off, as the simulator's world does; a switch keeps them. */
  private void leftRoom() {
    room = null;
    micOn = false;
    speakerOn = false;
  }

  // ---- connection and events ----------------------------------------------------------------

  private Connection connect() throws IOException {
    Connection c = Connection.open(loop, clock, cfg.address(), cfg.connectTimeout(), this::pushed, this::lost);
    ObjectNode hello = args("version", Ops.PROTOCOL_VERSION, "sdk", cfg.sdkName());
    if (cfg.tag() != null) {
      hello.put("tag", cfg.tag());
    }
    if (cfg.clock() != null) {
      hello.put("clock", cfg.clock().kind().wireName());
      if (cfg.clock().kind() == TimeMode.Kind.SCALED) {
        hello.put("timeScale", cfg.clock().factor());
      }
    }
    if (sessionId != null) {
      // A reconnect continues the session's simulated time instead of starting it again at 0.
      hello.put("now", clock.nowMs());
      hello.put("originEpochMs", originEpochMs);
    }
    Message.Reply r;
    try {
      r = c.sendUntracked(ids.incrementAndGet(), Ops.HELLO, hello)
          .get(cfg.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      c.close();
      Message.ErrorFrame ef = c.lastError();
      throw new IOException("HELLO to the GME simulator at " + cfg.address() + " failed"
          + (ef == null ? ": " + e : ": " + ef.code() + " " + ef.message()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      c.close();
      throw new IOException("interrupted during HELLO", e);
    }
    JsonNode d = r.data();
    double factor = d.path("timeScale").asDouble(1.0);
    // A simulator from before session clocks names no mode: its clock is scaled.
    TimeMode confirmed = d.hasNonNull("clock")
        ? (TimeMode.parse(d.get("clock").asText()).kind() == TimeMode.Kind.SCALED ? TimeMode.scaled(factor)
            : TimeMode.parse(d.get("clock").asText()))
        : TimeMode.scaled(factor);
    clock.configure(confirmed, d.path("now").asLong(sessionId == null ? 0 : clock.nowMs()));
    sessionId = d.path("sessionId").asText(null);
    originEpochMs = d.path("originEpochMs").asLong(System.currentTimeMillis());
    enterRoomTimeout = Duration.ofMillis(d.path("enterRoomTimeoutMs").asLong(30_000));
    requestTimeout = Duration.ofMillis(d.path("requestTimeoutMs").asLong(30_000));
    if (cfg.http() != null) {
      httpBase = cfg.http();
    } else if (d.hasNonNull("httpBaseUri")) {
      httpBase = java.net.URI.create(d.get("httpBaseUri").asText());
    }
    long hbMillis = d.path("heartbeatIntervalMs").asLong(15_000);
    ScheduledFuture<?> old = heartbeat;
    if (old != null) {
      old.cancel(false);
    }
    // Heartbeats guard a real socket, so they run on the wall clock in every mode.
    heartbeat = runtime.io().scheduleAtFixedRate(() -> {
      Connection now = conn;
      if (now != null && now.isOpen()) {
        now.sendOneWay(ids.incrementAndGet(), Ops.PING, args());
      }
    }, hbMillis, hbMillis, TimeUnit.MILLISECONDS);
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
    Map<String, Object> data = MessageCodec.mapper().convertValue(e.data(), MessageCodec.mapper()
        .getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
    if (type == GmeEventType.ROOM_DISCONNECT) {
      // The server removed this member (server API DeleteRoomMember): it is in no room any more.
      leftRoom();
    }
    deliver(new GmeEvent(type, data));
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
        // A call made meanwhile already reconnected (see ensureConnected).
        return;
      }
      wasIn = room;
      if (wasIn != null) {
        dispatchLater(GmeEventType.RECONNECT_START, 0, "the room connection dropped; reconnecting");
      }
      try {
        conn = connect();
        if (closed) {
          // close() ran while we connected and may have seen only the dead connection: without this,
          // the new one and its heartbeat would live on for as long as any other context does.
          dropConnection();
          return;
        }
        result = appId == null ? 0 : syncCall(Operation.INIT, args("appId", appId, "openId", openId));
        info = result == 0 ? "" : "Init failed while reconnecting";
        if (result == 0 && wasIn != null) {
          long enterId = ids.incrementAndGet();
          CompletableFuture<Message.Reply> f = conn.send(enterId, Operation.ENTER_ROOM.name(),
              args("roomId", wasIn, "roomType", roomType));
          Message.Reply r = awaitReply(conn, enterId, f, Operation.ENTER_ROOM, enterRoomTimeout);
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
      dispatchLater(GmeEventType.RECONNECT_SUCCESS, 0, "");
    } else {
      dispatchLater(GmeEventType.ROOM_DISCONNECT, result, info);
    }
  }

  /** Re-applies mic and speaker on the new session before RECONNECT_SUCCESS, so the player is heard and hears at once. */
  private void restoreDevices() throws ExecutionException, InterruptedException {
    if (micOn) {
      long id = ids.incrementAndGet();
      awaitReply(conn, id, conn.send(id, Operation.ENABLE_MIC.name(), args("enable", true)), Operation.ENABLE_MIC,
          requestTimeout);
    }
    if (speakerOn) {
      long id = ids.incrementAndGet();
      awaitReply(conn, id, conn.send(id, Operation.ENABLE_SPEAKER.name(), args("enable", true)),
          Operation.ENABLE_SPEAKER, requestTimeout);
    }
  }

  /**
   * Returns an open connection: a call made after the connection dropped, but before the
   * background reconnect ran, reconnects first (or waits for the reconnect under way).
   */
  private Connection ensureConnected() {
    Connection c = conn;
    if (!c.isOpen() && !closed) {
      reconnect(c);
    }
    return conn;
  }

  private void dispatchLater(GmeEventType type, int result, String info) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("result", result);
    data.put("error_info", info);
    deliver(new GmeEvent(type, data));
  }

  // ---- for GmePtt ---------------------------------------------------------------------------

  /** Returns an open room connection (reconnecting first if it dropped). */
  Connection connection() {
    return ensureConnected();
  }

  /** Returns the next request id on this context's connection. */
  long nextId() {
    return ids.incrementAndGet();
  }

  /** Returns the simulated timeout for a request other than EnterRoom, as the server announced. */
  Duration requestTimeout() {
    return requestTimeout;
  }

  /** Returns the HTTP side's base URI, or null if neither the builder nor the server named one. */
  java.net.URI httpBase() {
    return httpBase;
  }

  /** Returns the AppID after a successful Init, else null. */
  String appId() {
    return appId;
  }

  /** Returns the OpenID after a successful Init, else null. */
  String openId() {
    return openId;
  }

  /** Returns this context's session clock, for the voice-message side. */
  ClockEngine clockEngine() {
    return clock;
  }

  /** Returns the simulator's id of the current session (HELLO's {@code sessionId}), or null. */
  String sessionId() {
    return sessionId;
  }

  /** Returns the connection's tag, or null. */
  String tag() {
    return cfg.tag();
  }

  /** Returns whether {@link #close()} was called. */
  boolean isClosed() {
    return closed;
  }

  /** Returns the shared pool for blocking work (file I/O) that must stay off the I/O threads. */
  Executor blockingPool() {
    return runtime.callbacks();
  }

  /** Hands an event to the delegate (or the poll queue), in order with every other event of this context. */
  void deliver(GmeEvent e) {
    if (cfg.manualPoll()) {
      polled.add(e);
    } else {
      // Until the delegate has it, the event is work in progress: a virtual clock must not skip past it.
      clock.busyStart();
      callbacks.execute(() -> {
        try {
          dispatch(e);
        } finally {
          clock.busyEnd();
        }
      });
    }
  }

  private void dispatch(GmeEvent e) {
    GmeDelegate d = delegate;
    if (d != null) {
      d.onEvent(e.type(), e);
    }
  }

  private static ObjectNode args(Object... kv) {
    ObjectNode n = MessageCodec.mapper().createObjectNode();
    for (int i = 0; i < kv.length; i += 2) {
      n.set((String) kv[i], MessageCodec.mapper().valueToTree(kv[i + 1]));
    }
    return n;
  }

  /** What a context was built with; final, so a reconnect uses the address and tag of its own build. */
  private record Settings(InetSocketAddress address, String tag, String sdkName, Duration connectTimeout,
      GmeDelegate delegate, boolean manualPoll, java.net.URI http, TimeMode clock, Duration stallGuard) {}

  /** Settings for a context; {@link #room} is required. */
  public static final class Builder {
    private InetSocketAddress address;
    private String tag;
    private String sdkName = "gmesim-java";
    private Duration connectTimeout = Duration.ofSeconds(5);
    private GmeDelegate delegate;
    private boolean manualPoll;
    private java.net.URI http;
    private TimeMode clock;
    private Duration stallGuard = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * Sends voice-message HTTP calls to this base URI (e.g. {@code http://localhost:8080}) instead of
     * the one the simulator announces; useful behind port mappings or against a stock WireMock
     * that serves the {@code wiremock-mappings} files.
     */
    public Builder http(java.net.URI baseUri) {
      this.http = baseUri;
      return this;
    }

    /**
     * Asks the simulator for this session clock in HELLO; without it the simulator's default applies
     * (virtual for the embedded simulator, scaled for the standalone jar). See {@link SessionClock}.
     */
    public Builder clock(TimeMode mode) {
      this.clock = java.util.Objects.requireNonNull(mode,
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

    /** Queues events until {@link GmeContext#poll()} is called, as GME's Poll() does, instead of delivering them at once. */
    public Builder manualPoll() {
      this.manualPoll = true;
      return this;
    }

    /** Connects and performs the handshake; throws {@link UncheckedIOException} naming the address if that fails. */
    public GmeContext build() {
      if (address == null) {
        throw new IllegalStateException("GmeContext.builder(): call room(address) first, e.g. room(simulator.roomAddress())");
      }
      try {
        return new GmeContext(new Settings(address, tag, sdkName, connectTimeout, delegate, manualPoll, http,
            clock, stallGuard));
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }
  }
}
