package dev.gmesim.junit5;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A running simulator (a {@code java -jar} process or the container) that the tests should use
 * instead of an embedded one, named by the {@code gmesim.url} JUnit configuration parameter or
 * system property, or the {@code GMESIM_URL} environment variable; the admin token likewise by
 * {@code gmesim.token} or {@code GMESIM_TOKEN}.
 *
 * @param url the simulator's HTTP base URI, e.g. {@code http://127.0.0.1:7301}
 * @param token the control API's bearer token, or null
 * @param room the room gateway's address as reachable from here, or null to take the simulator's
 *     reported room port on the URL's host (a container with a remapped port needs it)
 */
record RemoteTarget(URI url, String token, InetSocketAddress room) {
  static final String URL_PROPERTY = "gmesim.url";
  static final String URL_ENV = "GMESIM_URL";
  static final String TOKEN_PROPERTY = "gmesim.token";
  static final String TOKEN_ENV = "GMESIM_TOKEN";

  /** Reads the target, if one is set; a malformed URL fails with the value and the expected form. */
  static Optional<RemoteTarget> from(ExtensionContext context, Function<String, String> environment) {
    String url = setting(context, environment, URL_PROPERTY, URL_ENV);
    if (url == null) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null
        || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
      throw new ExtensionConfigurationException(URL_PROPERTY + " / " + URL_ENV + " '" + url
          + "' is not an http(s) URL; set it to the simulator's HTTP address, e.g. http://127.0.0.1:7301, or unset it"
          + " to run against an embedded simulator");
    }
    return Optional.of(new RemoteTarget(uri, setting(context, environment, TOKEN_PROPERTY, TOKEN_ENV), null));
  }

  private static String setting(ExtensionContext context, Function<String, String> environment, String property,
      String variable) {
    // getConfigurationParameter also falls back to system properties and junit-platform.properties.
    String value = context.getConfigurationParameter(property).orElseGet(() -> environment.apply(variable));
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Returns the URL with the token masked, for messages. */
  @Override
  public String toString() {
    return url + (token == null ? "" : " (token set)");
  }
}
