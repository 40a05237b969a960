package dev.gmesim.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SimulatorLifecycleTest {

  /** Every live thread, ours and WireMock's (Jetty) alike. */
  private static long liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).count();
  }

  private static long openFiles() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
        ? unix.getOpenFileDescriptorCount() : 0;
  }

  private static void useOnce() {
    // Scale 100, not 1000: at 1000 the SDK's 30 s entry timer is 30 ms of wall time, and on a loaded
    // 2-core machine the reply came later than that (ENTER_ROOM 1005).
    try (GmeSimulator sim = GmeSimulator.builder().start()) {
      EventRecorder events = new EventRecorder();
      try (GmeContext gme = GmeContext.builder().room(sim.roomAddress()).delegate(events).build()) {
        assertThat(gme.init("1400000000", "10001")).isZero();
        gme.enterRoom("lobby", 1, new byte[0]);
        assertThat(events.await(GmeEventType.ENTER_ROOM).result()).isZero();
      }
    }
  }

  @Test
  void startingAndStoppingManyTimesLeaksNoThreadsOrDescriptors() {
    useOnce();  // warm up class loading and lazily opened jars
    long threadsBefore = liveThreads();
    long filesBefore = openFiles();
    for (int i = 0; i < 30; i++) {
      useOnce();
    }
    await("threads and descriptors back to their level").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(liveThreads()).isLessThanOrEqualTo(threadsBefore + 2);
      assertThat(openFiles()).isLessThanOrEqualTo(filesBefore + 5);
    });
  }

  @Test
  void healthAnswersOnTheHttpPort() throws Exception {
    try (GmeSimulator sim = GmeSimulator.start()) {
      var client = java.net.http.HttpClient.newHttpClient();
      var response = client.send(java.net.http.HttpRequest.newBuilder(
          sim.httpBaseUri().resolve("/__admin/gme/health")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void closingFreesTheRoomPort() throws Exception {
    InetSocketAddress address;
    try (GmeSimulator sim = GmeSimulator.start()) {
      address = sim.roomAddress();
    }
    try (GmeSimulator again = GmeSimulator.builder().roomPort(address.getPort()).start()) {
      assertThat(again.roomAddress().getPort()).isEqualTo(address.getPort());
    }
  }

  @Test
  void aPortInUseIsRefusedNamingThePortAndTheFix() {
    try (GmeSimulator first = GmeSimulator.start()) {
      int port = first.roomAddress().getPort();
      assertThatThrownBy(() -> GmeSimulator.builder().roomPort(port).start())
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("room port " + port)
          .hasMessageContaining("choose other ports");
    }
  }

  @Test
  void anSdkPointedAtNothingSaysWhereItLooked() throws Exception {
    int port;
    try (Socket probe = new Socket()) {
      probe.bind(new InetSocketAddress("127.0.0.1", 0));
      port = probe.getLocalPort();
    }
    int closedPort = port;
    assertThatThrownBy(() -> GmeContext.builder().room("127.0.0.1", closedPort).build())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(String.valueOf(closedPort))
        .hasMessageContaining("is it running?");
  }
}
