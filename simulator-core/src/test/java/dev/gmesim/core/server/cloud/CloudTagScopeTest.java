package dev.gmesim.core.server.cloud;

import static dev.gmesim.core.server.cloud.CloudRoomActionsTest.code;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.gme.v20180711.GmeClient;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoRequest;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.JournalQuery;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.cloud.CloudApi;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.server.GmeSimulator;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server API's {@code X-Gme-Tag}: a tagged rule fails only the requests that carry its tag, an
 * untagged rule every request, and a malformed tag is refused by name while other callers are served.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CloudTagScopeTest {
  static final long APP = 1400000000L;
  static GmeSimulator sim;
  static GmeClient gme;

  @BeforeAll
  static void start() {
    sim = GmeSimulator.start();
    gme = CloudClients.client(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @AfterEach
  void clear() {
    sim.clearFaults();
  }

  /** A room query carrying {@code tag} in the header (per request, as the official SDK allows), or none when null. */
  static DescribeRoomInfoRequest query(String tag) {
    DescribeRoomInfoRequest req = new DescribeRoomInfoRequest();
    req.setSdkAppId(APP);
    req.setStrRoomIds(new String[] {"tag-room"});
    if (tag != null) {
      req.SetHeader(Map.of(CloudApi.TAG_HEADER, tag));
    }
    return req;
  }

  static FaultRule throttle(String tag) {
    return FaultRule.on(Operation.SERVER_DESCRIBE_ROOM_INFO).apiError("RequestLimitExceeded").tag(tag).build();
  }

  @Nested
  class Matching {
    @Test
    void aTaggedRuleFailsOnlyTheRequestsCarryingItsTag() throws Exception {
      sim.addFault(throttle("test-a"));
      assertThat(code(() -> gme.DescribeRoomInfo(query("test-a")))).isEqualTo("RequestLimitExceeded");
      assertThat(gme.DescribeRoomInfo(query("test-b")).getResult()).isZero();
      assertThat(gme.DescribeRoomInfo(query(null)).getResult()).isZero();
    }

    @Test
    void anUntaggedRuleFailsEveryRequestTaggedOrNot() {
      sim.addFault(throttle(null));
      assertThat(code(() -> gme.DescribeRoomInfo(query("test-a")))).isEqualTo("RequestLimitExceeded");
      assertThat(code(() -> gme.DescribeRoomInfo(query(null)))).isEqualTo("RequestLimitExceeded");
    }

    @Test
    void theJournalRecordsTheRequestsTag() throws Exception {
      gme.DescribeRoomInfo(query("journaled-tag"));
      List<JournalEntry> entries = sim.journal(JournalQuery.builder().tag("journaled-tag").build());
      assertThat(entries).singleElement().satisfies(e -> {
        assertThat(e.operation()).isEqualTo(Operation.SERVER_DESCRIBE_ROOM_INFO);
        assertThat(e.appId()).isEqualTo(String.valueOf(APP));
      });
    }
  }

  @Nested
  class MalformedTag {
    static Stream<Arguments> malformed() {
      return Stream.of(
          Arguments.of("empty", List.of(""), "is empty"),
          Arguments.of("over the limit", List.of("t".repeat(CloudApi.MAX_TAG_LENGTH + 1)),
              "is " + (CloudApi.MAX_TAG_LENGTH + 1) + " characters long"),
          Arguments.of("UTF-8", List.of("secret-caf\u00e9"), "has the byte 0xC3 at position 11, outside printable ASCII"),
          Arguments.of("a tab", List.of("secret\tvalue"), "has the byte 0x09 at position 7, outside printable ASCII"),
          Arguments.of("sent twice", List.of("secret-one", "secret-two"), "is sent 2 times with different values"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isRefusedNamingTheHeaderAndNeverItsValue(String name, List<String> values, String problem) throws Exception {
      String answer = post(values);

      assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\"Code\":\"InvalidParameterValue\"")
          .contains("The header X-Gme-Tag (the caller's fault-rule tag) " + problem)
          .contains("or leave the header out").contains("\"RequestId\":\"").doesNotContain("secret");
      assertThat(sim.journal(JournalQuery.builder().result(-1).build())).last()
          .satisfies(e -> assertThat(e.tag()).as("a malformed tag is journaled as none").isNull());
    }

    @Test
    void doesNotDisturbTheNextCaller() throws Exception {
      sim.addFault(throttle("well-formed"));
      assertThat(post(List.of(""))).contains("InvalidParameterValue");

      assertThat(gme.DescribeRoomInfo(query(null)).getResult()).isZero();
      assertThat(code(() -> gme.DescribeRoomInfo(query("well-formed")))).isEqualTo("RequestLimitExceeded");
      assertThat(sim.faults()).singleElement().satisfies(s -> assertThat(s.fired()).isEqualTo(1));
    }

    /**
     * Sends a room query with these tag values, their characters as UTF-8 bytes, over a plain socket
     * (Java's HttpClient would turn them into {@code ?}), and returns the whole answer.
     */
    String post(List<String> tags) throws Exception {
      String body = "{\"SdkAppId\":1400000000,\"StrRoomIds\":[\"tag-room\"]}";
      ByteArrayOutputStream req = new ByteArrayOutputStream();
      req.writeBytes(("POST / HTTP/1.1\r\nHost: " + sim.cloudEndpoint() + "\r\nContent-Type: application/json\r\n"
          + "X-TC-Action: DescribeRoomInfo\r\nX-TC-Version: " + CloudApi.VERSION + "\r\nConnection: close\r\n"
          + "Content-Length: " + body.length() + "\r\n").getBytes(StandardCharsets.US_ASCII));
      for (String tag : tags) {
        req.writeBytes((CloudApi.TAG_HEADER + ": " + tag + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      req.writeBytes(("\r\n" + body).getBytes(StandardCharsets.US_ASCII));
      try (Socket s = new Socket(sim.httpAddress().getHostString(), sim.httpAddress().getPort())) {
        s.setSoTimeout(10_000);
        s.getOutputStream().write(req.toByteArray());
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
