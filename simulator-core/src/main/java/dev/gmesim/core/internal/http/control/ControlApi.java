package dev.gmesim.core.internal.http.control;

import static com.github.tomakehurst.wiremock.http.RequestMethod.DELETE;
import static com.github.tomakehurst.wiremock.http.RequestMethod.GET;
import static com.github.tomakehurst.wiremock.http.RequestMethod.POST;
import static com.github.tomakehurst.wiremock.http.RequestMethod.PUT;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.common.url.PathParams;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.api.internal.Wire;
import dev.gmesim.core.internal.server.ControlPlane;
import dev.gmesim.core.internal.server.SimulatorMetrics;
import dev.gmesim.core.internal.server.SimulatorState;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control API under {@code /__admin/gme/}: catalog, fault rules, chaos drills, apps, server-API keys, journal, rooms, reset,
 * settings and metrics (health is {@code HealthApi}, open to container health checks). Every route
 * checks the admin token itself, so a refusal is a 401 with a JSON body naming the fix, and turns
 * any failure into a JSON error, so one bad request never disturbs the others.
 * docs/control-api.md documents each route.
 */
public final class ControlApi implements AdminApiExtension {
  private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);

  /** Admin paths (after {@code /__admin}) this class serves, each checking the token itself. */
  private static final Set<String> PATHS = Set.of("/gme/catalog", "/gme/faults", "/gme/journal", "/gme/rooms",
      "/gme/reset", "/gme/settings", "/gme/metrics", "/gme/health", "/gme/drills", "/gme/apps", "/gme/cloud-secrets");
  /** {@code /gme/faults/{id}} with an id of unreserved characters only; other ids go through WireMock's check. */
  private static final Pattern FAULT_PATH = Pattern.compile("/gme/faults/(?!\\.{1,2}$)[A-Za-z0-9._~-]+");
  /** {@code /gme/apps/{appId}}: any segment of unreserved characters, so a bad AppID gets this API's message. */
  private static final Pattern APP_PATH = Pattern.compile("/gme/apps/(?!\\.{1,2}$)[A-Za-z0-9._~-]+");
  /** {@code /gme/cloud-secrets/{secretId}}: SecretIds of unreserved characters. */
  private static final Pattern SECRET_PATH = Pattern.compile("/gme/cloud-secrets/(?!\\.{1,2}$)[A-Za-z0-9._~-]+");
  /** {@code /gme/drills/{name}} and {@code /gme/drills/{name}/summary}; drill names use these characters only. */
  private static final Pattern DRILL_PATH = Pattern.compile("/gme/drills/[A-Za-z0-9][A-Za-z0-9._-]{0,63}(/summary)?");

  private final SimulatorState state;
  private final ControlPlane control;
  private final FaultEndpoints faults;
  private final DrillEndpoints drills;
  private final JournalEndpoint journal;
  private final AppEndpoints apps;
  private final CloudSecretEndpoints secrets;
  private final CatalogEndpoint catalog = new CatalogEndpoint();

  /** Creates the API over one simulator's state and its server API's keys. */
  public ControlApi(SimulatorState state, dev.gmesim.core.internal.cloud.Signatures signatures) {
    this.state = state;
    this.control = state.control();
    this.faults = new FaultEndpoints(state.faults());
    this.drills = new DrillEndpoints(state.faults().drills());
    this.journal = new JournalEndpoint(state.journal());
    this.apps = new AppEndpoints(state.auth());
    this.secrets = new CloudSecretEndpoints(signatures);
  }

  /**
   * Returns true for admin paths that this API (or the open health check) serves and guards itself;
   * every other {@code /__admin} path is left to WireMock's authenticator.
   */
  public static boolean guardsItself(String adminPath) {
    return PATHS.contains(adminPath) || FAULT_PATH.matcher(adminPath).matches()
        || DRILL_PATH.matcher(adminPath).matches() || APP_PATH.matcher(adminPath).matches()
        || SECRET_PATH.matcher(adminPath).matches();
  }

  @Override
  public String getName() {
    return "gme-control";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    // One lambda per route, never a shared helper lambda: WireMock finds a route's path template by
    // the task's class, and every evaluation of one lambda expression has the same class.
    router.add(GET, "/gme/catalog", (a, e, p) -> serve(e, p, catalog::list));
    router.add(GET, "/gme/faults", (a, e, p) -> serve(e, p, faults::list));
    router.add(POST, "/gme/faults", (a, e, p) -> serve(e, p, faults::add));
    router.add(DELETE, "/gme/faults", (a, e, p) -> serve(e, p, faults::clear));
    router.add(GET, "/gme/faults/{id}", (a, e, p) -> serve(e, p, faults::get));
    router.add(DELETE, "/gme/faults/{id}", (a, e, p) -> serve(e, p, faults::remove));
    router.add(GET, "/gme/drills", (a, e, p) -> serve(e, p, drills::list));
    router.add(POST, "/gme/drills", (a, e, p) -> serve(e, p, drills::start));
    router.add(DELETE, "/gme/drills", (a, e, p) -> serve(e, p, drills::stopAll));
    router.add(DELETE, "/gme/drills/{name}", (a, e, p) -> serve(e, p, drills::stop));
    router.add(GET, "/gme/drills/{name}/summary", (a, e, p) -> serve(e, p, drills::summary));
    router.add(GET, "/gme/apps", (a, e, p) -> serve(e, p, apps::list));
    router.add(PUT, "/gme/apps/{appId}", (a, e, p) -> serve(e, p, apps::put));
    router.add(DELETE, "/gme/apps/{appId}", (a, e, p) -> serve(e, p, apps::remove));
    router.add(GET, "/gme/cloud-secrets", (a, e, p) -> serve(e, p, secrets::list));
    router.add(PUT, "/gme/cloud-secrets/{secretId}", (a, e, p) -> serve(e, p, secrets::put));
    router.add(DELETE, "/gme/cloud-secrets/{secretId}", (a, e, p) -> serve(e, p, secrets::remove));
    router.add(GET, "/gme/journal", (a, e, p) -> serve(e, p, journal::list));
    router.add(GET, "/gme/rooms", (a, e, p) -> serve(e, p, this::rooms));
    router.add(POST, "/gme/reset", (a, e, p) -> serve(e, p, this::reset));
    router.add(GET, "/gme/settings", (a, e, p) -> serve(e, p, this::settings));
    router.add(GET, "/gme/metrics", (a, e, p) -> serve(e, p, this::metrics));
  }

  /** One endpoint's logic, given a request whose caller is already authorized. */
  @FunctionalInterface
  interface Handler {
    ResponseDefinition handle(ApiRequest request);
  }

  private ResponseDefinition serve(ServeEvent event, PathParams params, Handler handler) {
    Request request = event.getRequest();
    String method = request.getMethod().getName();
    String path = request.getUrl().split("\\?", 2)[0];
    Optional<String> refused = control.admin().refusal(request);
    if (refused.isPresent()) {
      LOG.info("control API: refused {} /__admin{} from {}: {}", method, path, request.getClientIp(), refused.get());
      return Replies.unauthorized(refused.get());
    }
    try {
      return handler.handle(new ApiRequest(request, params));
    } catch (ApiException e) {
      return Replies.error(e);
    } catch (RuntimeException e) {
      LOG.warn("control API: {} /__admin{} failed", method, path, e);
      return Replies.error(new ApiException(500, "(server)", "the simulator failed on this request (" + e
          + "); it keeps serving other requests; please report this with the request that caused it"));
    }
  }

  private ResponseDefinition rooms(ApiRequest req) {
    req.query("appId", "roomId");
    String appId = req.param("appId").orElse(null);
    String roomId = req.param("roomId").orElse(null);
    List<RoomSnapshot> rooms = state.world().rooms().stream()
        .filter(r -> (appId == null || appId.equals(r.appId())) && (roomId == null || roomId.equals(r.roomId())))
        .toList();
    return Replies.json(200, new Wire.Rooms(rooms));
  }

  private ResponseDefinition reset(ApiRequest req) {
    req.query();
    req.noBody("POST /__admin/gme/reset");
    control.reset().run();
    return Replies.json(200, new Wire.Reset(true));
  }

  private ResponseDefinition settings(ApiRequest req) {
    req.query();
    InetSocketAddress room = control.roomAddress().get();
    return Replies.json(200, new Wire.Settings(version(), control.bindAddress().getHostAddress(), room.getPort(),
        state.timeScale().factor(), state.enterRoomTimeout().toMillis(), state.journal().capacity(),
        control.admin().describe()));
  }

  private ResponseDefinition metrics(ApiRequest req) {
    req.query();
    return Replies.text(SimulatorMetrics.CONTENT_TYPE, control.metrics().scrape());
  }

  /** Returns the version from the jar's manifest, or {@code development} when run from classes. */
  static String version() {
    String v = ControlApi.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
