package dev.gmesim.core.fault;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.cloud.ApiErrorCode;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * An adverse action the simulator takes instead of answering a call normally.
 *
 * <pre>{@code
 * Fault auth = Fault.error(GmeErrorCode.AV_ERR_AUTH_FIALD);  // reply with 7006 and GME's errorInfo
 * Fault silent = Fault.noReply();                             // ENTER_ROOM then times out with 1005
 * Fault gateway = Fault.serverError(503);                     // the HTTP side answers 503
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface Fault permits Fault.Error, Fault.NoReply, Fault.Disconnect, Fault.Reset, Fault.Http,
    Fault.ApiError, Fault.NetworkDown, Fault.PoorNetwork {

  /** Returns a short human rendering, such as {@code 7006 AV_ERR_AUTH_FIALD}, {@code no reply} or {@code http 503}. */
  String describe();

  /**
   * Reply with a GME error code and GME's errorInfo text for it.
   *
   * @param code the code to report; never null
   */
  record Error(GmeErrorCode code) implements Fault {

    /** Checks that the code is present. */
    public Error {
      Objects.requireNonNull(code, "Fault.error: code is null; pass a GmeErrorCode such as AV_ERR_AUTH_FIALD");
    }

    @Override
    public String describe() {
      return code.label();
    }
  }

  /**
   * Answer a server-API (TencentCloud API 3.0) call with this error code in GME's envelope: HTTP 200,
   * {@code {"Response":{"Error":{"Code":...,"Message":...},"RequestId":...}}}. Only for {@code SERVER_*} operations.
   *
   * @param code the API 3.0 code; never null
   */
  record ApiError(ApiErrorCode code) implements Fault {

    /** Checks that the code is present. */
    public ApiError {
      Objects.requireNonNull(code, "Fault.apiError: code is null; pass an ApiErrorCode such as REQUEST_LIMIT_EXCEEDED");
    }

    @Override
    public String describe() {
      return code.code();
    }
  }

  /** Stay silent, so the SDK's own timer fires (ENTER_ROOM reports 1005 after 30 s, as GME does). */
  record NoReply() implements Fault {
    @Override
    public String describe() {
      return "no reply";
    }
  }

  /** Close the room connection, which the SDK reports as a disconnect and reconnect attempt. */
  record Disconnect() implements Fault {
    @Override
    public String describe() {
      return "disconnect";
    }
  }

  /**
   * Take the member's network down for {@code outage} of its session's simulated time: the room
   * connection closes, and every reconnect (its INIT) is refused by closing the connection again until
   * the outage ends. Room and device operations only.
   *
   * @param outage how long the network stays down; positive
   */
  record NetworkDown(Duration outage) implements Fault {

    /** Checks that the outage is positive. */
    public NetworkDown {
      if (outage == null) {
        new FaultChecks().refuse("outage", "missing; pass how long the network stays down, such as \"5m\"").done();
      }
      new FaultChecks().positive("outage", outage, "\"5m\"", null).done();
    }

    @Override
    public String describe() {
      return "network down for " + Durations.format(outage);
    }
  }

  /** Abort the TCP connection with a reset (RST) instead of a clean close. */
  record Reset() implements Fault {
    @Override
    public String describe() {
      return "reset";
    }
  }

  /**
   * Fail an HTTP exchange (voice-message upload, download, speech-to-text, auth).
   *
   * <p>{@code status} means something only for {@link HttpFailure#SERVER_ERROR}, where it must be
   * 500 to 599; for the other failures it is stored as 0 so that equal faults compare equal.
   *
   * @param failure how the exchange fails; never null
   * @param status the 5xx status for SERVER_ERROR, else 0
   */
  record Http(HttpFailure failure, int status) implements Fault {

    /** Checks the failure and, for SERVER_ERROR, that the status is a 5xx. */
    public Http {
      Objects.requireNonNull(failure, "Fault.http: failure is null; pass one of Fault.HttpFailure.values()");
      if (failure == HttpFailure.SERVER_ERROR) {
        if (status < 500 || status > 599) {
          new FaultChecks().refuse("status", status, "is outside 500..599", "pass a server-error status in 500..599").done();
        }
      } else {
        status = 0;
      }
    }

    @Override
    public String describe() {
      return failure == HttpFailure.SERVER_ERROR
          ? "http " + status
          : "http " + failure.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * The ways an HTTP exchange can fail. These constant names are Java only: on the wire (rule JSON,
   * {@code X-Gme-Fault}) each is spelled by its {@link #effect()}, such as {@code connectionReset}.
   */
  enum HttpFailure {
    /** The server resets the connection before answering. */
    CONNECTION_RESET,
    /** The server closes the connection without sending a response. */
    EMPTY_RESPONSE,
    /** The server answers 200 with a body the SDK cannot decode. */
    MALFORMED_BODY,
    /** The server answers with a 5xx status. */
    SERVER_ERROR;

    /** Returns the effect, whose {@link Effect#wireName()} is this failure's one spelling on the wire. */
    public Effect effect() {
      return Effect.of(this);
    }
  }

  /**
   * Make the network poor for the room-quality samples it matches ({@code Operation.ROOM_QUALITY}, every
   * 2 s in a room): {@code CHANGE_ROOM_QUALITY} and {@code GetQualityTips()} report {@code loss} percent
   * of lost packets and a delay of 20 ms plus the rule's {@code delay} (sampled per report; the report
   * itself is not delayed), and a {@code weight} below 30 for a poor enough network. On any other
   * operation it has no effect.
   *
   * @param loss the upstream packet loss to report, in percent (0 to 100)
   */
  record PoorNetwork(int loss) implements Fault {

    /** Checks that the loss is a percentage. */
    public PoorNetwork {
      if (loss < 0 || loss > 100) {
        new FaultChecks().refuse("loss", loss, "is outside 0..100", "pass the packet loss in percent, 0 to 100, e.g. 30")
            .done();
      }
    }

    @Override
    public String describe() {
      return "poor network (" + loss + "% loss)";
    }
  }

  /** Returns a fault that makes the network poor for room-quality samples, with this packet loss in percent. */
  static Fault poorNetwork(int loss) {
    return new PoorNetwork(loss);
  }

  /** Returns a fault that replies with this GME error code. */
  static Fault error(GmeErrorCode code) {
    return new Error(code);
  }

  /** Returns a fault that answers a server-API call with this API 3.0 code. */
  static Fault apiError(ApiErrorCode code) {
    return new ApiError(code);
  }

  /** Returns a fault that leaves the call unanswered. */
  static Fault noReply() {
    return new NoReply();
  }

  /** Returns a fault that closes the room connection. */
  static Fault disconnect() {
    return new Disconnect();
  }

  /** Returns a fault that takes the member's network down for {@code outage} (simulated). */
  static Fault networkDown(Duration outage) {
    return new NetworkDown(outage);
  }

  /** Returns a fault that resets the TCP connection. */
  static Fault reset() {
    return new Reset();
  }

  /** Returns an HTTP fault; {@link HttpFailure#SERVER_ERROR} answers 500 (use {@link #serverError(int)} for another 5xx). */
  static Fault http(HttpFailure failure) {
    return new Http(failure, failure == HttpFailure.SERVER_ERROR ? 500 : 0);
  }

  /** Returns an HTTP fault that answers with this 5xx status. */
  static Fault serverError(int status) {
    return new Http(HttpFailure.SERVER_ERROR, status);
  }
}
