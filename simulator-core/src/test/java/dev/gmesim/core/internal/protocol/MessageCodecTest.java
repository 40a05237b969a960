package dev.gmesim.core.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON a client reads from the world's event and reply fields: what Jackson's own tree conversion writes. */
class MessageCodecTest {
  record Position(int x, int y) {}

  @Test
  void treeWritesWhatValueToTreeWrites() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("event_id", 5);
    fields.put("user_list", List.of("10001", "10002"));
    fields.put("duration_ms", 3_000_000_000L);
    fields.put("weight", 0.75);
    fields.put("ok", true);
    fields.put("reason", null);
    fields.put("nested", Map.of("levels", Arrays.asList(1, null, 2L)));
    // Not a plain value: the mapper decides, as before.
    fields.put("position", new Position(1, -2));

    assertThat(MessageCodec.tree(fields)).isEqualTo(MessageCodec.mapper().valueToTree(fields));
    assertThat(new String(MessageCodec.encode(new Message.Event("USER_UPDATE", MessageCodec.tree(fields)))))
        .startsWith("{\"event\":\"USER_UPDATE\",\"data\":{\"event_id\":5,\"user_list\":[\"10001\",\"10002\"],"
            + "\"duration_ms\":3000000000,\"weight\":0.75,\"ok\":true,\"reason\":null,");
  }
}
