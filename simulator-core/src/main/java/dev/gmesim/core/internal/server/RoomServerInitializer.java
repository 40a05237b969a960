package dev.gmesim.core.internal.server;

import dev.gmesim.core.internal.protocol.FrameCodec;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Builds the room gateway's pipeline: idle detection, framing, JSON messages, then the handler. */
public final class RoomServerInitializer extends ChannelInitializer<SocketChannel> {
  private final SimulatorState state;

  /** Creates an initializer whose handlers share {@code state}. */
  public RoomServerInitializer(SimulatorState state) {
    this.state = state;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    // A client that pipelines requests gets their replies in one write per read batch, not one syscall per reply.
    ch.pipeline().addLast("flush", new FlushConsolidationHandler());
    ch.pipeline().addLast("idle", new IdleStateHandler(state.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
    FrameCodec.install(ch.pipeline());
    ch.pipeline().addLast("handler", new RoomServerHandler(state));
  }
}
