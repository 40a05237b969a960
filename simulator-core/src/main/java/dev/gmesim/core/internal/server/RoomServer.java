package dev.gmesim.core.internal.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The room gateway's Netty server: binds, and shuts its event loops down on {@link #close()}. */
public final class RoomServer implements AutoCloseable {
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel serverChannel;

  private RoomServer(EventLoopGroup boss, EventLoopGroup workers, Channel serverChannel) {
    this.boss = boss;
    this.workers = workers;
    this.serverChannel = serverChannel;
  }

  /** Binds the gateway on {@code address} (port 0 picks a free port) with {@code workerThreads} event loops. */
  public static RoomServer bind(InetSocketAddress address, SimulatorState state, int workerThreads)
      throws IOException {
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1,
        new DefaultThreadFactory("gmesim-room-accept", true), NioIoHandler.newFactory());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(workerThreads,
        new DefaultThreadFactory("gmesim-room", true), NioIoHandler.newFactory());
    ChannelFuture bound = new ServerBootstrap()
        .group(boss, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new RoomServerInitializer(state))
        .bind(address)
        .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      shutdown(boss, workers);
      Throwable cause = bound.cause();
      throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
    }
    return new RoomServer(boss, workers, bound.channel());
  }

  /** Returns the bound address, with the real port. */
  public InetSocketAddress address() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** Closes the listening socket and every connection, and waits for the event loops to end. */
  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
    shutdown(boss, workers);
  }

  private static void shutdown(EventLoopGroup boss, EventLoopGroup workers) {
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    boss.terminationFuture().syncUninterruptibly();
    workers.terminationFuture().syncUninterruptibly();
  }
}
