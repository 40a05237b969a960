package dev.gmesim.core.fault;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a fault does, by the one name it has on the wire: the {@code effect} of rule JSON and
 * profiles, the {@code X-Gme-Fault} header values, metric labels and drill counters.
 *
 * <p>Names are frozen at 0.1.0. The reader takes them case-insensitively; other spellings (the
 * Java constant {@code CONNECTION_RESET}, the WireMock name {@code CONNECTION_RESET_BY_PEER}) are
 * refused with a message that names the wire name, see {@link #renamed(String)}.
 *
 * @since 0.1
 */
public enum Effect {
  /** Reply with a GME error code ({@link Fault#error}). */
  ERROR("error"),
  /** Stay silent so the SDK's timer fires ({@link Fault#noReply}). */
  NO_REPLY("noReply"),
  /** Close the room connection ({@link Fault#disconnect}). */
  DISCONNECT("disconnect"),
  /** Abort the room connection with a TCP reset ({@link Fault#reset}). */
  RESET("reset"),
  /** Take the member's network down for a while: refuse its reconnects ({@link Fault#networkDown}). */
  NETWORK_DOWN("networkDown"),
  /** Reset an HTTP exchange before answering ({@link Fault.HttpFailure#CONNECTION_RESET}). */
  CONNECTION_RESET("connectionReset"),
  /** Close an HTTP exchange without a response ({@link Fault.HttpFailure#EMPTY_RESPONSE}). */
  EMPTY_RESPONSE("emptyResponse"),
  /** Answer 200 with a body the SDK cannot decode ({@link Fault.HttpFailure#MALFORMED_BODY}). */
  MALFORMED_BODY("malformedBody"),
  /** Answer with a 5xx status ({@link Fault#serverError}). */
  SERVER_ERROR("serverError"),
  /** Answer a server-API call with an API 3.0 error code ({@link Fault#apiError}). */
  API_ERROR("apiError"),
  /** Make the network poor for room-quality samples ({@link Fault#poorNetwork}). */
  POOR_NETWORK("poorNetwork");

  /** Spellings used before 0.1.0 on some surface, mapped to the effect that replaced them. */
  private static final Map<String, Effect> RENAMED = Map.of(
      "CONNECTION_RESET_BY_PEER", CONNECTION_RESET,
      "MALFORMED_RESPONSE_CHUNK", MALFORMED_BODY);

  private static final List<String> WIRE_NAMES = Arrays.stream(values()).map(Effect::wireName).toList();

  private final String wireName;

  Effect(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the name on the wire, such as {@code connectionReset}. */
  public String wireName() {
    return wireName;
  }

  /** Returns every wire name, in declaration order (the order the docs list them). */
  public static List<String> wireNames() {
    return WIRE_NAMES;
  }

  /** Returns the effect with this wire name, compared case-insensitively; empty for any other text. */
  public static Optional<Effect> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.strip();
    return Arrays.stream(values()).filter(e -> e.wireName.equalsIgnoreCase(wanted)).findFirst();
  }

  /**
   * Returns the effect an old or Java-style spelling stands for ({@code CONNECTION_RESET},
   * {@code CONNECTION_RESET_BY_PEER}, {@code MALFORMED_RESPONSE_CHUNK}, {@code no_reply}), so a
   * reader can refuse it naming the wire name; empty when the text is no such spelling.
   */
  public static Optional<Effect> renamed(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String upper = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    Effect old = RENAMED.get(upper);
    if (old != null) {
      return Optional.of(old);
    }
    String squashed = upper.replace("_", "");
    return Arrays.stream(values())
        .filter(e -> !e.wireName.equalsIgnoreCase(name.strip()) && e.wireName.toUpperCase(Locale.ROOT).equals(squashed))
        .findFirst();
  }

  /** Returns the effect of this fault; never null. */
  public static Effect of(Fault fault) {
    if (fault instanceof Fault.Error) {
      return ERROR;
    } else if (fault instanceof Fault.ApiError) {
      return API_ERROR;
    } else if (fault instanceof Fault.NoReply) {
      return NO_REPLY;
    } else if (fault instanceof Fault.Disconnect) {
      return DISCONNECT;
    } else if (fault instanceof Fault.Reset) {
      return RESET;
    } else if (fault instanceof Fault.NetworkDown) {
      return NETWORK_DOWN;
    } else if (fault instanceof Fault.Http h) {
      return of(h.failure());
    } else if (fault instanceof Fault.PoorNetwork) {
      return POOR_NETWORK;
    }
    throw new IllegalArgumentException("Effect.of: no effect for " + fault + "; pass a Fault made by Fault's factories");
  }

  /** Returns the effect of this HTTP failure; never null. */
  public static Effect of(Fault.HttpFailure failure) {
    return switch (failure) {
      case CONNECTION_RESET -> CONNECTION_RESET;
      case EMPTY_RESPONSE -> EMPTY_RESPONSE;
      case MALFORMED_BODY -> MALFORMED_BODY;
      case SERVER_ERROR -> SERVER_ERROR;
    };
  }
}
