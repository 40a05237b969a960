package dev.gmesim.core.internal.http.control;

import com.github.tomakehurst.wiremock.admin.AdminTask;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.common.url.PathParams;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.gmesim.core.api.Health;
import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.api.internal.ControlRoute;
import dev.gmesim.core.api.internal.Wire;
import dev.gmesim.core.internal.cloud.Signatures;
import dev.gmesim.core.internal.server.ControlPlane;
import dev.gmesim.core.internal.server.SimulatorMetrics;
import dev.gmesim.core.internal.server.SimulatorState;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control API under {@code /__admin/gme/}: health, catalog, fault rules, chaos drills, apps,
 * server-API keys, journal, rooms, reset, settings and metrics, one handler per {@link ControlRoute}.
 * Every route but health (open to container health checks) checks the admin token itself, so a
 * refusal is a 401 with a JSON body naming the fix, and turns any failure into a JSON error, so one
 * bad request never disturbs the others. docs/control-api.md documents each route.
 */
public final class ControlApi implements AdminApiExtension {
  private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);

  private final SimulatorState state;
  private final ControlPlane control;
  private final FaultEndpoints faults;
  private final DrillEndpoints drills;
  private final JournalEndpoint journal;
  private final AppEndpoints apps;
  private final CloudSecretEndpoints secrets;
  private final CatalogEndpoint catalog = new CatalogEndpoint();

  /** Creates the API over one simulator's state and its server API's keys. */
  public ControlApi(SimulatorState state, Signatures signatures) {
    this.state = state;
    this.control = state.control();
    this.faults = new FaultEndpoints(state.faults());
    this.drills = new DrillEndpoints(state.faults().drills());
    this.journal = new JournalEndpoint(state.journal());
    this.apps = new AppEndpoints(state.auth());
    this.secrets = new CloudSecretEndpoints(signatures);
  }

  /**
   * Returns true for admin paths that this API serves and guards itself (health is open); every
   * other {@code /__admin} path is left to WireMock's authenticator.
   */
  public static boolean guardsItself(String adminPath) {
    return ControlRoute.serves(adminPath);
  }

  @Override
  public String getName() {
    return "gme-control";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    for (ControlRoute route : ControlRoute.values()) {
      router.add(RequestMethod.fromString(route.method()), route.adminTemplate(), task(route));
    }
  }

  /**
   * The task serving one route. One lambda per route, never a shared helper lambda: WireMock finds a
   * route's path template by the task's class, and every evaluation of one lambda expression has the
   * same class. The switch has no default, so a route added to the table must be served here.
   */
  private AdminTask task(ControlRoute route) {
    return switch (route) {
      case HEALTH -> (a, e, p) -> health();
      case SETTINGS -> (a, e, p) -> serve(e, p, this::settings);
      case CATALOG -> (a, e, p) -> serve(e, p, catalog::list);
      case ADD_FAULTS -> (a, e, p) -> serve(e, p, faults::add);
      case LIST_FAULTS -> (a, e, p) -> serve(e, p, faults::list);
      case GET_FAULT -> (a, e, p) -> serve(e, p, faults::get);
      case REMOVE_FAULT -> (a, e, p) -> serve(e, p, faults::remove);
      case CLEAR_FAULTS -> (a, e, p) -> serve(e, p, faults::clear);
      case START_DRILL -> (a, e, p) -> serve(e, p, drills::start);
      case LIST_DRILLS -> (a, e, p) -> serve(e, p, drills::list);
      case STOP_DRILLS -> (a, e, p) -> serve(e, p, drills::stopAll);
      case STOP_DRILL -> (a, e, p) -> serve(e, p, drills::stop);
      case DRILL_SUMMARY -> (a, e, p) -> serve(e, p, drills::summary);
      case PUT_APP -> (a, e, p) -> serve(e, p, apps::put);
      case LIST_APPS -> (a, e, p) -> serve(e, p, apps::list);
      case REMOVE_APP -> (a, e, p) -> serve(e, p, apps::remove);
      case PUT_CLOUD_SECRET -> (a, e, p) -> serve(e, p, secrets::put);
      case LIST_CLOUD_SECRETS -> (a, e, p) -> serve(e, p, secrets::list);
      case REMOVE_CLOUD_SECRET -> (a, e, p) -> serve(e, p, secrets::remove);
      case JOURNAL -> (a, e, p) -> serve(e, p, journal::list);
      case ROOMS -> (a, e, p) -> serve(e, p, this::rooms);
      case RESET -> (a, e, p) -> serve(e, p, this::reset);
      case METRICS -> (a, e, p) -> serve(e, p, this::metrics);
    };
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

  /** Open, so a container health check needs no secret; it tells only that the simulator is up. */
  private ResponseDefinition health() {
    return Replies.json(200, new Health("UP", state.timeScale().factor(), state.world().sessionCount()));
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
  public static String version() {
    String v = ControlApi.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
