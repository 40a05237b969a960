package dev.gmesim.core.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy in front of the room gateway that hands every server-to-client byte on only after a
 * fixed wall-clock delay, in order: a slow network or an overloaded server, with no seam in the
 * simulator itself.
 */
final class DelayingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Duration delay;
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "delaying-proxy-writer");
    t.setDaemon(true);
    return t;
  });
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  DelayingProxy(InetSocketAddress target, Duration delay) throws IOException {
    this.target = target;
    this.delay = delay;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "delaying-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        sockets.add(client);
        sockets.add(upstream);
        pump(client.getInputStream(), upstream.getOutputStream(), Duration.ZERO);
        pump(upstream.getInputStream(), client.getOutputStream(), delay);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(InputStream in, OutputStream out, Duration lag) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try {
        int n;
        while ((n = in.read(buf)) > 0) {
          byte[] chunk = Arrays.copyOf(buf, n);
          if (lag.isZero()) {
            out.write(chunk);
            out.flush();
          } else {
            later.schedule(() -> {
              try {
                out.write(chunk);
                out.flush();
              } catch (IOException ignored) {
                // the other side went away; the reader notices too
              }
            }, lag.toNanos(), TimeUnit.NANOSECONDS);
          }
        }
      } catch (IOException ignored) {
        // closed
      }
    }, "delaying-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
    later.shutdownNow();
  }
}
