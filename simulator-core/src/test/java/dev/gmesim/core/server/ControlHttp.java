package dev.gmesim.core.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw HTTP to a simulator's control API, for tests that look at statuses, headers and bodies. */
final class ControlHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;
  private final String authorization;

  ControlHttp(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  static ControlHttp to(GmeSimulator sim) {
    return new ControlHttp(sim.httpBaseUri(), null);
  }

  ControlHttp withAuthorization(String header) {
    return new ControlHttp(base, header);
  }

  /** A response with its body parsed as JSON when it is JSON. */
  record Reply(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + body, e);
      }
    }

    String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }
  }

  Reply get(String path) {
    return send("GET", path, null, null);
  }

  Reply post(String path, String json) {
    return send("POST", path, json == null ? null : "application/json", json);
  }

  Reply delete(String path) {
    return send("DELETE", path, null, null);
  }

  Reply send(String method, String path, String contentType, String body) {
    // A path starting with / is taken as it is (e.g. WireMock's own /__admin/mappings).
    HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path : "/__admin/gme/" + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      req.header("Content-Type", contentType);
    }
    if (authorization != null) {
      req.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> r = CLIENT.send(req.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
