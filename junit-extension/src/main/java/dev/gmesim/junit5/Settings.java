package dev.gmesim.junit5;

import dev.gmesim.core.auth.AppCredentials;
import java.util.ArrayList;
import java.util.List;

import dev.gmesim.core.server.GmeSimulator;
import dev.gmesim.core.cloud.CloudSecret;
import dev.gmesim.core.sdk.PollMode;
import dev.gmesim.core.time.TimeMode;
import dev.gmesim.core.time.TimeScale;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A class's simulator settings, from {@link GmeSimulatorTest} or the extension's builder.
 *
 * @param timeScale the factor of scaled sessions that name none
 * @param clockName the clock of every test context, as {@link TimeMode#parse} reads it
 * @param roomPort the room port, 0 for a free one
 * @param httpPort the HTTP port, 0 for a free one
 * @param scope how widely the simulator is shared
 * @param failOnUnfiredFaults whether an annotation's fault that never fired fails the test
 * @param existing a simulator the user started and keeps ownership of, or null
 * @param remote a running simulator to use (read when the first test needs it), or null
 * @param source where the settings came from, for messages
 * @param apps apps whose auth buffers the simulator checks, installed before the first test
 * @param cloudSecret the server-API key the simulator checks signatures with, or null for none (any passes)
 * @param poll how every test context delivers its events
 */
record Settings(double timeScale, String clockName, int roomPort, int httpPort, SimulatorScope scope,
    boolean failOnUnfiredFaults, GmeSimulator existing, Supplier<RemoteTarget> remote, String source,
    List<AppCredentials> apps, CloudSecret cloudSecret, PollMode poll) {

  static final double DEFAULT_TIME_SCALE = 1;
  static final String DEFAULT_CLOCK = "virtual";
  /** Strict, as GME: a game that forgets Poll gets no event in its tests either (README, "Poll"). */
  static final PollMode DEFAULT_POLL = PollMode.STRICT;

  static Settings of(GmeSimulatorTest a, Class<?> on) {
    String source = "@GmeSimulatorTest on " + on.getName();
    return new Settings(a.timeScale(), a.clock(), a.roomPort(), a.httpPort(), a.scope(), a.failOnUnfiredFaults(), null, null,
        source, parseApps(a.apps(), source), parseCloudSecret(a.cloudSecret(), source), a.poll());
  }

  static Settings defaults(String source) {
    return new Settings(DEFAULT_TIME_SCALE, DEFAULT_CLOCK, 0, 0, SimulatorScope.CLASS, false, null, null, source, List.of(), null,
        DEFAULT_POLL);
  }

  /** Parses {@code SECRETID:SECRETKEY}, or null for an empty value; a bad one names the SecretId, never the key. */
  static CloudSecret parseCloudSecret(String spec, String source) {
    if (spec.isEmpty()) {
      return null;
    }
    try {
      return CloudSecret.parse(spec);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(source + ": cloudSecret: " + e.getMessage());
    }
  }

  /** Parses {@code APPID:KEY} entries, naming the entry's position and AppID (never the key) when one is bad. */
  static List<AppCredentials> parseApps(String[] specs, String source) {
    List<AppCredentials> out = new ArrayList<>();
    for (int i = 0; i < specs.length; i++) {
      AppCredentials app;
      try {
        app = AppCredentials.parse(specs[i]);
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(source + ": apps[" + i + "]: " + e.getMessage());
      }
      if (out.stream().anyMatch(a -> a.appId().equals(app.appId()))) {
        throw new ExtensionConfigurationException(source + ": apps[" + i + "]: AppID " + app.appId()
            + " is given twice; give each app once");
      }
      out.add(app);
    }
    return List.copyOf(out);
  }

  /** Checks every value, naming the bad one and the fix; the builder calls it early, the annotation path before starting anything. */
  Settings validate() {
    try {
      TimeScale.of(timeScale);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(source + ": " + e.getMessage());
    }
    try {
      TimeMode.parse(clockName);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(source + ": clock: " + e.getMessage()
          + " (e.g. @GmeSimulatorTest(clock = \"manual\"))");
    }
    checkPort("roomPort", roomPort);
    checkPort("httpPort", httpPort);
    if (scope == null) {
      throw new ExtensionConfigurationException(source + ": scope is null; use SimulatorScope.CLASS or RUN");
    }
    if (poll == null) {
      throw new ExtensionConfigurationException(source + ": poll is null; use PollMode.STRICT or IMMEDIATE");
    }
    return this;
  }

  private void checkPort(String name, int port) {
    if (port < 0 || port > 65535) {
      throw new ExtensionConfigurationException(source + ": " + name + " " + port
          + " is not a TCP port; use 0..65535 (0, the default, picks a free port)");
    }
  }

  /** Identifies simulators that classes may share in {@link SimulatorScope#RUN}: same clock, same ports. */
  String sharingKey() {
    // AppIDs only, never keys: classes sharing a run-scoped simulator must agree on their apps' keys.
    return "simulator(timeScale=" + timeScale + ", roomPort=" + roomPort + ", httpPort=" + httpPort
        + ", apps=" + apps.stream().map(AppCredentials::appId).toList()
        + ", cloudSecret=" + (cloudSecret == null ? "none" : cloudSecret.secretId()) + ")";
  }

  /** Returns the clock of every test context. */
  TimeMode clock() {
    return TimeMode.parse(clockName);
  }

  GmeSimulator start() {
    GmeSimulator.Builder b = GmeSimulator.builder().timeScale(timeScale).roomPort(roomPort).httpPort(httpPort);
    apps.forEach(b::app);
    if (cloudSecret != null) {
      b.cloudSecret(cloudSecret);
    }
    return b.start();
  }
}
