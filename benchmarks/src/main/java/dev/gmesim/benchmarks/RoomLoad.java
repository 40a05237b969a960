package dev.gmesim.benchmarks;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeDelegate;
import dev.gmesim.core.sdk.GmeEvent;
import dev.gmesim.core.server.GmeSimulator;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load driver for the room protocol: N connected clients each loop ENTER_ROOM + EXIT_ROOM (one
 * "round trip") against an embedded {@link GmeSimulator} or a running one, for a warm-up and then a
 * measured period, and the driver prints round trips per second with p50/p99 latency.
 *
 * <p>It drives three ways, each a column of the table, so the ratios come from one run:
 * <ul>
 *   <li>{@code sdk}: the simulated SDK ({@link GmeContext}), one call at a time per client, as a game
 *       would: this measures SDK plus server.</li>
 *   <li>{@code raw}: a lean client that writes the framed JSON itself and keeps {@code --depth}
 *       round trips in flight per connection: this measures the server's own capacity.</li>
 *   <li>{@code echo}: the same lean client against a bare Netty server that echoes each frame: what
 *       framing over loopback costs on this machine, with no simulator logic at all.</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -B -q -pl simulator-core,benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.gmesim.benchmarks.RoomLoad \
 *     --clients 1,16,256 --warmup 5s --duration 10s
 * java -cp benchmarks/target/benchmarks.jar dev.gmesim.benchmarks.RoomLoad --target 127.0.0.1:7300 --modes raw
 * </pre>
 */
public final class RoomLoad {
  private static final String APP_ID = "1400000000";
  /** How long a run may take to drain after its measured period before its clients count as stalled. */
  private static final Duration DRAIN = Duration.ofSeconds(10);

  private RoomLoad() {}

  /** The ways the driver can load a server. */
  enum Mode {
    SDK, RAW, ECHO;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Parsed command line. */
  record Options(List<Integer> clients, Set<Mode> modes, Duration warmup, Duration duration, long maxRoundTrips,
      int depth, InetSocketAddress target, boolean sharedRoom, int serverThreads, int clientThreads) {}

  /** One measured run. */
  record Result(Mode mode, int clients, long roundTrips, Duration window, Histogram latency, long errors,
      int stalled) {
    double perSecond() {
      return window.isZero() ? 0 : roundTrips * 1e9 / window.toNanos();
    }
  }

  /** Runs the load and prints the table; exits with status 2 on a bad option. */
  public static void main(String[] argv) throws Exception {
    Options o;
    try {
      o = parse(argv);
    } catch (IllegalArgumentException e) {
      System.err.println("RoomLoad: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    System.out.println("# RoomLoad " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now().withNano(0)));
    System.out.println("# JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        + ", " + Runtime.getRuntime().availableProcessors() + " cores");
    System.out.println("# target " + (o.target() == null ? "embedded GmeSimulator (" + o.serverThreads()
        + " event loops)" : o.target()) + ", warm-up " + o.warmup().toMillis() + " ms, measured "
        + o.duration().toMillis() + " ms (at most " + o.maxRoundTrips() + " round trips), "
        + (o.sharedRoom() ? "all clients in one room" : "one room per client")
        + ", raw/echo pipeline depth " + o.depth());
    List<Result> results = new ArrayList<>();
    for (int n : o.clients()) {
      for (Mode m : o.modes()) {
        Result r = runOne(o, m, n);
        results.add(r);
        System.err.printf(Locale.ROOT, "%-4s %4d clients: %,.0f round trips/s%n", m.label(), n, r.perSecond());
      }
    }
    System.out.println(table(o, results));
  }

  private static Result runOne(Options o, Mode mode, int clients) throws Exception {
    GmeSimulator sim = null;
    EchoServer echo = null;
    InetSocketAddress address = o.target();
    try {
      if (mode == Mode.ECHO) {
        echo = EchoServer.start(o.serverThreads());
        address = echo.address();
      } else if (address == null) {
        sim = GmeSimulator.builder().workerThreads(o.serverThreads()).start();
        address = sim.roomAddress();
      }
      Run run = new Run(clients, o.maxRoundTrips());
      Load load = mode == Mode.SDK ? new SdkLoad(run, address, o.sharedRoom())
          : new RawLoad(run, address, o.sharedRoom(), o.depth(), o.clientThreads(), mode == Mode.ECHO);
      try {
        load.connect();
        load.start();
        Thread.sleep(o.warmup().toMillis());
        run.beginMeasuring();
        run.awaitStop(o.duration());
        run.stop();
        int stalled = run.awaitDrained(DRAIN);
        return new Result(mode, clients, run.measured(), run.window(), run.merged(), run.errors(), stalled);
      } finally {
        load.close();
      }
    } finally {
      if (sim != null) {
        sim.close();
      }
      if (echo != null) {
        echo.close();
      }
    }
  }

  // ---- run control ------------------------------------------------------------------------------

  /**
   * The phases every client of one run shares: warm-up (nothing recorded), measuring, stopped. Each
   * client records into its own histogram; the drain latch publishes them to the driver.
   */
  static final class Run {
    private static final int WARMUP = 0;
    private static final int MEASURING = 1;
    private static final int STOPPED = 2;

    private final Histogram[] histograms;
    private final long maxRoundTrips;
    private final AtomicLong measured = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch drained;
    private volatile int phase = WARMUP;
    private volatile long measureStart;
    private volatile long measureEnd;

    Run(int clients, long maxRoundTrips) {
      this.histograms = new Histogram[clients];
      for (int i = 0; i < clients; i++) {
        histograms[i] = new Histogram();
      }
      this.maxRoundTrips = maxRoundTrips;
      this.drained = new CountDownLatch(clients);
    }

    int clients() {
      return histograms.length;
    }

    /** Records one finished round trip of client {@code i}; returns whether the client goes on. */
    boolean record(int i, long latencyNanos) {
      int p = phase;
      if (p == MEASURING) {
        histograms[i].record(latencyNanos);
        if (measured.incrementAndGet() >= maxRoundTrips) {
          stop();
          return false;
        }
      }
      return p != STOPPED;
    }

    /** Counts a failed call; the client that saw it stops. */
    void error(String what) {
      if (errors.getAndIncrement() == 0) {
        System.err.println("first error: " + what);
      }
    }

    /** A client ends (stopped, failed or disconnected); called once per client. */
    void finished() {
      drained.countDown();
    }

    void beginMeasuring() {
      measureStart = System.nanoTime();
      phase = MEASURING;
    }

    void awaitStop(Duration max) throws InterruptedException {
      stopSignal.await(max.toNanos(), TimeUnit.NANOSECONDS);
    }

    synchronized void stop() {
      if (phase != STOPPED) {
        phase = STOPPED;
        measureEnd = System.nanoTime();
        stopSignal.countDown();
      }
    }

    boolean stopped() {
      return phase == STOPPED;
    }

    /** Waits for the clients to finish their last round trip; returns how many did not. */
    int awaitDrained(Duration max) throws InterruptedException {
      drained.await(max.toNanos(), TimeUnit.NANOSECONDS);
      return (int) drained.getCount();
    }

    long measured() {
      return Math.min(measured.get(), maxRoundTrips);
    }

    long errors() {
      return errors.get();
    }

    Duration window() {
      long start = measureStart;
      return start == 0 ? Duration.ZERO : Duration.ofNanos(measureEnd - start);
    }

    Histogram merged() {
      Histogram all = new Histogram();
      for (Histogram h : histograms) {
        all.add(h);
      }
      return all;
    }
  }

  /** One way of loading a server with {@link Run#clients()} clients. */
  interface Load extends AutoCloseable {
    /** Connects every client and brings it to the state where it can loop (inited). */
    void connect() throws Exception;

    /** Starts every client's loop. */
    void start();

    @Override
    void close();
  }

  // ---- simulated SDK --------------------------------------------------------------------------

  /**
   * Clients on the simulated SDK: each one's delegate answers ENTER_ROOM with exitRoom() and
   * EXIT_ROOM with the next enterRoom(), so no thread waits per client and the SDK's own threads
   * carry the whole load, as they would in a game.
   */
  static final class SdkLoad implements Load {
    private static final byte[] AUTH = new byte[0];
    private final Run run;
    private final InetSocketAddress address;
    private final boolean sharedRoom;
    private final List<GmeContext> contexts = new ArrayList<>();
    private final List<SdkClient> clients = new ArrayList<>();

    SdkLoad(Run run, InetSocketAddress address, boolean sharedRoom) {
      this.run = run;
      this.address = address;
      this.sharedRoom = sharedRoom;
    }

    @Override
    public void connect() {
      for (int i = 0; i < run.clients(); i++) {
        SdkClient c = new SdkClient(run, i, sharedRoom ? "load" : "load-" + i);
        GmeContext gme = GmeContext.builder().room(address).sdkName("RoomLoad").delegate(c).build();
        contexts.add(gme);
        c.gme = gme;
        int r = gme.init(APP_ID, String.valueOf(100_000 + i));
        if (r != 0) {
          throw new IllegalStateException("Init of client " + i + " failed with " + r);
        }
        clients.add(c);
      }
    }

    @Override
    public void start() {
      clients.forEach(SdkClient::enter);
    }

    @Override
    public void close() {
      contexts.forEach(GmeContext::close);
    }
  }

  /** One SDK context's loop, driven by its events. */
  static final class SdkClient implements GmeDelegate {
    private final Run run;
    private final int index;
    private final String room;
    GmeContext gme;
    /** Written and read on the context's serial callback executor only (and once by start()). */
    private long started;

    SdkClient(Run run, int index, String room) {
      this.run = run;
      this.index = index;
      this.room = room;
    }

    void enter() {
      started = System.nanoTime();
      int r = gme.enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, SdkLoad.AUTH);
      if (r != 0) {
        fail("enterRoom returned " + r);
      }
    }

    @Override
    public void onEvent(GmeEventType type, GmeEvent event) {
      if (type == GmeEventType.ENTER_ROOM) {
        if (event.result() != 0) {
          fail("ENTER_ROOM " + event);
        } else if (gme.exitRoom() != 0) {
          fail("exitRoom refused");
        }
      } else if (type == GmeEventType.EXIT_ROOM) {
        if (event.result() != 0) {
          fail("EXIT_ROOM " + event);
        } else if (run.record(index, System.nanoTime() - started)) {
          enter();
        } else {
          run.finished();
        }
      }
    }

    private void fail(String what) {
      run.error("sdk client " + index + ": " + what);
      run.finished();
    }
  }

  // ---- lean raw client ------------------------------------------------------------------------

  /**
   * Clients that speak the framed protocol directly on one Netty event loop: requests are written
   * from prebuilt bytes, replies are scanned for {@code "id"} and {@code "result"} without a JSON
   * tree, and each connection keeps {@code depth} round trips in flight, so the client costs far
   * less CPU than the server it loads.
   */
  static final class RawLoad implements Load {
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

  /**
   * One raw connection. Request ids: 1 HELLO, 2 INIT, then round trip k is ENTER_ROOM with id 2k+1
   * and EXIT_ROOM with id 2k+2. Replies on one connection arrive in request order (no faults are
   * installed), which the client checks.
   */
  static final class RawClient extends ChannelInboundHandlerAdapter {
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
      this.initTail = ascii(",\"op\":\"INIT\",\"args\":{\"appId\":\"" + APP_ID + "\",\"openId\":\""
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

  // ---- echo anchor ----------------------------------------------------------------------------

  /**
   * A bare Netty server that sends every frame back unchanged: the floor cost of a framed request
   * over loopback on this machine, measured with the same client in the same run.
   */
  static final class EchoServer implements AutoCloseable {
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;

    private EchoServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
      this.boss = boss;
      this.workers = workers;
      this.channel = channel;
    }

    static EchoServer start(int threads) {
      EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("echo-accept", true),
          NioIoHandler.newFactory());
      EventLoopGroup workers = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("echo", true),
          NioIoHandler.newFactory());
      Channel ch = new ServerBootstrap()
          .group(boss, workers)
          .channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel c) {
              c.pipeline().addLast(new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 4), new LengthFieldPrepender(4),
                  new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                      ctx.write(msg);
                    }

                    @Override
                    public void channelReadComplete(ChannelHandlerContext ctx) {
                      ctx.flush();
                    }
                  });
            }
          })
          .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
          .syncUninterruptibly()
          .channel();
      return new EchoServer(boss, workers, ch);
    }

    InetSocketAddress address() {
      return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
      channel.close().syncUninterruptibly();
      boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  // ---- latency histogram ----------------------------------------------------------------------

  /**
   * A log-linear histogram of nanosecond values: 64 buckets per power of two, so a percentile is
   * within about 1.6% of the true value, in a fixed 30 KB whatever the run length.
   */
  static final class Histogram {
    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;
    private final long[] counts = new long[(64 - SUB_BITS) * SUB];
    private long total;

    void record(long nanos) {
      counts[index(Math.max(0, nanos))]++;
      total++;
    }

    void add(Histogram other) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += other.counts[i];
      }
      total += other.total;
    }

    long total() {
      return total;
    }

    /** Returns the value at quantile {@code q} (0..1), in nanoseconds, or 0 when empty. */
    long quantile(double q) {
      if (total == 0) {
        return 0;
      }
      long rank = Math.max(1, (long) Math.ceil(q * total));
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i];
        if (seen >= rank) {
          return middle(i);
        }
      }
      return middle(counts.length - 1);
    }

    static int index(long v) {
      if (v < SUB) {
        return (int) v;
      }
      int shift = 63 - Long.numberOfLeadingZeros(v) - SUB_BITS;
      return (shift + 1) * SUB + (int) ((v >>> shift) - SUB);
    }

    private static long middle(int index) {
      if (index < SUB) {
        return index;
      }
      int shift = index / SUB - 1;
      long low = (long) (index % SUB + SUB) << shift;
      return low + ((1L << shift) >> 1);
    }
  }

  // ---- options and output ---------------------------------------------------------------------

  static Options parse(String[] argv) {
    List<Integer> clients = List.of(1, 16, 256);
    Set<Mode> modes = EnumSet.allOf(Mode.class);
    Duration warmup = Duration.ofSeconds(5);
    Duration duration = Duration.ofSeconds(10);
    long max = 5_000_000;
    int depth = 8;
    InetSocketAddress target = null;
    boolean shared = false;
    int serverThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    int clientThreads = 1;
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (a.equals("--help") || a.equals("-h")) {
        System.out.println(usage());
        System.exit(0);
      }
      if (a.equals("--shared-room")) {
        shared = true;
        continue;
      }
      if (i + 1 >= argv.length) {
        throw new IllegalArgumentException(a + " needs a value (or is unknown)");
      }
      String v = argv[++i];
      switch (a) {
        case "--clients" -> {
          List<Integer> list = new ArrayList<>();
          for (String s : v.split(",")) {
            list.add(positive(a, s.trim()));
          }
          clients = list;
        }
        case "--modes" -> {
          Set<Mode> set = EnumSet.noneOf(Mode.class);
          for (String s : v.split(",")) {
            try {
              set.add(Mode.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("--modes " + v + ": unknown mode '" + s + "'; use sdk, raw, echo");
            }
          }
          modes = set;
        }
        case "--warmup" -> warmup = duration(a, v);
        case "--duration" -> duration = duration(a, v);
        case "--max-round-trips" -> max = positive(a, v);
        case "--depth" -> depth = positive(a, v);
        case "--server-threads" -> serverThreads = positive(a, v);
        case "--client-threads" -> clientThreads = positive(a, v);
        case "--target" -> {
          int colon = v.lastIndexOf(':');
          if (colon <= 0) {
            throw new IllegalArgumentException("--target " + v + ": expected host:port, e.g. 127.0.0.1:7300");
          }
          target = new InetSocketAddress(v.substring(0, colon), positive(a, v.substring(colon + 1)));
        }
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return new Options(clients, modes, warmup, duration, max, depth, target, shared, serverThreads, clientThreads);
  }

  private static int positive(String option, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(option + " " + v + ": expected a positive integer");
  }

  private static Duration duration(String option, String v) {
    try {
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      return Duration.ofSeconds(Long.parseLong(v.endsWith("s") ? v.substring(0, v.length() - 1) : v));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " " + v + ": expected a duration such as 10s or 500ms");
    }
  }

  static String usage() {
    return String.join("\n",
        "usage: java -cp benchmarks/target/benchmarks.jar dev.gmesim.benchmarks.RoomLoad [options]",
        "  --clients 1,16,256       connected clients per run (default 1,16,256)",
        "  --modes sdk,raw,echo     sdk: simulated SDK; raw: lean pipelined client; echo: raw client vs a bare",
        "                           Netty echo server (the same-run floor). Default: all three",
        "  --warmup 5s              unmeasured time per run (default 5s)",
        "  --duration 10s           measured time per run (default 10s)",
        "  --max-round-trips N      also end a measured period after N round trips (default 5000000)",
        "  --depth 8                round trips in flight per raw/echo connection (default 8)",
        "  --target host:port       load a running simulator instead of an embedded one",
        "  --shared-room            put every client in one room (each entry then fans out USER_UPDATE)",
        "  --server-threads N       event loops of the embedded simulator and the echo server (default max(2, cores))",
        "  --client-threads N       event loops of the raw client (default 1)");
  }

  static String table(Options o, List<Result> results) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-5s %7s %12s %14s %9s %9s %7s%n", "mode", "clients", "round trips",
        "round trips/s", "p50 ms", "p99 ms", "errors"));
    for (Result r : results) {
      sb.append(String.format(Locale.ROOT, "%-5s %7d %12d %14.0f %9.3f %9.3f %7s%n", r.mode().label(), r.clients(),
          r.roundTrips(), r.perSecond(), r.latency().quantile(0.50) / 1e6, r.latency().quantile(0.99) / 1e6,
          r.errors() + (r.stalled() > 0 ? " (" + r.stalled() + " stalled)" : "")));
    }
    for (Result sdk : results) {
      if (sdk.mode() != Mode.SDK) {
        continue;
      }
      for (Result raw : results) {
        if (raw.mode() == Mode.RAW && raw.clients() == sdk.clients() && sdk.perSecond() > 0) {
          sb.append(String.format(Locale.ROOT, "raw/sdk at %d clients: %.1fx%n", sdk.clients(),
              raw.perSecond() / sdk.perSecond()));
        }
      }
    }
    for (Result raw : results) {
      if (raw.mode() != Mode.RAW) {
        continue;
      }
      for (Result echo : results) {
        if (echo.mode() == Mode.ECHO && echo.clients() == raw.clients() && raw.perSecond() > 0) {
          sb.append(String.format(Locale.ROOT, "echo/raw at %d clients: %.1fx%n", raw.clients(),
              echo.perSecond() / raw.perSecond()));
        }
      }
    }
    return sb.toString();
  }
}
