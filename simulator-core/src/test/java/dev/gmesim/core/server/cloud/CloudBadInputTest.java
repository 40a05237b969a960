package dev.gmesim.core.server.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.server.GmeSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad requests get GME's API 3.0 codes, as HTTP 200 envelopes naming the field; none disturbs the next request. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CloudBadInputTest {
  static GmeSimulator sim;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    sim = GmeSimulator.start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static Stream<Arguments> cases() {
    String ok = "{\"SdkAppId\":1400000000,\"StrRoomIds\":[\"r\"]}";
    return Stream.of(
        Arguments.of(null, "2018-07-11", ok, "MissingParameter", "`Action`"),
        Arguments.of("DescribeRoomInf", "2018-07-11", ok, "InvalidAction", "nearest: DescribeRoomInfo"),
        Arguments.of("DescribeRoomInfo", null, ok, "MissingParameter", "`Version`"),
        Arguments.of("DescribeRoomInfo", "2017-01-01", ok, "NoSuchVersion", "2018-07-11"),
        Arguments.of("DescribeRoomInfo", "2018-07-11", "not json", "InvalidParameter", "not valid JSON"),
        Arguments.of("DescribeRoomInfo", "2018-07-11", "[1]", "InvalidParameter", "not a JSON object"),
        Arguments.of("DescribeRoomInfo", "2018-07-11", "{\"SdkAppId\":1,\"StrRoomIds\":[\"r\"],\"RoomIdz\":[1]}",
            "UnknownParameter", "`RoomIdz`"),
        Arguments.of("DescribeRoomInfo", "2018-07-11", "{\"SdkAppId\":\"1\",\"StrRoomIds\":[\"r\"]}",
            "InvalidParameter", "`SdkAppId`"),
        Arguments.of("DescribeRoomInfo", "2018-07-11", "{\"SdkAppId\":1,\"RoomIds\":[\"x\"]}",
            "InvalidParameter", "`RoomIds[0]`"),
        Arguments.of("DescribeRoomInfo", "2018-07-11", "{\"StrRoomIds\":[\"r\"]}", "MissingParameter", "`SdkAppId`"),
        Arguments.of("DeleteRoomMember", "2018-07-11", "{\"BizId\":1,\"RoomId\":\"r\",\"DeleteType\":2,\"Uids\":[\"abc\"]}",
            "InvalidParameter", "`Uids[0]`"),
        Arguments.of("ModifyUserMicStatus", "2018-07-11",
            "{\"BizId\":1,\"RoomId\":\"r\",\"Users\":[{\"EnableMic\":1}]}", "MissingParameter", "`Users[0].Uid`"),
        Arguments.of("ModifyUserMicStatus", "2018-07-11",
            "{\"BizId\":1,\"RoomId\":\"r\",\"Users\":[{\"EnableMic\":3,\"Uid\":1}]}", "InvalidParameterValue",
            "`Users[0].EnableMic`"));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("cases")
  void refusedWithTheCodeAndTheField(String action, String version, String body, String code, String names)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.httpBaseUri() + "/"))
        .header("Content-Type", "application/json");
    if (action != null) {
      b.header("X-TC-Action", action);
    }
    if (version != null) {
      b.header("X-TC-Version", version);
    }
    HttpResponse<String> res = HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(res.body()).contains("\"Code\":\"" + code + "\"").contains(names).contains("\"RequestId\":\"");
  }

  @Test
  void aGetIsUnsupportedProtocolAndOtherPathsAreUntouched() throws Exception {
    HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(sim.httpBaseUri() + "/"))
        .header("X-TC-Action", "DescribeRoomInfo").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.body()).contains("UnsupportedProtocol");
    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(sim.httpBaseUri() + "/__admin/gme/health"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
  }
}
