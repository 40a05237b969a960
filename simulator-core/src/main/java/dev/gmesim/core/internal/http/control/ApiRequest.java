package dev.gmesim.core.internal.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.common.url.PathParams;
import com.github.tomakehurst.wiremock.http.Request;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.NearestName;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultProfile;
import dev.gmesim.core.fault.InvalidFaultRuleException;
import dev.gmesim.core.internal.fault.FaultRuleJson;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One control request: strict query parameters, the JSON body within its limits, path parameters. */
final class ApiRequest {
  /** Request bodies over this size are refused with 413; a large profile is a few kilobytes. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private final Request request;
  private final PathParams pathParams;
  private Map<String, String> query;

  ApiRequest(Request request, PathParams pathParams) {
    this.request = request;
    this.pathParams = pathParams;
  }

  /** Returns the query parameters, refusing any not in {@code allowed}, any given twice, and bad encodings. */
  Map<String, String> query(String... allowed) {
    if (query != null) {
      return query;
    }
    List<String> names = Arrays.asList(allowed);
    Map<String, String> out = new LinkedHashMap<>();
    String url = request.getUrl();
    int q = url.indexOf('?');
    if (q >= 0 && q < url.length() - 1) {
      for (String pair : url.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq), "query parameter name");
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "query parameter " + name);
        if (!names.contains(name)) {
          String known = names.isEmpty() ? "this endpoint takes no query parameters"
              : "parameters are " + names;
          throw ApiException.badRequest(name, "unknown query parameter '" + name + "'"
              + nearestHint(name, names) + "; " + known);
        }
        if (out.put(name, value) != null) {
          throw ApiException.badRequest(name, "query parameter '" + name + "' is given twice; give it once");
        }
      }
    }
    query = out;
    return out;
  }

  /** Returns a query parameter's value, refusing an empty one. */
  Optional<String> param(String name) {
    String v = query == null ? null : query.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v.isBlank()) {
      throw ApiException.badRequest(name, "query parameter '" + name + "' is empty; give a value or leave it out");
    }
    return Optional.of(v);
  }

  /** Returns a whole-number query parameter within {@code min..max}. */
  Optional<Long> longParam(String name, long min, long max, String fix) {
    Optional<String> v = param(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    long n;
    try {
      n = Long.parseLong(v.get().strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name, "'" + v.get() + "' is not a whole number; " + fix);
    }
    if (n < min || n > max) {
      throw ApiException.badRequest(name, n + (n < 0 ? " is negative" : " is outside " + min + ".." + max)
          + "; " + fix);
    }
    return Optional.of(n);
  }

  /** Returns an operation query parameter, refusing an unknown name with the nearest one. */
  Optional<Operation> operationParam(String name) {
    return param(name).map(v -> Operation.parse(v).orElseThrow(() -> {
      List<String> ops = Arrays.stream(Operation.values()).map(Operation::name).toList();
      return ApiException.badRequest(name, "unknown operation '" + v + "'"
          + nearestHint(v.toUpperCase(Locale.ROOT), ops) + "; operations are " + ops);
    }));
  }

  /** Returns a GME error code given by value or name, refusing an unknown one with the nearest code. */
  static GmeErrorCode code(String field, String value) {
    String v = value.strip();
    if (v.matches("-?\\d{1,9}")) {
      int n = Integer.parseInt(v);
      return GmeErrorCode.byValue(n).orElseThrow(() -> ApiException.badRequest(field,
          "unknown GME error code " + n + "; nearest: " + GmeErrorCode.nearest(n).label()));
    }
    return GmeErrorCode.byName(v).orElseThrow(() -> ApiException.badRequest(field,
        "unknown GME error code name '" + v + "'; nearest: " + GmeErrorCode.nearestName(v).label()));
  }

  /** Returns a path parameter, URL-decoded. */
  String path(String name) {
    return decode(pathParams.get(name), "path segment {" + name + "}");
  }

  /**
   * Returns the body as JSON: absent or JSON content type, at most {@link #MAX_BODY_BYTES},
   * well-formed. Each refusal names the header or the body and the fix.
   */
  JsonNode jsonBody() {
    checkContentType();
    byte[] body = request.getBody();
    if (body == null || body.length == 0) {
      throw ApiException.badRequest(InvalidFaultRuleException.BODY, "empty; send a JSON object such as "
          + "{\"operations\": [\"ENTER_ROOM\"], \"error\": 7006}");
    }
    checkSize(body);
    try {
      return FaultRuleJson.read(new String(body, StandardCharsets.UTF_8));
    } catch (InvalidFaultRuleException e) {
      throw ApiException.invalid(e);
    }
  }

  /**
   * Returns the body as bytes after the content-type and size checks, for bodies that carry secrets
   * (an app's key): the caller parses them itself, so no parser message can echo the body.
   */
  byte[] secretJsonBody() {
    checkContentType();
    byte[] body = request.getBody();
    if (body == null) {
      return new byte[0];
    }
    checkSize(body);
    return body;
  }

  /**
   * Returns a drill profile's body and its format: YAML for a YAML content type
   * ({@code application/yaml}, {@code application/x-yaml}, {@code text/yaml}), JSON for a JSON one or none.
   */
  Map.Entry<String, FaultProfile.Format> profileBody() {
    String type = request.getHeader("Content-Type");
    FaultProfile.Format format = FaultProfile.Format.JSON;
    if (type != null && !type.isBlank()) {
      String t = type.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
      if (t.endsWith("yaml")) {
        format = FaultProfile.Format.YAML;
      } else if (!t.equals("application/json") && !t.endsWith("+json")) {
        throw new ApiException(415, "Content-Type", "Content-Type " + (type.length() > 60 ? type.substring(0, 60) + "..." : type)
            + " is neither JSON nor YAML; send Content-Type: application/json or application/yaml");
      }
    }
    byte[] body = request.getBody();
    if (body == null || body.length == 0) {
      throw ApiException.badRequest(InvalidFaultRuleException.BODY, "empty; send a drill profile, e.g. "
          + "{\"name\": \"brownout\", \"ttl\": \"PT10M\", \"rules\": [{\"operations\": [\"ENTER_ROOM\"], \"effect\": \"noReply\", \"probability\": 0.2}]}");
    }
    checkSize(body);
    return Map.entry(new String(body, StandardCharsets.UTF_8), format);
  }

  /** Refuses a body on an endpoint that takes none (an empty JSON object is allowed). */
  void noBody(String what) {
    byte[] body = request.getBody();
    if (body == null || body.length == 0) {
      return;
    }
    checkContentType();
    checkSize(body);
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (!text.isEmpty() && !text.replaceAll("\\s", "").equals("{}")) {
      throw ApiException.badRequest(InvalidFaultRuleException.BODY, what + " takes no body; send none (or {})");
    }
  }

  private void checkContentType() {
    String type = request.getHeader("Content-Type");
    if (type == null || type.isBlank()) {
      return;  // Clients such as java.net.http send none by default; the body must still be JSON.
    }
    String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json") && !media.endsWith("+json")) {
      String shown = media.length() > 60 ? media.substring(0, 60) + "..." : media;
      throw new ApiException(415, "Content-Type", "Content-Type " + shown + " is not JSON; send "
          + "Content-Type: application/json (with curl: -H 'Content-Type: application/json')");
    }
  }

  private static void checkSize(byte[] body) {
    if (body.length > MAX_BODY_BYTES) {
      throw new ApiException(413, InvalidFaultRuleException.BODY, "body of " + body.length + " bytes is over the "
          + MAX_BODY_BYTES + "-byte limit; send fewer rules per request");
    }
  }

  private static String decode(String raw, String what) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(what, what + " has a bad %-escape; percent-encode it as UTF-8");
    }
  }

  private static String nearestHint(String wanted, List<String> names) {
    return NearestName.hint(wanted, names);
  }
}
