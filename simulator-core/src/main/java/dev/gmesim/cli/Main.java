package dev.gmesim.cli;

import dev.gmesim.core.server.GmeSimulator;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar gme-simulator.jar}: runs the GME simulator as a process of its own, prints one
 * ready line with its addresses, and shuts down cleanly on SIGTERM or Ctrl-C.
 *
 * <pre>
 * java -jar simulator-core/target/gme-simulator.jar --room-port 7300 --time-scale 1
 * GME simulator ready: room=127.0.0.1:7300 timeScale=1.0
 * </pre>
 */
@Command(name = "gme-simulator", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Runs a fake Tencent Cloud GME endpoint that fails with any documented error code on demand.",
    exitCodeOnInvalidInput = 2)
public final class Main implements Callable<Integer> {

  @Option(names = "--room-port", paramLabel = "PORT", defaultValue = "${env:GMESIM_ROOM_PORT:-7300}",
      description = "TCP port of the room gateway (env GMESIM_ROOM_PORT; default ${DEFAULT-VALUE}; 0 picks a free port).")
  int roomPort;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "${env:GMESIM_BIND:-127.0.0.1}",
      description = "Address to listen on (env GMESIM_BIND; default ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--time-scale", paramLabel = "FACTOR", defaultValue = "${env:GMESIM_TIME_SCALE:-1}",
      description = "Run simulated time FACTOR times faster than the wall clock; 1000 runs GME's 30 s enter-room "
          + "timeout in 30 ms (env GMESIM_TIME_SCALE; default ${DEFAULT-VALUE}).")
  double timeScale;

  @Option(names = "--journal-size", paramLabel = "N", defaultValue = "${env:GMESIM_JOURNAL_SIZE:-10000}",
      description = "How many journal entries to keep (env GMESIM_JOURNAL_SIZE; default ${DEFAULT-VALUE}).")
  int journalSize;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Runs the command line and exits with its status (2 for bad flags). */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    InetAddress address = parseBind();
    if (roomPort < 0 || roomPort > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--room-port " + roomPort + " is not a TCP port; use 0..65535 (0 picks a free port)");
    }
    if (!(timeScale > 0) || timeScale > 1_000_000) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--time-scale " + timeScale + " is out of range; use a factor in (0, 1000000], e.g. 1 or 1000");
    }
    if (journalSize < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--journal-size " + journalSize + " must be at least 1");
    }
    GmeSimulator sim = GmeSimulator.builder()
        .bindAddress(address)
        .roomPort(roomPort)
        .timeScale(timeScale)
        .journalSize(journalSize)
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sim.close();
      stopped.countDown();
    }, "gmesim-shutdown"));
    var room = sim.roomAddress();
    spec.commandLine().getOut().println("GME simulator ready: room=" + room.getAddress().getHostAddress() + ":"
        + room.getPort() + " timeScale=" + sim.timeScale().factor());
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }

  private InetAddress parseBind() {
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--bind " + bind + " is not an address of this machine; use e.g. 127.0.0.1 or 0.0.0.0");
    }
  }

  /** Reports the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"gme-simulator " + (v == null ? "(development build)" : v)};
    }
  }
}
