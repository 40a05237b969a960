package dev.gmesim.cli;

import dev.gmesim.core.auth.AppCredentials;
import dev.gmesim.core.fault.FaultProfile;
import dev.gmesim.core.server.GmeSimulator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
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
 * java -jar simulator-core/target/gme-simulator.jar --room-port 7300 --http-port 8080
 * GME simulator ready: room=127.0.0.1:7300 http=http://127.0.0.1:8080 timeScale=1.0 admin=loopback
 *
 * GMESIM_ADMIN_TOKEN=$(openssl rand -hex 32) java -jar gme-simulator.jar --bind 0.0.0.0
 * GME simulator ready: room=0.0.0.0:7300 http=http://0.0.0.0:8080 timeScale=1.0 admin=token
 * </pre>
 *
 * <p>Every flag has an environment variable; a flag given on the command line wins. Bad or
 * conflicting flags exit with status 2 and a message naming them.
 */
@Command(name = "gme-simulator", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Runs a fake Tencent Cloud GME endpoint that fails with any documented error code on demand.",
    subcommands = {HealthCommand.class, DrillCommand.class},
    exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
public final class Main implements Callable<Integer> {

  @Option(names = "--room-port", paramLabel = "PORT", defaultValue = "${env:GMESIM_ROOM_PORT:-7300}",
      description = "TCP port of the room gateway (env GMESIM_ROOM_PORT; default ${DEFAULT-VALUE}; 0 picks a free port).")
  int roomPort;

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "${env:GMESIM_HTTP_PORT:-8080}",
      description = "HTTP port: voice messages and the control API under /__admin/gme/ (env GMESIM_HTTP_PORT; "
          + "default ${DEFAULT-VALUE}; 0 picks a free port).")
  int httpPort;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "${env:GMESIM_BIND:-127.0.0.1}",
      description = "Address to listen on (env GMESIM_BIND; default ${DEFAULT-VALUE}). Any address other than "
          + "loopback needs --admin-token or --insecure-admin.")
  String bind;

  // No ${DEFAULT-VALUE} in this description: --help would print the token taken from the environment.
  @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:GMESIM_ADMIN_TOKEN}",
      description = "Bearer token required by the control API (env GMESIM_ADMIN_TOKEN, which keeps it out of "
          + "the process list; at least 16 characters, e.g. `openssl rand -hex 32`).")
  String adminToken;

  @Option(names = "--insecure-admin", defaultValue = "${env:GMESIM_INSECURE_ADMIN:-false}", fallbackValue = "true",
      arity = "0..1", paramLabel = "true|false",
      description = "Leave the control API open on a non-loopback --bind, on a trusted network only "
          + "(env GMESIM_INSECURE_ADMIN; default ${DEFAULT-VALUE}). The startup log says so.")
  boolean insecureAdmin;

  @Option(names = "--profile", paramLabel = "FILE", defaultValue = "${env:GMESIM_PROFILE}",
      description = "A chaos drill profile (JSON or YAML, docs/chaos-drills.md) to start as a drill at start, "
          + "all or nothing (env GMESIM_PROFILE).")
  Path profile;

  @Option(names = "--time-scale", paramLabel = "FACTOR", defaultValue = "${env:GMESIM_TIME_SCALE:-1}",
      description = "Run simulated time FACTOR times faster than the wall clock; 1000 runs GME's 30 s enter-room "
          + "timeout in 30 ms (env GMESIM_TIME_SCALE; default ${DEFAULT-VALUE}).")
  double timeScale;

  @Option(names = "--journal-size", paramLabel = "N", defaultValue = "${env:GMESIM_JOURNAL_SIZE:-10000}",
      description = "How many journal entries to keep (env GMESIM_JOURNAL_SIZE; default ${DEFAULT-VALUE}).")
  int journalSize;

  // No ${DEFAULT-VALUE} in these descriptions: --help would print keys taken from the environment.
  @Option(names = "--app", paramLabel = "APPID:KEY", split = ",", defaultValue = "${env:GMESIM_APPS}",
      description = "An app whose auth buffers are checked: its SDK AppID and 16-byte permission key; repeatable "
          + "(env GMESIM_APPS, comma-separated). Prefer --apps-file or the variable: a flag shows in the process "
          + "list. Apps without a key accept any auth buffer.")
  List<String> apps;

  @Option(names = "--apps-file", paramLabel = "FILE", defaultValue = "${env:GMESIM_APPS_FILE}",
      description = "A file of apps, one APPID:KEY per line; blank lines and lines starting with # are skipped "
          + "(env GMESIM_APPS_FILE).")
  Path appsFile;

  @Option(names = "--cloud-secret", paramLabel = "SECRETID:SECRETKEY", split = ",",
      defaultValue = "${env:GMESIM_CLOUD_SECRETS}",
      description = "A TencentCloud API key the server API (POST /, docs/server-api.md) accepts; with any, requests "
          + "must be TC3-HMAC-SHA256 signed; repeatable (env GMESIM_CLOUD_SECRETS, comma-separated). Prefer the "
          + "variable: a flag shows in the process list.")
  List<String> cloudSecrets;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Classes whose loading dominates start-up; see {@link #preload()}. */
  private static final String[] HEAVY_CLASSES = {
      "com.github.tomakehurst.wiremock.WireMockServer",
      "com.github.tomakehurst.wiremock.core.WireMockConfiguration",
      "com.github.tomakehurst.wiremock.jetty.JettyHttpServer",
      "io.netty.bootstrap.ServerBootstrap",
      "io.netty.channel.nio.NioIoHandler"};

  /** Runs the command line and exits with its status (2 for bad flags). */
  public static void main(String[] args) {
    preload();
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Loads the heavy classes on a second thread while the first one parses the flags: a cold start
   * is mostly class loading, and the two overlap on a machine with more than one core.
   */
  private static void preload() {
    Thread t = new Thread(() -> {
      ClassLoader loader = Main.class.getClassLoader();
      for (String name : HEAVY_CLASSES) {
        try {
          Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          return;  // Only an optimisation: the real start-up reports anything that is truly missing.
        }
      }
    }, "gmesim-preload");
    t.setDaemon(true);
    t.start();
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
    GmeSimulator sim = start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sim.close();
      stopped.countDown();
    }, "gmesim-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.println(readyLine(sim));
    out.flush();
    stopped.await();
    return 0;
  }

  /** Checks every flag, loads the profile, and starts the simulator; bad flags throw a ParameterException. */
  GmeSimulator start() {
    InetAddress address = parseBind();
    checkPort("--room-port", roomPort);
    checkPort("--http-port", httpPort);
    if (!(timeScale > 0) || timeScale > 1_000_000) {
      throw bad("--time-scale " + timeScale + " is out of range; use a factor in (0, 1000000], e.g. 1 or 1000");
    }
    if (journalSize < 1) {
      throw bad("--journal-size " + journalSize + " must be at least 1");
    }
    String token = adminToken == null || adminToken.isEmpty() ? null : adminToken;
    if (token != null && insecureAdmin) {
      throw bad("--admin-token and --insecure-admin contradict each other (perhaps one comes from "
          + "GMESIM_ADMIN_TOKEN or GMESIM_INSECURE_ADMIN); give only --admin-token to protect the control API");
    }
    if (token != null) {
      try {
        GmeSimulator.builder().adminToken(token);
      } catch (IllegalArgumentException e) {
        throw bad("--admin-token: " + e.getMessage());
      }
    }
    if (!address.isLoopbackAddress() && token == null && !insecureAdmin) {
      throw bad("--bind " + bind + " is not loopback, so anyone on the network could drive the control API; "
          + "give --admin-token (or GMESIM_ADMIN_TOKEN), or on a trusted network --insecure-admin");
    }
    FaultProfile rules = null;
    if (profile != null) {
      try {
        rules = FaultProfile.load(profile);
      } catch (IllegalArgumentException e) {
        // FaultProfile names the file as "profile FILE: ..."; on the command line the flag names it.
        throw bad(e.getMessage().replaceFirst("^profile ", "--profile "));
      }
    }
    List<AppCredentials> credentials = AppsOption.parse(apps, appsFile, this::bad);
    GmeSimulator sim;
    try {
      GmeSimulator.Builder builder = GmeSimulator.builder();
      credentials.forEach(builder::app);
      for (String secret : cloudSecrets == null ? List.<String>of() : cloudSecrets) {
        try {
          builder.cloudSecret(dev.gmesim.core.cloud.CloudSecret.parse(secret.trim()));
        } catch (IllegalArgumentException e) {
          throw bad("--cloud-secret: " + e.getMessage());
        }
      }
      sim = builder
          .bindAddress(address)
          .roomPort(roomPort)
          .httpPort(httpPort)
          .timeScale(timeScale)
          .clock(dev.gmesim.core.time.TimeMode.scaled(timeScale))
          .journalSize(journalSize)
          .adminToken(token)
          .insecureAdmin(insecureAdmin)
          .start();
    } catch (UncheckedIOException e) {
      // A port in use is a bad flag too: the message names the ports and the fix.
      throw bad(e.getMessage() + " (--room-port " + roomPort + ", --http-port " + httpPort + ")");
    }
    if (rules != null) {
      // A profile starts as a drill: its TTL, schedule and guard rail apply, and the kill switch ends it.
      sim.startDrill(rules);
    }
    return sim;
  }

  /** Returns the one line printed when the simulator serves; it names the access mode, never the token. */
  static String readyLine(GmeSimulator sim) {
    InetSocketAddress http = sim.httpAddress();
    // Both sides listen on the same address; Netty reports a wildcard bind as [::], so show the one given.
    InetSocketAddress room = new InetSocketAddress(http.getAddress(), sim.roomAddress().getPort());
    return "GME simulator ready: room=" + hostPort(room) + " http=http://" + hostPort(http)
        + " timeScale=" + sim.timeScale().factor() + " admin=" + sim.adminAccess()
        + " rules=" + sim.faults().size();
  }

  private static String hostPort(InetSocketAddress a) {
    String host = a.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }

  private void checkPort(String flag, int port) {
    if (port < 0 || port > 65535) {
      throw bad(flag + " " + port + " is not a TCP port; use 0..65535 (0 picks a free port)");
    }
  }

  private InetAddress parseBind() {
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw bad("--bind " + bind + " is not an address of this machine; use e.g. 127.0.0.1 or 0.0.0.0");
    }
  }

  private CommandLine.ParameterException bad(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
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
