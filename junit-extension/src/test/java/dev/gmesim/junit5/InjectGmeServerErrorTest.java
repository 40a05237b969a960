package dev.gmesim.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.gme.v20180711.GmeClient;
import com.tencentcloudapi.gme.v20180711.models.DeleteRoomMemberRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoRequest;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import dev.gmesim.core.cloud.CloudApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@link InjectGmeServerError}: each attribute shown by a fixture class the official client calls, and its misuse refused. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InjectGmeServerErrorTest {
  static final long APP = 1400000000L;

  @Nested
  class Injection {
    @Test
    void theNamedActionFailsWithTheCodeAsTencentReportsIt() {
      Kit.assertPassed(Kit.run(ThrottledCases.class), 2);
    }

    @Test
    void withoutActionsEveryActionDocumentedForTheCodeFailsAndNoOther() {
      Kit.assertPassed(Kit.run(DefaultActionsCases.class), 1);
    }

    @Test
    void aClassAnnotationAndAMetaAnnotationApply() {
      Kit.assertPassed(Kit.run(ClassAndMetaCases.class), 1);
    }

    @Test
    void theRulesAreRemovedAfterTheTest() {
      Kit.assertPassed(Kit.run(RemovedAfterCases.class), 2);
    }

    @Test
    void afterLetsTheFirstRequestsPass() {
      Kit.assertPassed(Kit.run(AfterCases.class), 1);
    }
  }

  @Nested
  class Scope {
    @Test
    void aClientThatSendsNoTagIsNotFailedAndTaggedFalseFailsItToo() {
      Kit.assertPassed(Kit.run(TagCases.class), 2);
    }

    @Test
    void testsNamedInAnyLanguageOrAtAnyLengthAreScopedToo() {
      Kit.assertPassed(Kit.run(NamedCases.class), 3);
    }

    @Test
    void aTagIsPrintableAsciiAndFitsTheHeader() {
      String tag = GmeSimulatorExtension.tag("ab12cd-7-", "Lobby.\u8FDB\u5165\u623F\u95F4() [1] " + "x".repeat(400) + " ");
      assertThat(tag).startsWith("ab12cd-7-Lobby.____() [1] xxx").hasSize(CloudApi.MAX_TAG_LENGTH)
          .matches("[\\x20-\\x7E]+");
      assertThat(GmeSimulatorExtension.tag("ab12cd-8-", "Lobby.join() [1] trailing ")).isEqualTo(
          "ab12cd-8-Lobby.join() [1] trailing");
    }

    @Test
    void anUnfiredRuleOfAClientWithoutTheTagSaysHowToScopeTheClient() {
      assertThat(Kit.failureOf(Kit.run(UnscopedClientCases.class), "queriesWithAHandBuiltClient"))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("FaultRule '@InjectGmeServerError(\"InternalError\", actions = \"DescribeRoomInfo\")'")
          .hasMessageEndingWith("server API requests match only when they carry this test's X-Gme-Tag: build the"
              + " client with the test's GmeCloudApi (gmeClient() or clientProfile()), or set tagged = false");
    }
  }

  @Nested
  class Misuse {
    @Test
    void anUnknownCodeNamesTheNearestKnownOnes() {
      assertThat(Kit.failureOf(Kit.run(UnknownCodeCases.class), "query"))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("@InjectGmeServerError(\"RequestLimitExceded\"): unknown API 3.0 error code"
              + " \"RequestLimitExceded\"; nearest: RequestLimitExceeded")
          .hasMessageEndingWith("[on InjectGmeServerErrorTest.UnknownCodeCases.query()]");
    }

    @Test
    void aCodeNotDocumentedForTheActionNamesTheActionsItIsDocumentedFor() {
      assertThat(Kit.failureOf(Kit.run(WrongActionCases.class), "query"))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("@InjectGmeServerError(\"ResourceInUse.TaskInUse\", actions = \"DescribeRoomInfo\"):"
              + " ResourceInUse.TaskInUse is documented only for StartRecord; name some of those");
    }

    @Test
    void anUnknownActionNamesTheNearestServedOnes() {
      assertThat(Kit.failureOf(Kit.run(UnknownActionCases.class), "query"))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("\"DescribeRoomInfos\" is not a server API action the simulator serves; nearest:"
              + " DescribeRoomInfo");
    }

    @Test
    void aCodeOnlyForUnservedActionsIsRefused() {
      assertThat(Kit.failureOf(Kit.run(UnservedCodeCases.class), "query"))
          .hasMessageContaining("Tencent documents FailedOperation.VoicePrintAudioCheckFailed only for actions the"
              + " simulator does not serve");
    }

    @Test
    void badBudgetsAndDelaysNameTheValueAndTheFix() {
      EngineExecutionResults results = Kit.run(BadBudgetCases.class);
      assertThat(Kit.failureOf(results, "negativeTimes")).hasMessageContaining("times -1 is negative");
      assertThat(Kit.failureOf(results, "probabilityZero")).hasMessageContaining("probability 0.0 is outside (0, 1]");
      assertThat(Kit.failureOf(results, "unreadableDelay")).hasMessageContaining("delay \"soon\" is not a duration");
    }

    @Test
    void aBadClassAnnotationFailsTheClassBeforeAnyTestStarts() {
      EngineExecutionResults results = Kit.run(BadClassCases.class);
      assertThat(Kit.failureOf(results, "BadClassCases")).isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageEndingWith("[on InjectGmeServerErrorTest.BadClassCases]");
      assertThat(results.testEvents().started().count()).isZero();
    }
  }

  @Test
  void theCoverageReportHasAServerApiSection(@TempDir Path dir) throws IOException {
    Kit.assertPassed(Kit.run(Map.of(Coverage.ENABLED_PROPERTY, "true", Coverage.DIR_PROPERTY, dir.toString()),
        ThrottledCases.class), 2);
    JsonNode api = new ObjectMapper().readTree(dir.resolve(Coverage.JSON).toFile()).get("serverApi");
    assertThat(api.get("injectedCodes").asInt()).isEqualTo(1);
    assertThat(api.get("neverInjectedCodes").asInt()).isEqualTo(api.get("documentedCodes").asInt() - 1);
    JsonNode injected = api.get("injected").get(0);
    assertThat(injected.get("code").asText()).isEqualTo("RequestLimitExceeded");
    assertThat(injected.get("installs").asInt()).isEqualTo(1);
    assertThat(injected.get("fired").asInt()).isEqualTo(1);
    List<String> never = new ArrayList<>();
    api.get("neverInjected").forEach(e -> never.add(e.get("code").asText()));
    assertThat(never).contains("AuthFailure.SignatureFailure", "ResourceInUse.TaskInUse")
        .doesNotContain("RequestLimitExceeded", "FailedOperation.VoicePrintAudioCheckFailed");
    String md = Files.readString(dir.resolve(Coverage.MARKDOWN));
    assertThat(md).contains("## Server API (TencentCloud API 3.0)", "| `RequestLimitExceeded` | any | 1 | 1 |",
        "| `ResourceInUse.TaskInUse` | StartRecord |");
  }

  /** The test's scoped client, as a backend under test should get it. */
  static GmeClient client(GmeCloudApi api) {
    return api.gmeClient();
  }

  /** A client built by hand, as before GmeCloudApi built them: its requests carry no tag. */
  static GmeClient untaggedClient(GmeCloudApi api) {
    HttpProfile http = new HttpProfile();
    http.setEndpoint(api.endpoint());
    http.setProtocol(HttpProfile.REQ_HTTP);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new GmeClient(new Credential(api.secretId(), api.secretKey()), "", profile);
  }

  static DescribeRoomInfoRequest rooms(String room) {
    DescribeRoomInfoRequest req = new DescribeRoomInfoRequest();
    req.setSdkAppId(APP);
    req.setStrRoomIds(new String[] {room});
    return req;
  }

  static String codeOf(ThrowingCall call) {
    TencentCloudSDKException e = catchThrowableOfType(TencentCloudSDKException.class, call::run);
    assertThat(e).as("the request failed").isNotNull();
    return e.getErrorCode();
  }

  /** A request that may throw the client's checked exception. */
  interface ThrowingCall {
    /** Makes the request. */
    void run() throws Exception;
  }

  // ---- fixtures, run through the engine by the tests above ----

  @GmeSimulatorTest
  static class ThrottledCases {
    @Test
    @InjectGmeServerError(value = "RequestLimitExceeded", actions = "DescribeRoomInfo", times = 1)
    void theFirstQueryIsThrottledAndTheRetryPasses(GmeCloudApi api) throws Exception {
      GmeClient gme = client(api);
      assertThat(codeOf(() -> gme.DescribeRoomInfo(rooms("lobby")))).isEqualTo("RequestLimitExceeded");
      assertThat(gme.DescribeRoomInfo(rooms("lobby")).getResult()).isZero();
    }

    @Test
    void anUnannotatedTestIsUntouched(GmeCloudApi api) throws Exception {
      assertThat(client(api).DescribeRoomInfo(rooms("lobby")).getResult()).isZero();
    }
  }

  @GmeSimulatorTest
  static class DefaultActionsCases {
    @Test
    @InjectGmeServerError("InvalidParameterValue.InvalidDeleteType")
    void onlyDeleteRoomMemberFails(GmeCloudApi api) throws Exception {
      GmeClient gme = client(api);
      DeleteRoomMemberRequest kick = new DeleteRoomMemberRequest();
      kick.setBizId(APP);
      kick.setRoomId("arena");
      kick.setDeleteType(1L);
      assertThat(codeOf(() -> gme.DeleteRoomMember(kick))).isEqualTo("InvalidParameterValue.InvalidDeleteType");
      assertThat(gme.DescribeRoomInfo(rooms("arena")).getResult()).isZero();
    }
  }

  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @InjectGmeServerError(value = "InternalError", actions = "SERVER_DELETE_ROOM_MEMBER")
  @interface KicksBroken {}

  @GmeSimulatorTest
  @InjectGmeServerError(value = "RequestLimitExceeded", actions = "DescribeRoomInfo")
  static class ClassAndMetaCases {
    @Test
    @KicksBroken
    void bothApply(GmeCloudApi api) throws Exception {
      GmeClient gme = client(api);
      assertThat(codeOf(() -> gme.DescribeRoomInfo(rooms("lobby")))).isEqualTo("RequestLimitExceeded");
      DeleteRoomMemberRequest kick = new DeleteRoomMemberRequest();
      kick.setBizId(APP);
      kick.setRoomId("lobby");
      kick.setDeleteType(1L);
      assertThat(codeOf(() -> gme.DeleteRoomMember(kick))).isEqualTo("InternalError");
    }
  }

  @GmeSimulatorTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class RemovedAfterCases {
    @Test
    @Order(1)
    @InjectGmeServerError("FailedOperation")
    void failsDuringTheTest(GmeCloudApi api) {
      assertThat(codeOf(() -> client(api).DescribeRoomInfo(rooms("lobby")))).isEqualTo("FailedOperation");
    }

    @Test
    @Order(2)
    void passesAfterIt(GmeCloudApi api) throws Exception {
      assertThat(client(api).DescribeRoomInfo(rooms("lobby")).getResult()).isZero();
    }
  }

  @GmeSimulatorTest
  static class AfterCases {
    @Test
    @InjectGmeServerError(value = "RequestLimitExceeded", actions = "DescribeRoomInfo", after = 2, times = 1)
    void theThirdQueryFails(GmeCloudApi api) throws Exception {
      GmeClient gme = client(api);
      gme.DescribeRoomInfo(rooms("lobby"));
      gme.DescribeRoomInfo(rooms("lobby"));
      assertThat(codeOf(() -> gme.DescribeRoomInfo(rooms("lobby")))).isEqualTo("RequestLimitExceeded");
      assertThat(gme.DescribeRoomInfo(rooms("lobby")).getResult()).isZero();
    }
  }

  @GmeSimulatorTest
  static class TagCases {
    @Test
    @InjectGmeServerError(value = "InternalError", actions = "DescribeRoomInfo")
    void onlyTheScopedClientFails(GmeCloudApi api) throws Exception {
      assertThat(codeOf(() -> client(api).DescribeRoomInfo(rooms("lobby")))).isEqualTo("InternalError");
      assertThat(untaggedClient(api).DescribeRoomInfo(rooms("lobby")).getResult()).isZero();
    }

    @Test
    @InjectGmeServerError(value = "InternalError", actions = "DescribeRoomInfo", tagged = false)
    void taggedFalseFailsEveryClient(GmeCloudApi api) {
      assertThat(codeOf(() -> client(api).DescribeRoomInfo(rooms("lobby")))).isEqualTo("InternalError");
      assertThat(codeOf(() -> untaggedClient(api).DescribeRoomInfo(rooms("lobby")))).isEqualTo("InternalError");
    }
  }

  @GmeSimulatorTest
  static class NamedCases {
    @Test
    @InjectGmeServerError(value = "InternalError", actions = "DescribeRoomInfo")
    void \u67E5\u8BE2\u623F\u95F4(GmeCloudApi api) {
      assertThat(codeOf(() -> client(api).DescribeRoomInfo(rooms("lobby")))).isEqualTo("InternalError");
    }

    static Stream<String> roomNames() {
      return Stream.of("\u5927\u5385", "r".repeat(400));
    }

    @ParameterizedTest(name = "room {0}")
    @MethodSource("roomNames")
    @InjectGmeServerError(value = "InternalError", actions = "DescribeRoomInfo")
    void namedAfterItsRoom(String room, GmeCloudApi api) {
      assertThat(codeOf(() -> client(api).DescribeRoomInfo(rooms(room)))).isEqualTo("InternalError");
    }
  }

  @GmeSimulatorTest(failOnUnfiredFaults = true)
  static class UnscopedClientCases {
    @Test
    @InjectGmeServerError(value = "InternalError", actions = "DescribeRoomInfo")
    void queriesWithAHandBuiltClient(GmeCloudApi api) throws Exception {
      untaggedClient(api).DescribeRoomInfo(rooms("lobby"));
    }
  }

  @GmeSimulatorTest
  static class UnknownCodeCases {
    @Test
    @InjectGmeServerError("RequestLimitExceded")
    void query() {}
  }

  @GmeSimulatorTest
  static class WrongActionCases {
    @Test
    @InjectGmeServerError(value = "ResourceInUse.TaskInUse", actions = "DescribeRoomInfo")
    void query() {}
  }

  @GmeSimulatorTest
  static class UnknownActionCases {
    @Test
    @InjectGmeServerError(value = "InternalError", actions = "DescribeRoomInfos")
    void query() {}
  }

  @GmeSimulatorTest
  static class UnservedCodeCases {
    @Test
    @InjectGmeServerError("FailedOperation.VoicePrintAudioCheckFailed")
    void query() {}
  }

  @GmeSimulatorTest
  static class BadBudgetCases {
    @Test
    @InjectGmeServerError(value = "InternalError", times = -1)
    void negativeTimes() {}

    @Test
    @InjectGmeServerError(value = "InternalError", probability = 0)
    void probabilityZero() {}

    @Test
    @InjectGmeServerError(value = "InternalError", delay = "soon")
    void unreadableDelay() {}
  }

  @GmeSimulatorTest
  @InjectGmeServerError("NoSuchCode")
  static class BadClassCases {
    @Test
    void query() {}
  }
}
