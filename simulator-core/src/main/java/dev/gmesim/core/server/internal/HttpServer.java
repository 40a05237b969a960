package dev.gmesim.core.server.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.security.Authenticator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/**
 * The simulator's HTTP side: an embedded WireMock (the standalone artifact) that serves GME's
 * voice-message endpoints and the control API under {@code /__admin/gme/}, through extensions.
 */
public final class HttpServer implements AutoCloseable {
  private final WireMockServer server;
  private final InetAddress bindAddress;

  private HttpServer(WireMockServer server, InetAddress bindAddress) {
    this.server = server;
    this.bindAddress = bindAddress;
  }

  /**
   * Starts WireMock on {@code bindAddress:port} (0 picks a free port) with the given extensions;
   * {@code adminAuthenticator} guards every {@code /__admin} route, or null for none.
   */
  public static HttpServer start(InetAddress bindAddress, int port, List<Extension> extensions,
      Authenticator adminAuthenticator, String mappingsClasspathRoot) throws IOException {
    WireMockConfiguration options = WireMockConfiguration.options()
        .port(port)
        .bindAddress(bindAddress.getHostAddress())
        // WireMock's own journal grows without bound; the simulator keeps its own bounded one.
        .disableRequestJournal()
        // WireMock builds a log text of every request and response (a 2 MiB download in base64) even when the
        // notifier drops it; the simulator's journal records calls instead.
        .stubRequestLoggingDisabled(true)
        .notifier(new Slf4jNotifier(false))
        // Delayed answers (fault delays) are scheduled instead of sleeping on a Jetty thread.
        .asynchronousResponseEnabled(true)
        .asynchronousResponseThreads(2)
        .extensions(extensions.toArray(Extension[]::new));
    if (mappingsClasspathRoot != null) {
      options.usingFilesUnderClasspath(mappingsClasspathRoot);
    }
    if (adminAuthenticator != null) {
      options.adminAuthenticator(adminAuthenticator);
    }
    WireMockServer server = new WireMockServer(options);
    try {
      server.start();
    } catch (RuntimeException e) {
      server.stop();
      throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
    return new HttpServer(server, bindAddress);
  }

  /** Returns the bound address, with the real port. */
  public InetSocketAddress address() {
    return new InetSocketAddress(bindAddress, server.port());
  }

  /** Returns {@code http://host:port} for the bound address (loopback when bound to all interfaces). */
  public URI baseUri() {
    InetAddress shown = bindAddress.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bindAddress;
    String host = shown.getHostAddress().contains(":") ? "[" + shown.getHostAddress() + "]" : shown.getHostAddress();
    return URI.create("http://" + host + ":" + server.port());
  }

  /** Returns the embedded WireMock, for registering stubs. */
  public WireMockServer wireMock() {
    return server;
  }

  /** Stops WireMock and its threads. */
  @Override
  public void close() {
    server.stop();
  }
}
