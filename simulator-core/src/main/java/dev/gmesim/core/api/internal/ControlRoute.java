package dev.gmesim.core.api.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The control API's routes under {@code /__admin/gme/}, one constant each, and the one list of
 * them: the server serves every constant (its switch has no default, so a new route does not
 * compile until it has a handler), the client takes each call's method and path from here, and
 * {@code ControlApiDocsTest} holds docs/openapi.yaml and docs/control-api.md to exactly these.
 */
public enum ControlRoute {
  HEALTH("GET", "/health"),
  SETTINGS("GET", "/settings"),
  CATALOG("GET", "/catalog"),
  ADD_FAULTS("POST", "/faults"),
  LIST_FAULTS("GET", "/faults"),
  GET_FAULT("GET", "/faults/{id}"),
  REMOVE_FAULT("DELETE", "/faults/{id}"),
  CLEAR_FAULTS("DELETE", "/faults"),
  START_DRILL("POST", "/drills"),
  LIST_DRILLS("GET", "/drills"),
  STOP_DRILLS("DELETE", "/drills"),
  STOP_DRILL("DELETE", "/drills/{name}"),
  DRILL_SUMMARY("GET", "/drills/{name}/summary"),
  PUT_APP("PUT", "/apps/{appId}"),
  LIST_APPS("GET", "/apps"),
  REMOVE_APP("DELETE", "/apps/{appId}"),
  PUT_CLOUD_SECRET("PUT", "/cloud-secrets/{secretId}"),
  LIST_CLOUD_SECRETS("GET", "/cloud-secrets"),
  REMOVE_CLOUD_SECRET("DELETE", "/cloud-secrets/{secretId}"),
  JOURNAL("GET", "/journal"),
  ROOMS("GET", "/rooms"),
  RESET("POST", "/reset"),
  METRICS("GET", "/metrics");

  /** Where the routes sit below WireMock's {@code /__admin}. */
  public static final String PREFIX = "/gme";

  /** Template syntax, in a holder: an enum's constructor may not read its own static fields. */
  private static final class Syntax {
    static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");
    /** A path segment of unreserved characters, not {@code .} or {@code ..}: what WireMock routes as one segment. */
    static final String SEGMENT = "(?!\\.\\.?(?:/|$))[A-Za-z0-9._~-]+";
  }

  private final String method;
  private final String template;
  private final Pattern adminPath;

  ControlRoute(String method, String template) {
    this.method = method;
    this.template = template;
    this.adminPath = Pattern.compile(Pattern.quote(PREFIX) + Arrays.stream(Syntax.PARAMETER.split(template, -1))
        .map(Pattern::quote).reduce((a, b) -> a + Syntax.SEGMENT + b).orElseThrow());
  }

  /** Returns the HTTP method, such as {@code GET}. */
  public String method() {
    return method;
  }

  /** Returns the path template below the API's root, such as {@code /faults/{id}}. */
  public String template() {
    return template;
  }

  /** Returns the template below {@code /__admin}, such as {@code /gme/faults/{id}}, as WireMock's router takes it. */
  public String adminTemplate() {
    return PREFIX + template;
  }

  /**
   * Returns the path below the API's root with the parameters filled in, in order and percent-encoded,
   * such as {@code faults/r%201} for {@code GET_FAULT.path("r 1")}.
   */
  public String path(String... parameters) {
    Matcher m = Syntax.PARAMETER.matcher(template);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (m.find()) {
      if (i == parameters.length) {
        throw new IllegalArgumentException(this + " " + template + ": " + parameters.length + " parameters for "
            + "a template that has more; pass one value per {name}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(
          URLEncoder.encode(parameters[i++], StandardCharsets.UTF_8).replace("+", "%20")));
    }
    m.appendTail(out);
    if (i != parameters.length) {
      throw new IllegalArgumentException(this + " " + template + " takes " + i + " parameters, not " + parameters.length);
    }
    return out.substring(1);
  }

  /**
   * Returns true for an admin path (after {@code /__admin}) that one of the routes serves, with
   * parameters of unreserved characters only: those check the admin token themselves; any other
   * path is left to WireMock's own check.
   */
  public static boolean serves(String adminPath) {
    return Arrays.stream(values()).anyMatch(r -> r.adminPath.matcher(adminPath).matches());
  }
}
