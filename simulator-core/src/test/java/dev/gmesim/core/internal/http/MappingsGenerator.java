package dev.gmesim.core.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.fault.Effect;
import dev.gmesim.core.internal.protocol.VoiceHttp;
import dev.gmesim.core.internal.protocol.VoiceHttp.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the generated part of {@code wiremock-mappings}: one mapping per documented error code of
 * each HTTP route ({@code X-Gme-Error}), one per route for an undocumented code, one per
 * {@code X-Gme-Fault}, and the natural errors a stock WireMock can tell from the request alone
 * (no auth buffer: 8200, 12297, 32774; no AppID: 1101; empty file_id: 32784). The hand-written
 * success mappings and {@code __files} are not generated.
 *
 * <p>Priorities: the success mappings (1) match only requests that carry what they need and ask for
 * no error, so the common request is matched by the first mapping WireMock tries; then requested
 * errors and faults (2), an undocumented requested code (3), and the natural errors (4, 5).
 *
 * <p>Run {@code main} (or {@link MappingsMatchCatalogTest} with {@code -Dgmesim.regenerateMappings=true})
 * after changing the catalog or {@link VoiceHttp}.
 */
public final class MappingsGenerator {
  /** The mappings folder in the source tree, relative to simulator-core. */
  static final Path SOURCE_DIR = Paths.get("..", "wiremock-mappings", "src", "main", "resources", "gme-wiremock",
      "mappings");
  /** Prefixes of generated files; every other file in the folder is hand-written. */
  static final List<String> GENERATED_PREFIXES = List.of("error-", "fault-", "natural-");
  /**
   * The X-Gme-Fault values and the WireMock fault each applies (null: a plain 503). The values are the
   * effects' wire names, plus {@code randomDataThenClose}, which only the header offers.
   */
  static final Map<String, String> FAULTS = orderedMap(
      Effect.CONNECTION_RESET.wireName(), "CONNECTION_RESET_BY_PEER",
      Effect.EMPTY_RESPONSE.wireName(), "EMPTY_RESPONSE",
      Effect.MALFORMED_BODY.wireName(), "MALFORMED_RESPONSE_CHUNK",
      "randomDataThenClose", "RANDOM_DATA_THEN_CLOSE",
      Effect.SERVER_ERROR.wireName(), null);
  /** The X-Gme-Fault values before 0.1.0 (WireMock's fault names), each refused naming its new value. */
  static final Map<String, String> RENAMED_FAULTS = orderedMap(
      "CONNECTION_RESET_BY_PEER", Effect.CONNECTION_RESET.wireName(),
      "EMPTY_RESPONSE", Effect.EMPTY_RESPONSE.wireName(),
      "MALFORMED_RESPONSE_CHUNK", Effect.MALFORMED_BODY.wireName(),
      "RANDOM_DATA_THEN_CLOSE", "randomDataThenClose",
      "SERVER_ERROR", Effect.SERVER_ERROR.wireName());

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));
  private static final String GENERATED_BY = "generated from the catalog by MappingsGenerator; do not edit by hand";

  private MappingsGenerator() {}

  /** The sample audio a stock WireMock serves for any download: the SDK's one-second recording. */
  static final Path SAMPLE_WAV = SOURCE_DIR.resolveSibling("__files").resolve("gme-ptt-sample.wav");

  /** Regenerates the files in the source tree (run from simulator-core) and deletes stale generated ones. */
  public static void main(String[] args) throws IOException {
    write(SOURCE_DIR);
    Files.write(SAMPLE_WAV, dev.gmesim.core.sdk.internal.Wav.tone(1000));
  }

  static void write(Path dir) throws IOException {
    Map<String, String> files = generate();
    try (Stream<Path> existing = Files.list(dir)) {
      for (Path p : existing.collect(Collectors.toList())) {
        String name = p.getFileName().toString();
        if (isGenerated(name) && !files.containsKey(name)) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
  }

  static boolean isGenerated(String fileName) {
    return GENERATED_PREFIXES.stream().anyMatch(fileName::startsWith);
  }

  /** Returns every generated file: name to content. */
  static Map<String, String> generate() {
    Map<String, String> out = new TreeMap<>();
    for (Route route : Route.values()) {
      List<GmeErrorCode> codes = codesOf(route);
      for (GmeErrorCode code : codes) {
        out.put("error-" + slug(route) + "-" + code.value() + ".json", requestedError(route, code));
      }
      out.put("error-" + slug(route) + "-undocumented.json", undocumented(route, codes));
    }
    for (Map.Entry<String, String> fault : FAULTS.entrySet()) {
      out.put("fault-" + kebab(fault.getKey()) + ".json", requestedFault(fault.getKey(), fault.getValue()));
    }
    for (Map.Entry<String, String> old : RENAMED_FAULTS.entrySet()) {
      out.put("fault-renamed-" + old.getKey().toLowerCase(Locale.ROOT).replace('_', '-') + ".json",
          renamedFault(old.getKey(), old.getValue()));
    }
    String noAuth = "no " + VoiceHttp.AUTH_BUFFER + " header: ApplyPTTAuthbuffer was not called (or got an empty "
        + "buffer); call it after Init";
    out.put("natural-auth-1101-no-app-id.json", natural(Route.AUTH, GmeErrorCode.AV_ERR_CONTEXT_NOT_EXIST, 4,
        "no " + VoiceHttp.APP_ID + " header: ApplyPTTAuthbuffer before Init; call Init(appId, openId) first",
        absent(VoiceHttp.APP_ID), null));
    out.put("natural-upload-8200-no-auth-buffer.json", natural(Route.UPLOAD,
        GmeErrorCode.QAVPTTERROR_UPLOAD_APPINFO_UNSET, 4, noAuth, absent(VoiceHttp.AUTH_BUFFER), null));
    out.put("natural-download-12297-no-auth-buffer.json", natural(Route.DOWNLOAD,
        GmeErrorCode.QAVPTTERROR_DOWNLOAD_APPINFO_UNSET, 4, noAuth, absent(VoiceHttp.AUTH_BUFFER), null));
    out.put("natural-speech-to-text-32774-no-auth-buffer.json", natural(Route.SPEECH_TO_TEXT,
        GmeErrorCode.QAVPTTERROR_S2T_APPINFO_UNSET, 4, noAuth, absent(VoiceHttp.AUTH_BUFFER), null));
    out.put("natural-streaming-recognition-32774-no-auth-buffer.json", natural(Route.STREAMING_RECOGNITION,
        GmeErrorCode.QAVPTTERROR_S2T_APPINFO_UNSET, 4, noAuth, absent(VoiceHttp.AUTH_BUFFER), null));
    ObjectNode empty = JSON.createObjectNode();
    empty.putObject("matchesJsonPath").put("expression", "$.file_id").put("matches", "^\\s*$");
    out.put("natural-speech-to-text-32784-empty-file-id.json", natural(Route.SPEECH_TO_TEXT,
        GmeErrorCode.QAVPTTERROR_S2T_PARAM_NULL, 5, "file_id is empty; pass the file_id of PTT_UPLOAD_COMPLETE",
        null, empty));
    ObjectNode missing = JSON.createObjectNode();
    missing.putObject("not").put("matchesJsonPath", "$.file_id");
    out.put("natural-speech-to-text-32784-no-file-id.json", natural(Route.SPEECH_TO_TEXT,
        GmeErrorCode.QAVPTTERROR_S2T_PARAM_NULL, 5,
        "the body has no file_id; send {\"file_id\":\"<file_id of PTT_UPLOAD_COMPLETE>\",\"language\":\"cmn-Hans-CN\"}",
        null, missing));
    return out;
  }

  /** Returns the documented codes of a route's operation, in catalog order. */
  static List<GmeErrorCode> codesOf(Route route) {
    return Stream.of(GmeErrorCode.values()).filter(c -> c.operations().contains(route.operation())).toList();
  }

  static String slug(Route route) {
    return route.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String sdkCall(Route route) {
    switch (route) {
      case AUTH: return "ApplyPTTAuthbuffer";
      case UPLOAD: return "UploadRecordedFile";
      case DOWNLOAD: return "DownloadRecordedFile";
      case SPEECH_TO_TEXT: return "SpeechToText";
      default: return "StartRecordingWithStreamingRecognition";
    }
  }

  private static String requestedError(Route route, GmeErrorCode code) {
    ObjectNode m = JSON.createObjectNode();
    m.put("name", VoiceHttp.ERROR + ": " + code.label() + " on " + sdkCall(route));
    m.put("priority", 2);
    ObjectNode req = request(route, m);
    req.putObject("headers").putObject(VoiceHttp.ERROR).put("equalTo", Integer.toString(code.value()));
    ObjectNode res = m.putObject("response");
    res.put("status", VoiceHttp.status(code));
    res.putObject("headers").put("Content-Type", "application/json");
    ObjectNode body = res.putObject("jsonBody");
    body.put("result", code.value());
    body.put("error_info", code.errorInfo());
    ObjectNode gme = m.putObject("metadata").putObject("gme");
    gme.put("operation", route.operation().name());
    gme.put("kind", "requested-error");
    gme.put("code", code.value());
    gme.put("generatedBy", GENERATED_BY);
    return print(m);
  }

  private static String undocumented(Route route, List<GmeErrorCode> codes) {
    ObjectNode m = JSON.createObjectNode();
    m.put("name", VoiceHttp.ERROR + " with a code " + sdkCall(route) + " does not raise");
    m.put("priority", 3);
    ObjectNode req = request(route, m);
    req.putObject("headers").putObject(VoiceHttp.ERROR).put("matches", ".*");
    ObjectNode res = m.putObject("response");
    res.put("status", 400);
    res.putObject("headers").put("Content-Type", "application/json");
    String list = codes.stream().map(c -> Integer.toString(c.value())).collect(Collectors.joining(", "));
    res.put("body", "{\"result\":-1,\"error_info\":\"" + VoiceHttp.ERROR + " {{request.headers.[" + VoiceHttp.ERROR
        + "]}} is not a documented error of " + sdkCall(route) + "; use one of " + list + "\"}");
    res.putArray("transformers").add("response-template");
    ObjectNode gme = m.putObject("metadata").putObject("gme");
    gme.put("operation", route.operation().name());
    gme.put("kind", "unknown-error");
    gme.put("generatedBy", GENERATED_BY);
    return print(m);
  }

  private static String requestedFault(String fault, String wireMockFault) {
    ObjectNode m = JSON.createObjectNode();
    m.put("name", VoiceHttp.FAULT + ": " + fault + " on any voice-message route");
    m.put("priority", 2);
    ObjectNode req = m.putObject("request");
    req.put("urlPathPattern", VoiceHttp.BASE_PATH + "/.*");
    req.putObject("headers").putObject(VoiceHttp.FAULT).put("equalTo", fault);
    ObjectNode res = m.putObject("response");
    if (wireMockFault == null) {
      res.put("status", 503);
      res.putObject("headers").put("Content-Type", "text/plain");
      res.put("body", "simulated 503 (" + VoiceHttp.FAULT + ": " + fault + ")");
    } else {
      res.put("fault", wireMockFault);
    }
    ObjectNode gme = m.putObject("metadata").putObject("gme");
    gme.put("kind", "requested-fault");
    gme.put("fault", fault);
    gme.put("generatedBy", GENERATED_BY);
    return print(m);
  }

  private static String renamedFault(String old, String now) {
    ObjectNode m = JSON.createObjectNode();
    m.put("name", VoiceHttp.FAULT + ": " + old + " (renamed " + now + " in 0.1.0) on any voice-message route");
    m.put("priority", 2);
    ObjectNode req = m.putObject("request");
    req.put("urlPathPattern", VoiceHttp.BASE_PATH + "/.*");
    req.putObject("headers").putObject(VoiceHttp.FAULT).put("equalTo", old);
    ObjectNode res = m.putObject("response");
    res.put("status", 400);
    res.putObject("headers").put("Content-Type", "text/plain");
    res.put("body", VoiceHttp.FAULT + " " + old + " was renamed in 0.1.0; send " + VoiceHttp.FAULT + ": " + now
        + " (values are " + String.join(", ", FAULTS.keySet()) + ")");
    ObjectNode gme = m.putObject("metadata").putObject("gme");
    gme.put("kind", "renamed-fault");
    gme.put("fault", old);
    gme.put("renamedTo", now);
    gme.put("generatedBy", GENERATED_BY);
    return print(m);
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private static String natural(Route route, GmeErrorCode code, int priority, String why, ObjectNode headers,
      ObjectNode bodyPattern) {
    ObjectNode m = JSON.createObjectNode();
    m.put("name", sdkCall(route) + ": " + code.label() + ", " + why);
    m.put("priority", priority);
    ObjectNode req = request(route, m);
    if (headers != null) {
      req.set("headers", headers);
    }
    if (bodyPattern != null) {
      req.putArray("bodyPatterns").add(bodyPattern);
    }
    ObjectNode res = m.putObject("response");
    res.put("status", VoiceHttp.status(code));
    res.putObject("headers").put("Content-Type", "application/json");
    ObjectNode body = res.putObject("jsonBody");
    body.put("result", code.value());
    body.put("error_info", code.name() + ": " + why);
    ObjectNode gme = m.putObject("metadata").putObject("gme");
    gme.put("operation", route.operation().name());
    gme.put("kind", "natural");
    gme.put("code", code.value());
    gme.put("generatedBy", GENERATED_BY);
    return print(m);
  }

  private static ObjectNode request(Route route, ObjectNode mapping) {
    ObjectNode req = mapping.putObject("request");
    req.put("method", route.method());
    if (route == Route.DOWNLOAD) {
      req.put("urlPathPattern", VoiceHttp.FILES_PATH + "[^/]+");
    } else {
      req.put("urlPath", route.path());
    }
    return req;
  }

  private static ObjectNode absent(String header) {
    ObjectNode h = JSON.createObjectNode();
    h.putObject(header).put("absent", true);
    return h;
  }

  private static String print(ObjectNode node) {
    try {
      return PRETTY.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
