package dev.gmesim.core.server.cloud;

import static dev.gmesim.core.server.cloud.CloudRoomActionsTest.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.gme.v20180711.GmeClient;
import com.tencentcloudapi.gme.v20180711.models.DeleteRoomMemberRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeRecordInfoRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeScanResultListRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeTaskInfoRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeUserInAndOutTimeRequest;
import com.tencentcloudapi.gme.v20180711.models.ModifyRecordInfoRequest;
import com.tencentcloudapi.gme.v20180711.models.ModifyUserMicStatusRequest;
import com.tencentcloudapi.gme.v20180711.models.ScanVoiceRequest;
import com.tencentcloudapi.gme.v20180711.models.StartRecordRequest;
import com.tencentcloudapi.gme.v20180711.models.StopRecordRequest;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.cloud.ApiErrorCode;
import dev.gmesim.core.cloud.CloudApi;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.server.GmeSimulator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every catalog code injectable on an action reaches the official client as that code; transport faults as the SDK's own errors. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CloudFaultCatalogTest {
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

  static Stream<Arguments> codesAndActions() {
    return Stream.of(ApiErrorCode.values())
        .flatMap(c -> c.operations().stream().map(op -> Arguments.of(c, op)));
  }

  @Test
  void everyCodeOfAServedActionIsCovered() {
    assertThat(codesAndActions().count()).isGreaterThan(34 * 11);
    assertThat(CloudApi.actions()).hasSize(11);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("codesAndActions")
  void injectedCodeReachesTheJavaClient(ApiErrorCode code, Operation op) {
    FaultRule rule = sim.addFault(FaultRule.on(op).apiError(code.code()).times(1).build());
    try {
      assertThat(code(() -> call(op))).isEqualTo(code.code());
      assertThat(sim.fault(rule.id()).orElseThrow().fired()).isEqualTo(1);
    } finally {
      sim.removeFault(rule.id());
    }
  }

  @Test
  void transportFaultsSurfaceAsTheSdksOwnErrors() {
    Operation op = Operation.SERVER_DESCRIBE_ROOM_INFO;
    FaultRule reset = sim.addFault(FaultRule.on(op).reset().times(1).build());
    TencentCloudSDKException e = catchThrowableOfType(TencentCloudSDKException.class, () -> call(op));
    assertThat(e).isNotNull();
    assertThat(e.getErrorCode()).isNull();
    sim.removeFault(reset.id());

    FaultRule status = sim.addFault(FaultRule.on(op).serverError(503).times(1).build());
    e = catchThrowableOfType(TencentCloudSDKException.class, () -> call(op));
    assertThat(e.getErrorCode()).isEqualTo("ServerSideError");
    assertThat(e.getMessage()).contains("503");
    sim.removeFault(status.id());

    FaultRule malformed = sim.addFault(FaultRule.on(op).http(Fault.HttpFailure.MALFORMED_BODY).times(1).build());
    e = catchThrowableOfType(TencentCloudSDKException.class, () -> call(op));
    assertThat(e).isNotNull();
    assertThat(e.getErrorCode()).isNull();
    sim.removeFault(malformed.id());
  }

  @Test
  void aDelayedErrorArrivesAfterItsDelay() {
    FaultRule rule = sim.addFault(FaultRule.on(Operation.SERVER_DESCRIBE_ROOM_INFO).apiError("InternalError")
        .delay(Duration.ofMillis(300)).times(1).build());
    long start = System.nanoTime();
    assertThat(code(() -> call(Operation.SERVER_DESCRIBE_ROOM_INFO))).isEqualTo("InternalError");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    sim.removeFault(rule.id());
  }

  @Test
  void badRulesAreRefusedWithTheFix() {
    assertThatThrownBy(() -> FaultRule.on(Operation.SERVER_DESCRIBE_ROOM_INFO).apiError("RequestLimitExceded"))
        .hasMessageContaining("nearest: RequestLimitExceeded");
    assertThatThrownBy(() -> FaultRule.on(Operation.ENTER_ROOM).apiError("InternalError").build())
        .hasMessageContaining("SERVER_* operations");
    assertThatThrownBy(() -> FaultRule.on(Operation.SERVER_DESCRIBE_ROOM_INFO).error(7006).build())
        .hasMessageContaining("apiError");
  }

  /** Calls the action of {@code op} with a valid request (faults fire before the world answers). */
  static Object call(Operation op) throws TencentCloudSDKException {
    long app = 1400000000L;
    return switch (op) {
      case SERVER_DESCRIBE_ROOM_INFO -> gme.DescribeRoomInfo(with(new DescribeRoomInfoRequest(), r -> {
        r.setSdkAppId(app);
        r.setStrRoomIds(new String[] {"r"});
      }));
      case SERVER_DELETE_ROOM_MEMBER -> gme.DeleteRoomMember(with(new DeleteRoomMemberRequest(), r -> {
        r.setBizId(app);
        r.setRoomId("r");
        r.setDeleteType(1L);
      }));
      case SERVER_MODIFY_USER_MIC_STATUS -> gme.ModifyUserMicStatus(with(new ModifyUserMicStatusRequest(), r -> {
        r.setBizId(app);
        r.setRoomId("r");
      }));
      case SERVER_DESCRIBE_USER_IN_AND_OUT_TIME -> gme.DescribeUserInAndOutTime(
          with(new DescribeUserInAndOutTimeRequest(), r -> {
            r.setBizId(app);
            r.setRoomId(1L);
            r.setUserId(1L);
          }));
      case SERVER_START_RECORD -> gme.StartRecord(with(new StartRecordRequest(), r -> {
        r.setBizId(app);
        r.setRoomId("r");
        r.setRecordMode(1L);
      }));
      case SERVER_STOP_RECORD -> gme.StopRecord(with(new StopRecordRequest(), r -> {
        r.setBizId(app);
        r.setTaskId(1L);
      }));
      case SERVER_DESCRIBE_TASK_INFO -> gme.DescribeTaskInfo(with(new DescribeTaskInfoRequest(), r -> {
        r.setBizId(app);
        r.setRoomId("r");
      }));
      case SERVER_DESCRIBE_RECORD_INFO -> gme.DescribeRecordInfo(with(new DescribeRecordInfoRequest(), r -> {
        r.setBizId(app);
        r.setTaskId(1L);
      }));
      case SERVER_MODIFY_RECORD_INFO -> gme.ModifyRecordInfo(with(new ModifyRecordInfoRequest(), r -> {
        r.setBizId(app);
        r.setTaskId(1L);
        r.setRecordMode(1L);
      }));
      case SERVER_SCAN_VOICE -> gme.ScanVoice(with(new ScanVoiceRequest(), r -> {
        r.setBizId(app);
        r.setScenes(new String[] {"default"});
      }));
      case SERVER_DESCRIBE_SCAN_RESULT_LIST -> gme.DescribeScanResultList(with(new DescribeScanResultListRequest(), r -> {
        r.setBizId(app);
        r.setTaskIdList(new String[] {"t"});
      }));
      default -> throw new IllegalArgumentException("not a server operation: " + op);
    };
  }

  static <T extends AbstractModel> T with(T model, java.util.function.Consumer<T> set) {
    set.accept(model);
    return model;
  }
}
