package dev.gmesim.core.internal.server;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.security.Authenticator;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who may use the control API: anyone on loopback, only holders of the bearer token, or, when
 * explicitly asked for, anyone on the network. The token itself is kept only as a digest, so it
 * cannot leak through a log line or a heap dump of this object's fields.
 */
public final class AdminAccess {
  /** The shortest admin token accepted, in characters. */
  public static final int MIN_TOKEN_LENGTH = 16;

  /** How the control API is protected. */
  public enum Mode {
    /** Bound to loopback, no token: only processes on this machine can reach it. */
    LOOPBACK,
    /** Every control request needs {@code Authorization: Bearer <token>}. */
    TOKEN,
    /** Bound beyond loopback with no token, on explicit request. */
    INSECURE
  }

  private final Mode mode;
  private final byte[] tokenDigest;

  private AdminAccess(Mode mode, byte[] tokenDigest) {
    this.mode = mode;
    this.tokenDigest = tokenDigest;
  }

  /**
   * Decides the access mode for a bind address, or refuses: a non-loopback bind needs a token or
   * the explicit insecure opt-out. Messages name the setting and the fix, never the token.
   */
  public static AdminAccess decide(InetAddress bind, String token, boolean insecure) {
    if (token != null && insecure) {
      throw new IllegalStateException("GmeSimulator: adminToken and insecureAdmin(true) contradict each other; "
          + "set only the token (CLI --admin-token) to protect the control API, or only insecureAdmin "
          + "(CLI --insecure-admin) to leave it open");
    }
    if (token != null) {
      checkToken(token);
      return new AdminAccess(Mode.TOKEN, digest(token));
    }
    if (insecure) {
      return new AdminAccess(Mode.INSECURE, null);
    }
    if (!bind.isLoopbackAddress()) {
      throw new IllegalStateException("GmeSimulator: bindAddress " + bind.getHostAddress()
          + " is not loopback, so anyone on the network could inject faults and reset the simulator; set an "
          + "admin token (adminToken(...), CLI --admin-token or GMESIM_ADMIN_TOKEN), or on a trusted network "
          + "opt out with insecureAdmin(true) (CLI --insecure-admin)");
    }
    return new AdminAccess(Mode.LOOPBACK, null);
  }

  /** Checks a token's shape; the message gives its length, never its value. */
  public static void checkToken(String token) {
    if (token.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException("admin token is " + token.length() + " characters; use at least "
          + MIN_TOKEN_LENGTH + " random characters, e.g. the output of `openssl rand -hex 32`");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException("admin token has a space, control or non-ASCII character at position "
            + (i + 1) + "; use printable ASCII only (it travels in an HTTP header), e.g. `openssl rand -hex 32`");
      }
    }
  }

  /** Returns the mode. */
  public Mode mode() {
    return mode;
  }

  /** Returns {@code token}, {@code loopback} or {@code insecure}, for the ready line and settings. */
  public String describe() {
    return mode.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns why a control request is refused (a message naming the fix, never the token), or empty
   * when it may proceed.
   */
  public Optional<String> refusal(Request request) {
    if (mode != Mode.TOKEN) {
      return Optional.empty();
    }
    String header = request.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      return Optional.of("missing Authorization header; send Authorization: Bearer <token>, with the token the "
          + "simulator was started with (--admin-token or GMESIM_ADMIN_TOKEN)");
    }
    String h = header.strip();
    int space = h.indexOf(' ');
    String scheme = space < 0 ? h : h.substring(0, space);
    if (!scheme.equalsIgnoreCase("Bearer")) {
      // The scheme is echoed only when it looks like one, so a bare token pasted into the header stays unseen.
      String shown = scheme.length() <= 10 && scheme.chars().allMatch(Character::isLetter) ? scheme + " " : "";
      return Optional.of("Authorization scheme " + shown + "is not accepted; send Authorization: Bearer <token>");
    }
    String presented = h.substring(space + 1).strip();
    // Digests of equal length, compared in constant time: neither content nor length leaks through timing.
    if (!MessageDigest.isEqual(digest(presented), tokenDigest)) {
      return Optional.of("the bearer token does not match; send the token the simulator was started with "
          + "(--admin-token or GMESIM_ADMIN_TOKEN)");
    }
    return Optional.empty();
  }

  /**
   * Returns the authenticator for every {@code /__admin} route (WireMock's own included), or null
   * when none is needed. Paths for which {@code selfGuarded} is true pass here and are checked by
   * the control API itself, which answers 401 with a JSON body naming the fix.
   */
  public Authenticator wireMockAuthenticator(Predicate<String> selfGuarded) {
    if (mode != Mode.TOKEN) {
      return null;
    }
    return request -> {
      String url = request.getUrl();
      int q = url.indexOf('?');
      String path = q < 0 ? url : url.substring(0, q);
      return selfGuarded.test(path) || refusal(request).isEmpty();
    };
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "AdminAccess[" + describe() + "]";
  }
}
