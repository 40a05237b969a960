package dev.gmesim.core.internal.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One frame of the room protocol: a request from the SDK, the server's reply, an event the server
 * pushes, or an error frame that precedes the server closing a misbehaving connection.
 *
 * <p>On the wire each is a JSON object behind a 4-byte big-endian length; see
 * {@code docs/protocol.md}.
 */
public sealed interface Message {

  /** A call from the SDK: {@code {"id": 7, "op": "ENTER_ROOM", "args": {...}}}. */
  record Request(long id, String op, ObjectNode args) implements Message {
    /** Normalises absent arguments to an empty object. */
    public Request {
      args = args == null ? JsonNodeFactory.instance.objectNode() : args;
    }

    /** A request for the op of {@code args}, written by {@link ArgsCodec}. */
    public static Request of(long id, RoomArgs args) {
      return new Request(id, args.op(), ArgsCodec.write(args));
    }
  }

  /** The answer to one request: {@code {"id": 7, "result": 0, "errorInfo": "", "data": {...}}}. */
  record Reply(long id, int result, String errorInfo, ObjectNode data) implements Message {
    /** Normalises absent fields. */
    public Reply {
      errorInfo = errorInfo == null ? "" : errorInfo;
      data = data == null ? JsonNodeFactory.instance.objectNode() : data;
    }

    /** A success whose {@code data} is a typed record, written by {@link ArgsCodec}. */
    public static Reply ok(long id, RoomData data) {
      return new Reply(id, 0, "", ArgsCodec.write(data));
    }
  }

  /** An event the server pushes at any time: {@code {"event": "USER_UPDATE", "data": {...}}}. */
  record Event(String event, ObjectNode data) implements Message {
    /** Normalises absent data. */
    public Event {
      data = data == null ? JsonNodeFactory.instance.objectNode() : data;
    }

    /** An event whose {@code data} is a typed record, written by {@link ArgsCodec}. */
    public static Event of(String event, RoomData data) {
      return new Event(event, ArgsCodec.write(data));
    }
  }

  /** Sent before the server closes a connection that broke the protocol: {@code {"error": {"code": ..., "message": ...}}}. */
  record ErrorFrame(String code, String message) implements Message {}
}
