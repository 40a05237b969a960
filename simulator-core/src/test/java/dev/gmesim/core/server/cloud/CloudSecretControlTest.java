package dev.gmesim.core.server.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoRequest;
import dev.gmesim.core.cloud.CloudSecret;
import dev.gmesim.core.remote.GmeSimulatorClient;
import dev.gmesim.core.server.GmeSimulator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Server-API keys added, listed and removed over the control API, through GmeSimulatorClient; keys never come back. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CloudSecretControlTest {
  static GmeSimulator sim;
  static GmeSimulatorClient control;

  @BeforeAll
  static void start() {
    sim = GmeSimulator.start();
    control = GmeSimulatorClient.connect(sim.httpBaseUri());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static DescribeRoomInfoRequest lobby() {
    DescribeRoomInfoRequest req = new DescribeRoomInfoRequest();
    req.setSdkAppId(1400000000L);
    req.setStrRoomIds(new String[] {"lobby"});
    return req;
  }

  @Test
  void aKeyAddedOverTheControlApiIsRequiredThenForgotten() throws Exception {
    assertThat(control.addCloudSecret(CloudSecret.of("AKIDcontrol0001", "control-secret-key"))).isFalse();
    assertThat(control.addCloudSecret(CloudSecret.of("AKIDcontrol0001", "control-secret-key"))).isTrue();
    assertThat(control.cloudSecretIds()).containsExactly("AKIDcontrol0001");
    assertThat(sim.cloudSecretIds()).containsExactly("AKIDcontrol0001");

    assertThat(CloudClients.client(sim, "AKIDcontrol0001", "control-secret-key").DescribeRoomInfo(lobby())
        .getResult()).isZero();
    TencentCloudSDKException wrong = catchThrowableOfType(TencentCloudSDKException.class,
        () -> CloudClients.client(sim, "AKIDcontrol0001", "another-key").DescribeRoomInfo(lobby()));
    assertThat(wrong.getErrorCode()).isEqualTo("AuthFailure.SignatureFailure");

    assertThat(control.removeCloudSecret("AKIDcontrol0001")).isTrue();
    assertThat(control.removeCloudSecret("AKIDcontrol0001")).isFalse();
    assertThat(control.cloudSecretIds()).isEmpty();
    assertThat(CloudClients.client(sim, "AKIDanyone", "any").DescribeRoomInfo(lobby()).getResult()).isZero();
  }

  @Test
  void aSecretIdThePathCannotCarryIsRefusedBeforeSending() {
    IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
        () -> control.addCloudSecret(CloudSecret.of("AKID+plus", "the-key")));
    assertThat(e).hasMessageContaining("SecretId 'AKID+plus' has characters").hasMessageNotContaining("the-key");
  }
}
