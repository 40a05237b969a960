package dev.gmesim.core.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.internal.protocol.MessageCodec;
import dev.gmesim.core.sdk.GmeEvent;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payload a game reads from an event: the same Java values Jackson's own conversion gives, in the same order. */
class EventsTest {
  private static JsonNode json(String text) throws Exception {
    return MessageCodec.mapper().readTree(text);
  }

  @Test
  void fieldsGiveTheValuesJacksonsConversionGives() throws Exception {
    JsonNode data = json("{\"roomId\":\"lobby\",\"roomType\":2,\"big\":12345678901,\"huge\":123456789012345678901234,"
        + "\"ratio\":0.5,\"whole\":3.0,\"ok\":true,\"none\":null,\"user_list\":[\"1\",\"2\"],"
        + "\"nested\":{\"a\":[1,{\"b\":false}]}}");
    @SuppressWarnings("unchecked")
    Map<String, Object> jackson = MessageCodec.mapper().convertValue(data, LinkedHashMap.class);

    Map<String, Object> ours = Events.fields(data);

    assertThat(ours).containsExactlyEntriesOf(jackson);
    assertThat(ours.get("roomType")).isInstanceOf(Integer.class);
    assertThat(ours.get("big")).isEqualTo(12345678901L);
    assertThat(ours.get("huge")).isEqualTo(new BigInteger("123456789012345678901234"));
    assertThat(ours.get("whole")).isEqualTo(3.0);
    assertThat(ours.get("nested")).isEqualTo(Map.of("a", List.of(1, Map.of("b", false))));
  }

  @Test
  void aResultEventPutsResultAndErrorInfoFirstAndTheExtraLast() throws Exception {
    GmeEvent e = Events.result(GmeEventType.ENTER_ROOM, 7006, null,
        json("{\"result\":0,\"roomId\":\"lobby\",\"elapsed_ms\":1}"), "elapsed_ms", 30_000L);

    assertThat(e.data().keySet()).containsExactly("result", "error_info", "roomId", "elapsed_ms");
    assertThat(e.result()).as("the reply's own result, not a data field").isEqualTo(7006);
    assertThat(e.errorInfo()).isEmpty();
    assertThat(e.getLongExtra("elapsed_ms", -1)).isEqualTo(30_000L);
    assertThat(Events.fields((JsonNode) null)).isEmpty();
  }
}
