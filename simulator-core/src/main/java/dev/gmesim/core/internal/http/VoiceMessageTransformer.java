package dev.gmesim.core.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Call;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.internal.fault.Decision;
import dev.gmesim.core.internal.protocol.VoiceHttp;
import dev.gmesim.core.internal.server.AuthGate;
import dev.gmesim.core.internal.server.SessionClocks;
import dev.gmesim.core.internal.server.SimulatorState;
import dev.gmesim.core.internal.world.VoiceMessages;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns the {@code wiremock-mappings} voice-message stubs into the stateful simulator: each stub
 * names its operation and kind in its metadata ({@code {"gme":{"operation":"PTT_UPLOAD","kind":"success"}}}),
 * and this transformer decides the call through the fault plan, then answers from the
 * {@link VoiceMessages} store: uploads are kept, downloads return the same bytes, speech-to-text
 * returns the transcript a test set. Stubs without that metadata pass through untouched.
 *
 * <p>Faults take effect at their cause: a GME code becomes a JSON error body, an HTTP failure
 * becomes WireMock's {@code Fault} or a 5xx, and delays use WireMock's asynchronous responses, so
 * no Jetty thread waits.
 */
final class VoiceMessageTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "gme-voice-messages";
  /** Longest a no-reply fault holds an HTTP exchange: below Jetty's 30 s limit for asynchronous responses. */
  static final Duration MAX_HOLD = Duration.ofSeconds(25);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SimulatorState state;
  private final VoiceMessages voice;
  /** The calling session's simulated time while one exchange is transformed (one Jetty thread each), or -1. */
  private final ThreadLocal<Long> sessionTime = ThreadLocal.withInitial(() -> -1L);

  VoiceMessageTransformer(SimulatorState state) {
    this.state = state;
    this.voice = state.voiceMessages();
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Optional<SessionClocks.SessionTime> session = state.clocks().get(header(event.getRequest(), VoiceHttp.SESSION));
    sessionTime.set(session.map(SessionClocks.SessionTime::nowMs).orElse(-1L));
    try {
      return transform(event, session.filter(SessionClocks.SessionTime::simulated).orElse(null));
    } finally {
      sessionTime.remove();
    }
  }

  private ResponseDefinition transform(ServeEvent event, SessionClocks.SessionTime simulated) {
    StubMapping stub = event.getStubMapping();
    Metadata gme = stub == null || stub.getMetadata() == null ? null : stub.getMetadata().getMetadata("gme", null);
    ResponseDefinition stubbed = event.getResponseDefinition();
    if (gme == null) {
      return stubbed;
    }
    Request req = event.getRequest();
    // Fault mappings cover every route, so they name no operation: the path tells it.
    Operation op = Operation.parse(gme.getString("operation", null)).or(() -> operationOf(req)).orElse(null);
    if (op == null) {
      return stubbed;
    }
    String kind = gme.getString("kind", "success");
    Call call = new Call(op, header(req, VoiceHttp.APP_ID), header(req, VoiceHttp.OPEN_ID), null,
        header(req, VoiceHttp.TAG));
    switch (kind) {
      case "requested-error":
        journal(call, VoiceHttp.ERROR, "reply", gme.getInt("code", -1));
        return stubbed;
      case "requested-fault":
        journal(call, VoiceHttp.FAULT, "http " + gme.getString("fault", "fault"), -1);
        return stubbed;
      case "renamed-fault":
        journal(call, VoiceHttp.FAULT, "refused (" + VoiceHttp.FAULT + " " + gme.getString("fault", "?")
            + " was renamed " + gme.getString("renamedTo", "?") + ")", -1);
        return stubbed;
      case "unknown-error":
        journal(call, VoiceHttp.ERROR, "reply (unknown code)", -1);
        return stubbed;
      default:
        break;
    }
    String ticket = header(req, VoiceHttp.RELEASE);
    if (ticket != null && simulated != null) {
      // The session's clock reached a held answer: give it now, as decided (and journaled) when held.
      Optional<Decision> decided = state.clocks().release(ticket);
      if (decided.isEmpty()) {
        GmeErrorCode code = GmeErrorCode.AV_ERR_INVALID_ARGUMENT;
        return json(400, errorBody(code, code.name() + ": " + VoiceHttp.RELEASE + " '" + ticket + "' names no held "
            + "answer (released already, or dropped after " + SessionClocks.MAX_TICKETS
            + " newer holds); send each ticket once"), Duration.ZERO);
      }
      return fault(call, decided.get(), Duration.ZERO, false);
    }
    Decision d = state.faults().decide(call);
    state.control().metrics().decided(op, d);
    if (d.isFault() && simulated != null && (d.fault() instanceof Fault.NoReply || !d.delay().isZero())) {
      return hold(call, d, simulated);
    }
    if (d.isFault()) {
      return fault(call, d, state.timeScale().toWall(d.delay()), true);
    }
    if ("natural".equals(kind)) {
      journal(call, d.source(), "reply", gme.getInt("code", -1));
      return stubbed;
    }
    return answer(op, call, req, d);
  }

  private ResponseDefinition answer(Operation op, Call call, Request req, Decision d) {
    Optional<AuthGate.Refusal> denied = state.auth().checkVoice(op, call.appId(), call.openId(),
        header(req, VoiceHttp.AUTH_BUFFER), state.authNowEpochSeconds(header(req, VoiceHttp.SESSION)));
    if (denied.isPresent()) {
      return refused(call, d, denied.get());
    }
    switch (op) {
      case PTT_APPLY_AUTH:
        return ok(call, d, JSON.createObjectNode());
      case PTT_UPLOAD:
        return upload(call, req, d, false);
      case PTT_STREAMING_RECOGNITION:
        return upload(call, req, d, true);
      case PTT_DOWNLOAD:
        return download(call, req, d);
      case PTT_SPEECH_TO_TEXT:
        return speechToText(call, req, d);
      default:
        return error(call, d.source(), GmeErrorCode.AV_ERR_NOT_IMPLEMENTED,
            "AV_ERR_NOT_IMPLEMENTED: " + op + " is not served over HTTP", Duration.ZERO);
    }
  }

  private ResponseDefinition upload(Call call, Request req, Decision d, boolean streaming) {
    byte[] body = req.getBody();
    long durationMs = parseLong(header(req, VoiceHttp.DURATION_MS));
    String id;
    try {
      id = voice.store(body == null ? new byte[0] : body, durationMs, call.appId(), call.openId());
    } catch (IllegalArgumentException tooLarge) {
      GmeErrorCode code = streaming ? GmeErrorCode.QAVPTTERROR_STREAMIN_RECORD_SUC_REC_FAIL
          : GmeErrorCode.QAVPTTERROR_UPLOAD_COS_INTERNAL_FAIL;
      return error(call, d.source(), code, code.name() + ": " + tooLarge.getMessage(), Duration.ZERO);
    }
    ObjectNode reply = JSON.createObjectNode();
    if (streaming) {
      String language = header(req, VoiceHttp.LANGUAGE);
      if (language != null && !VoiceMessages.isLanguageCode(language)) {
        // GME's 32777: the recording is stored (upload succeeded) and the answer carries its file id.
        GmeErrorCode code = GmeErrorCode.QAVPTTERROR_STREAMIN_UPLOADANDRECORD_SUC_REC_FAIL;
        ObjectNode refused = errorBody(code, code.name() + ": " + unknownLanguage(language)
            + "; the recording was stored: pass its file_id to SpeechToText with a known language");
        refused.put("file_id", fileId(req, id));
        journal(call, d.source(), "reply", code.value());
        return json(VoiceHttp.status(code), refused, Duration.ZERO);
      }
      String text = voice.transcriptOf(id);
      reply.put("text", text);
      reply.put("file_id", fileId(req, id));
      if (language != null) {
        reply.put("language", language);
      }
      VoiceMessages.partials(text).forEach(reply.putArray("partials")::add);
    } else {
      reply.put("file_id", fileId(req, id));
    }
    return ok(call, d, reply);
  }

  private static String unknownLanguage(String language) {
    return "recognition knows no language '" + language + "'; pass a language code from GME's language list "
        + "(https://intl.cloud.tencent.com/document/product/607/30260), e.g. cmn-Hans-CN or en-US";
  }

  private ResponseDefinition download(Call call, Request req, Decision d) {
    String id = VoiceMessages.idOf(req.getUrl());
    Optional<VoiceMessages.StoredFile> file = voice.file(id);
    if (file.isEmpty()) {
      GmeErrorCode code = GmeErrorCode.QAVPTTERROR_DOWNLOAD_REMOTEFILE_ACCESSERROR;
      return error(call, d.source(), code, code.name() + ": no voice message with id '" + id
          + "'; it was never uploaded, or the simulator's store dropped it to make room; pass a file_id from "
          + "PTT_UPLOAD_COMPLETE", Duration.ZERO);
    }
    journal(call, d.source(), "reply", 0);
    return new ResponseDefinitionBuilder()
        .withStatus(200)
        .withHeader("Content-Type", "application/octet-stream")
        .withBody(file.get().bytes())
        .build();
  }

  private ResponseDefinition speechToText(Call call, Request req, Decision d) {
    String fileId = null;
    String language = null;
    try {
      JsonNode body = JSON.readTree(req.getBody());
      if (body != null && body.hasNonNull("file_id")) {
        fileId = body.get("file_id").asText();
      }
      if (body != null && body.hasNonNull("language")) {
        language = body.get("language").asText();
      }
    } catch (java.io.IOException notJson) {
      fileId = null;
    }
    if (fileId == null || fileId.isBlank()) {
      GmeErrorCode code = GmeErrorCode.QAVPTTERROR_S2T_PARAM_NULL;
      return error(call, d.source(), code, code.name() + ": the request has no file_id; send "
          + "{\"file_id\":\"<file_id from PTT_UPLOAD_COMPLETE>\",\"language\":\"cmn-Hans-CN\"}", Duration.ZERO);
    }
    // The translate language is not read: GME documents it as unavailable (pass the speech language).
    if (language != null && !VoiceMessages.isLanguageCode(language)) {
      GmeErrorCode code = GmeErrorCode.QAVPTTERROR_S2T_AUTO_SPEECH_REC_ERROR;
      return error(call, d.source(), code, code.name() + ": " + unknownLanguage(language), Duration.ZERO);
    }
    String id = VoiceMessages.idOf(fileId);
    if (voice.file(id).isEmpty()) {
      GmeErrorCode code = GmeErrorCode.QAVPTTERROR_S2T_AUTO_SPEECH_REC_ERROR;
      return error(call, d.source(), code, code.name() + ": recognition found no voice message '" + fileId
          + "'; pass a file_id from PTT_UPLOAD_COMPLETE", Duration.ZERO);
    }
    ObjectNode reply = JSON.createObjectNode();
    reply.put("text", voice.transcriptOf(id));
    reply.put("file_id", fileId);
    if (language != null) {
      reply.put("language", language);
    }
    return ok(call, d, reply);
  }

  /**
   * A virtual or manual session's delayed or swallowed answer: {@code 202} with a ticket, and the
   * due time on the session's clock (none for no reply). Nothing waits on the wall clock.
   */
  private ResponseDefinition hold(Call call, Decision d, SessionClocks.SessionTime session) {
    boolean noReply = d.fault() instanceof Fault.NoReply;
    String ticket = state.clocks().hold(d);
    ResponseDefinitionBuilder b = new ResponseDefinitionBuilder()
        .withStatus(202)
        .withHeader("Content-Type", "application/json")
        .withHeader(VoiceHttp.HELD, ticket);
    ObjectNode body = JSON.createObjectNode();
    body.put("held", ticket);
    if (noReply) {
      journal(call, d.source(), "no reply", -1);
    } else {
      long until = session.nowMs() + d.delay().toMillis();
      b.withHeader(VoiceHttp.HELD_UNTIL, Long.toString(until));
      body.put("until", until);
      journal(call, d.source(), d.fault() instanceof Fault.Error ? "reply (delayed)" : d.fault().describe()
          + " (delayed)", d.fault() instanceof Fault.Error e ? e.code().value() : -1);
    }
    return b.withBody(body.toString()).build();
  }

  private ResponseDefinition fault(Call call, Decision d, Duration wall, boolean journal) {
    Fault fault = d.fault();
    if (fault instanceof Fault.Error e) {
      if (!journal) {
        return json(VoiceHttp.status(e.code()), errorBody(e.code(), e.code().errorInfo()), wall);
      }
      return error(call, d.source(), e.code(), e.code().errorInfo(), wall);
    }
    ResponseDefinitionBuilder b = new ResponseDefinitionBuilder();
    String effect;
    if (fault instanceof Fault.Http http) {
      effect = http.describe();
      switch (http.failure()) {
        case CONNECTION_RESET -> b.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
        case EMPTY_RESPONSE -> b.withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE);
        case MALFORMED_BODY -> b.withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK);
        default -> b.withStatus(http.status())
            .withHeader("Content-Type", "text/plain")
            .withBody("simulated HTTP " + http.status() + " (fault rule " + d.source() + ")");
      }
    } else if (fault instanceof Fault.NoReply) {
      // Hold the exchange past the SDK's own timer (its request timeout plus its 5 s wall-clock slack),
      // then drop it; Jetty ends asynchronous exchanges after 30 s, so the hold stays under that.
      effect = "no reply";
      Duration hold = wall.plus(state.timeScale().toWall(state.requestTimeout())).plusSeconds(6);
      wall = hold.compareTo(MAX_HOLD) > 0 ? MAX_HOLD : hold;
      b.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
    } else if (fault instanceof Fault.Reset) {
      effect = "reset";
      b.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
    } else {
      // A disconnect on HTTP is the connection closing without an answer.
      effect = "disconnect";
      b.withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE);
    }
    if (journal) {
      journal(call, d.source(), effect, -1);
    }
    return delayed(b, wall).build();
  }

  private ResponseDefinition ok(Call call, Decision d, ObjectNode fields) {
    ObjectNode body = JSON.createObjectNode();
    body.put("result", 0);
    body.put("error_info", "");
    body.setAll(fields);
    journal(call, d.source(), "reply", 0);
    return json(200, body, Duration.ZERO);
  }

  private ResponseDefinition error(Call call, String source, GmeErrorCode code, String errorInfo, Duration wall) {
    journal(call, source, "reply", code.value());
    return json(VoiceHttp.status(code), errorBody(code, errorInfo), wall);
  }

  private static ObjectNode errorBody(GmeErrorCode code, String errorInfo) {
    ObjectNode body = JSON.createObjectNode();
    body.put("result", code.value());
    body.put("error_info", errorInfo);
    return body;
  }

  private ResponseDefinition refused(Call call, Decision d, AuthGate.Refusal r) {
    ObjectNode body = JSON.createObjectNode();
    body.put("result", r.code().value());
    body.put("error_info", r.errorInfo());
    body.put(AuthGate.HTTP_FIELD, r.field());
    journal(call, d.source(), r.journalEffect(), r.code().value());
    return json(VoiceHttp.status(r.code()), body, Duration.ZERO);
  }

  private static ResponseDefinition json(int status, ObjectNode body, Duration wall) {
    String text;
    try {
      text = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + body, e);
    }
    return delayed(new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(text), wall).build();
  }

  private static ResponseDefinitionBuilder delayed(ResponseDefinitionBuilder b, Duration wall) {
    long ms = wall.toMillis();
    if (ms > 0) {
      // With asynchronous responses enabled, WireMock schedules the answer instead of sleeping on a Jetty thread.
      b.withFixedDelay((int) Math.min(Integer.MAX_VALUE, ms));
    }
    return b;
  }

  private void journal(Call call, String source, String effect, int result) {
    state.journal().record(call.operation(), call.appId(), call.openId(), call.roomId(), call.tag(), source,
        effect, result, sessionTime.get());
  }

  private static Optional<Operation> operationOf(Request req) {
    String url = req.getUrl();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    if (path.startsWith(VoiceHttp.FILES_PATH)) {
      return Optional.of(Operation.PTT_DOWNLOAD);
    }
    for (VoiceHttp.Route r : VoiceHttp.Route.values()) {
      if (r.path().equals(path)) {
        return Optional.of(r.operation());
      }
    }
    return Optional.empty();
  }

  private static String fileId(Request req, String id) {
    String absolute = req.getAbsoluteUrl();
    String base = absolute.substring(0, absolute.length() - req.getUrl().length());
    return base + VoiceHttp.FILES_PATH + id;
  }

  private static String header(Request req, String name) {
    String v = req.getHeader(name);
    return v == null || v.isEmpty() ? null : v;
  }

  private static long parseLong(String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
