package consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.junit5.GmeSimulatorHandle;
import dev.gmesim.junit5.GmeSimulatorTest;
import io.netty.util.Version;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Spring Boot's own Netty (through Reactor Netty's WebClient), its Jackson (the WebClient's JSON codec) and its
 * Micrometer (the simulator's metrics) run in the same JVM as the simulator, whose Netty and Jackson are relocated.
 */
@GmeSimulatorTest
class SpringBootCoexistenceTest {
  @Test
  void bootsNettyJacksonAndMicrometerWorkBesideTheSimulator(GmeSimulatorHandle sim, GmeContext gme,
      EventRecorder events) {
    assertThat(Version.identify().get("netty-common").artifactVersion())
        .as("the Netty that Spring Boot's BOM pins")
        .startsWith(System.getProperty("consumer.expectedNetty"));

    gme.init("1400000000", "10005");
    gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    assertThat(events.await(GmeEventType.ENTER_ROOM).result()).isZero();

    WebClient web = WebClient.create(sim.httpBaseUri().toString());
    Map<String, Object> health = web.get().uri("/__admin/gme/health").retrieve()
        .bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { }).block(Duration.ofSeconds(30));
    assertThat(health).isNotEmpty();
    String metrics = web.get().uri("/__admin/gme/metrics").retrieve().bodyToMono(String.class)
        .block(Duration.ofSeconds(30));
    assertThat(metrics).contains("gmesim_calls");
  }
}
