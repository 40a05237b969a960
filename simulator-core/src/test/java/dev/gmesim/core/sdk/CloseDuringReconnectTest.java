package dev.gmesim.core.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gmesim.core.internal.protocol.MessageCodec;
import dev.gmesim.core.server.GmeSimulator;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A context closed while its background reconnect waits for the server's HELLO reply must not
 * leave the new connection behind: nobody would close it, and its heartbeat would keep it alive
 * for as long as any other context keeps the SDK's threads running.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CloseDuringReconnectTest {

  @Test
  void closingWhileTheReconnectWaitsForHelloClosesTheNewConnection() throws Exception {
    try (GmeSimulator sim = GmeSimulator.builder().start();
        // Another context keeps the shared SDK threads alive, as in a test run with many contexts.
        GmeContext keeper = GmeContext.builder().room(sim.roomAddress()).build();
        DroppingServer server = new DroppingServer()) {
      GmeContext gme = GmeContext.builder().room(server.address()).build();
      // The server drops the first connection; the SDK reconnects and sends HELLO again.
      assertThat(server.secondHello.await(10, TimeUnit.SECONDS)).as("the SDK reconnected").isTrue();
      gme.close();
      server.answerSecondHello.countDown();
      assertThat(server.secondConnectionEnd.get(20, TimeUnit.SECONDS))
          .as("how the reconnected connection ended after close()")
          .isEqualTo("closed by the client");
    }
  }

  /**
   * A room server that answers the first HELLO and then drops the connection; on the second
   * connection it answers HELLO only when the test says so, then reports whether the client
   * closes that connection or keeps it open (sending heartbeats) for five seconds.
   */
  private static final class DroppingServer implements AutoCloseable {
    final CountDownLatch secondHello = new CountDownLatch(1);
    final CountDownLatch answerSecondHello = new CountDownLatch(1);
    final CompletableFuture<String> secondConnectionEnd = new CompletableFuture<>();
    private final ServerSocket socket;
    private final Thread thread;

    DroppingServer() throws IOException {
      socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
      thread = new Thread(this::serve, "dropping-room-server");
      thread.setDaemon(true);
      thread.start();
    }

    InetSocketAddress address() {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    private void serve() {
      try {
        try (Socket first = socket.accept()) {
          answerHello(first);
        }
        try (Socket second = socket.accept()) {
          JsonNode hello = read(second);
          secondHello.countDown();
          answerSecondHello.await();
          reply(second, hello);
          // Heartbeats may arrive meanwhile; only the end of the stream counts as closed.
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
          try {
            while (true) {
              long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
              if (left <= 0) {
                throw new SocketTimeoutException();
              }
              second.setSoTimeout((int) left);
              read(second);
            }
          } catch (EOFException | SocketException closed) {
            secondConnectionEnd.complete("closed by the client");
          } catch (SocketTimeoutException open) {
            secondConnectionEnd.complete("still open 5 s after close()");
          }
        }
      } catch (IOException | InterruptedException e) {
        secondConnectionEnd.completeExceptionally(e);
      }
    }

    private static void answerHello(Socket s) throws IOException {
      reply(s, read(s));
    }

    private static JsonNode read(Socket s) throws IOException {
      DataInputStream in = new DataInputStream(s.getInputStream());
      byte[] body = new byte[in.readInt()];
      in.readFully(body);
      return MessageCodec.mapper().readTree(body);
    }

    private static void reply(Socket s, JsonNode hello) throws IOException {
      String json = "{\"id\":" + hello.path("id").asLong() + ",\"result\":0,\"errorInfo\":\"\",\"data\":"
          + "{\"timeScale\":100.0,\"enterRoomTimeoutMs\":30000,\"requestTimeoutMs\":30000,"
          + "\"heartbeatIntervalMs\":100,\"idleTimeoutMs\":600}}";
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeInt(body.length);
      out.write(body);
      out.flush();
    }

    @Override
    public void close() throws IOException {
      answerSecondHello.countDown();
      socket.close();
    }
  }
}
