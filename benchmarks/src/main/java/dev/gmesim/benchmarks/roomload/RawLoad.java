package dev.gmesim.benchmarks.roomload;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Clients that speak the framed protocol directly on one Netty event loop: requests are written
 * from prebuilt bytes, replies are scanned for {@code "id"} and {@code "result"} without a JSON
 * tree, and each connection keeps {@code depth} round trips in flight, so the client costs far
 * less CPU than the server it loads.
 */
final class RawLoad implements Load {
  private final Run run;
  private final InetSocketAddress address;
  private final boolean sharedRoom;
  private final int depth;
  private final boolean echo;
  private final EventLoopGroup group;
  private final List<RawClient> clients = new ArrayList<>();

  RawLoad(Run run, InetSocketAddress address, boolean sharedRoom, int depth, int threads, boolean echo) {
    this.run = run;
    this.address = address;
    this.sharedRoom = sharedRoom;
    this.depth = depth;
    this.echo = echo;
    this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("roomload-raw", true),
        NioIoHandler.newFactory());
  }

  @Override
  public void connect() throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(run.clients());
    for (int i = 0; i < run.clients(); i++) {
      RawClient c = new RawClient(run, i, sharedRoom ? "load" : "load-" + i, depth, echo, ready);
      clients.add(c);
      ChannelFuture f = new Bootstrap()
          .group(group)
          .channel(NioSocketChannel.class)
          .option(ChannelOption.TCP_NODELAY, true)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 4), c);
            }
          })
          .connect(address)
          .awaitUninterruptibly();
      if (!f.isSuccess()) {
        throw new IllegalStateException("cannot connect to " + address + ": " + f.cause(), f.cause());
      }
    }
    if (!ready.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(ready.getCount() + " raw clients did not finish HELLO + INIT within 30 s");
    }
  }

  @Override
  public void start() {
    clients.forEach(RawClient::startLoop);
  }

  @Override
  public void close() {
    clients.forEach(RawClient::close);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
