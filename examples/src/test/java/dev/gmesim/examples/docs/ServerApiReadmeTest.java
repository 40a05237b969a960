package dev.gmesim.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.examples.moderation.ModerationBackend;
import dev.gmesim.junit5.GmeCloudApi;
import dev.gmesim.junit5.GmeSimulatorTest;
import dev.gmesim.junit5.InjectGmeServerError;
import org.junit.jupiter.api.Test;

/** README.md's server-API quick start for JUnit, run: the moderation backend survives a throttled room query. */
@GmeSimulatorTest
class ServerApiReadmeTest {
  // tag::readme-server-api-junit[]
  @Test
  @InjectGmeServerError(value = "RequestLimitExceeded", actions = "DescribeRoomInfo", times = 1)
  void aThrottledRoomQueryIsRetried(GmeCloudApi api) throws Exception {
    // examples/ModerationBackend retries a throttled query; this one pauses without sleeping
    ModerationBackend moderation = new ModerationBackend(api.gmeClient(), 1400000000L, pause -> {});
    assertThat(moderation.members("match-42")).isEmpty();   // the retry got through
  }
  // end::readme-server-api-junit[]
}
