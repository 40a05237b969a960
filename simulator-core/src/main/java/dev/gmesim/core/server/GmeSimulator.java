package dev.gmesim.core.server;

import dev.gmesim.core.api.DrillStatus;
import dev.gmesim.core.api.GmeSimulatorControl;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.JournalQuery;
import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.api.SimulatorSettings;
import dev.gmesim.core.api.VoiceMessageStats;
import dev.gmesim.core.auth.AppCredentials;
import dev.gmesim.core.cloud.CloudSecret;
import dev.gmesim.core.fault.FaultProfile;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.internal.cloud.CloudState;
import dev.gmesim.core.internal.cloud.Moderation;
import dev.gmesim.core.internal.fault.FaultPlan;
import dev.gmesim.core.internal.http.HttpExtensions;
import dev.gmesim.core.internal.http.control.ControlApi;
import dev.gmesim.core.internal.server.AdminAccess;
import dev.gmesim.core.internal.server.AuthGate;
import dev.gmesim.core.internal.server.ControlPlane;
import dev.gmesim.core.internal.server.HttpServer;
import dev.gmesim.core.internal.server.Journal;
import dev.gmesim.core.internal.server.RoomServer;
import dev.gmesim.core.internal.server.SessionClocks;
import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.internal.server.SimulatorMetrics;
import dev.gmesim.core.internal.server.SimulatorState;
import dev.gmesim.core.internal.world.GmeWorld;
import dev.gmesim.core.internal.world.VoiceMessages;
import dev.gmesim.core.time.TimeMode;
import dev.gmesim.core.time.TimeScale;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded GME simulator: a fake GME endpoint on real sockets that answers like GME and fails
 * with any documented error code on demand; it implements {@link GmeSimulatorControl}, as
 * {@code GmeSimulatorClient} does over HTTP. Start one per test class (random ports), point the
 * simulated SDK at {@link #roomAddress()}, and add faults. Voice messages are served over HTTP at
 * {@link #httpBaseUri()}, which the room handshake announces to the SDK.
 *
 * <pre>{@code
 * try (GmeSimulator sim = GmeSimulator.builder().timeScale(1000).start();
 *      GmeContext gme = GmeContext.builder().room(sim.roomAddress()).build()) {
 *   sim.addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD).build());
 *   EventRecorder events = new EventRecorder();
 *   gme.setTMGDelegate(events);
 *   gme.init("1400000000", "10001");
 *   gme.enterRoom("lobby", 1, new byte[0]);
 *   events.await(GmeEventType.ENTER_ROOM).result();   // 7006
 * }
 * }</pre>
 *
 * <p>The HTTP side also serves the control API under {@code /__admin/gme/} (docs/control-api.md).
 * On loopback (the default) it is open to local processes; binding any other address needs
 * {@link Builder#adminToken(String)} or an explicit {@link Builder#insecureAdmin(boolean)}.
 *
 * @since 0.1
 */
public final class GmeSimulator implements GmeSimulatorControl, AutoCloseable {
  /** GME's enter-room timeout: an entry with no result after 30 s reports 1005. */
  public static final Duration GME_ENTER_ROOM_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(GmeSimulator.class);

  /** Copied at start(): the builder may be reused, and must not change a running simulator. */
  private final TimeScale timeScale;
  private final GmeWorld world = new GmeWorld();
  private final FaultPlan faults = new FaultPlan();
  private final SimulatorMetrics metrics = new SimulatorMetrics();
  private final AdminAccess admin;
  private final AuthGate auth;
  private final Journal journal;
  private final VoiceMessages voiceMessages;
  private final SessionClocks clocks;
  private final CloudState cloud;
  private final SimulatorState state;
  private final RoomServer roomServer;
  private final HttpServer httpServer;
  /** The HTTP side's port once bound; the room gateway announces it in HELLO. */
  private volatile int boundHttpPort;

  static {
    SimulatorInternals.register(simulator -> simulator.state);
  }

  private GmeSimulator(Builder b, AdminAccess admin) throws IOException {
    this.timeScale = b.timeScale;
    this.admin = admin;
    this.auth = new AuthGate(b.apps);
    this.journal = new Journal(b.journalSize, metrics);
    metrics.watch(world, faults, journal);
    this.clocks = new SessionClocks(b.clock);
    this.cloud = new CloudState(b.cloudSecrets, clocks, b.cloudClock);
    world.presenceListener(cloud.presence());
    // Recordings are timed on the recording session's own clock.
    this.voiceMessages = new VoiceMessages(b.voiceStoreBytes, clocks::nowMs);
    ControlPlane control = new ControlPlane(metrics, admin, b.bindAddress, this::roomAddress, this::reset);
    // A fixed HTTP port is known before WireMock listens; a random one once it is bound.
    this.boundHttpPort = b.httpPort;
    this.state = new SimulatorState(world, faults, journal, b.timeScale, GME_ENTER_ROOM_TIMEOUT,
        b.requestTimeout, b.idleTimeout, b.heartbeatInterval, control, voiceMessages, () -> boundHttpPort, clocks, auth);
    // Building WireMock is most of the start-up time; it runs on a second thread while the room
    // gateway binds. It only listens once the gateway is up, so a healthy answer means both are.
    CompletableFuture<HttpServer> http = new CompletableFuture<>();
    Thread prepare = new Thread(() -> {
      try {
        http.complete(HttpServer.prepare(b.bindAddress, b.httpPort, HttpExtensions.forSimulator(state, cloud),
            admin.wireMockAuthenticator(ControlApi::guardsItself), HttpExtensions.MAPPINGS_CLASSPATH_ROOT));
      } catch (Throwable e) {
        http.completeExceptionally(e);
      }
    }, "gmesim-http-prepare");
    prepare.setDaemon(true);
    prepare.start();
    try {
      this.roomServer = RoomServer.bind(new InetSocketAddress(b.bindAddress, b.roomPort), state, b.workerThreads);
    } catch (IOException | RuntimeException e) {
      http.thenAccept(HttpServer::close);
      throw e;
    }
    try {
      this.httpServer = awaitPrepared(http).listen();
      this.boundHttpPort = httpServer.address().getPort();
    } catch (IOException | RuntimeException e) {
      roomServer.close();
      throw new IOException("HTTP port " + b.httpPort + ": " + e.getMessage(), e);
    }
    if (admin.mode() == AdminAccess.Mode.INSECURE) {
      LOG.warn("INSECURE: the control API on {}:{} has no authentication (--insecure-admin / insecureAdmin(true)); "
          + "anyone who can reach this port can inject faults, read the journal and reset the simulator",
          b.bindAddress.getHostAddress(), httpServer.address().getPort());
    }
  }

  private static HttpServer awaitPrepared(CompletableFuture<HttpServer> http) {
    try {
      return http.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException re ? re : new IllegalStateException(String.valueOf(cause), cause);
    }
  }

  /** Returns a builder with the defaults: loopback, random ports, real time, 10 000 journal entries. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts a simulator with the defaults; see {@link #builder()}. */
  public static GmeSimulator start() {
    return builder().start();
  }

  /** Returns the address of the room gateway (the Netty TCP endpoint the SDK connects to). */
  @Override
  public InetSocketAddress roomAddress() {
    return roomServer.address();
  }

  /** Returns the address of the HTTP side (voice messages and the control API under {@code /__admin/gme/}). */
  public InetSocketAddress httpAddress() {
    return httpServer.address();
  }

  /** Returns {@code http://host:port} of the HTTP side, e.g. for {@code GET /__admin/gme/health}. */
  public URI httpBaseUri() {
    return httpServer.baseUri();
  }

  /**
   * Returns how the control API is protected: {@code loopback} (open, loopback only), {@code token}
   * (bearer token required) or {@code insecure} (open beyond loopback, by explicit opt-out).
   */
  public String adminAccess() {
    return admin.describe();
  }

  /** Returns the registry behind {@code GET /__admin/gme/metrics}, to bind more meters or read counts. */
  public MeterRegistry meterRegistry() {
    return metrics.registry();
  }

  /** Returns what this simulator is configured with, as the control API's settings route reports it. */
  @Override
  public SimulatorSettings settings() {
    return new SimulatorSettings(ControlApi.version(), roomAddress().getAddress().getHostAddress(),
        roomAddress().getPort(), timeScale.factor(), GME_ENTER_ROOM_TIMEOUT.toMillis(), journal.capacity(),
        admin.describe());
  }

  /** Returns how many voice messages (and bytes) the store holds, and its limit. */
  @Override
  public VoiceMessageStats voiceMessageStats() {
    return new VoiceMessageStats(voiceMessages.fileCount(), voiceMessages.storedBytes(), voiceMessages.maxBytes());
  }

  /** Returns the factor of scaled sessions that ask for no factor of their own. */
  @Override
  public TimeScale timeScale() {
    return timeScale;
  }

  /** Returns the clock of sessions that ask for none in HELLO (virtual unless the builder chose another). */
  public TimeMode defaultClock() {
    return clocks.defaultMode();
  }

  /** Returns every rule with its counters, in order of addition. */
  @Override
  public List<RuleStatus> faults() {
    return faults.rules();
  }

  /** Returns one rule with its counters, or empty if there is no rule with this id. */
  @Override
  public Optional<RuleStatus> fault(String id) {
    return faults.status(id);
  }

  /** Adds a fault rule after the existing ones and returns it with its id. */
  @Override
  public FaultRule addFault(FaultRule rule) {
    return faults.add(rule);
  }

  /** Adds several rules in order, all or none, and returns them with their ids. */
  @Override
  public List<FaultRule> addFaults(List<FaultRule> rules) {
    return faults.addAll(rules);
  }

  /** Removes one fault rule by id; returns whether it existed. */
  @Override
  public boolean removeFault(String id) {
    return faults.remove(id);
  }

  /** Removes every rule installed with this owner; returns how many there were. */
  @Override
  public int removeFaultsByOwner(String owner) {
    return faults.removeByOwner(owner);
  }

  /** Removes every fault rule, ending running drills. */
  @Override
  public void clearFaults() {
    faults.clear();
  }

  /** Starts the profile as a drill, replacing a running drill of the same name, and returns its status. */
  @Override
  public DrillStatus startDrill(FaultProfile profile) {
    return faults.drills().start(profile);
  }

  /** Returns the running drills, oldest first. */
  @Override
  public List<DrillStatus> drills() {
    return faults.drills().active();
  }

  /** Returns the status and summary of a running or recently ended drill. */
  @Override
  public Optional<DrillStatus> drill(String name) {
    return faults.drills().status(name);
  }

  /** Ends one running drill at once; returns its final status, or empty if no drill of that name runs. */
  @Override
  public Optional<DrillStatus> stopDrill(String name) {
    return faults.drills().stop(name);
  }

  /** The kill switch: ends every running drill at once and returns their final statuses. */
  @Override
  public List<DrillStatus> stopDrills() {
    return faults.drills().stopAll();
  }

  /**
   * Makes the simulator check auth buffers of app {@code appId} with its permission key {@code key}
   * (16 bytes): EnterRoom and SwitchRoom with a wrong buffer then fail with 7006, voice messages with
   * 8194, 12290 or 32776. Replaces the key of an app already known (a key rotation). Returns whether
   * it replaced one.
   *
   * <pre>{@code
   * AppKey key = AppKey.random();
   * sim.addApp("1400000000", key.reveal());
   * gme.enterRoom("lobby", 1, AuthBufferGenerator.roomBuffer(1400000000L, "lobby", "10001", key,
   *     Instant.now().plusSeconds(300)));
   * }</pre>
   */
  @Override
  public boolean addApp(String appId, String key) {
    return auth.put(AppCredentials.of(appId, key));
  }

  /** Forgets an app's key, so its buffers are no longer checked; returns whether it was known. */
  @Override
  public boolean removeApp(String appId) {
    return auth.remove(appId);
  }

  /** Returns the AppIDs whose auth buffers are checked, sorted; never their keys. */
  @Override
  public List<String> apps() {
    return auth.appIds();
  }

  /**
   * Makes the server API ({@code POST /}, docs/server-api.md) require TC3-HMAC-SHA256 signatures, and
   * accept this key; replaces a key with the same SecretId. Returns whether it replaced one. Without
   * any key, any signature passes. The key is never logged or journaled.
   */
  @Override
  public boolean addCloudSecret(CloudSecret secret) {
    return cloud.signatures().put(java.util.Objects.requireNonNull(secret,
        "addCloudSecret: secret is null; pass CloudSecret.of(secretId, secretKey)"));
  }

  /** Forgets a server-API key by SecretId; returns whether it was known. */
  @Override
  public boolean removeCloudSecret(String secretId) {
    return cloud.signatures().remove(secretId);
  }

  /** Returns the SecretIds the server API accepts, sorted; never the keys. Empty: signatures are not checked. */
  @Override
  public List<String> cloudSecretIds() {
    return cloud.signatures().secretIds();
  }

  /**
   * Returns {@code host:port} of the server API, the value for the official client's
   * {@code HttpProfile.setEndpoint} (with {@code setProtocol("http://")}).
   */
  public String cloudEndpoint() {
    URI base = httpBaseUri();
    return base.getHost() + ":" + base.getPort();
  }

  /**
   * Sets the verdict voice moderation (server API ScanVoice, DescribeScanResultList) returns for an
   * uploaded voice message ({@code file_id} URL or id): {@code label} such as {@code "abuse"} and the
   * {@code keyword} that hit; a null label clears it, so the message scans as normal.
   */
  public void moderationVerdict(String fileId, String label, String keyword) {
    String id = VoiceMessages.idOf(fileId);
    cloud.moderation().verdict(id, label == null ? null : new Moderation.Verdict(label, keyword == null ? "" : keyword));
  }

  /** Returns the newest {@link JournalQuery#limit()} entries that match, oldest first, as the control API does. */
  @Override
  public List<JournalEntry> journal(JournalQuery query) {
    java.util.Objects.requireNonNull(query,
        "journal: query is null; pass JournalQuery.all() or JournalQuery.builder()...build()");
    return query.page(journal.find(query::matches));
  }

  /** Returns every non-empty room and its members. */
  @Override
  public List<RoomSnapshot> rooms() {
    return world.rooms();
  }

  /** Returns one room, if it has members. */
  @Override
  public Optional<RoomSnapshot> room(String appId, String roomId) {
    return world.room(appId, roomId);
  }

  /**
   * Sets the text speech-to-text returns for an uploaded voice message; {@code fileId} is the
   * {@code file_id} URL from PTT_UPLOAD_COMPLETE (or its last segment). Unknown ids are refused
   * naming the id.
   */
  @Override
  public void transcript(String fileId, String text) {
    voiceMessages.transcript(VoiceMessages.idOf(fileId), text);
  }

  /**
   * Clears faults, the journal, every room and every voice message and recording; connected SDKs
   * stay connected but must Init again. Apps and their keys stay: they are configuration.
   */
  @Override
  public void reset() {
    faults.clear();
    journal.clear();
    world.reset();
    voiceMessages.reset();
    cloud.reset();
  }

  /** Closes every connection and listening socket and stops every thread the simulator started. */
  @Override
  public void close() {
    try {
      httpServer.close();
    } finally {
      roomServer.close();
    }
  }

  /** Settings for a simulator; every setter is optional. */
  public static final class Builder {
    private TimeScale timeScale = TimeScale.REAL_TIME;
    private TimeMode clock = TimeMode.virtual();
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int roomPort;
    private int httpPort;
    private int journalSize = Journal.DEFAULT_CAPACITY;
    private Duration idleTimeout = Duration.ofSeconds(90);
    private Duration heartbeatInterval = Duration.ofSeconds(15);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int workerThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private String adminToken;
    private boolean insecureAdmin;
    private long voiceStoreBytes = VoiceMessages.DEFAULT_MAX_BYTES;
    private final List<AppCredentials> apps = new ArrayList<>();
    private final List<CloudSecret> cloudSecrets = new ArrayList<>();
    private java.time.Clock cloudClock = java.time.Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the clock the server API judges X-TC-Timestamp against (AuthFailure.SignatureExpire beyond
     * 5 minutes); the wall clock by default, since a backend's requests belong to no SDK session.
     * A test of skew can use {@code Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6))}.
     */
    public Builder cloudClock(java.time.Clock clock) {
      this.cloudClock = java.util.Objects.requireNonNull(clock,
          "cloudClock: clock is null; pass Clock.systemUTC() or, to test skew, Clock.offset(Clock.systemUTC(), d)");
      return this;
    }

    /**
     * Makes the server API check TC3-HMAC-SHA256 signatures and accept this key (SecretId and
     * SecretKey); several keys may be given, each SecretId once. Without any, any signature passes.
     */
    public Builder cloudSecret(CloudSecret secret) {
      java.util.Objects.requireNonNull(secret, "cloudSecret: secret is null; pass CloudSecret.of(secretId, secretKey)");
      if (cloudSecrets.stream().anyMatch(s -> s.secretId().equals(secret.secretId()))) {
        throw new IllegalArgumentException("SecretId " + secret.secretId() + " is given twice; give each key once "
            + "(GmeSimulator.addCloudSecret replaces a key while running)");
      }
      cloudSecrets.add(secret);
      return this;
    }

    /**
     * Checks the auth buffers of app {@code appId} with permission key {@code key} (16 bytes); apps
     * without a key accept any buffer. An AppID given twice is refused.
     */
    public Builder app(String appId, String key) {
      return app(AppCredentials.of(appId, key));
    }

    /** Checks the auth buffers of {@code app}; see {@link #app(String, String)}. */
    public Builder app(AppCredentials app) {
      if (apps.stream().anyMatch(a -> a.appId().equals(app.appId()))) {
        throw new IllegalArgumentException("AppID " + app.appId() + " is given twice; give each app once "
            + "(GmeSimulator.addApp replaces a key while running)");
      }
      apps.add(app);
      return this;
    }

    /**
     * Requires {@code Authorization: Bearer <token>} on every control request; at least 16
     * printable ASCII characters. The token never appears in logs, the journal or messages.
     */
    public Builder adminToken(String token) {
      if (token != null) {
        AdminAccess.checkToken(token);
      }
      this.adminToken = token;
      return this;
    }

    /**
     * Leaves the control API open even when bound beyond loopback; the simulator logs a warning.
     * Only for trusted networks; prefer {@link #adminToken(String)}.
     */
    public Builder insecureAdmin(boolean insecure) {
      this.insecureAdmin = insecure;
      return this;
    }

    /**
     * Sets the factor of scaled sessions that ask for no factor of their own (1000: GME's 30 s
     * timeout in 30 ms). Sessions run on a scaled clock only when they ask for one or when
     * {@link #clock(TimeMode)} makes it the default; the default is virtual.
     */
    public Builder timeScale(double factor) {
      this.timeScale = TimeScale.of(factor);
      return this;
    }

    /**
     * Sets the clock of sessions whose HELLO names none: {@link TimeMode#virtual()} by default, so a
     * test's timeouts cost no wall time and never fire early; the standalone jar uses
     * {@code scaled(--time-scale)}. Each session may still ask for its own mode.
     */
    public Builder clock(TimeMode mode) {
      this.clock = java.util.Objects.requireNonNull(mode,
          "GmeSimulator.builder().clock: mode is null; pass TimeMode.virtual(), manual() or scaled(f)");
      if (mode.kind() == TimeMode.Kind.SCALED) {
        this.timeScale = mode.scale();
      }
      return this;
    }

    /** Binds to this address instead of loopback. */
    public Builder bindAddress(InetAddress address) {
      this.bindAddress = address;
      return this;
    }

    /** Serves the room protocol on this TCP port; 0 (the default) picks a free one. */
    public Builder roomPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("roomPort " + port + " is not a TCP port; use 0..65535 (0 picks a free port)");
      }
      this.roomPort = port;
      return this;
    }

    /** Serves HTTP (voice messages, control API) on this port; 0 (the default) picks a free one. */
    public Builder httpPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("httpPort " + port + " is not a TCP port; use 0..65535 (0 picks a free port)");
      }
      this.httpPort = port;
      return this;
    }

    /** Keeps the newest {@code entries} journal entries (default 10 000). */
    public Builder journalSize(int entries) {
      if (entries < 1) {
        throw new IllegalArgumentException("journalSize " + entries + " must be at least 1");
      }
      this.journalSize = entries;
      return this;
    }

    /** Drops a room connection that sends nothing for this long (wall clock; default 90 s, as GME). */
    public Builder idleTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout " + timeout + " must be positive");
      }
      this.idleTimeout = timeout;
      this.heartbeatInterval = timeout.dividedBy(6);
      return this;
    }

    /** Uses this many Netty event loops for room connections. */
    public Builder workerThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("workerThreads " + threads + " must be at least 1");
      }
      this.workerThreads = threads;
      return this;
    }

    /** Keeps at most this many bytes of uploaded voice messages (default 256 MiB); the oldest go first. */
    public Builder voiceStoreBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("voiceStoreBytes " + bytes + " must be positive, e.g. 268435456 (256 MiB)");
      }
      this.voiceStoreBytes = bytes;
      return this;
    }

    /**
     * Binds the sockets and returns the running simulator. A non-loopback bind address without an
     * admin token or the insecure opt-out is refused before anything is bound.
     */
    public GmeSimulator start() {
      AdminAccess admin = AdminAccess.decide(bindAddress, adminToken, insecureAdmin);
      try {
        return new GmeSimulator(this, admin);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the simulator on " + bindAddress.getHostAddress()
            + " (room port " + roomPort + ", HTTP port " + httpPort + "): " + e.getMessage()
            + "; choose other ports, or 0 for free ones", e);
      }
    }
  }
}
