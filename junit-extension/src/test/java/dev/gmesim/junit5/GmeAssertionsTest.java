package dev.gmesim.junit5;

import static dev.gmesim.junit5.GmeAssertions.assertEvent;
import static dev.gmesim.junit5.GmeAssertions.assertEventSeen;
import static dev.gmesim.junit5.GmeAssertions.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Event assertions read well and, when they fail, say which events did arrive. */
class GmeAssertionsTest {

  static GmeEvent event(GmeEventType type, int result, long elapsedMs) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("result", result);
    data.put("error_info", result == 0 ? "" : GmeErrorCode.byValue(result).map(GmeErrorCode::errorInfo).orElse(""));
    data.put("elapsed_ms", elapsedMs);
    return new GmeEvent(type, data);
  }

  static EventRecorder recorderWith(GmeEvent... events) {
    EventRecorder recorder = new EventRecorder();
    for (GmeEvent e : events) {
      recorder.onEvent(e.type(), e);
    }
    return recorder;
  }

  @Nested
  class AwaitEvent {
    @Test
    void passesOnTheExpectedResultAndChains() {
      EventRecorder events = recorderWith(event(GmeEventType.ENTER_ROOM, 1005, 30_000));
      assertThat(awaitEvent(events, GmeEventType.ENTER_ROOM)
          .hasResult(GmeErrorCode.AV_ERR_TIMEOUT).hasElapsedMillis(30_000).hasErrorInfoContaining("AV_ERR_TIMEOUT")
          .event().type()).isEqualTo(GmeEventType.ENTER_ROOM);
    }

    @Test
    void aWrongResultNamesBothCodesAndShowsTheEvent() {
      GmeEvent entered = event(GmeEventType.ENTER_ROOM, 0, 12);
      assertThatThrownBy(() -> assertEvent(entered).hasResult(7006))
          .isInstanceOf(AssertionError.class)
          .hasMessage("ENTER_ROOM result: expected 7006 AV_ERR_AUTH_FIALD but was 0 (success); event: " + entered);
    }

    @Test
    void aWrongElapsedTimeAndErrorInfoAreNamed() {
      GmeEvent entered = event(GmeEventType.ENTER_ROOM, 1005, 29_000);
      assertThatThrownBy(() -> assertEvent(entered).hasElapsedMillis(30_000))
          .hasMessageStartingWith("ENTER_ROOM elapsed_ms: expected 30000 but was 29000");
      assertThatThrownBy(() -> assertEvent(entered).hasErrorInfoContaining("FIALD"))
          .hasMessageStartingWith("ENTER_ROOM error_info: expected it to contain 'FIALD' but was 'AV_ERR_TIMEOUT: ");
    }

    @Test
    void aTimeoutListsTheEventsSeen() {
      EventRecorder events = recorderWith(event(GmeEventType.EXIT_ROOM, 0, 5));
      assertThatThrownBy(() -> awaitEvent(events, GmeEventType.ENTER_ROOM, Duration.ofMillis(50)))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("No ENTER_ROOM event within 50ms; events seen: [EXIT_ROOM{result=0");
    }
  }

  @Nested
  class WithAwaitility {
    @Test
    void untilAssertedPassesOnceTheEventArrives() {
      EventRecorder events = new EventRecorder();
      Thread later = new Thread(() -> events.onEvent(GmeEventType.ENTER_ROOM, event(GmeEventType.ENTER_ROOM, 7006, 40)));
      later.start();
      await().atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertEventSeen(events, GmeEventType.ENTER_ROOM, 7006));
    }

    @Test
    void theTimeoutMessageCarriesTheEventsSeen() {
      EventRecorder events = recorderWith(event(GmeEventType.ENTER_ROOM, 0, 40));
      assertThatThrownBy(() -> await().atMost(Duration.ofMillis(200))
          .untilAsserted(() -> assertEventSeen(events, GmeEventType.ENTER_ROOM, 7006)))
          .isInstanceOf(ConditionTimeoutException.class)
          .hasMessageContaining("No ENTER_ROOM event with result 7006 AV_ERR_AUTH_FIALD; events seen: [ENTER_ROOM{result=0");
    }

    @Test
    void anyEventOfATypeCanBeAwaited() {
      EventRecorder events = recorderWith(event(GmeEventType.USER_UPDATE, 0, 0));
      assertEventSeen(events, GmeEventType.USER_UPDATE);
      assertThatThrownBy(() -> assertEventSeen(events, GmeEventType.ROOM_DISCONNECT))
          .hasMessage("No ROOM_DISCONNECT event; events seen: " + events.events());
    }
  }
}
