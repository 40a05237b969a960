package dev.gmesim.core.internal.cloud;

import static dev.gmesim.core.cloud.ApiErrorCode.INTERNAL_ERROR;
import static dev.gmesim.core.cloud.ApiErrorCode.INVALID_ACTION;
import static dev.gmesim.core.cloud.ApiErrorCode.INVALID_PARAMETER;
import static dev.gmesim.core.cloud.ApiErrorCode.INVALID_PARAMETER_VALUE;
import static dev.gmesim.core.cloud.ApiErrorCode.MISSING_PARAMETER;
import static dev.gmesim.core.cloud.ApiErrorCode.NO_SUCH_VERSION;
import static dev.gmesim.core.cloud.ApiErrorCode.UNSUPPORTED_PROTOCOL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.cloud.CloudApi;
import dev.gmesim.core.fault.Call;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.internal.fault.Decision;
import dev.gmesim.core.internal.protocol.VoiceHttp;
import dev.gmesim.core.internal.server.SimulatorState;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GME's server API on the simulator's HTTP port: {@code POST /} with the action in
 * {@code X-TC-Action} (docs/server-api.md). Every API outcome is HTTP 200 {@code application/json}
 * with a {@code RequestId}; a fault rule on the action's {@code SERVER_*} operation can answer any
 * API 3.0 code, delay the answer, or fail the transport (reset, empty answer, 5xx, malformed body).
 * A request is checked in GME's order: method, action, version, the simulator's tag header,
 * signature, body, then the action's fields; one bad request never disturbs another.
 */
public final class CloudApiEndpoint implements StubRequestFilterV2 {
  private static final Logger LOG = LoggerFactory.getLogger(CloudApiEndpoint.class);
  /** Longest a no-reply fault holds an exchange, below Jetty's limit for asynchronous answers. */
  private static final Duration MAX_HOLD = Duration.ofSeconds(25);

  static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final SimulatorState state;
  private final CloudState cloud;
  private final CloudActions actions;

  /** Creates the endpoint over one simulator's world, faults, journal and server-API state. */
  public CloudApiEndpoint(SimulatorState state, CloudState cloud) {
    this.state = state;
    this.cloud = cloud;
    this.actions = new CloudActions(state, cloud);
  }

  @Override
  public String getName() {
    return "gme-cloud-api";
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    String url = request.getUrl();
    if (!(url.equals("/") || url.startsWith("/?"))) {
      return RequestFilterAction.continueWith(request);
    }
    return RequestFilterAction.stopWith(handle(request));
  }

  /** Answers one request to {@code /}. */
  ResponseDefinition handle(Request request) {
    String requestId = requestId();
    String action = header(request, "X-TC-Action");
    Operation op = CloudApi.operationOf(action).orElse(null);
    String tagProblem = tagProblem(request);
    // A malformed tag is journaled as none: it matches no tagged rule either.
    String tag = tagProblem == null ? header(request, CloudApi.TAG_HEADER) : null;
    Call call = null;
    try {
      if (!"POST".equals(request.getMethod().getName())) {
        throw new ApiFailure(UNSUPPORTED_PROTOCOL, "The HTTP method " + request.getMethod().getName()
            + " is not supported; the simulator's server API takes POST with a JSON body");
      }
      if (action == null || action.isBlank()) {
        throw new ApiFailure(MISSING_PARAMETER, "The request is missing a required parameter `Action` "
            + "(header X-TC-Action); actions served: " + CloudApi.actions());
      }
      if (op == null) {
        throw new ApiFailure(INVALID_ACTION, "The action `" + action + "` is not served by the GME simulator"
            + dev.gmesim.core.catalog.NearestName.hint(action, CloudApi.actions()) + "; actions served: "
            + CloudApi.actions());
      }
      String version = header(request, "X-TC-Version");
      if (version == null || version.isBlank()) {
        throw new ApiFailure(MISSING_PARAMETER, "The request is missing a required parameter `Version` "
            + "(header X-TC-Version); GME's is " + CloudApi.VERSION);
      }
      if (!CloudApi.VERSION.equals(version.trim())) {
        throw new ApiFailure(NO_SUCH_VERSION, "The API version `" + version + "` of action " + action
            + " does not exist; GME's is " + CloudApi.VERSION);
      }
      if (tagProblem != null) {
        // Refused, not ignored: ignored, the request would quietly escape the rules of its test.
        throw new ApiFailure(INVALID_PARAMETER_VALUE, "The header " + CloudApi.TAG_HEADER + " (the caller's"
            + " fault-rule tag) " + tagProblem + "; send 1 to " + CloudApi.MAX_TAG_LENGTH + " printable ASCII"
            + " characters, as GmeCloudApi's clients do, or leave the header out");
      }
      byte[] body = request.getBody();
      cloud.signatures().check(name -> header(request, name), body);
      ObjectNode params = parse(body);
      call = new Call(op, scopeApp(params), null, scopeRoom(params), tag);
      Decision d = state.faults().decide(call);
      state.control().metrics().decided(op, d);
      if (d.isFault()) {
        return fault(call, d, requestId);
      }
      ObjectNode response = actions.perform(op, params);
      response.put("RequestId", requestId);
      journal(call, "world", "reply", 0);
      return json(envelope(response), Duration.ZERO);
    } catch (ApiFailure e) {
      journal(call != null ? call : op == null ? null : new Call(op, null, null, null, tag),
          "world", "error " + e.code(), -1);
      return json(error(e.code(), e.getMessage(), requestId), Duration.ZERO);
    } catch (RuntimeException e) {
      LOG.warn("server API: {} failed", action, e);
      return json(error(INTERNAL_ERROR.code(), "the simulator failed on this request (" + e.getClass().getSimpleName()
          + "); it keeps serving others; please report it with the request", requestId), Duration.ZERO);
    }
  }

  private ResponseDefinition fault(Call call, Decision d, String requestId) {
    Fault fault = d.fault();
    Duration wall = state.timeScale().toWall(d.delay());
    String delayed = d.delay().isZero() ? "" : " (delayed)";
    if (fault instanceof Fault.ApiError e) {
      journal(call, d.source(), "error " + e.code().code() + delayed, -1);
      return json(error(e.code().code(), e.code().message() + " (fault rule " + d.source() + ")", requestId), wall);
    }
    ResponseDefinitionBuilder b = new ResponseDefinitionBuilder();
    String effect = fault.describe();
    if (fault instanceof Fault.Http http) {
      switch (http.failure()) {
        case CONNECTION_RESET -> b.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
        case EMPTY_RESPONSE -> b.withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE);
        // A 200 JSON answer the client cannot parse: the Java SDK reports its own decoding error.
        case MALFORMED_BODY -> b.withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"Response\": {\"RequestId\": \"" + requestId + "\", ");
        default -> b.withStatus(http.status()).withHeader("Content-Type", "text/plain")
            .withBody("simulated HTTP " + http.status() + " (fault rule " + d.source() + ")");
      }
    } else if (fault instanceof Fault.NoReply) {
      // Held past any sensible client read timeout, then dropped.
      wall = MAX_HOLD;
      b.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
    } else if (fault instanceof Fault.Reset) {
      b.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
    } else {
      // A GME SDK code cannot reach here (FaultRule refuses it on SERVER_* operations); a disconnect closes the exchange.
      b.withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE);
    }
    journal(call, d.source(), effect + delayed, -1);
    if (!wall.isZero()) {
      b.withFixedDelay((int) Math.min(Integer.MAX_VALUE, wall.toMillis()));
    }
    return b.build();
  }

  private static ObjectNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw new ApiFailure(INVALID_PARAMETER, "The request body is empty; send the action's parameters as a JSON "
          + "object, {} for none");
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiFailure(INVALID_PARAMETER, "The request body is not valid JSON (" + e.getOriginalMessage()
          + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    } catch (java.io.IOException e) {
      throw new ApiFailure(INVALID_PARAMETER, "The request body cannot be read: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new ApiFailure(INVALID_PARAMETER, "The request body is " + (node == null ? "empty" : "a JSON "
          + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)) + ", not a JSON object of parameters");
    }
    return (ObjectNode) node;
  }

  /** The app a fault rule may be scoped to: SdkAppId or BizId, when it is a number. */
  private static String scopeApp(ObjectNode p) {
    JsonNode v = p.hasNonNull("SdkAppId") ? p.get("SdkAppId") : p.get("BizId");
    return v != null && v.isIntegralNumber() ? v.asText() : null;
  }

  /** The room a fault rule may be scoped to, when the request names exactly one. */
  private static String scopeRoom(ObjectNode p) {
    for (String f : new String[] {"RoomIdStr", "RoomId"}) {
      JsonNode v = p.get(f);
      if (v != null && (v.isTextual() && !v.textValue().isEmpty() || v.isIntegralNumber())) {
        return v.asText();
      }
    }
    for (String f : new String[] {"StrRoomIds", "RoomIds"}) {
      JsonNode v = p.get(f);
      if (v != null && v.isArray() && v.size() == 1 && (v.get(0).isTextual() || v.get(0).isIntegralNumber())) {
        return v.get(0).asText();
      }
    }
    return null;
  }

  private void journal(Call call, String source, String effect, int result) {
    if (call == null) {
      return;
    }
    // Never the body or headers: they carry signatures, and a backend's data is not the journal's business.
    state.journal().record(call.operation(), call.appId(), null, call.roomId(), call.tag(), source, effect, result);
  }

  private static ObjectNode envelope(ObjectNode response) {
    ObjectNode root = JSON.createObjectNode();
    root.set("Response", response);
    return root;
  }

  static ObjectNode error(String code, String message, String requestId) {
    ObjectNode response = JSON.createObjectNode();
    response.putObject("Error").put("Code", code).put("Message", message);
    response.put("RequestId", requestId);
    return envelope(response);
  }

  private static ResponseDefinition json(ObjectNode body, Duration wall) {
    ResponseDefinitionBuilder b = new ResponseDefinitionBuilder().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body.toString());
    if (!wall.isZero()) {
      b.withFixedDelay((int) Math.min(Integer.MAX_VALUE, wall.toMillis()));
    }
    return b.build();
  }

  private static String header(Request request, String name) {
    HttpHeader h = request.header(name);
    return h != null && h.isPresent() ? h.firstValue() : null;
  }

  /** Says what is wrong with the tag header, never echoing its value, or returns null when it is absent or well formed. */
  private static String tagProblem(Request request) {
    HttpHeader h = request.header(CloudApi.TAG_HEADER);
    if (h == null || !h.isPresent()) {
      return null;
    }
    List<String> values = h.values();
    if (values.stream().distinct().count() > 1) {
      return "is sent " + values.size() + " times with different values";
    }
    String v = values.isEmpty() ? "" : values.get(0);
    if (v.isBlank()) {
      return "is empty";
    }
    if (v.length() > CloudApi.MAX_TAG_LENGTH) {
      return "is " + v.length() + " characters long";
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        // Jetty reads header bytes as ISO-8859-1, so a UTF-8 character shows up as its first byte.
        return String.format(c <= 0xFF ? "has the byte 0x%02X at position %d, outside printable ASCII"
            : "has U+%04X at position %d, outside printable ASCII", (int) c, i + 1);
      }
    }
    return null;
  }

  private static String requestId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
        .toString();
  }
}
