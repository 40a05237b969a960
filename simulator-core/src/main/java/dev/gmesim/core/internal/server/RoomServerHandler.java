package dev.gmesim.core.internal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Call;
import dev.gmesim.core.fault.Durations;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.internal.fault.Decision;
import dev.gmesim.core.internal.protocol.ArgsCodec;
import dev.gmesim.core.internal.protocol.ArgumentException;
import dev.gmesim.core.internal.protocol.Message;
import dev.gmesim.core.internal.protocol.MessageCodec;
import dev.gmesim.core.internal.protocol.Ops;
import dev.gmesim.core.internal.protocol.ProtocolException;
import dev.gmesim.core.internal.protocol.RoomArgs;
import dev.gmesim.core.internal.protocol.RoomData;
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
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
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
  /** Frames other threads wrote and this connection's loop has not sent yet; see {@link #write}. */
  private final ConcurrentLinkedQueue<Message> outbox = new ConcurrentLinkedQueue<>();
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
    world.connect(sessionId, (type, data) -> write(event(type, data)));
    ctx.fireChannelActive();
  }

  /**
   * Writes one frame in the order the simulator decided it. Frames from another thread (the world
   * pushing another member's event) wait in the outbox, and every write on the connection's own loop
   * empties the outbox first: Netty runs a channel's reads before the write tasks other threads queued,
   * so a plain cross-thread write could go out after the reply to a request that arrived later (a
   * listener's next call answered before the audio that a speaker's returned call had sent it).
   */
  private void write(Message frame) {
    if (ctx.executor().inEventLoop()) {
      drainOutbox();
      ctx.channel().writeAndFlush(frame);
    } else {
      outbox.add(frame);
      ctx.executor().execute(this::drainOutbox);
    }
  }

  private void drainOutbox() {
    Message m;
    while ((m = outbox.poll()) != null) {
      ctx.channel().writeAndFlush(m);
    }
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
    if (!helloDone && !Ops.HELLO.equals(req.op())) {
      refuse(ctx, "HELLO_REQUIRED", "the first frame must be HELLO; got op " + req.op());
      return;
    }
    RoomArgs args;
    try {
      args = ArgsCodec.read(req.op(), req.args()).orElse(null);
    } catch (ArgumentException e) {
      if (helloDone) {
        refuseArguments(req, e);
      } else {
        // No session without a readable HELLO: the error frame names the field, then the connection closes.
        refuse(ctx, e.code(), e.getMessage());
      }
      return;
    }
    if (!helloDone) {
      hello(ctx, req.id(), (RoomArgs.Hello) args);
      return;
    }
    switch (req.op()) {
      case Ops.PING -> reply(req.id(), 0, "", null);
      case Ops.ADVANCE -> advance(req.id(), (RoomArgs.Advance) args);
      case Ops.HELLO -> reply(req.id(), GmeErrorCode.AV_ERR_REPEATED_OPERATION.value(),
          "HELLO was already done on this connection", null);
      case Ops.CANCEL_ENTER -> world.cancelEnter(sessionId, ((RoomArgs.CancelEnter) args).requestId()).deliver();
      case Ops.PTT_CANCEL_RECORDING -> reply(req.id(), voice.cancelRecording(sessionId).result(), "", null);
      case Ops.SPEAK -> sendOutcome(req.id(), world.speak(sessionId, ((RoomArgs.Speak) args).durationMs()));
      default -> {
        Operation op = Operation.parse(req.op()).orElse(null);
        // Device-side (LOCAL) calls come here too, so faults and the journal cover recording and playback.
        if (op == null || args == null) {
          int code = GmeErrorCode.AV_ERR_NOT_IMPLEMENTED.value();
          reply(req.id(), code, "AV_ERR_NOT_IMPLEMENTED: op " + req.op() + " is not served on the room channel; "
              + "room ops are " + Arrays.stream(Operation.values())
                  .filter(o -> o.channel() == Operation.Channel.ROOM || o.channel() == Operation.Channel.LOCAL).toList()
              + "; voice-message uploads, downloads and speech-to-text are HTTP (docs/voice-messages.md); "
              + "SERVER_* operations are GME's server API, POST / on the HTTP port (docs/server-api.md)", null);
        } else {
          call(req.id(), op, args);
        }
      }
    }
  }

  /**
   * A request whose args are missing a field, name an unknown one or have the wrong type: 1004 naming
   * the field, before any fault rule (a malformed call is no GME call); the connection stays.
   */
  private void refuseArguments(Message.Request req, ArgumentException e) {
    GmeErrorCode bad = GmeErrorCode.AV_ERR_INVALID_ARGUMENT;
    Operation.parse(req.op()).ifPresent(op -> journal(new Call(op, world.appIdOf(sessionId).orElse(null),
        world.openIdOf(sessionId).orElse(null), world.roomOf(sessionId).orElse(null), tag), Decision.none(),
        "reply (bad argument: " + e.field() + ")", bad.value()));
    reply(req.id(), bad.value(), bad.name() + ": " + e.getMessage(), null);
  }

  private void hello(ChannelHandlerContext ctx, long id, RoomArgs.Hello h) {
    if (h.version() != Ops.PROTOCOL_VERSION) {
      refuse(ctx, "UNSUPPORTED_VERSION", "protocol version " + h.version() + " is not supported; this simulator speaks "
          + Ops.PROTOCOL_VERSION);
      return;
    }
    TimeMode mode;
    try {
      mode = clockOf(h);
    } catch (IllegalArgumentException e) {
      refuse(ctx, "UNKNOWN_CLOCK", e.getMessage());
      return;
    }
    long now = h.now() == null ? 0 : Math.max(0, h.now());
    long origin = h.originEpochMs() == null ? System.currentTimeMillis() : h.originEpochMs();
    time = state.clocks().open(sessionId, mode, now, origin);
    helloDone = true;
    tag = h.tag();
    String httpBaseUri = null;
    int httpPort = state.httpPort().getAsInt();
    if (httpPort > 0 && ctx.channel().localAddress() instanceof java.net.InetSocketAddress local) {
      // The address this client reached the room port on is one it can reach the HTTP port on too.
      String host = local.getAddress().getHostAddress();
      httpBaseUri = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + httpPort;
    }
    write(Message.Reply.ok(id, new RoomData.Welcome("gme-simulator", Ops.PROTOCOL_VERSION, sessionId,
        mode.kind().wireName(), mode.factor(), now, origin, state.enterRoomTimeout().toMillis(),
        state.requestTimeout().toMillis(), state.heartbeatInterval().toMillis(), state.idleTimeout().toMillis(),
        httpBaseUri)));
  }

  /** HELLO's {@code clock} (and {@code timeScale} for scaled), or the simulator's default mode. */
  private TimeMode clockOf(RoomArgs.Hello h) {
    TimeMode def = state.clocks().defaultMode();
    if (h.clock() == null) {
      return def;
    }
    TimeMode asked;
    try {
      asked = TimeMode.parse(h.clock());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("HELLO clock '" + h.clock() + "' is not a mode; use virtual, manual or "
          + "scaled (with \"timeScale\": FACTOR), or leave it out for the simulator's default (" + def + ")");
    }
    if (asked.kind() == TimeMode.Kind.SCALED && !h.clock().contains("(")) {
      return h.timeScale() == null ? TimeMode.scaled(def.kind() == TimeMode.Kind.SCALED ? def.factor()
          : state.timeScale().factor()) : TimeMode.scaled(h.timeScale());
    }
    return asked;
  }

  /** ADVANCE: the client's virtual or manual clock moved; release what fell due, in order, then answer. */
  private void advance(long id, RoomArgs.Advance a) {
    int bad = GmeErrorCode.AV_ERR_INVALID_ARGUMENT.value();
    if (!time.simulated()) {
      reply(id, bad, "AV_ERR_INVALID_ARGUMENT: ADVANCE is for virtual and manual sessions; this session's "
          + "clock is " + time.mode() + " and follows the wall clock", null);
      return;
    }
    long now = a.now();
    if (now < 0) {
      reply(id, bad, "AV_ERR_INVALID_ARGUMENT: ADVANCE needs args.now, the session's simulated time in "
          + "milliseconds (a whole number, at least 0); got " + now, null);
      return;
    }
    if (!time.advanceTo(now)) {
      reply(id, bad, "AV_ERR_INVALID_ARGUMENT: ADVANCE to " + now + " ms lies before the session's time "
          + time.nowMs() + " ms; simulated time never runs backwards", null);
      return;
    }
    while (!held.isEmpty() && held.peek().until() <= now && ctx.channel().isActive()) {
      held.poll().task().run();
    }
    write(Message.Reply.ok(id, new RoomData.Advanced(now)));
  }

  private void call(long id, Operation op, RoomArgs args) {
    String roomId = args instanceof RoomArgs.EnterRoom e ? e.roomId()
        : args instanceof RoomArgs.SwitchRoom s ? s.targetRoomId() : world.roomOf(sessionId).orElse(null);
    // Init names its account in its arguments; every later call runs as the account the world knows.
    RoomArgs.Init init = args instanceof RoomArgs.Init i ? i : null;
    String appId = init != null ? init.appId() : world.appIdOf(sessionId).orElse(null);
    String openId = init != null ? init.openId() : world.openIdOf(sessionId).orElse(null);
    Call call = new Call(op, appId, openId, roomId, tag);
    Optional<GmeWorld.Outage> down = appId == null || openId == null ? Optional.empty()
        : world.outage(appId, openId, time.nowMs());
    if (down.isPresent()) {
      // The member's network is down (a networkDown fault): its reconnect gets nowhere, as if the packets were lost.
      state.journal().record(op, appId, openId, roomId, tag, down.get().source(),
          "network down (until " + down.get().untilMs() + " ms)", -1, time.nowMs());
      ctx.close();
      return;
    }
    Decision d = state.faults().decide(call);
    state.control().metrics().decided(op, d);
    Fault fault = d.fault();
    Duration delay = d.delay() == null ? Duration.ZERO : d.delay();
    if (op == Operation.ROOM_QUALITY && !(fault instanceof Fault.Disconnect || fault instanceof Fault.Reset)) {
      roomQuality(id, call, d);
    } else if (fault == null) {
      answerFromWorld(id, args, call, d);
    } else if (fault instanceof Fault.Error e) {
      injectError(id, args, call, d, e.code(), delay);
    } else if (fault instanceof Fault.NoReply) {
      if (args instanceof RoomArgs.EnterRoom enter) {
        // The entry stays in flight until the SDK's own timer gives up (CANCEL_ENTER) or ExitRoom cancels it.
        Outcome begun = world.beginEnter(sessionId, roomId, enter.roomType(), id);
        if (!begun.isOk()) {
          send(id, call, d, begun);
          return;
        }
      }
      journal(call, d, "no reply", -1);
      if (time.simulated()) {
        // Tell the client its wait is on time alone: its own timer, not the network, ends it.
        announceHeld(id, -1);
      }
    } else if (fault instanceof Fault.Disconnect) {
      journal(call, d, "disconnect", -1);
      later(id, delay, () -> drop(false));
    } else if (fault instanceof Fault.NetworkDown nd) {
      journal(call, d, "network down for " + Durations.format(nd.outage()), -1);
      later(id, delay, () -> {
        if (appId != null && openId != null) {
          world.networkDown(appId, openId, time.nowMs() + nd.outage().toMillis(), d.source());
        }
        drop(false);
      });
    } else if (fault instanceof Fault.Reset) {
      journal(call, d, "reset", -1);
      later(id, delay, () -> drop(true));
    } else {
      // HTTP-only effects have no meaning on a TCP room connection; the nearest is a dropped connection.
      journal(call, d, "disconnect (" + fault.describe() + " on room channel)", -1);
      later(id, delay, () -> drop(false));
    }
  }

  private void injectError(long id, RoomArgs args, Call call, Decision d, GmeErrorCode code, Duration delay) {
    Operation op = call.operation();
    if (delay.isZero() || delay.isNegative()) {
      // Journal first: a client that reads the journal right after its event must find the entry.
      journal(call, d, "reply", code.value());
      failWith(id, op, code);
      return;
    }
    if (args instanceof RoomArgs.EnterRoom enter) {
      // A delayed failure is an entry in flight: a second EnterRoom gets 1001, ExitRoom cancels it (7013).
      Outcome begun = world.beginEnter(sessionId, call.roomId(), enter.roomType(), id);
      if (!begun.isOk()) {
        send(id, call, d, begun);
        return;
      }
    }
    // Journal the decision now: the delayed reply may never go out (ExitRoom cancels the entry with 7013,
    // or the connection closes first), and every call must reach the journal.
    journal(call, d, "reply (delayed)", code.value());
    if (op == Operation.ENTER_ROOM) {
      later(id, delay, () -> {
        if (world.abortEnter(sessionId, id)) {
          reply(id, code.value(), code.errorInfo(), null);
        }
      });
      return;
    }
    later(id, delay, () -> failWith(id, op, code));
  }

  /** Replies with an injected code, leaving the state GME leaves after that failure. */
  private void failWith(long id, Operation op, GmeErrorCode code) {
    Outcome after = op == Operation.SWITCH_ROOM ? world.failSwitch(sessionId, code.value()) : Outcome.ok();
    if (op == Operation.PTT_STOP_RECORDING) {
      // A failed stop still ends the recording on the device.
      voice.cancelRecording(sessionId);
    }
    reply(id, code.value(), code.errorInfo(), null);
    after.deliver();
  }

  private void answerFromWorld(long id, RoomArgs args, Call call, Decision d) {
    Outcome out = world(id, args, call);
    if (out.cancelledEntry() >= 0) {
      // ExitRoom during an entry: the entry ends with 7013, as GME reports a user-cancelled entry.
      GmeErrorCode cancelled = GmeErrorCode.AV_ERR_USER_CANCELED;
      reply(out.cancelledEntry(), cancelled.value(), cancelled.errorInfo(), null);
    }
    send(id, call, d, out);
  }

  /** What the world (and, for entries, the auth gate) answers to one room or device call. */
  private Outcome world(long id, RoomArgs args, Call call) {
    // Java 17: no pattern matching in switch, so an instanceof chain over the sealed arguments.
    if (args instanceof RoomArgs.Init a) {
      return world.init(sessionId, a.appId(), a.openId());
    } else if (args instanceof RoomArgs.Uninit) {
      return world.uninit(sessionId);
    } else if (args instanceof RoomArgs.EnterRoom a) {
      Outcome begun = world.beginEnter(sessionId, call.roomId(), a.roomType(), id);
      // The auth buffer is checked once the world accepts the entry: GME's state errors come first.
      return !begun.isOk() ? begun : state.auth().refuseEnter(world, sessionId, id, call, a.authBuffer(),
              state.authNowEpochSeconds(sessionId))
          .orElseGet(() -> world.completeEnter(sessionId, id).orElseThrow());
    } else if (args instanceof RoomArgs.ExitRoom) {
      return world.exitRoom(sessionId);
    } else if (args instanceof RoomArgs.SwitchRoom a) {
      return state.auth().refuseSwitch(world, sessionId, call, a.authBuffer(), state.authNowEpochSeconds(sessionId))
          .orElseGet(() -> world.switchRoom(sessionId, call.roomId()));
    } else if (args instanceof RoomArgs.ChangeRoomType a) {
      return world.changeRoomType(sessionId, a.roomType());
    } else if (args instanceof RoomArgs.EnableMic a) {
      return world.enableMic(sessionId, a.enable());
    } else if (args instanceof RoomArgs.EnableSpeaker a) {
      return world.enableSpeaker(sessionId, a.enable());
    } else if (args instanceof RoomArgs.InitSpatializer) {
      return world.initSpatializer(sessionId);
    } else if (args instanceof RoomArgs.EnableSpatializer a) {
      return world.enableSpatializer(sessionId, a.enable());
    } else if (args instanceof RoomArgs.PttStartRecording a) {
      return voice.startRecording(sessionId, a.filePath(), a.maxLengthMs(), a.streaming(), a.language());
    } else if (args instanceof RoomArgs.PttStopRecording) {
      return voice.stopRecording(sessionId);
    } else if (args instanceof RoomArgs.PttPauseRecording) {
      return voice.pauseRecording(sessionId);
    } else if (args instanceof RoomArgs.PttResumeRecording) {
      return voice.resumeRecording(sessionId);
    } else if (args instanceof RoomArgs.PttPlay a) {
      return voice.play(a.filePath());
    } else if (args instanceof RoomArgs.EnableAudioCaptureDevice a) {
      return world.enableAudioCaptureDevice(sessionId, a.enable());
    } else if (args instanceof RoomArgs.EnableAudioSend a) {
      return world.enableAudioSend(sessionId, a.enable());
    } else if (args instanceof RoomArgs.EnableAudioPlayDevice a) {
      return world.enableAudioPlayDevice(sessionId, a.enable());
    } else if (args instanceof RoomArgs.EnableAudioRecv a) {
      return world.enableAudioRecv(sessionId, a.enable());
    } else if (args instanceof RoomArgs.SetMicVolume a) {
      return world.setVolume(sessionId, "SetMicVolume", a.volume());
    } else if (args instanceof RoomArgs.SetSpeakerVolume a) {
      return world.setVolume(sessionId, "SetSpeakerVolume", a.volume());
    } else if (args instanceof RoomArgs.SetSpeakerVolumeByOpenId a) {
      return world.setSpeakerVolumeByOpenId(sessionId, a.openId(), a.volume());
    } else if (args instanceof RoomArgs.Pause) {
      return world.pause(sessionId, true);
    } else if (args instanceof RoomArgs.Resume) {
      return world.pause(sessionId, false);
    } else if (args instanceof RoomArgs.AddAudioBlacklist a) {
      return world.addAudioBlacklist(sessionId, a.openId());
    } else if (args instanceof RoomArgs.RemoveAudioBlacklist a) {
      return world.removeAudioBlacklist(sessionId, a.openId());
    } else if (args instanceof RoomArgs.SetRangeAudioTeamId a) {
      return world.setRangeAudioTeamId(sessionId, a.teamId());
    } else if (args instanceof RoomArgs.SetRangeAudioMode a) {
      return world.setRangeAudioMode(sessionId, a.mode());
    } else if (args instanceof RoomArgs.UpdateAudioRecvRange a) {
      return world.updateAudioRecvRange(sessionId, a.range());
    } else if (args instanceof RoomArgs.UpdateSelfPosition a) {
      return world.updateSelfPosition(sessionId, a.x(), a.y(), a.z());
    }
    throw new IllegalStateException("not a room operation: " + call.operation());
  }

  /**
   * One room-quality sample: healthy without a rule, poor under a {@link Fault.PoorNetwork} rule (its
   * delay is the network's, reported rather than waited for: a sample is never held), an error code
   * under an error rule (the SDK then reports nothing for that sample). Only rule decisions reach the
   * journal: a sample every 2 s of every session would push the calls out of it.
   */
  private void roomQuality(long id, Call call, Decision d) {
    Fault fault = d.fault();
    if (fault instanceof Fault.Error e) {
      journal(call, d, "reply", e.code().value());
      reply(id, e.code().value(), e.code().errorInfo(), null);
      return;
    }
    NetworkQuality q = fault instanceof Fault.PoorNetwork p
        ? NetworkQuality.poor(p.loss(), d.delay() == null ? Duration.ZERO : d.delay())
        : NetworkQuality.HEALTHY;
    if (fault != null) {
      journal(call, d, fault instanceof Fault.PoorNetwork ? "poorNetwork" : "reply (" + fault.describe()
          + " has no effect on ROOM_QUALITY)", 0);
    }
    reply(id, 0, "", MessageCodec.tree(q.data()));
  }

  /** Replies with a world outcome that is no journaled operation (SPEAK), then delivers its events. */
  private void sendOutcome(long id, Outcome out) {
    ObjectNode data = out.data().isEmpty() ? null : MessageCodec.tree(out.data());
    // The listeners' USER_UPDATE goes out before the speaker's reply: once speak() returns, a listener's
    // next round trip is answered after the audio reached it, so a test has a point to advance time from.
    out.deliver();
    reply(id, out.result(), out.errorInfo(), data);
  }

  private void send(long id, Call call, Decision d, Outcome out) {
    ObjectNode data = out.data().isEmpty() ? null : MessageCodec.tree(out.data());
    journal(call, d, AuthGate.journalEffect(out), out.result());
    reply(id, out.result(), out.errorInfo(), data);
    out.deliver();
  }

  private void reply(long id, int result, String errorInfo, ObjectNode data) {
    write(new Message.Reply(id, result, errorInfo, data));
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

  /**
   * Closes the connection for a fault (with RST when {@code reset}), after the member has left the
   * world and the others were told. Leaving first fixes the order the others see: the client can only
   * reconnect once it sees the close, so its new session's entry (USER_UPDATE 1) always comes after the
   * old one's exit (2); leaving in channelInactive, which Netty runs a little later, raced the reconnect.
   */
  private void drop(boolean reset) {
    world.disconnect(sessionId).deliver();
    if (reset) {
      // SO_LINGER 0 makes close() send RST instead of FIN.
      ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
    }
    ctx.close();
  }

  /** HELD: the reply to {@code requestId} waits on the session's clock, until {@code until} (or for good when negative). */
  private void announceHeld(long requestId, long until) {
    write(Message.Event.of(Ops.HELD, new RoomData.Held(requestId, until < 0 ? null : until)));
  }

  private void refuse(ChannelHandlerContext ctx, String code, String message) {
    LOG.debug("room connection {} ({}) refused: {} {}", sessionId, ctx.channel().remoteAddress(), code, message);
    if (ctx.channel().isActive()) {
      drainOutbox();
      ctx.writeAndFlush(new Message.ErrorFrame(code, message)).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static Message.Event event(GmeEventType type, Map<String, Object> data) {
    return new Message.Event(type.name(), MessageCodec.tree(data));
  }
}
