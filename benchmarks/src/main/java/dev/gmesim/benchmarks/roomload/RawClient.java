package dev.gmesim.benchmarks.roomload;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * One raw connection. Request ids: 1 HELLO, 2 INIT, then round trip k is ENTER_ROOM with id 2k+1
 * and EXIT_ROOM with id 2k+2. Replies on one connection arrive in request order (no faults are
 * installed), which the client checks.
 */
final class RawClient extends ChannelInboundHandlerAdapter {
  private static final byte[] ID_KEY = "\"id\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RESULT_KEY = "\"result\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT_START = "{\"event\"".getBytes(StandardCharsets.US_ASCII);
  private static final long NONE = Long.MIN_VALUE;

  private final Run run;
  private final int index;
  private final int depth;
  private final boolean echo;
  private final CountDownLatch ready;
  private final byte[] enterTail;
  private final byte[] exitTail;
  private final byte[] helloTail;
  private final byte[] initTail;
  /** Start times of the round trips in flight, by round-trip number modulo depth. */
  private final long[] started;
  private Channel channel;
  private ChannelHandlerContext ctx;
  // Touched on the channel's event loop only.
  private long nextRoundTrip = 1;
  private long expectedId = 1;
  private int inFlight;
  private boolean done;

  RawClient(Run run, int index, String room, int depth, boolean echo, CountDownLatch ready) {
    this.run = run;
    this.index = index;
    this.depth = depth;
    this.echo = echo;
    this.ready = ready;
    this.started = new long[depth];
    this.enterTail = ascii(",\"op\":\"ENTER_ROOM\",\"args\":{\"roomId\":\"" + room + "\",\"roomType\":1}}");
    this.exitTail = ascii(",\"op\":\"EXIT_ROOM\",\"args\":{}}");
    this.helloTail = ascii(",\"op\":\"HELLO\",\"args\":{\"version\":1,\"sdk\":\"RoomLoad-raw\"}}");
    this.initTail = ascii(",\"op\":\"INIT\",\"args\":{\"appId\":\"" + RoomLoad.APP_ID + "\",\"openId\":\""
        + (200_000 + index) + "\"}}");
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    channel = ctx.channel();
    write(ctx, 1, helloTail);
    ctx.flush();
    ctx.fireChannelActive();
  }

  void startLoop() {
    channel.eventLoop().execute(() -> {
      for (int i = 0; i < depth; i++) {
        sendRoundTrip();
      }
      ctx.flush();
    });
  }

  private void sendRoundTrip() {
    long k = nextRoundTrip++;
    started[(int) (k % depth)] = System.nanoTime();
    inFlight++;
    write(ctx, 2 * k + 1, enterTail);
    write(ctx, 2 * k + 2, exitTail);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf frame = (ByteBuf) msg;
    try {
      if (startsWith(frame, EVENT_START)) {
        return;
      }
      long id = numberAfter(frame, ID_KEY);
      long result = numberAfter(frame, RESULT_KEY);
      if (id != expectedId) {
        fail("expected the reply to request " + expectedId + ", got " + frame.toString(StandardCharsets.UTF_8));
        return;
      }
      expectedId++;
      if (result != 0 && !(echo && result == NONE)) {
        fail("request " + id + " failed: " + frame.toString(StandardCharsets.UTF_8));
        return;
      }
      if (id == 1) {
        write(ctx, 2, initTail);
        ctx.flush();
      } else if (id == 2) {
        ready.countDown();
      } else if (id % 2 == 0) {
        long k = (id - 2) / 2;
        inFlight--;
        if (run.record(index, System.nanoTime() - started[(int) (k % depth)])) {
          sendRoundTrip();
        } else if (inFlight == 0) {
          finish();
        }
      }
    } finally {
      frame.release();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!done && !run.stopped()) {
      fail("connection closed by the server");
    }
    finish();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(cause.toString());
    ctx.close();
  }

  void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
  }

  private void fail(String what) {
    if (!done) {
      run.error("raw client " + index + ": " + what);
      finish();
    }
  }

  private void finish() {
    if (!done) {
      done = true;
      run.finished();
    }
  }

  private static void write(ChannelHandlerContext ctx, long id, byte[] tail) {
    ByteBuf buf = ctx.alloc().ioBuffer(32 + tail.length);
    buf.writeInt(0);
    buf.writeByte('{');
    buf.writeBytes(ID_KEY);
    buf.writeCharSequence(Long.toString(id), StandardCharsets.US_ASCII);
    buf.writeBytes(tail);
    buf.setInt(0, buf.readableBytes() - 4);
    ctx.write(buf);
  }

  private static boolean startsWith(ByteBuf b, byte[] prefix) {
    if (b.readableBytes() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b.getByte(b.readerIndex() + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Returns the integer right after the first occurrence of {@code key}, or {@link #NONE}. */
  private static long numberAfter(ByteBuf b, byte[] key) {
    int end = b.writerIndex();
    outer:
    for (int i = b.readerIndex(); i <= end - key.length; i++) {
      for (int j = 0; j < key.length; j++) {
        if (b.getByte(i + j) != key[j]) {
          continue outer;
        }
      }
      int p = i + key.length;
      boolean negative = p < end && b.getByte(p) == '-';
      if (negative) {
        p++;
      }
      long v = 0;
      int digits = 0;
      while (p < end && b.getByte(p) >= '0' && b.getByte(p) <= '9') {
        v = v * 10 + (b.getByte(p++) - '0');
        digits++;
      }
      return digits == 0 ? NONE : negative ? -v : v;
    }
    return NONE;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
