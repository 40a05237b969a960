package dev.gmesim.benchmarks.roomload;

import dev.gmesim.benchmarks.Cli;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.server.GmeSimulator;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

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
 * <p>The driver is this package: {@link Run} (the phases the clients share), {@link SdkLoad} and
 * {@link RawLoad} (the ways of loading), {@link EchoServer} (the floor), {@link Histogram} and
 * {@link Table} (the figures).
 *
 * <pre>
 * ./mvnw -B -q -pl simulator-core,benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.gmesim.benchmarks.roomload.RoomLoad \
 *     --clients 1,16,256 --warmup 5s --duration 10s
 * java -cp benchmarks/target/benchmarks.jar dev.gmesim.benchmarks.roomload.RoomLoad --target 127.0.0.1:7300 --modes raw
 * </pre>
 */
@Command(name = "RoomLoad", sortOptions = false,
    description = "Room round trips (ENTER_ROOM + EXIT_ROOM) per second through the simulated SDK, a lean raw "
        + "client and, as the floor, the raw client against a bare Netty echo server.")
public final class RoomLoad implements Callable<Integer> {
  static final String APP_ID = "1400000000";
  /** How long a run may take to drain after its measured period before its clients count as stalled. */
  private static final Duration DRAIN = Duration.ofSeconds(10);

  @Option(names = "--clients", paramLabel = "N", split = ",", defaultValue = "1,16,256",
      converter = Cli.PositiveInt.class, description = "Connected clients per run (default ${DEFAULT-VALUE}).")
  List<Integer> clients;

  @Option(names = "--modes", paramLabel = "MODE", split = ",", defaultValue = "sdk,raw,echo",
      converter = Mode.Converter.class,
      description = "sdk: simulated SDK; raw: lean pipelined client; echo: raw client against a bare Netty echo "
          + "server (the same-run floor). Default: all three; they run in this order whatever the order given.")
  List<Mode> modes;

  @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "5s",
      converter = Cli.NonNegativeDuration.class,
      description = "Unmeasured time per run, such as 5s, 500ms or PT5S (default ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s",
      converter = Cli.PositiveDuration.class,
      description = "Measured time per run, such as 10s, 500ms or PT10S (default ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--max-round-trips", paramLabel = "N", defaultValue = "5000000", converter = Cli.PositiveInt.class,
      description = "Also end a measured period after N round trips (default ${DEFAULT-VALUE}).")
  int maxRoundTrips;

  @Option(names = "--depth", paramLabel = "N", defaultValue = "8", converter = Cli.PositiveInt.class,
      description = "Round trips in flight per raw/echo connection (default ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--target", paramLabel = "HOST:PORT", converter = HostPort.class,
      description = "Load a running simulator's room gateway instead of an embedded one.")
  InetSocketAddress target;

  @Option(names = "--shared-room",
      description = "Put every client in one room (each entry then fans out USER_UPDATE).")
  boolean sharedRoom;

  @Option(names = "--server-threads", paramLabel = "N", converter = Cli.PositiveInt.class,
      description = "Event loops of the embedded simulator and the echo server (default max(2, cores): "
          + "${DEFAULT-VALUE}).")
  int serverThreads = Math.max(2, Runtime.getRuntime().availableProcessors());

  @Option(names = "--client-threads", paramLabel = "N", defaultValue = "1", converter = Cli.PositiveInt.class,
      description = "Event loops of the raw client (default ${DEFAULT-VALUE}).")
  int clientThreads;

  RoomLoad() {}

  /** Runs the load and prints the table; exits with status 2 and the reason on a bad flag. */
  public static void main(String[] args) {
    Cli.run(new RoomLoad(), args);
  }

  @Override
  public Integer call() throws Exception {
    // In the order of the enum whatever the order given, as before: the table reads sdk, raw, echo.
    Set<Mode> ordered = EnumSet.copyOf(modes);
    System.out.println("# RoomLoad " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now().withNano(0)));
    System.out.println("# JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        + ", " + Runtime.getRuntime().availableProcessors() + " cores");
    System.out.println("# target " + (target == null ? "embedded GmeSimulator (" + serverThreads
        + " event loops)" : target) + ", warm-up " + warmup.toMillis() + " ms, measured "
        + duration.toMillis() + " ms (at most " + maxRoundTrips + " round trips), "
        + (sharedRoom ? "all clients in one room" : "one room per client")
        + ", raw/echo pipeline depth " + depth);
    List<Result> results = new ArrayList<>();
    for (int n : clients) {
      for (Mode m : ordered) {
        Result r = runOne(m, n);
        results.add(r);
        System.err.printf(Locale.ROOT, "%-4s %4d clients: %,.0f round trips/s%n", m.label(), n, r.perSecond());
      }
    }
    System.out.println(Table.render(results));
    return 0;
  }

  private Result runOne(Mode mode, int clientCount) throws Exception {
    GmeSimulator sim = null;
    EchoServer echo = null;
    InetSocketAddress address = target;
    try {
      if (mode == Mode.ECHO) {
        echo = EchoServer.start(serverThreads);
        address = echo.address();
      } else if (address == null) {
        sim = GmeSimulator.builder().workerThreads(serverThreads).start();
        address = sim.roomAddress();
      }
      Run run = new Run(clientCount, maxRoundTrips);
      Load load = mode == Mode.SDK ? new SdkLoad(run, address, sharedRoom)
          : new RawLoad(run, address, sharedRoom, depth, clientThreads, mode == Mode.ECHO);
      try {
        load.connect();
        load.start();
        // The warm-up is wall time by definition: the clients loop unmeasured meanwhile.
        Thread.sleep(warmup.toMillis());
        run.beginMeasuring();
        run.awaitStop(duration);
        run.stop();
        int stalled = run.awaitDrained(DRAIN);
        return new Result(mode, clientCount, run.measured(), run.window(), run.merged(), run.errors(), stalled,
            run.cpuNanos());
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

  /** Reads {@code --target host:port}. */
  static final class HostPort implements ITypeConverter<InetSocketAddress> {
    @Override
    public InetSocketAddress convert(String value) {
      int colon = value.lastIndexOf(':');
      if (colon > 0) {
        try {
          int port = Integer.parseInt(value.substring(colon + 1));
          if (port > 0 && port <= 65535) {
            return new InetSocketAddress(value.substring(0, colon), port);
          }
        } catch (NumberFormatException ignored) {
          // Worded below, the same as a missing port.
        }
      }
      throw new TypeConversionException("'" + value + "' is not host:port with a port in 1..65535; "
          + "use e.g. 127.0.0.1:7300");
    }
  }
}
