package dev.gmesim.cli;

import dev.gmesim.core.api.DrillStatus;
import dev.gmesim.core.api.GmeSimulatorControl;
import dev.gmesim.core.api.internal.ControlJson;
import dev.gmesim.core.fault.FaultProfile;
import dev.gmesim.core.remote.GmeSimulatorClient;
import dev.gmesim.core.remote.RemoteSimulatorException;
import dev.gmesim.core.server.GmeSimulator;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code java -jar gme-simulator.jar drill}: runs N bots against a simulator for a set time, under
 * a chaos profile if given, with a live progress line and a table per operation at the end.
 * Without {@code --target-room} it starts a simulator of its own in the same process.
 *
 * <pre>
 * java -jar gme-simulator.jar drill --bots 50 --duration PT1M --profile examples/drills/enter-room-brownout.yaml
 * java -jar gme-simulator.jar drill --target-room 10.0.0.5:7300 --target-http http://10.0.0.5:8080 \
 *     --admin-token "$TOKEN" --profile brownout.yaml --bots 200 --duration PT10M
 * </pre>
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
    description = "Runs simulated SDK clients (bots: rooms, mic, voice messages) against a simulator, under a chaos profile if given, "
        + "and prints calls, success rate, codes and latency per operation.",
    exitCodeOnInvalidInput = 2)
final class DrillCommand implements Callable<Integer> {

  @Option(names = "--target-room", paramLabel = "HOST:PORT",
      description = "Room gateway of a running simulator; without it, the drill starts its own simulator.")
  String targetRoom;

  @Option(names = "--target-http", paramLabel = "URL",
      description = "HTTP base URL of the running simulator, to start --profile over the control API "
          + "and read the drill summary (e.g. http://127.0.0.1:8080).")
  URI targetHttp;

  @Mixin
  AdminTokenOption adminToken;

  @Option(names = "--profile", paramLabel = "FILE",
      description = "Chaos drill profile (JSON or YAML) to start before the bots and stop after them.")
  Path profile;

  @Option(names = "--bots", paramLabel = "N", defaultValue = "50", description = "Bots at once (default ${DEFAULT-VALUE}).")
  int bots;

  @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "PT1M",
      converter = HealthCommand.DurationConverter.class,
      description = "How long the bots run, such as PT1M or 1m (default ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--rooms", paramLabel = "N", defaultValue = "20", description = "Rooms the bots spread over (default ${DEFAULT-VALUE}).")
  int rooms;

  @Option(names = "--talk", paramLabel = "DURATION", defaultValue = "PT0.2S",
      converter = HealthCommand.DurationConverter.class,
      description = "Mean time a bot stays in a room before it moves on (default ${DEFAULT-VALUE}).")
  Duration talk;

  @Option(names = "--voice-share", paramLabel = "SHARE", defaultValue = "0.3",
      description = "Share of room visits in which a bot uploads a voice message and downloads it again "
          + "(0 to 1; default ${DEFAULT-VALUE}).")
  double voiceShare;

  @Option(names = "--app-id", paramLabel = "APPID", defaultValue = "1400000000", description = "AppID the bots use (default ${DEFAULT-VALUE}).")
  String appId;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seeds the bots' room choices (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--time-scale", paramLabel = "FACTOR", defaultValue = "1",
      description = "Time scale of the simulator the drill starts itself (default ${DEFAULT-VALUE}); ignored with --target-room.")
  double timeScale;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (bots < 1) {
      throw bad("--bots " + bots + " is less than 1; pass 1 or more");
    }
    if (rooms < 1) {
      throw bad("--rooms " + rooms + " is less than 1; pass 1 or more");
    }
    if (!(voiceShare >= 0 && voiceShare <= 1)) {
      throw bad("--voice-share " + voiceShare + " is outside 0..1; pass e.g. 0.3, or 0 for no voice messages");
    }
    if (targetHttp != null && targetRoom == null) {
      throw bad("--target-http needs --target-room (the room gateway the bots connect to)");
    }
    FaultProfile parsed = null;
    if (profile != null) {
      try {
        parsed = FaultProfile.load(profile);
      } catch (IllegalArgumentException e) {
        throw bad(e.getMessage().replaceFirst("^profile ", "--profile "));
      }
    }
    GmeSimulator own = null;
    InetSocketAddress room;
    try {
      // The drill's own simulator and a remote one are driven through the same contract.
      GmeSimulatorControl control = null;
      if (targetRoom == null) {
        own = GmeSimulator.builder().clock(dev.gmesim.core.time.TimeMode.scaled(timeScale)).roomPort(0).httpPort(0).start();
        room = own.roomAddress();
        err.println("drill: started a simulator: room=" + room.getPort() + " http=" + own.httpBaseUri());
        control = own;
      } else {
        room = hostPort(targetRoom);
        if (parsed != null) {
          if (targetHttp == null) {
            throw bad("--profile with --target-room needs --target-http to start the drill over the control API");
          }
          control = GmeSimulatorClient.connect(targetHttp, adminToken.token());
        }
      }
      if (parsed != null) {
        control.startDrill(parsed);
      }
      DrillRunner.Report report = new DrillRunner(new DrillRunner.Settings(room, bots, duration, appId, rooms, talk, voiceShare, seed))
          .run(err);
      report.print(out);
      if (parsed != null) {
        Optional<DrillStatus> summary = control.drill(parsed.name());
        if (own != null) {
          summary.ifPresent(s -> printSummary(out, s));
        } else {
          summary.ifPresent(s -> out.println("drill summary: " + ControlJson.write(s)));
        }
        // Empty when the drill already ended (its TTL passed while the bots finished): nothing to stop.
        control.stopDrill(parsed.name());
      }
      return 0;
    } catch (RemoteSimulatorException e) {
      err.println("drill: " + e.getMessage()
          + (e.status() == 401 ? "; pass the simulator's token with --admin-token or GMESIM_ADMIN_TOKEN" : ""));
      return 1;
    } finally {
      if (own != null) {
        own.close();
      }
    }
  }

  private static void printSummary(PrintWriter out, DrillStatus s) {
    out.println("drill " + s.name() + " (" + s.state() + "): " + s.calls() + " calls in scope, " + s.faults()
        + " faults " + s.faultsByCode() + ", " + s.guardRailed() + " held back by the guard rail");
  }

  private InetSocketAddress hostPort(String value) {
    int colon = value.lastIndexOf(':');
    try {
      if (colon > 0) {
        int port = Integer.parseInt(value.substring(colon + 1));
        String host = value.substring(0, colon).replaceAll("^\\[|]$", "");
        if (port > 0 && port < 65536) {
          return new InetSocketAddress(host, port);
        }
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw bad("--target-room " + value + " is not HOST:PORT; use e.g. 127.0.0.1:7300");
  }

  private CommandLine.ParameterException bad(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
