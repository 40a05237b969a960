package dev.gmesim.junit5;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeEvent;
import java.time.Duration;
import java.util.Objects;

/**
 * Assertions on the simulated SDK's events that say, when they fail, which events did arrive.
 * {@link #awaitEvent} blocks for the next event of a type; {@link #assertEventSeen} checks what
 * has arrived so far and fits Awaitility's {@code untilAsserted}, whose timeout message then
 * carries the events seen.
 *
 * <pre>{@code
 * gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, authBuffer);
 * GmeAssertions.awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(GmeErrorCode.AV_ERR_AUTH_FIALD);
 *
 * // or, polling, with Awaitility:
 * await().atMost(Duration.ofSeconds(2))
 *     .untilAsserted(() -> GmeAssertions.assertEventSeen(events, GmeEventType.ENTER_ROOM, 7006));
 * // on timeout: ... No ENTER_ROOM event with result 7006 AV_ERR_AUTH_FIALD; events seen: [USER_UPDATE{...}] within 2 seconds.
 * }</pre>
 *
 * @since 0.1
 */
public final class GmeAssertions {
  private GmeAssertions() {}

  /**
   * Waits up to 5 s (wall clock) for the next event of {@code type}, skipping others, and returns
   * assertions on it; a timeout fails with {@code No ENTER_ROOM event within 5s; events seen: [...]}.
   */
  public static EventAssert awaitEvent(EventRecorder events, GmeEventType type) {
    return awaitEvent(events, type, EventRecorder.DEFAULT_TIMEOUT);
  }

  /** Waits up to {@code timeout} for the next event of {@code type}; see {@link #awaitEvent(EventRecorder, GmeEventType)}. */
  public static EventAssert awaitEvent(EventRecorder events, GmeEventType type, Duration timeout) {
    Objects.requireNonNull(events, "awaitEvent: events is null; ask for an EventRecorder parameter");
    return new EventAssert(events.await(type, timeout));
  }

  /** Returns assertions on an event already at hand. */
  public static EventAssert assertEvent(GmeEvent event) {
    return new EventAssert(Objects.requireNonNull(event, "assertEvent: event is null"));
  }

  /** Passes if an event of {@code type} has arrived; otherwise fails listing the events seen. */
  public static void assertEventSeen(EventRecorder events, GmeEventType type) {
    if (events.events(type).isEmpty()) {
      throw new AssertionError("No " + type + " event; events seen: " + events.events());
    }
  }

  /** Passes if an event of {@code type} with this result has arrived; otherwise fails listing the events seen. */
  public static void assertEventSeen(EventRecorder events, GmeEventType type, int result) {
    if (events.events(type).stream().noneMatch(e -> e.result() == result)) {
      throw new AssertionError("No " + type + " event with result " + describe(result) + "; events seen: "
          + events.events());
    }
  }

  /** Renders a result as messages show it: {@code 0 (success)}, {@code 7006 AV_ERR_AUTH_FIALD}, or the bare number. */
  static String describe(int result) {
    if (result == 0) {
      return "0 (success)";
    }
    return GmeErrorCode.byValue(result).map(GmeErrorCode::label).orElse(String.valueOf(result));
  }

  /** Fluent checks on one event; each failure names the event and shows it whole. */
  public static final class EventAssert {
    private final GmeEvent event;

    private EventAssert(GmeEvent event) {
      this.event = event;
    }

    /** Checks the event's {@code result}. */
    public EventAssert hasResult(int expected) {
      if (event.result() != expected) {
        throw new AssertionError(event.type() + " result: expected " + describe(expected) + " but was "
            + describe(event.result()) + "; event: " + event);
      }
      return this;
    }

    /** Checks the event's {@code result} against a catalog code. */
    public EventAssert hasResult(GmeErrorCode expected) {
      return hasResult(expected.value());
    }

    /** Checks that the event reports success (result 0). */
    public EventAssert succeeded() {
      return hasResult(0);
    }

    /** Checks that {@code error_info} contains this text. */
    public EventAssert hasErrorInfoContaining(String text) {
      if (!event.errorInfo().contains(text)) {
        throw new AssertionError(event.type() + " error_info: expected it to contain '" + text + "' but was '"
            + event.errorInfo() + "'");
      }
      return this;
    }

    /** Checks the simulated milliseconds the event reports ({@code elapsed_ms}), e.g. 30 000 for GME's timeout. */
    public EventAssert hasElapsedMillis(long expected) {
      if (event.elapsedMillis() != expected) {
        throw new AssertionError(event.type() + " elapsed_ms: expected " + expected + " but was "
            + event.elapsedMillis() + "; event: " + event);
      }
      return this;
    }

    /** Returns the event, for checks of your own. */
    public GmeEvent event() {
      return event;
    }
  }
}
