package dev.gmesim.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.gme.v20180711.GmeClient;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoResponse;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.cloud.CloudApi;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A backend test reads like a client test: the GmeCloudApi parameter hands it the server API's
 * endpoint and key, and a ready official client whose every request carries the test's tag.
 */
@GmeSimulatorTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CloudApiParameterTest {
  static GmeCloudApi beforeAll;

  @BeforeAll
  static void outsideATest(GmeCloudApi api) {
    beforeAll = api;
  }

  static DescribeRoomInfoRequest rooms(String room) {
    DescribeRoomInfoRequest req = new DescribeRoomInfoRequest();
    req.setSdkAppId(1400000000L);
    req.setStrRoomIds(new String[] {room});
    return req;
  }

  @Test
  void theOfficialClientSeesTheRoomTheContextEntered(GmeContext ctx, EventRecorder events, GmeCloudApi api)
      throws Exception {
    assertThat(ctx.init("1400000000", "10001")).isZero();
    ctx.enterRoom("cloud-param-room", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    assertThat(events.await(GmeEventType.ENTER_ROOM).result()).isZero();
    DescribeRoomInfoResponse res = api.gmeClient().DescribeRoomInfo(rooms("cloud-param-room"));
    assertThat(res.getRoomUsers()[0].getStrUins()).containsExactly("10001");
    assertThat(api.toString()).doesNotContain(api.secretKey());
  }

  @Test
  void everyRequestOfItsClientIsJournaledUnderTheTestsTag(GmeCloudApi api, GmeSimulatorHandle sim) throws Exception {
    assertThat(api.tag()).isEqualTo(sim.tag());
    GmeClient gme = api.gmeClient();
    gme.DescribeRoomInfo(rooms("journal-room-1"));
    gme.DescribeRoomInfo(rooms("journal-room-2"));
    assertThat(sim.journal()).filteredOn(e -> e.operation() == Operation.SERVER_DESCRIBE_ROOM_INFO)
        .extracting(JournalEntry::roomId).containsExactly("journal-room-1", "journal-room-2");
  }

  @Test
  void aHandBuiltClientIsScopedBySendingTheHeadersWithEachRequest(GmeCloudApi api, GmeSimulatorHandle sim)
      throws Exception {
    sim.addFault(FaultRule.on(Operation.SERVER_DESCRIBE_ROOM_INFO).apiError("FailedOperation").build());
    HttpProfile http = new HttpProfile();
    http.setEndpoint(api.endpoint());
    http.setProtocol(HttpProfile.REQ_HTTP);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    GmeClient gme = new GmeClient(new Credential(api.secretId(), api.secretKey()), "", profile);

    assertThat(gme.DescribeRoomInfo(rooms("lobby")).getResult()).as("without the header").isZero();
    DescribeRoomInfoRequest scoped = rooms("lobby");
    scoped.SetHeader(api.headers());
    TencentCloudSDKException e = catchThrowableOfType(TencentCloudSDKException.class, () -> gme.DescribeRoomInfo(scoped));
    assertThat(e.getErrorCode()).isEqualTo("FailedOperation");
    assertThat(api.headers()).isEqualTo(Map.of(CloudApi.TAG_HEADER, sim.tag()));
  }

  @Test
  void theProfilesReadTimeoutApplies(GmeCloudApi api, GmeSimulatorHandle sim) {
    // The simulator holds the exchange 25 s; the client gives up after its own 1 s.
    sim.addFault(FaultRule.on(Operation.SERVER_DESCRIBE_ROOM_INFO).noReply().build());
    GmeClient gme = new GmeClient(new Credential(api.secretId(), api.secretKey()), "",
        api.clientProfile(Duration.ofSeconds(1)));
    TencentCloudSDKException e = catchThrowableOfType(TencentCloudSDKException.class,
        () -> gme.DescribeRoomInfo(rooms("lobby")));
    assertThat(e.getErrorCode()).isNull();
    assertThat(e).hasCauseInstanceOf(SocketTimeoutException.class);
    assertThatThrownBy(() -> api.clientProfile(Duration.ofSeconds(-1)))
        .hasMessage("GmeCloudApi.clientProfile: readTimeout PT-1S is negative; pass a positive duration, or"
            + " Duration.ZERO for none");
  }

  @Test
  void outsideATestThereIsNoTagToSend(GmeCloudApi api) {
    assertThat(beforeAll.tag()).isNull();
    assertThat(beforeAll.headers()).isEmpty();
    assertThat(beforeAll.endpoint()).isEqualTo(api.endpoint());
  }
}
