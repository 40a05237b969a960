package dev.gmesim.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.gme.v20180711.GmeClient;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoRequest;
import org.junit.jupiter.api.Test;

/** A configured server-API key: the simulator checks signatures, the parameter carries the key, a wrong key is refused. */
@GmeSimulatorTest(cloudSecret = "AKIDjunitsigned01:junit-signing-key-0123456789")
class CloudSecretParameterTest {

  @Test
  void theParameterSignsCorrectlyAndAWrongKeyIsRefused(GmeCloudApi api) throws Exception {
    assertThat(api.secretId()).isEqualTo("AKIDjunitsigned01");
    assertThat(api.toString()).doesNotContain(api.secretKey());
    DescribeRoomInfoRequest req = new DescribeRoomInfoRequest();
    req.setSdkAppId(1400000000L);
    req.setStrRoomIds(new String[] {"cloud-signed-room"});
    assertThat(client(api, api.secretKey()).DescribeRoomInfo(req).getRequestId()).isNotBlank();
    assertThatThrownBy(() -> client(api, "not-the-key-0123456789").DescribeRoomInfo(req))
        .isInstanceOfSatisfying(TencentCloudSDKException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("AuthFailure.SignatureFailure"));
  }

  private static GmeClient client(GmeCloudApi api, String key) {
    HttpProfile http = new HttpProfile();
    http.setEndpoint(api.endpoint());
    http.setProtocol(HttpProfile.REQ_HTTP);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new GmeClient(new Credential(api.secretId(), key), "", profile);
  }
}
