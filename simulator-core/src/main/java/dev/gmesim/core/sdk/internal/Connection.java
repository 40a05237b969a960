package dev.gmesim.core.sdk.internal;

import dev.gmesim.core.internal.protocol.ArgsCodec;
import dev.gmesim.core.internal.protocol.ArgumentException;
import dev.gmesim.core.internal.protocol.FrameCodec;
import dev.gmesim.core.internal.protocol.Message;
import dev.gmesim.core.internal.protocol.Ops;
import dev.gmesim.core.internal.protocol.RoomArgs;
import dev.gmesim.core.internal.protocol.RoomData;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One room-protocol connection from the SDK: sends requests, matches replies to them by id, and
 * hands pushed events and the loss of the connection to its owner.
 */
public final class Connection {
  private final Channel channel;
  private final ClockEngine clock;
  private final Map<Long, CompletableFuture<Message.Reply>> pending = new ConcurrentHashMap<>();
  private volatile Message.ErrorFrame lastError;
  private volatile boolean closing;

  private Connection(Channel channel, ClockEngine clock) {
    this.channel = channel;
    this.clock = clock;
  }

  /**
   * Thrown to a pending call of a virtual or manual session whose reply neither came nor was announced
   * as held within the clock's stall guard: the simulator is overloaded, stopped, or does not speak
   * the clock protocol. Never a GME code, since GME did not say anything.
   */
  public static final class StalledException extends IOException {
    private static final long serialVersionUID = 1L;

    StalledException(String message) {
      super(message);
    }
  }

  /** Thrown to pending calls when the connection is gone. */
  public static final class ConnectionLostException extends IOException {
    private static final long serialVersionUID = 1L;

    ConnectionLostException(String message) {
      super(message);
    }
  }

  /**
   * Opens a connection; {@code onEvent} receives pushed events and {@code onLost} runs once if the
   * connection ends without {@link #close()}.
   */
  public static Connection open(EventLoop loop, ClockEngine clock, InetSocketAddress address, Duration connectTimeout,
      Consumer<Message.Event> onEvent, Consumer<Connection> onLost) throws IOException {
    Connection[] self = new Connection[1];
    // The context's one loop: replies, hold notices and its clock's timers are handled in order on it.
    Bootstrap b = new Bootstrap()
        .group(loop)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, connectTimeout.toMillis()))
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            FrameCodec.install(ch.pipeline());
            ch.pipeline().addLast(new SimpleChannelInboundHandler<Message>() {
              @Override
              protected void channelRead0(ChannelHandlerContext ctx, Message msg) {
                self[0].received(msg, onEvent);
              }

              @Override
              public void channelInactive(ChannelHandlerContext ctx) {
                Connection c = self[0];
                if (c != null) {
                  c.lost(onLost);
                }
              }

              @Override
              public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close();
              }
            });
          }
        });
    var future = b.connect(address).awaitUninterruptibly();
    if (!future.isSuccess()) {
      throw new IOException("cannot connect to the GME simulator at " + address + ": " + future.cause()
          + "; is it running? (java -jar gme-simulator.jar prints its room address)", future.cause());
    }
    Connection c = new Connection(future.channel(), clock);
    self[0] = c;
    if (!c.channel.isActive()) {
      throw new IOException("connection to " + address + " closed at once");
    }
    return c;
  }

  /**
   * Sends a request; the future completes with its reply, or fails when the connection is lost (or,
   * in a virtual or manual session, with {@link StalledException} when the reply stalls).
   */
  public CompletableFuture<Message.Reply> send(long id, RoomArgs args) {
    return send(id, args, true, null);
  }

  /**
   * As {@link #send(long, RoomArgs)}; {@code onReply} runs with the reply on the I/O thread as it
   * arrives, before the clock hears the request was answered (hooked before the request goes out).
   */
  public CompletableFuture<Message.Reply> send(long id, RoomArgs args, Consumer<Message.Reply> onReply) {
    return send(id, args, true, (reply, failure) -> {
      if (reply != null) {
        onReply.accept(reply);
      }
    });
  }

  /**
   * As {@link #send(long, RoomArgs)}; {@code whenDone} runs with the reply or the failure, hooked
   * before the request goes out, so it runs on the I/O thread as the reply arrives: before any event
   * pushed after that reply, and before the clock hears the request was answered. Hooked after the
   * send instead, it would run on the caller's thread whenever the reply was quicker than the caller,
   * and an ENTER_ROOM event could follow the CHANGE_ROOM_TYPE the server pushed after it.
   */
  public CompletableFuture<Message.Reply> send(long id, RoomArgs args, BiConsumer<Message.Reply, Throwable> whenDone) {
    return send(id, args, true, whenDone);
  }

  /** Sends a request that the clock does not wait on (HELLO, ADVANCE); see {@link #send(long, RoomArgs)}. */
  public CompletableFuture<Message.Reply> sendUntracked(long id, RoomArgs args) {
    return send(id, args, false, null);
  }

  private CompletableFuture<Message.Reply> send(long id, RoomArgs args, boolean tracked,
      BiConsumer<Message.Reply, Throwable> whenDone) {
    String op = args.op();
    CompletableFuture<Message.Reply> f = new CompletableFuture<>();
    if (whenDone != null) {
      f.whenComplete(whenDone);
    }
    pending.put(id, f);
    if (!channel.isActive()) {
      pending.remove(id);
      f.completeExceptionally(new ConnectionLostException(describeLoss()));
      return f;
    }
    if (tracked) {
      // Registered before the write, on the same loop, so the clock always sees the send before the reply.
      clock.sent(id, () -> {
        CompletableFuture<Message.Reply> stalled = pending.remove(id);
        if (stalled != null) {
          stalled.completeExceptionally(new StalledException(op + " got no reply within " + clock.stallGuard().toSeconds()
              + " s of wall time, and the simulator did not announce it as held (a fault that delays or swallows a "
              + "reply announces it). Likely causes: the simulator is overloaded or stopped, or a harness between "
              + "them drops frames. Raise the guard with GmeContext.builder().stallGuard(...) if the machine is "
              + "this slow."));
        }
      });
    }
    channel.writeAndFlush(Message.Request.of(id, args));
    return f;
  }

  /** Sends a request whose reply nobody waits for (CANCEL_ENTER, PING). */
  public void sendOneWay(long id, RoomArgs args) {
    if (channel.isActive()) {
      channel.writeAndFlush(Message.Request.of(id, args));
    }
  }

  /** Stops waiting for a reply (the caller's own timer fired). */
  public void forget(long id) {
    pending.remove(id);
    clock.answered(id);
  }

  /** Returns how many requests still wait for their reply. */
  public int pendingCount() {
    return pending.size();
  }

  /** Returns whether the caller runs on this connection's I/O thread (where it must not block). */
  public boolean inEventLoop() {
    return channel.eventLoop().inEventLoop();
  }

  /** Returns whether the connection is open. */
  public boolean isOpen() {
    return channel.isActive();
  }

  /** Returns the last error frame the server sent, if any. */
  public Message.ErrorFrame lastError() {
    return lastError;
  }

  /** Closes the connection on purpose; no loss is reported. */
  public void close() {
    closing = true;
    channel.close().syncUninterruptibly();
    failPending();
  }

  private void received(Message msg, Consumer<Message.Event> onEvent) {
    if (msg instanceof Message.Reply r) {
      CompletableFuture<Message.Reply> f = pending.remove(r.id());
      if (f != null) {
        f.complete(r);
      }
      clock.answered(r.id());
    } else if (msg instanceof Message.Event e && Ops.HELD.equals(e.event())) {
      held(e);
    } else if (msg instanceof Message.Event e) {
      onEvent.accept(e);
    } else if (msg instanceof Message.ErrorFrame e) {
      lastError = e;
    }
  }

  private void held(Message.Event e) {
    RoomData.Held h;
    try {
      h = ArgsCodec.readData(RoomData.Held.class, e.data(), Ops.HELD);
    } catch (ArgumentException bad) {
      // Not the simulator's HELD: the request it meant stays on the wire, where the stall guard watches it.
      return;
    }
    clock.held(h.id(), h.until() == null ? -1 : h.until());
  }

  private void lost(Consumer<Connection> onLost) {
    failPending();
    if (!closing) {
      onLost.accept(this);
    }
  }

  private void failPending() {
    for (Long id : pending.keySet()) {
      CompletableFuture<Message.Reply> f = pending.remove(id);
      if (f != null) {
        f.completeExceptionally(new ConnectionLostException(describeLoss()));
      }
      clock.answered(id);
    }
  }

  private String describeLoss() {
    Message.ErrorFrame e = lastError;
    return "the room connection closed" + (e == null ? "" : " (" + e.code() + ": " + e.message() + ")");
  }
}
