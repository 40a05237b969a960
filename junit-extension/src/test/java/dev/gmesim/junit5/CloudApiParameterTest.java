package dev.gmesim.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.gme.v20180711.GmeClient;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoResponse;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import org.junit.jupiter.api.Test;

/** A backend test reads like a client test: the GmeCloudApi parameter hands it the server API's endpoint and key. */
@GmeSimulatorTest
class CloudApiParameterTest {

  @Test
  void theOfficialClientSeesTheRoomTheContextEntered(GmeContext ctx, EventRecorder events, GmeCloudApi api)
      throws Exception {
    assertThat(ctx.init("1400000000", "10001")).isZero();
    ctx.enterRoom("cloud-param-room", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    assertThat(events.await(GmeEventType.ENTER_ROOM).result()).isZero();
    HttpProfile http = new HttpProfile();
    http.setEndpoint(api.endpoint());
    http.setProtocol(HttpProfile.REQ_HTTP);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    GmeClient gme = new GmeClient(new Credential(api.secretId(), api.secretKey()), "", profile);
    DescribeRoomInfoRequest req = new DescribeRoomInfoRequest();
    req.setSdkAppId(1400000000L);
    req.setStrRoomIds(new String[] {"cloud-param-room"});
    DescribeRoomInfoResponse res = gme.DescribeRoomInfo(req);
    assertThat(res.getRoomUsers()[0].getStrUins()).containsExactly("10001");
    assertThat(api.toString()).doesNotContain(api.secretKey());
  }
}
