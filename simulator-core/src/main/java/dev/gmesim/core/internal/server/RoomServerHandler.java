package dev.gmesim.core.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Call;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.internal.fault.Decision;
import dev.gmesim.core.internal.protocol.Message;
import dev.gmesim.core.internal.protocol.MessageCodec;
import dev.gmesim.core.internal.protocol.Ops;
import dev.gmesim.core.internal.protocol.ProtocolException;
import dev.gmesim.core.internal.world.GmeWorld;
import dev.gmesim.core.internal.world.Outcome;
import dev.gmesim.core.internal.world.VoiceMessages;
import dev.gmesim.core.time.TimeMode;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room connection's logic: the HELLO handshake, then each request through the fault plan and
 * the world, replies to the caller and events to the other members. Delayed effects are scheduled
 * on the connection's event loop and cancelled when it closes.
 */
final class RoomServerHandler extends SimpleChannelInboundHandler<Message> {
  private static final Logger LOG = LoggerFactory.getLogger(RoomServerHandler.class);
  private static final AtomicLong SESSIONS = new AtomicLong();

  private final SimulatorState state;
  private final GmeWorld world;
  private final VoiceMessages voice;
  private final String sessionId = "s" + SESSIONS.incrementAndGet();
  private final Set<ScheduledFuture<?>> scheduled = new HashSet<>();
  /** Replies a virtual or manual session's clock has not reached yet, due first; released by ADVANCE. */
  private final PriorityQueue<Held> held = new PriorityQueue<>();
  private long heldSeq;
  private SessionClocks.SessionTime time;
  private boolean helloDone;
  private String tag;
  private ChannelHandlerContext ctx;

  RoomServerHandler(SimulatorState state) {
    this.state = state;
    this.world = state.world();
    this.voice = state.voiceMessages();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    world.connect(sessionId, (type, data) -> ctx.channel().writeAndFlush(event(type, data)));
    ctx.fireChannelActive();
  }

  /** A held reply: what to do when the session's clock reaches {@code until}. */
  private record Held(long until, long seq, Runnable task) implements Comparable<Held> {
    @Override
    public int compareTo(Held o) {
      int c = Long.compare(until, o.until);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    scheduled.forEach(f -> f.cancel(false));
    scheduled.clear();
    held.clear();
    state.clocks().close(sessionId);
    world.disconnect(sessionId).deliver();
    voice.forget(sessionId);
    ctx.fireChannelInactive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      refuse(ctx, "IDLE_TIMEOUT", "no frame for " + state.idleTimeout().toMillis()
          + " ms; send PING at least every " + state.heartbeatInterval().toMillis() + " ms");
    } else {
      ctx.fireUserEventTriggered(evt);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (root instanceof ProtocolException pe) {
      refuse(ctx, pe.code(), pe.getMessage());
    } else if (root instanceof TooLongFrameException) {
      refuse(ctx, "FRAME_TOO_LARGE", "frame exceeds " + Ops.MAX_FRAME_BYTES
          + " bytes; keep each JSON message under 1 MiB");
    } else if (root instanceof java.io.IOException) {
      LOG.debug("room connection {} ({}) closed: {}", sessionId, ctx.channel().remoteAddress(), root.toString());
      ctx.close();
    } else {
      LOG.warn("room connection {} ({}) failed; closing it", sessionId, ctx.channel().remoteAddress(), root);
      refuse(ctx, "INTERNAL_ERROR", "the simulator failed on this connection: " + root);
    }
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, Message msg) {
    if (!(msg instanceof Message.Request req)) {
      refuse(ctx, "UNEXPECTED_MESSAGE", "clients send only requests ({\"id\",\"op\",\"args\"}); got "
          + msg.getClass().getSimpleName());
      return;
    }
    if (!helloDone) {
      if (!Ops.HELLO.equals(req.op())) {
        refuse(ctx, "HELLO_REQUIRED", "the first frame must be HELLO; got op " + req.op());
        return;
      }
      hello(ctx, req);
      return;
    }
    switch (req.op()) {
      case Ops.PING -> reply(req.id(), 0, "", null);
      case Ops.ADVANCE -> advance(req);
      case Ops.HELLO -> reply(req.id(), GmeErrorCode.AV_ERR_REPEATED_OPERATION.value(),
          "HELLO was already done on this connection", null);
      case Ops.CANCEL_ENTER -> world.cancelEnter(sessionId, req.args().path("requestId").asLong(-1)).deliver();
      case Ops.PTT_CANCEL_RECORDING -> reply(req.id(), voice.cancelRecording(sessionId).result(), "", null);
      default -> {
        Operation op = Operation.parse(req.op()).orElse(null);
        // Device-side (LOCAL) calls come here too, so faults and the journal cover recording and playback.
        if (op == null || op.channel() == Operation.Channel.HTTP || op.channel() == Operation.Channel.SERVER_API) {
          int code = GmeErrorCode.AV_ERR_NOT_IMPLEMENTED.value();
          reply(req.id(), code, "AV_ERR_NOT_IMPLEMENTED: op " + req.op() + " is not served on the room channel; "
              + "room ops are " + Arrays.stream(Operation.values())
                  .filter(o -> o.channel() == Operation.Channel.ROOM || o.channel() == Operation.Channel.LOCAL).toList()
              + "; voice-message uploads, downloads and speech-to-text are HTTP (docs/voice-messages.md); "
              + "SERVER_* operations are GME's server API, POST / on the HTTP port (docs/server-api.md)", null);
        } else {
          call(req, op);
        }
      }
    }
  }

  private void hello(ChannelHandlerContext ctx, Message.Request req) {
    int version = req.args().path("version").asInt(Ops.PROTOCOL_VERSION);
    if (version != Ops.PROTOCOL_VERSION) {
      refuse(ctx, "UNSUPPORTED_VERSION", "protocol version " + version + " is not supported; this simulator speaks "
          + Ops.PROTOCOL_VERSION);
      return;
    }
    TimeMode mode;
    try {
      mode = clockOf(req.args());
    } catch (IllegalArgumentException e) {
      refuse(ctx, "UNKNOWN_CLOCK", e.getMessage());
      return;
    }
    long now = Math.max(0, req.args().path("now").asLong(0));
    long origin = req.args().path("originEpochMs").asLong(System.currentTimeMillis());
    time = state.clocks().open(sessionId, mode, now, origin);
    helloDone = true;
    tag = req.args().hasNonNull("tag") ? req.args().get("tag").asText() : null;
    ObjectNode data = MessageCodec.mapper().createObjectNode();
    data.put("server", "gme-simulator");
    data.put("version", Ops.PROTOCOL_VERSION);
    data.put("sessionId", sessionId);
    data.put("clock", mode.kind().wireName());
    data.put("timeScale", mode.factor());
    data.put("now", now);
    data.put("originEpochMs", origin);
    data.put("enterRoomTimeoutMs", state.enterRoomTimeout().toMillis());
    data.put("requestTimeoutMs", state.requestTimeout().toMillis());
    data.put("heartbeatIntervalMs", state.heartbeatInterval().toMillis());
    data.put("idleTimeoutMs", state.idleTimeout().toMillis());
    int httpPort = state.httpPort().getAsInt();
    if (httpPort > 0 && ctx.channel().localAddress() instanceof java.net.InetSocketAddress local) {
      // The address this client reached the room port on is one it can reach the HTTP port on too.
      String host = local.getAddress().getHostAddress();
      data.put("httpBaseUri", "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + httpPort);
    }
    ctx.writeAndFlush(new Message.Reply(req.id(), 0, "", data));
  }

  /** HELLO's {@code clock} (and {@code timeScale} for scaled), or the simulator's default mode. */
  private TimeMode clockOf(ObjectNode args) {
    JsonNode c = args.get("clock");
    TimeMode def = state.clocks().defaultMode();
    if (c == null || c.isNull()) {
      return def;
    }
    if (!c.isTextual()) {
      throw new IllegalArgumentException("HELLO clock " + c + " is not a mode name; use \"virtual\", \"manual\" "
          + "or \"scaled\" (with \"timeScale\": FACTOR), or leave it out for the simulator's default (" + def + ")");
    }
    TimeMode asked;
    try {
      asked = TimeMode.parse(c.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("HELLO clock '" + c.asText() + "' is not a mode; use virtual, manual or "
          + "scaled (with \"timeScale\": FACTOR), or leave it out for the simulator's default (" + def + ")");
    }
    if (asked.kind() == TimeMode.Kind.SCALED && !c.asText().contains("(")) {
      JsonNode f = args.get("timeScale");
      return f == null || f.isNull() ? TimeMode.scaled(def.kind() == TimeMode.Kind.SCALED ? def.factor()
          : state.timeScale().factor()) : TimeMode.scaled(f.asDouble());
    }
    return asked;
  }

  /** ADVANCE: the client's virtual or manual clock moved; release what fell due, in order, then answer. */
  private void advance(Message.Request req) {
    int bad = GmeErrorCode.AV_ERR_INVALID_ARGUMENT.value();
    if (!time.simulated()) {
      reply(req.id(), bad, "AV_ERR_INVALID_ARGUMENT: ADVANCE is for virtual and manual sessions; this session's "
          + "clock is " + time.mode() + " and follows the wall clock", null);
      return;
    }
    JsonNode n = req.args().get("now");
    if (n == null || !n.canConvertToLong() || n.asLong() < 0) {
      reply(req.id(), bad, "AV_ERR_INVALID_ARGUMENT: ADVANCE needs args.now, the session's simulated time in "
          + "milliseconds (a whole number, at least 0); got " + n, null);
      return;
    }
    long now = n.asLong();
    if (!time.advanceTo(now)) {
      reply(req.id(), bad, "AV_ERR_INVALID_ARGUMENT: ADVANCE to " + now + " ms lies before the session's time "
          + time.nowMs() + " ms; simulated time never runs backwards", null);
      return;
    }
    while (!held.isEmpty() && held.peek().until() <= now && ctx.channel().isActive()) {
      held.poll().task().run();
    }
    ObjectNode data = MessageCodec.mapper().createObjectNode();
    data.put("now", now);
    reply(req.id(), 0, "", data);
  }

  private void call(Message.Request req, Operation op) {
    ObjectNode args = req.args();
    String roomId = switch (op) {
      case ENTER_ROOM -> args.path("roomId").asText(null);
      case SWITCH_ROOM -> args.path("targetRoomId").asText(null);
      default -> world.roomOf(sessionId).orElse(null);
    };
    // Init names its account in its arguments; every later call runs as the account the world knows.
    String appId = op == Operation.INIT ? args.path("appId").asText(null) : world.appIdOf(sessionId).orElse(null);
    String openId = op == Operation.INIT ? args.path("openId").asText(null) : world.openIdOf(sessionId).orElse(null);
    Call call = new Call(op, appId, openId, roomId, tag);
    Decision d = state.faults().decide(call);
    state.control().metrics().decided(op, d);
    Fault fault = d.fault();
    Duration delay = d.delay() == null ? Duration.ZERO : d.delay();
    if (fault == null) {
      answerFromWorld(req, op, call, d);
    } else if (fault instanceof Fault.Error e) {
      injectError(req, op, call, d, e.code(), delay);
    } else if (fault instanceof Fault.NoReply) {
      if (op == Operation.ENTER_ROOM) {
        // The entry stays in flight until the SDK's own timer gives up (CANCEL_ENTER) or ExitRoom cancels it.
        Outcome begun = world.beginEnter(sessionId, roomId, args.path("roomType").asInt(1), req.id());
        if (!begun.isOk()) {
          send(req, call, d, begun);
          return;
        }
      }
      journal(call, d, "no reply", -1);
      if (time.simulated()) {
        // Tell the client its wait is on time alone: its own timer, not the network, ends it.
        announceHeld(req.id(), -1);
      }
    } else if (fault instanceof Fault.Disconnect) {
      journal(call, d, "disconnect", -1);
      later(req.id(), delay, () -> ctx.close());
    } else if (fault instanceof Fault.Reset) {
      journal(call, d, "reset", -1);
      later(req.id(), delay, () -> {
        // SO_LINGER 0 makes close() send RST instead of FIN.
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        ctx.close();
      });
    } else {
      // HTTP-only effects have no meaning on a TCP room connection; the nearest is a dropped connection.
      journal(call, d, "disconnect (" + fault.describe() + " on room channel)", -1);
      later(req.id(), delay, () -> ctx.close());
    }
  }

  private void injectError(Message.Request req, Operation op, Call call, Decision d, GmeErrorCode code,
      Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      Outcome after = op == Operation.SWITCH_ROOM ? world.failSwitch(sessionId, code.value()) : Outcome.ok();
      if (op == Operation.PTT_STOP_RECORDING) {
        // A failed stop still ends the recording on the device.
        voice.cancelRecording(sessionId);
      }
      // Journal first: a client that reads the journal right after its event must find the entry.
      journal(call, d, "reply", code.value());
      reply(req.id(), code.value(), code.errorInfo(), null);
      after.deliver();
      return;
    }
    if (op == Operation.ENTER_ROOM) {
      // A delayed failure is an entry in flight: a second EnterRoom gets 1001, ExitRoom cancels it (7013).
      Outcome begun = world.beginEnter(sessionId, call.roomId(), req.args().path("roomType").asInt(1), req.id());
      if (!begun.isOk()) {
        send(req, call, d, begun);
        return;
      }
    }
    // Journal the decision now: the delayed reply may never go out (ExitRoom cancels the entry with 7013,
    // or the connection closes first), and every call must reach the journal.
    journal(call, d, "reply (delayed)", code.value());
    if (op == Operation.ENTER_ROOM) {
      later(req.id(), delay, () -> {
        if (world.abortEnter(sessionId, req.id())) {
          reply(req.id(), code.value(), code.errorInfo(), null);
        }
      });
      return;
    }
    later(req.id(), delay, () -> {
      Outcome after = op == Operation.SWITCH_ROOM ? world.failSwitch(sessionId, code.value()) : Outcome.ok();
      if (op == Operation.PTT_STOP_RECORDING) {
        // A failed stop still ends the recording on the device.
        voice.cancelRecording(sessionId);
      }
      reply(req.id(), code.value(), code.errorInfo(), null);
      after.deliver();
    });
  }

  private void answerFromWorld(Message.Request req, Operation op, Call call, Decision d) {
    ObjectNode a = req.args();
    Outcome out = switch (op) {
      case INIT -> world.init(sessionId, a.path("appId").asText(null), a.path("openId").asText(null));
      case UNINIT -> world.uninit(sessionId);
      case ENTER_ROOM -> {
        Outcome begun = world.beginEnter(sessionId, call.roomId(), a.path("roomType").asInt(1), req.id());
        // The auth buffer is checked once the world accepts the entry: GME's state errors come first.
        yield !begun.isOk() ? begun : state.auth().refuseEnter(world, sessionId, req.id(), call,
                a.path("authBuffer").asText(""), state.authNowEpochSeconds(sessionId))
            .orElseGet(() -> world.completeEnter(sessionId, req.id()).orElseThrow());
      }
      case EXIT_ROOM -> world.exitRoom(sessionId);
      case SWITCH_ROOM -> state.auth().refuseSwitch(world, sessionId, call, a.path("authBuffer").asText(""),
          state.authNowEpochSeconds(sessionId)).orElseGet(() -> world.switchRoom(sessionId, call.roomId()));
      case CHANGE_ROOM_TYPE -> world.changeRoomType(sessionId, a.path("roomType").asInt(0));
      case ENABLE_MIC -> world.enableMic(sessionId, a.path("enable").asBoolean(true));
      case ENABLE_SPEAKER -> world.enableSpeaker(sessionId, a.path("enable").asBoolean(true));
      case INIT_SPATIALIZER -> world.initSpatializer(sessionId);
      case ENABLE_SPATIALIZER -> world.enableSpatializer(sessionId, a.path("enable").asBoolean(true));
      case PTT_START_RECORDING -> voice.startRecording(sessionId, a.path("filePath").asText(null),
          a.path("maxLengthMs").asLong(0), a.path("streaming").asBoolean(false), a.path("language").asText(null));
      case PTT_STOP_RECORDING -> voice.stopRecording(sessionId);
      case PTT_PAUSE_RECORDING -> voice.pauseRecording(sessionId);
      case PTT_RESUME_RECORDING -> voice.resumeRecording(sessionId);
      case PTT_PLAY -> voice.play(a.path("filePath").asText(null));
      default -> throw new IllegalStateException("not a room operation: " + op);
    };
    if (out.cancelledEntry() >= 0) {
      // ExitRoom during an entry: the entry ends with 7013, as GME reports a user-cancelled entry.
      GmeErrorCode cancelled = GmeErrorCode.AV_ERR_USER_CANCELED;
      reply(out.cancelledEntry(), cancelled.value(), cancelled.errorInfo(), null);
    }
    send(req, call, d, out);
  }

  private void send(Message.Request req, Call call, Decision d, Outcome out) {
    ObjectNode data = out.data().isEmpty() ? null : MessageCodec.mapper().valueToTree(out.data());
    journal(call, d, AuthGate.journalEffect(out), out.result());
    reply(req.id(), out.result(), out.errorInfo(), data);
    out.deliver();
  }

  private void reply(long id, int result, String errorInfo, ObjectNode data) {
    ctx.channel().writeAndFlush(new Message.Reply(id, result, errorInfo, data));
  }

  private void journal(Call call, Decision d, String effect, int result) {
    state.journal().record(call.operation(), call.appId(), call.openId(), call.roomId(), call.tag(), d.source(),
        effect, result, time.nowMs());
  }

  /**
   * Runs {@code task}, the delayed effect of request {@code requestId}, after {@code delay} of the
   * session's simulated time: on a scaled clock by the event loop's timer, on a virtual or manual
   * clock when the client's ADVANCE reaches it (announced with HELD), never by a wall-clock timer.
   */
  private void later(long requestId, Duration delay, Runnable task) {
    if (delay.isZero() || delay.isNegative()) {
      task.run();
      return;
    }
    if (time.simulated()) {
      long until = time.nowMs() + delay.toMillis();
      held.add(new Held(until, ++heldSeq, task));
      announceHeld(requestId, until);
      return;
    }
    Duration wall = time.mode().scale().toWall(delay);
    ScheduledFuture<?>[] holder = new ScheduledFuture<?>[1];
    holder[0] = ctx.executor().schedule(() -> {
      scheduled.remove(holder[0]);
      if (ctx.channel().isActive()) {
        task.run();
      }
    }, wall.toNanos(), TimeUnit.NANOSECONDS);
    scheduled.add(holder[0]);
  }

  /** HELD: the reply to {@code requestId} waits on the session's clock, until {@code until} (or for good when negative). */
  private void announceHeld(long requestId, long until) {
    ObjectNode data = MessageCodec.mapper().createObjectNode();
    data.put("id", requestId);
    if (until >= 0) {
      data.put("until", until);
    }
    ctx.channel().writeAndFlush(new Message.Event(Ops.HELD, data));
  }

  private void refuse(ChannelHandlerContext ctx, String code, String message) {
    LOG.debug("room connection {} ({}) refused: {} {}", sessionId, ctx.channel().remoteAddress(), code, message);
    if (ctx.channel().isActive()) {
      ctx.writeAndFlush(new Message.ErrorFrame(code, message)).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static Message.Event event(GmeEventType type, Map<String, Object> data) {
    return new Message.Event(type.name(), MessageCodec.mapper().valueToTree(data));
  }
}
