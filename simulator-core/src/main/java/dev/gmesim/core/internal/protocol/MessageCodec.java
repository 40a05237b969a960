package dev.gmesim.core.internal.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * Turns {@link Message}s into the JSON of one frame and back, refusing anything that is not one
 * of the four message shapes.
 */
public final class MessageCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MessageCodec() {}

  /** Returns the shared mapper, for building argument and data objects. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Returns the JSON object of an event's or a reply's fields, as {@code mapper().valueToTree(fields)}
   * would, built directly for the plain values the world hands out (strings, numbers, booleans, lists
   * and maps of them); anything else goes through the mapper. valueToTree runs a serializer per call,
   * which cost more than the rest of building a reply.
   */
  public static ObjectNode tree(Map<String, ?> fields) {
    ObjectNode node = MAPPER.createObjectNode();
    fields.forEach((name, value) -> node.set(name, value(value)));
    return node;
  }

  private static JsonNode value(Object v) {
    JsonNodeFactory f = MAPPER.getNodeFactory();
    if (v == null) {
      return f.nullNode();
    } else if (v instanceof String s) {
      return f.textNode(s);
    } else if (v instanceof Integer i) {
      return f.numberNode(i);
    } else if (v instanceof Long l) {
      return f.numberNode(l);
    } else if (v instanceof Boolean b) {
      return f.booleanNode(b);
    } else if (v instanceof Double d) {
      return f.numberNode(d);
    } else if (v instanceof Collection<?> c) {
      ArrayNode a = f.arrayNode(c.size());
      c.forEach(e -> a.add(value(e)));
      return a;
    } else if (v instanceof Map<?, ?> m) {
      ObjectNode o = f.objectNode();
      m.forEach((k, e) -> o.set(String.valueOf(k), value(e)));
      return o;
    }
    return MAPPER.valueToTree(v);
  }

  /** Encodes a message as the UTF-8 JSON of one frame (without the length prefix). */
  public static byte[] encode(Message message) {
    ObjectNode node = MAPPER.createObjectNode();
    // Java 17: no pattern matching in switch, so an instanceof chain over the sealed type.
    if (message instanceof Message.Request r) {
      node.put("id", r.id());
      node.put("op", r.op());
      node.set("args", r.args());
    } else if (message instanceof Message.Reply r) {
      node.put("id", r.id());
      node.put("result", r.result());
      node.put("errorInfo", r.errorInfo());
      node.set("data", r.data());
    } else if (message instanceof Message.Event e) {
      node.put("event", e.event());
      node.set("data", e.data());
    } else if (message instanceof Message.ErrorFrame e) {
      ObjectNode err = node.putObject("error");
      err.put("code", e.code());
      err.put("message", e.message());
    }
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + message, e);
    }
  }

  /** Decodes one frame's JSON; throws {@link ProtocolException} naming what is wrong and the expected shape. */
  public static Message decode(byte[] json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ProtocolException("MALFORMED_FRAME",
          "frame is not valid JSON (" + firstLine(e.getOriginalMessage()) + "); send a UTF-8 JSON object such as "
              + "{\"id\":1,\"op\":\"HELLO\",\"args\":{}}");
    } catch (IOException e) {
      throw new ProtocolException("MALFORMED_FRAME", "frame could not be read as JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new ProtocolException("MALFORMED_FRAME",
          "frame is not a JSON object; send {\"id\":1,\"op\":\"HELLO\",\"args\":{}}");
    }
    if (node.has("op")) {
      JsonNode id = node.get("id");
      JsonNode op = node.get("op");
      if (id == null || !id.canConvertToLong() || !id.isIntegralNumber()) {
        throw new ProtocolException("MALFORMED_FRAME", "request \"id\" must be an integer; got " + id);
      }
      if (!op.isTextual() || op.asText().isEmpty()) {
        throw new ProtocolException("MALFORMED_FRAME", "request \"op\" must be a non-empty string; got " + op);
      }
      JsonNode args = node.get("args");
      if (args != null && !args.isNull() && !args.isObject()) {
        throw new ProtocolException("MALFORMED_FRAME", "request \"args\" must be a JSON object; got " + args);
      }
      return new Message.Request(id.asLong(), op.asText(), args instanceof ObjectNode o ? o : null);
    }
    if (node.has("result")) {
      return new Message.Reply(node.path("id").asLong(), node.path("result").asInt(),
          node.path("errorInfo").asText(""), node.get("data") instanceof ObjectNode o ? o : null);
    }
    if (node.has("event")) {
      return new Message.Event(node.path("event").asText(), node.get("data") instanceof ObjectNode o ? o : null);
    }
    if (node.has("error")) {
      return new Message.ErrorFrame(node.path("error").path("code").asText(),
          node.path("error").path("message").asText());
    }
    throw new ProtocolException("MALFORMED_FRAME",
        "frame has none of \"op\", \"result\", \"event\", \"error\"; a request looks like "
            + "{\"id\":1,\"op\":\"ENTER_ROOM\",\"args\":{\"roomId\":\"r1\",\"roomType\":1}}");
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
