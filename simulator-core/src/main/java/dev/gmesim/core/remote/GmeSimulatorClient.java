package dev.gmesim.core.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.fault.FaultRuleJson;
import dev.gmesim.core.fault.InvalidFaultRuleException;
import dev.gmesim.core.fault.RuleStatus;
import dev.gmesim.core.world.RoomSnapshot;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Drives a GME simulator that runs as its own process (the jar, the Docker image) over its control
 * API. Fault calls read exactly like the embedded {@code GmeSimulator}'s, so a test can switch
 * between the two.
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
 */
public final class GmeSimulatorClient {
  private static final String API = "__admin/gme/";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String token;
  private final HttpClient http;
  private final int roomPort;
  private final double timeScale;

  private GmeSimulatorClient(URI base, String token, HttpClient http, JsonNode settings) {
    this.base = base;
    this.token = token;
    this.http = http;
    this.roomPort = settings.path("roomPort").asInt();
    this.timeScale = settings.path("timeScale").asDouble(1.0);
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
    Objects.requireNonNull(baseUri, "GmeSimulatorClient.connect: baseUri is null; pass e.g. "
        + "URI.create(\"http://127.0.0.1:8080\")");
    if (baseUri.getScheme() == null || baseUri.getHost() == null) {
      throw new IllegalArgumentException("GmeSimulatorClient.connect: " + baseUri
          + " is not an absolute http URI; pass e.g. http://127.0.0.1:8080");
    }
    URI base = baseUri.getPath() == null || baseUri.getPath().endsWith("/") ? baseUri
        : URI.create(baseUri + "/");
    String token = adminToken == null || adminToken.isBlank() ? null : adminToken.strip();
    HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    GmeSimulatorClient probe = new GmeSimulatorClient(base, token, http, FaultRuleJson.mapper().createObjectNode());
    JsonNode settings;
    try {
      settings = probe.get("settings");
    } catch (RemoteSimulatorException e) {
      if (e.status() == 404) {
        throw new RemoteSimulatorException(404, null, base + " answered 404 for GET /__admin/gme/settings, so it is "
            + "not a GME simulator's HTTP side; point at the simulator's --http-port", List.of(), e);
      }
      throw e;
    }
    return new GmeSimulatorClient(base, token, http, settings);
  }

  /** Returns the simulator's HTTP base URI. */
  public URI baseUri() {
    return base;
  }

  /**
   * Returns the room gateway's address for {@code GmeContext.builder().room(...)}: the host of the
   * base URI and the room port the simulator reports.
   */
  public InetSocketAddress roomAddress() {
    return new InetSocketAddress(base.getHost(), roomPort);
  }

  /** Returns the clock scale the simulator announces to SDKs. */
  public double timeScale() {
    return timeScale;
  }

  /** Adds a fault rule after the existing ones and returns it with its id, as the embedded simulator does. */
  public FaultRule addFault(FaultRule rule) {
    Objects.requireNonNull(rule, "addFault: rule is null; pass FaultRule.on(operation)...build()");
    return parseRule(send("POST", "faults", FaultRuleJson.write(rule)));
  }

  /** Adds several rules in order, all or none, and returns them with their ids. */
  public List<FaultRule> addFaults(List<FaultRule> rules) {
    Objects.requireNonNull(rules, "addFaults: rules is null; pass a list of built rules");
    JsonNode out = send("POST", "faults", FaultRuleJson.rulesToJson(rules).toString());
    try {
      return FaultRuleJson.rulesFromJson(out);
    } catch (InvalidFaultRuleException e) {
      throw unreadable("POST faults", e);
    }
  }

  /** Removes one fault rule by id; returns whether it existed. */
  public boolean removeFault(String id) {
    Objects.requireNonNull(id, "removeFault: id is null; pass the id addFault returned");
    try {
      send("DELETE", "faults/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"), null);
      return true;
    } catch (RemoteSimulatorException e) {
      if (e.status() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** Removes every rule installed with this owner and returns how many there were. */
  public int removeFaultsByOwner(String owner) {
    Objects.requireNonNull(owner, "removeFaultsByOwner: owner is null; pass the value given to FaultRule.Builder.owner");
    return send("DELETE", "faults?owner=" + URLEncoder.encode(owner, StandardCharsets.UTF_8), null)
        .path("removed").asInt();
  }

  /** Removes every fault rule. */
  public void clearFaults() {
    send("DELETE", "faults", null);
  }

  /**
   * Makes the simulator check the auth buffers of app {@code appId} with permission key {@code key}
   * (16 bytes), as the embedded simulator's {@code addApp} does; returns whether it replaced a key.
   * The key is checked here first, so a bad one is never sent.
   */
  public boolean addApp(String appId, String key) {
    dev.gmesim.core.auth.AppCredentials app = dev.gmesim.core.auth.AppCredentials.of(appId, key);
    String body = FaultRuleJson.mapper().createObjectNode().put("key", app.key().reveal()).toString();
    return send("PUT", "apps/" + app.appId(), body).path("replaced").asBoolean();
  }

  /** Forgets an app's key, so its buffers are no longer checked; returns whether it was known. */
  public boolean removeApp(String appId) {
    String id = Long.toString(dev.gmesim.core.auth.AppCredentials.numericAppId(appId));
    try {
      send("DELETE", "apps/" + id, null);
      return true;
    } catch (RemoteSimulatorException e) {
      if (e.status() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** Returns the AppIDs whose auth buffers are checked, sorted; never their keys. */
  public List<String> apps() {
    List<String> out = new ArrayList<>();
    for (JsonNode a : get("apps").path("apps")) {
      out.add(a.path("appId").asText());
    }
    return out;
  }

  /** Returns every rule with its counters, in order of addition. */
  public List<RuleStatus> faults() {
    List<RuleStatus> out = new ArrayList<>();
    for (JsonNode s : get("faults").path("rules")) {
      try {
        out.add(FaultRuleJson.statusFromJson(s));
      } catch (InvalidFaultRuleException e) {
        throw unreadable("GET faults", e);
      }
    }
    return out;
  }

  /** Returns one rule with its counters, or empty if the simulator has no rule with this id. */
  public Optional<RuleStatus> fault(String id) {
    Objects.requireNonNull(id, "fault: id is null; pass the id addFault returned");
    try {
      return Optional.of(FaultRuleJson.statusFromJson(
          get("faults/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"))));
    } catch (RemoteSimulatorException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    } catch (InvalidFaultRuleException e) {
      throw unreadable("GET faults/" + id, e);
    }
  }

  /** Returns the newest journal entries (up to 1000), oldest first. */
  public List<JournalRecord> journal() {
    return journal(JournalQuery.all());
  }

  /** Returns the journal entries that match, oldest first. */
  public List<JournalRecord> journal(JournalQuery query) {
    Objects.requireNonNull(query, "journal: query is null; pass JournalQuery.all() or JournalQuery.builder()...build()");
    List<JournalRecord> out = new ArrayList<>();
    for (JsonNode e : get("journal" + query.queryString()).path("entries")) {
      out.add(new JournalRecord(e.path("seq").asLong(), Instant.parse(e.path("at").asText()),
          Operation.parse(e.path("operation").asText()).orElse(null), text(e, "appId"), text(e, "openId"),
          text(e, "roomId"), text(e, "tag"), text(e, "source"), text(e, "effect"), e.path("result").asInt(),
          e.path("sessionTimeMs").asLong(-1)));
    }
    return out;
  }

  /** Returns every non-empty room and its members. */
  public List<RoomSnapshot> rooms() {
    return rooms("rooms");
  }

  /** Returns one room, if it has members. */
  public Optional<RoomSnapshot> room(String appId, String roomId) {
    List<RoomSnapshot> rooms = rooms("rooms?appId=" + URLEncoder.encode(appId, StandardCharsets.UTF_8)
        + "&roomId=" + URLEncoder.encode(roomId, StandardCharsets.UTF_8));
    return rooms.isEmpty() ? Optional.empty() : Optional.of(rooms.get(0));
  }

  /** Clears faults, the journal and every room, as the embedded simulator's reset does. */
  public void reset() {
    send("POST", "reset", null);
  }

  /** Returns the simulator's health; throws if it cannot be reached. */
  public Health health() {
    JsonNode h = get("health");
    return new Health(h.path("status").asText(), h.path("timeScale").asDouble(), h.path("sessions").asInt());
  }

  /** Returns the simulator's catalog of documented error codes. */
  public List<GmeErrorCode> catalog() {
    List<GmeErrorCode> out = new ArrayList<>();
    for (JsonNode c : get("catalog").path("codes")) {
      // A newer simulator may know codes this client does not; those are left out.
      GmeErrorCode.byValue(c.path("code").asInt()).ifPresent(out::add);
    }
    return out;
  }

  /** Returns the simulator's metrics in Prometheus text format. */
  public String metrics() {
    HttpResponse<String> r = exchange("GET", "metrics", null);
    return r.body();
  }

  @Override
  public String toString() {
    return "GmeSimulatorClient[" + base + (token == null ? "" : ", with admin token") + "]";
  }

  // ---------------------------------------------------------------------------------------------

  private List<RoomSnapshot> rooms(String path) {
    List<RoomSnapshot> out = new ArrayList<>();
    for (JsonNode r : get(path).path("rooms")) {
      List<RoomSnapshot.Member> members = new ArrayList<>();
      for (JsonNode m : r.path("members")) {
        members.add(new RoomSnapshot.Member(m.path("openId").asText(), m.path("micOn").asBoolean(),
            m.path("speakerOn").asBoolean()));
      }
      out.add(new RoomSnapshot(r.path("appId").asText(), r.path("roomId").asText(), r.path("roomType").asInt(),
          List.copyOf(members)));
    }
    return out;
  }

  private FaultRule parseRule(JsonNode node) {
    try {
      return FaultRuleJson.fromJson(node);
    } catch (InvalidFaultRuleException e) {
      throw unreadable("POST faults", e);
    }
  }

  private RemoteSimulatorException unreadable(String call, InvalidFaultRuleException e) {
    return new RemoteSimulatorException(200, e.field(), call + ": the simulator's answer cannot be read by this "
        + "client (" + e.getMessage() + "); use a client of the simulator's version", List.of(), e);
  }

  private JsonNode get(String path) {
    return send("GET", path, null);
  }

  private JsonNode send(String method, String path, String body) {
    HttpResponse<String> r = exchange(method, path, body);
    try {
      return FaultRuleJson.mapper().readTree(r.body());
    } catch (JsonProcessingException e) {
      throw new RemoteSimulatorException(r.statusCode(), null, method + " " + base + API + path
          + " answered with a body that is not JSON; is this the simulator's HTTP port?", List.of(), e);
    }
  }

  private HttpResponse<String> exchange(String method, String path, String body) {
    URI uri = base.resolve(API + path);
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
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
    JsonNode error = null;
    try {
      error = r.body() == null || r.body().isBlank() ? null : FaultRuleJson.mapper().readTree(r.body());
    } catch (JsonProcessingException ignored) {
      // Not one of the control API's errors; reported below from the status alone.
    }
    if (error == null || !error.has("message")) {
      String hint = r.statusCode() == 401 ? "; pass the simulator's admin token to connect(uri, token)"
          : r.statusCode() == 404 ? "; is the simulator at " + base + " of a version with this endpoint?" : "";
      return new RemoteSimulatorException(r.statusCode(), null, where + " answered " + r.statusCode() + hint,
          List.of(), null);
    }
    List<String> problems = new ArrayList<>();
    for (JsonNode p : error.path("problems")) {
      problems.add(p.path("field").asText() + ": " + p.path("message").asText());
    }
    String field = text(error, "field");
    return new RemoteSimulatorException(r.statusCode(), field, where + " answered " + r.statusCode() + ": "
        + (field == null ? "" : field + ": ") + error.path("message").asText(), problems, null);
  }

  private static String text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }
}
