package dev.gmesim.core.remote;

import static dev.gmesim.core.api.internal.ControlRoute.ADD_FAULTS;
import static dev.gmesim.core.api.internal.ControlRoute.CATALOG;
import static dev.gmesim.core.api.internal.ControlRoute.CLEAR_FAULTS;
import static dev.gmesim.core.api.internal.ControlRoute.DRILL_SUMMARY;
import static dev.gmesim.core.api.internal.ControlRoute.GET_FAULT;
import static dev.gmesim.core.api.internal.ControlRoute.HEALTH;
import static dev.gmesim.core.api.internal.ControlRoute.JOURNAL;
import static dev.gmesim.core.api.internal.ControlRoute.LIST_APPS;
import static dev.gmesim.core.api.internal.ControlRoute.LIST_CLOUD_SECRETS;
import static dev.gmesim.core.api.internal.ControlRoute.LIST_DRILLS;
import static dev.gmesim.core.api.internal.ControlRoute.LIST_FAULTS;
import static dev.gmesim.core.api.internal.ControlRoute.METRICS;
import static dev.gmesim.core.api.internal.ControlRoute.PUT_APP;
import static dev.gmesim.core.api.internal.ControlRoute.PUT_CLOUD_SECRET;
import static dev.gmesim.core.api.internal.ControlRoute.REMOVE_APP;
import static dev.gmesim.core.api.internal.ControlRoute.REMOVE_CLOUD_SECRET;
import static dev.gmesim.core.api.internal.ControlRoute.REMOVE_FAULT;
import static dev.gmesim.core.api.internal.ControlRoute.RESET;
import static dev.gmesim.core.api.internal.ControlRoute.ROOMS;
import static dev.gmesim.core.api.internal.ControlRoute.SETTINGS;
import static dev.gmesim.core.api.internal.ControlRoute.START_DRILL;
import static dev.gmesim.core.api.internal.ControlRoute.STOP_DRILL;
import static dev.gmesim.core.api.internal.ControlRoute.STOP_DRILLS;

import dev.gmesim.core.api.DrillStatus;
import dev.gmesim.core.api.GmeSimulatorControl;
import dev.gmesim.core.api.Health;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.JournalQuery;
import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.api.SimulatorSettings;
import dev.gmesim.core.api.VoiceMessageStats;
import dev.gmesim.core.api.internal.ControlJson;
import dev.gmesim.core.api.internal.ControlRoute;
import dev.gmesim.core.api.internal.Wire;
import dev.gmesim.core.auth.AppCredentials;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.cloud.CloudSecret;
import dev.gmesim.core.fault.FaultProfile;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.time.TimeScale;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Drives a GME simulator that runs as its own process (the jar, the Docker image) over its control
 * API. It implements {@link GmeSimulatorControl}, as the embedded {@code GmeSimulator} does, so a
 * test switches between the two by changing the line that makes the simulator.
 *
 * <pre>{@code
 * GmeSimulatorClient sim = GmeSimulatorClient.connect(URI.create("http://127.0.0.1:8080"),
 *     System.getenv("GMESIM_ADMIN_TOKEN"));
 * FaultRule rule = sim.addFault(FaultRule.on(Operation.ENTER_ROOM)
 *     .error(GmeErrorCode.AV_ERR_AUTH_FIALD)
 *     .times(1)
 *     .build());
 * try (GmeContext gme = GmeContext.builder().room(sim.roomAddress()).build()) {
 *   // ... the next EnterRoom fails with 7006
 * }
 * sim.journal(JournalQuery.builder().source(rule.id()).build());   // the call, as the simulator saw it
 * }</pre>
 *
 * <p>A refusal from the server surfaces as a {@link RemoteSimulatorException} carrying the
 * server's message, which names the field and the fix. The client is thread-safe.
 *
 * @since 0.1
 */
public final class GmeSimulatorClient implements GmeSimulatorControl {
  private static final String API = "__admin/gme/";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String token;
  private final HttpClient http;
  private final int roomPort;
  private final TimeScale timeScale;
  private final Duration requestTimeout;

  private GmeSimulatorClient(URI base, String token, HttpClient http, Wire.Settings settings, Duration requestTimeout) {
    this.base = base;
    this.token = token;
    this.http = http;
    this.requestTimeout = requestTimeout;
    this.roomPort = settings == null ? 0 : settings.roomPort();
    this.timeScale = TimeScale.of(settings == null ? 1.0 : settings.timeScale());
  }

  /** Connects to a simulator whose control API is open (loopback, or started with the insecure opt-out). */
  public static GmeSimulatorClient connect(URI baseUri) {
    return connect(baseUri, null);
  }

  /**
   * Connects to the simulator at {@code baseUri} (its HTTP side, e.g. {@code http://127.0.0.1:8080})
   * with an admin token, or null for none; reads its settings, so a wrong address or token fails here.
   */
  public static GmeSimulatorClient connect(URI baseUri, String adminToken) {
    URI base = base("connect", baseUri);
    String token = adminToken == null || adminToken.isBlank() ? null : adminToken.strip();
    HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    GmeSimulatorClient probe = new GmeSimulatorClient(base, token, http, null, REQUEST_TIMEOUT);
    Wire.Settings settings;
    try {
      settings = probe.call(SETTINGS, null, Wire.Settings.class);
    } catch (RemoteSimulatorException e) {
      if (e.status() == 404) {
        throw new RemoteSimulatorException(404, null, base + " answered 404 for GET /__admin/gme/settings, so it is "
            + "not a GME simulator's HTTP side; point at the simulator's --http-port", List.of(), e);
      }
      throw e;
    }
    return new GmeSimulatorClient(base, token, http, settings, REQUEST_TIMEOUT);
  }

  /**
   * Asks the simulator at {@code baseUri} for its health without connecting (the health endpoint
   * needs no token; one is sent if given), waiting at most {@code timeout}: for health checks.
   *
   * @throws RemoteSimulatorException if it cannot be reached in time or answers an error status
   */
  public static Health probeHealth(URI baseUri, String adminToken, Duration timeout) {
    URI base = base("probeHealth", baseUri);
    Objects.requireNonNull(timeout, "GmeSimulatorClient.probeHealth: timeout is null; pass e.g. Duration.ofSeconds(3)");
    String token = adminToken == null || adminToken.isBlank() ? null : adminToken.strip();
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    return new GmeSimulatorClient(base, token, http, null, timeout).health();
  }

  private static URI base(String call, URI baseUri) {
    Objects.requireNonNull(baseUri, "GmeSimulatorClient." + call + ": baseUri is null; pass e.g. "
        + "URI.create(\"http://127.0.0.1:8080\")");
    if (baseUri.getScheme() == null || baseUri.getHost() == null) {
      throw new IllegalArgumentException("GmeSimulatorClient." + call + ": " + baseUri
          + " is not an absolute http URI; pass e.g. http://127.0.0.1:8080");
    }
    return baseUri.getPath() == null || baseUri.getPath().endsWith("/") ? baseUri : URI.create(baseUri + "/");
  }

  /** Returns the simulator's HTTP base URI. */
  public URI baseUri() {
    return base;
  }

  /**
   * Returns the room gateway's address for {@code GmeContext.builder().room(...)}: the host of the
   * base URI and the room port the simulator reports.
   */
  @Override
  public InetSocketAddress roomAddress() {
    return new InetSocketAddress(base.getHost(), roomPort);
  }

  /** Returns the factor of scaled sessions that ask for no factor of their own, as the simulator reports it. */
  @Override
  public TimeScale timeScale() {
    return timeScale;
  }

  /** Adds a fault rule after the existing ones and returns it with its id, as the embedded simulator does. */
  @Override
  public FaultRule addFault(FaultRule rule) {
    Objects.requireNonNull(rule, "addFault: rule is null; pass FaultRule.on(operation)...build()");
    return call(ADD_FAULTS, rule, FaultRule.class);
  }

  /** Adds several rules in order, all or none, and returns them with their ids. */
  @Override
  public List<FaultRule> addFaults(List<FaultRule> rules) {
    Objects.requireNonNull(rules, "addFaults: rules is null; pass a list of built rules");
    return List.copyOf(call(ADD_FAULTS, new Wire.Rules(rules), Wire.Rules.class).rules());
  }

  /** Removes one fault rule by id; returns whether it existed. */
  @Override
  public boolean removeFault(String id) {
    Objects.requireNonNull(id, "removeFault: id is null; pass the id addFault returned");
    return optional(() -> call(REMOVE_FAULT, null, Wire.Removed.class, id)).isPresent();
  }

  /** Removes every rule installed with this owner and returns how many there were. */
  @Override
  public int removeFaultsByOwner(String owner) {
    Objects.requireNonNull(owner, "removeFaultsByOwner: owner is null; pass the value given to FaultRule.Builder.owner");
    return send(CLEAR_FAULTS, query("owner", owner), null, Wire.Removed.class)
        .removed();
  }

  /** Removes every fault rule. */
  @Override
  public void clearFaults() {
    call(CLEAR_FAULTS, null, Wire.Removed.class);
  }

  /**
   * Makes the simulator check the auth buffers of app {@code appId} with permission key {@code key}
   * (16 bytes), as the embedded simulator's {@code addApp} does; returns whether it replaced a key.
   * The key is checked here first, so a bad one is never sent.
   */
  @Override
  public boolean addApp(String appId, String key) {
    AppCredentials app = AppCredentials.of(appId, key);
    return call(PUT_APP, new Wire.AppKey(app.key().reveal()), Wire.AppPut.class, app.appId()).replaced();
  }

  /** Forgets an app's key, so its buffers are no longer checked; returns whether it was known. */
  @Override
  public boolean removeApp(String appId) {
    String id = Long.toString(AppCredentials.numericAppId(appId));
    return optional(() -> call(REMOVE_APP, null, Wire.AppRemoved.class, id)).isPresent();
  }

  /** Returns the AppIDs whose auth buffers are checked, sorted; never their keys. */
  @Override
  public List<String> apps() {
    return call(LIST_APPS, null, Wire.Apps.class).apps().stream().map(Wire.App::appId).toList();
  }

  /**
   * Makes the simulator's server API require TC3-HMAC-SHA256 signatures and accept this key, as the
   * embedded simulator's {@code addCloudSecret} does; returns whether it replaced a key with the same SecretId.
   * The key travels only in the request body and is never echoed back.
   */
  @Override
  public boolean addCloudSecret(CloudSecret secret) {
    Objects.requireNonNull(secret, "addCloudSecret: secret is null; pass CloudSecret.of(secretId, secretKey)");
    pathSafe(secret.secretId());
    return call(PUT_CLOUD_SECRET, new Wire.SecretKey(secret.reveal()), Wire.SecretPut.class, secret.secretId())
        .replaced();
  }

  /** Forgets a server-API key by SecretId; returns whether it was known. */
  @Override
  public boolean removeCloudSecret(String secretId) {
    String id = pathSafe(CloudSecret.of(secretId, "x").secretId());
    return optional(() -> call(REMOVE_CLOUD_SECRET, null, Wire.SecretRemoved.class, id)).isPresent();
  }

  /** The control API names a key in its path, so its SecretId must be letters, digits and {@code . _ ~ -}, as Tencent's are. */
  private static String pathSafe(String secretId) {
    if (!secretId.matches("[A-Za-z0-9._~-]+")) {
      throw new IllegalArgumentException("SecretId '" + secretId + "' has characters the control API's path cannot"
          + " carry; use letters, digits and . _ ~ - (as TencentCloud SecretIds such as AKID... do), or configure it"
          + " with --cloud-secret / GMESIM_CLOUD_SECRETS");
    }
    return secretId;
  }

  /** Returns the SecretIds the server API accepts, sorted; never the keys. Empty: signatures are not checked. */
  @Override
  public List<String> cloudSecretIds() {
    return call(LIST_CLOUD_SECRETS, null, Wire.Secrets.class).secrets().stream().map(Wire.Secret::secretId).toList();
  }

  /** Returns every rule with its counters, in order of addition. */
  @Override
  public List<RuleStatus> faults() {
    return List.copyOf(call(LIST_FAULTS, null, Wire.Statuses.class).rules());
  }

  /** Returns one rule with its counters, or empty if the simulator has no rule with this id. */
  @Override
  public Optional<RuleStatus> fault(String id) {
    Objects.requireNonNull(id, "fault: id is null; pass the id addFault returned");
    return optional(() -> call(GET_FAULT, null, RuleStatus.class, id));
  }

  /** Returns the newest journal entries (up to {@value JournalQuery#DEFAULT_LIMIT}), oldest first. */
  public List<JournalEntry> journal() {
    return journal(JournalQuery.all());
  }

  /** Returns the journal entries that match, oldest first. */
  @Override
  public List<JournalEntry> journal(JournalQuery query) {
    Objects.requireNonNull(query, "journal: query is null; pass JournalQuery.all() or JournalQuery.builder()...build()");
    return List.copyOf(send(JOURNAL, query.queryString(), null, Wire.Journal.class).entries());
  }

  /** Returns every non-empty room and its members. */
  @Override
  public List<RoomSnapshot> rooms() {
    return List.copyOf(call(ROOMS, null, Wire.Rooms.class).rooms());
  }

  /** Returns one room, if it has members. */
  @Override
  public Optional<RoomSnapshot> room(String appId, String roomId) {
    List<RoomSnapshot> rooms = send(ROOMS, query("appId", appId, "roomId", roomId), null, Wire.Rooms.class).rooms();
    return rooms.isEmpty() ? Optional.empty() : Optional.of(rooms.get(0));
  }

  /** Clears faults and drills, the journal, every room and every voice message, as the embedded simulator's reset does. */
  @Override
  public void reset() {
    call(RESET, null, Wire.Reset.class);
  }

  /** Starts the profile as a drill (sent as JSON), replacing a running drill of the same name. */
  @Override
  public DrillStatus startDrill(FaultProfile profile) {
    Objects.requireNonNull(profile, "startDrill: profile is null; pass FaultProfile.load(path) or FaultProfile.parse(...)");
    return call(START_DRILL, Wire.Profile.of(profile), DrillStatus.class);
  }

  /** Returns the running drills with their remaining time (to the millisecond) and rules, oldest first. */
  @Override
  public List<DrillStatus> drills() {
    return List.copyOf(call(LIST_DRILLS, null, Wire.Drills.class).drills());
  }

  /** Returns the status and summary of a running or recently ended drill, or empty if none has this name. */
  @Override
  public Optional<DrillStatus> drill(String name) {
    Objects.requireNonNull(name, "drill: name is null; pass the profile's name");
    return optional(() -> call(DRILL_SUMMARY, null, DrillStatus.class, name));
  }

  /** Ends one running drill at once; returns its final status, or empty if no drill of that name runs. */
  @Override
  public Optional<DrillStatus> stopDrill(String name) {
    Objects.requireNonNull(name, "stopDrill: name is null; pass the profile's name");
    return optional(() -> call(STOP_DRILL, null, DrillStatus.class, name));
  }

  /** The kill switch: ends every running drill at once and returns their final statuses. */
  @Override
  public List<DrillStatus> stopDrills() {
    return List.copyOf(call(STOP_DRILLS, null, Wire.Stopped.class).drills());
  }

  /** Sets the text speech-to-text returns for an uploaded voice message; an unknown id answers 404. */
  @Override
  public void transcript(String fileId, String text) {
    Objects.requireNonNull(fileId, "transcript: fileId is null; pass the file_id from PTT_UPLOAD_COMPLETE");
    // The route takes the store id, the last path segment of the file_id URL, as the embedded simulator does.
    String id = fileId.strip().replaceFirst("\\?.*$", "").replaceFirst("/+$", "");
    // A voice-message test route (docs/voice-messages.md), not one of the control routes.
    send("PUT", "voice-messages/" + URLEncoder.encode(id.substring(id.lastIndexOf('/') + 1), StandardCharsets.UTF_8)
        .replace("+", "%20") + "/transcript", new Wire.Transcript(text), Object.class);
  }

  /** Returns what the simulator is configured with, read from its settings route now. */
  @Override
  public SimulatorSettings settings() {
    Wire.Settings w = call(SETTINGS, null, Wire.Settings.class);
    return new SimulatorSettings(w.version(), w.bindAddress(), w.roomPort(), w.timeScale(), w.enterRoomTimeoutMs(),
        w.journalCapacity(), w.admin());
  }

  /** Returns how many voice messages (and bytes) the simulator's store holds, and its limit. */
  @Override
  public VoiceMessageStats voiceMessageStats() {
    // A voice-message test route (docs/voice-messages.md), not one of the control routes.
    return send("GET", "voice-messages", null, VoiceMessageStats.class);
  }

  /** Returns the simulator's health; throws if it cannot be reached. */
  public Health health() {
    return call(HEALTH, null, Health.class);
  }

  /** Returns the simulator's catalog of documented error codes. */
  public List<GmeErrorCode> catalog() {
    // A newer simulator may know codes this client does not; those are left out.
    return call(CATALOG, null, Wire.Catalog.class).codes().stream()
        .flatMap(c -> GmeErrorCode.byValue(c.code()).stream()).toList();
  }

  /** Returns the simulator's metrics in Prometheus text format. */
  public String metrics() {
    HttpResponse<String> r = exchange(METRICS.method(), METRICS.path(), null);
    return r.body();
  }

  @Override
  public String toString() {
    return "GmeSimulatorClient[" + base + (token == null ? "" : ", with admin token") + "]";
  }

  // ---------------------------------------------------------------------------------------------

  /** Returns the call's answer, or empty when the simulator answers 404 (no such rule or drill). */
  private static <T> Optional<T> optional(Supplier<T> call) {
    try {
      return Optional.of(call.get());
    } catch (RemoteSimulatorException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Calls a route with its parameters filled in, in order. */
  private <T> T call(ControlRoute route, Object body, Class<T> answer, String... parameters) {
    return send(route.method(), route.path(parameters), body, answer);
  }

  /** Calls a route without parameters, with a query string ({@code ?name=value...} or empty). */
  private <T> T send(ControlRoute route, String query, Object body, Class<T> answer) {
    return send(route.method(), route.path() + query, body, answer);
  }

  /** Returns {@code ?name=value&...} for these name and value pairs, the values encoded. */
  private static String query(String... pairs) {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      q.append(i == 0 ? '?' : '&').append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  /** Sends a contract value (or nothing) and reads the answer into {@code answer} with the contract's mapper. */
  private <T> T send(String method, String path, Object body, Class<T> answer) {
    HttpResponse<String> r = exchange(method, path, body == null ? null : ControlJson.write(body));
    try {
      return ControlJson.read(r.body(), answer);
    } catch (IOException | RuntimeException e) {
      throw new RemoteSimulatorException(r.statusCode(), null, method + " " + base + API + path
          + " answered with a body this client cannot read (" + e.getMessage() + "); is this the simulator's HTTP port,"
          + " of this client's version?", List.of(), e);
    }
  }

  private HttpResponse<String> exchange(String method, String path, String body) {
    URI uri = base.resolve(API + path);
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(requestTimeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      req.header("Content-Type", "application/json");
    }
    if (token != null) {
      req.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r;
    try {
      r = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new RemoteSimulatorException(0, null, "cannot reach the GME simulator at " + base + " (connection "
          + "refused); is it running, and is this its --http-port?", List.of(), e);
    } catch (HttpTimeoutException e) {
      throw new RemoteSimulatorException(0, null, method + " " + uri + " timed out; is the simulator at " + base
          + " overloaded or stopped?", List.of(), e);
    } catch (IOException e) {
      throw new RemoteSimulatorException(0, null, method + " " + uri + " failed: " + e, List.of(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteSimulatorException(0, null, method + " " + uri + " was interrupted", List.of(), e);
    }
    if (r.statusCode() >= 400) {
      throw refusal(method, path, r);
    }
    return r;
  }

  private RemoteSimulatorException refusal(String method, String path, HttpResponse<String> r) {
    String where = method + " /" + API + path;
    Wire.Error error = null;
    try {
      error = r.body() == null || r.body().isBlank() ? null : ControlJson.read(r.body(), Wire.Error.class);
    } catch (IOException | RuntimeException ignored) {
      // Not one of the control API's errors; reported below from the status alone.
    }
    if (error == null || error.message() == null) {
      String hint = r.statusCode() == 401 ? "; pass the simulator's admin token to connect(uri, token)"
          : r.statusCode() == 404 ? "; is the simulator at " + base + " of a version with this endpoint?" : "";
      return new RemoteSimulatorException(r.statusCode(), null, where + " answered " + r.statusCode() + hint,
          List.of(), null);
    }
    List<String> problems = error.problems() == null ? List.of()
        : error.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
    String field = error.field();
    return new RemoteSimulatorException(r.statusCode(), field, where + " answered " + r.statusCode() + ": "
        + (field == null ? "" : field + ": ") + error.message(), problems, null);
  }
}
