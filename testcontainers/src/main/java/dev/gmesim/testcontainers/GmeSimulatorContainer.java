package dev.gmesim.testcontainers;

import dev.gmesim.core.remote.GmeSimulatorClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The GME Simulator image as a Testcontainers container: it starts the image with a fresh admin
 * token, waits until {@code /__admin/gme/health} answers, and hands out the mapped addresses and
 * a ready control-API client.
 *
 * <pre>{@code
 * @Testcontainers
 * class VoiceChatContainerTest {
 *   @Container
 *   static final GmeSimulatorContainer GME = new GmeSimulatorContainer("gme-simulator:latest");
 *
 *   @Test
 *   void expiredTokenFailsEntry() {
 *     GME.client().addFault(FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD).build());
 *     try (GmeContext gme = GmeContext.builder().room(GME.roomAddress()).build()) { ... }
 *   }
 * }
 * }</pre>
 *
 * <p>The JUnit extension's remote mode takes the same two values: set {@code gmesim.url} to
 * {@link #httpBaseUri()} and {@code gmesim.token} to {@link #adminToken()}.
 */
public class GmeSimulatorContainer extends GenericContainer<GmeSimulatorContainer> {
  /** The room gateway's port inside the container. */
  public static final int ROOM_PORT = 7300;
  /** The HTTP port (voice messages, control API) inside the container. */
  public static final int HTTP_PORT = 8080;

  private final String adminToken;
  private GmeSimulatorClient client;

  /** Creates a container for the image {@code image}, e.g. {@code "gme-simulator:latest"}. */
  public GmeSimulatorContainer(String image) {
    this(DockerImageName.parse(image));
  }

  /** Creates a container for {@code image}, with a random admin token. */
  public GmeSimulatorContainer(DockerImageName image) {
    super(image);
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    this.adminToken = HexFormat.of().formatHex(secret);
    withExposedPorts(ROOM_PORT, HTTP_PORT);
    withEnv("GMESIM_ADMIN_TOKEN", adminToken);
    waitingFor(Wait.forHttp("/__admin/gme/health").forPort(HTTP_PORT).forStatusCode(200)
        .withStartupTimeout(Duration.ofSeconds(60)));
  }

  /** Runs simulated time {@code factor} times faster (GMESIM_TIME_SCALE). */
  public GmeSimulatorContainer withTimeScale(double factor) {
    return withEnv("GMESIM_TIME_SCALE", String.valueOf(factor));
  }

  /** Returns the admin token the container was started with. */
  public String adminToken() {
    return adminToken;
  }

  /** Returns the host address of the room gateway, for {@code GmeContext.builder().room(...)}. */
  public InetSocketAddress roomAddress() {
    return new InetSocketAddress(getHost(), getMappedPort(ROOM_PORT));
  }

  /** Returns {@code http://host:port} of the HTTP side, as seen from the host. */
  public URI httpBaseUri() {
    return URI.create("http://" + getHost() + ":" + getMappedPort(HTTP_PORT));
  }

  /** Returns a control-API client authenticated with the container's token. */
  public synchronized GmeSimulatorClient client() {
    if (client == null) {
      client = GmeSimulatorClient.connect(httpBaseUri(), adminToken);
    }
    return client;
  }

  @Override
  public void stop() {
    synchronized (this) {
      client = null;
    }
    super.stop();
  }
}
