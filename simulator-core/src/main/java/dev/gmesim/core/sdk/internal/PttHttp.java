package dev.gmesim.core.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gmesim.core.internal.protocol.VoiceHttp;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulated SDK's HTTP client for voice messages: sends one exchange asynchronously and sorts
 * its outcome into a GME JSON result, the bytes of a download, or a transport failure whose kind
 * decides the GME code the SDK reports.
 *
 * <p>One {@link HttpClient} serves every context in the JVM: the JDK's client cannot be closed
 * before Java 21, so a client per context would leave threads behind until the next GC.
 */
public final class PttHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile HttpClient shared;

  private PttHttp() {}

  /** How an exchange failed below the GME result. */
  public enum Failure {
    /** No response: refused, reset, timed out. */
    NETWORK,
    /** The server closed the connection without any response. */
    EMPTY,
    /** A response arrived but could not be read as a GME result (malformed JSON, broken body). */
    UNDECODABLE,
    /** A 5xx response without a GME result in its body. */
    SERVER
  }

  /**
   * One exchange's outcome: a GME {@code json} result, or the {@code bytes} of a download, or a
   * {@code failure} with a human {@code detail}.
   */
  public record Exchange(JsonNode json, byte[] bytes, Failure failure, String detail, String heldTicket,
      long heldUntil) {
    /** An answer, a file or a failure; see the type. */
    public Exchange(JsonNode json, byte[] bytes, Failure failure, String detail) {
      this(json, bytes, failure, detail, null, -1);
    }

    /**
     * Returns whether the simulator held the exchange on the session's clock ({@code 202} with
     * {@code X-Gme-Held}): resend it with {@code X-Gme-Release} once the clock reaches
     * {@link #heldUntil()}, or never when that is negative (no reply).
     */
    public boolean held() {
      return heldTicket != null;
    }

    /** Returns the GME result code of a JSON answer. */
    public int result() {
      return json.path("result").asInt();
    }

    /** Returns the {@code error_info} of a JSON answer, or an empty string. */
    public String errorInfo() {
      return json.path("error_info").asText("");
    }
  }

  /** Returns the shared client, creating it on first use. */
  public static HttpClient client() {
    HttpClient c = shared;
    if (c == null) {
      synchronized (PttHttp.class) {
        c = shared;
        if (c == null) {
          AtomicInteger n = new AtomicInteger();
          ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gmesim-sdk-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
          c = HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .executor(pool)
              .build();
          shared = c;
        }
      }
    }
    return c;
  }

  /**
   * Sends a request with these headers (null values are left out) and completes with its outcome;
   * never completes exceptionally. {@code binary} says a 200 answer that is not JSON is a file.
   */
  public static CompletableFuture<Exchange> send(String method, URI uri, Map<String, String> headers,
      HttpRequest.BodyPublisher body, Duration timeout, boolean binary) {
    HttpRequest.Builder rb;
    try {
      rb = HttpRequest.newBuilder(uri).timeout(timeout).method(method, body);
    } catch (IllegalArgumentException badUri) {
      return CompletableFuture.completedFuture(new Exchange(null, null, Failure.NETWORK,
          "cannot send to " + uri + ": " + badUri.getMessage()));
    }
    headers.forEach((k, v) -> {
      if (v != null) {
        rb.header(k, v);
      }
    });
    AtomicReference<HttpResponse.ResponseInfo> head = new AtomicReference<>();
    HttpResponse.BodyHandler<byte[]> handler = info -> {
      head.set(info);
      return HttpResponse.BodySubscribers.ofByteArray();
    };
    return client().sendAsync(rb.build(), handler)
        .handle((response, failure) -> failure != null
            ? failed(uri, failure, head.get())
            : answered(uri, response, binary));
  }

  private static Exchange answered(URI uri, HttpResponse<byte[]> response, boolean binary) {
    int status = response.statusCode();
    java.util.Optional<String> ticket = response.headers().firstValue(VoiceHttp.HELD);
    if (status == 202 && ticket.isPresent()) {
      long until = response.headers().firstValue(VoiceHttp.HELD_UNTIL).map(Long::parseLong).orElse(-1L);
      return new Exchange(null, null, null, "held", ticket.get(), until);
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    byte[] body = response.body();
    if (type.startsWith("application/json")) {
      try {
        JsonNode json = JSON.readTree(body);
        if (json != null && json.path("result").isInt()) {
          return new Exchange(json, null, null, "");
        }
        return new Exchange(null, null, Failure.UNDECODABLE, "HTTP " + status + " from " + uri
            + " carries JSON without an integer \"result\"");
      } catch (IOException notJson) {
        return new Exchange(null, null, Failure.UNDECODABLE, "HTTP " + status + " from " + uri
            + " is not valid JSON: " + notJson.getMessage());
      }
    }
    if (binary && status == 200) {
      return new Exchange(null, body, null, "");
    }
    if (status >= 500) {
      return new Exchange(null, null, Failure.SERVER, "HTTP " + status + " from " + uri + " without a GME result");
    }
    return new Exchange(null, null, Failure.UNDECODABLE, "HTTP " + status + " (" + type + ") from " + uri
        + " is not a GME result");
  }

  private static Exchange failed(URI uri, Throwable failure, HttpResponse.ResponseInfo head) {
    Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (head != null) {
      // The status line and headers arrived, then the body broke: an answer that cannot be decoded.
      return new Exchange(null, null, Failure.UNDECODABLE, "the body of HTTP " + head.statusCode() + " from " + uri
          + " broke off: " + t);
    }
    if (t instanceof HttpTimeoutException) {
      return new Exchange(null, null, Failure.NETWORK, "no answer from " + uri + " in time: " + t.getMessage());
    }
    // The JDK reports both as "header parser received no bytes"; the cause tells a reset (a
    // SocketException) from a connection closed in order (an EOFException).
    boolean eof = false;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof java.net.SocketException) {
        return new Exchange(null, null, Failure.NETWORK, "the connection to " + uri + " was reset: " + t);
      }
      eof |= c instanceof EOFException;
    }
    if (eof) {
      return new Exchange(null, null, Failure.EMPTY, uri + " closed the connection without an answer: " + t);
    }
    return new Exchange(null, null, Failure.NETWORK, "the exchange with " + uri + " failed: " + t);
  }
}
