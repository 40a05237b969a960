package dev.gmesim.core.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gmesim.core.internal.protocol.MessageCodec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare-socket client for the room protocol, as a harness in another language would write it. */
final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  RawClient(InetSocketAddress address) throws IOException {
    socket = new Socket(address.getAddress(), address.getPort());
    socket.setSoTimeout(5_000);
    in = new DataInputStream(socket.getInputStream());
    out = new DataOutputStream(socket.getOutputStream());
  }

  /** A client past HELLO (ids 1) and a successful INIT (id 2) of {@code openId} in {@code appId}. */
  static RawClient inited(InetSocketAddress address, String appId, String openId) throws IOException {
    RawClient c = new RawClient(address);
    c.sendJson("{\"id\":1,\"op\":\"HELLO\",\"args\":{\"version\":1}}");
    c.readReply();
    c.sendJson("{\"id\":2,\"op\":\"INIT\",\"args\":{\"appId\":\"" + appId + "\",\"openId\":\"" + openId + "\"}}");
    JsonNode init = c.readReply();
    if (init.path("result").asInt() != 0) {
      c.close();
      throw new IllegalStateException("INIT of " + openId + " failed: " + init);
    }
    return c;
  }

  void sendJson(String json) throws IOException {
    sendFrame(json.getBytes(StandardCharsets.UTF_8));
  }

  void sendFrame(byte[] body) throws IOException {
    out.writeInt(body.length);
    out.write(body);
    out.flush();
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  JsonNode read() throws IOException {
    int len = in.readInt();
    byte[] body = new byte[len];
    in.readFully(body);
    return MessageCodec.mapper().readTree(body);
  }

  /** Reads frames until one is not an event (a reply or an error frame). */
  JsonNode readReply() throws IOException {
    JsonNode n;
    do {
      n = read();
    } while (n.has("event"));
    return n;
  }

  /** Returns true if the server closed the connection (end of stream or reset) before sending more. */
  boolean closedByServer() throws IOException {
    try {
      return in.read() == -1;
    } catch (EOFException | java.net.SocketException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
