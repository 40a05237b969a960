package dev.gmesim.core.internal.server;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.http.client.ApacheHttpClientFactory;
import com.github.tomakehurst.wiremock.http.client.HttpClient;
import com.github.tomakehurst.wiremock.http.client.HttpClientFactory;
import com.github.tomakehurst.wiremock.http.client.LazyHttpClient;
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
    return prepare(bindAddress, port, extensions, adminAuthenticator, mappingsClasspathRoot).listen();
  }

  /**
   * Builds WireMock without listening yet; {@link #listen()} opens the port. Building is most of
   * WireMock's start-up cost, so the simulator does it while its room gateway binds.
   */
  public static HttpServer prepare(InetAddress bindAddress, int port, List<Extension> extensions,
      Authenticator adminAuthenticator, String mappingsClasspathRoot) {
    WireMockConfiguration options = WireMockConfiguration.options()
        .port(port)
        .bindAddress(bindAddress.getHostAddress())
        // WireMock's own journal grows without bound; the simulator keeps its own bounded one.
        .disableRequestJournal()
        // WireMock builds a log text of every request and response (a 2 MiB download in base64) even when the
        // notifier drops it; the simulator's journal records calls instead.
        .stubRequestLoggingDisabled(true)
        .notifier(new Slf4jNotifier(false))
        // GME's HTTP APIs are JSON and binary; eagerly wiring XML parser factories is a large share
        // of WireMock's start-up. XML matching still works, only with the JDK's lazy factory lookup.
        .disableOptimizeXmlFactoriesLoading(true)
        // WireMock builds its proxy HTTP clients (Apache HttpClient, TLS trust material) at start;
        // the simulator never proxies, so they are built on first use instead.
        .httpClientFactory(new LazyProxyClients())
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
    return new HttpServer(new WireMockServer(options), bindAddress);
  }

  /** Opens the port of a {@link #prepare prepared} server and returns it. */
  public HttpServer listen() throws IOException {
    try {
      server.start();
    } catch (RuntimeException e) {
      server.stop();
      throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
    return this;
  }

  /** Builds WireMock's proxy clients on the first proxied request rather than at start-up. */
  private static final class LazyProxyClients implements HttpClientFactory {
    @Override
    public HttpClient buildHttpClient(Options options, boolean trustAllCertificates, List<String> trustedHosts,
        boolean useSystemProperties) {
      return new LazyHttpClient(() -> new ApacheHttpClientFactory()
          .buildHttpClient(options, trustAllCertificates, trustedHosts, useSystemProperties));
    }
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
