package dev.gmesim.core.server.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.gme.v20180711.GmeClient;
import com.tencentcloudapi.gme.v20180711.models.DescribeRecordInfoRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeRecordInfoResponse;
import com.tencentcloudapi.gme.v20180711.models.DescribeScanResult;
import com.tencentcloudapi.gme.v20180711.models.DescribeScanResultListRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeTaskInfoRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeTaskInfoResponse;
import com.tencentcloudapi.gme.v20180711.models.ModifyRecordInfoRequest;
import com.tencentcloudapi.gme.v20180711.models.RecordInfo;
import com.tencentcloudapi.gme.v20180711.models.ScanVoiceRequest;
import com.tencentcloudapi.gme.v20180711.models.ScanVoiceResult;
import com.tencentcloudapi.gme.v20180711.models.StartRecordRequest;
import com.tencentcloudapi.gme.v20180711.models.StopRecordRequest;
import com.tencentcloudapi.gme.v20180711.models.Task;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.server.GmeSimulator;
import dev.gmesim.core.time.TimeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The recording actions and voice moderation through the official GmeClient, over rooms simulated contexts entered. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CloudRecordAndScanTest {
  static final long APP = 1400000321L;
  static final AtomicInteger IDS = new AtomicInteger(40000);
  static GmeSimulator sim;
  static GmeClient gme;
  final List<GmeContext> contexts = new ArrayList<>();

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
  void closeContexts() {
    contexts.forEach(GmeContext::close);
  }

  String enter(String room) {
    String openId = Integer.toString(IDS.incrementAndGet());
    EventRecorder events = new EventRecorder();
    GmeContext ctx = GmeContext.builder().room(sim.roomAddress()).clock(TimeMode.virtual()).delegate(events).build();
    contexts.add(ctx);
    assertThat(ctx.init(Long.toString(APP), openId)).isZero();
    ctx.enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    assertThat(events.await(GmeEventType.ENTER_ROOM).result()).isZero();
    return openId;
  }

  static String code(CloudClients.Call call) {
    TencentCloudSDKException e = catchThrowableOfType(TencentCloudSDKException.class, call::run);
    assertThat(e).as("the request failed").isNotNull();
    return e.getErrorCode();
  }

  static StartRecordRequest start(String room, long mode) {
    StartRecordRequest req = new StartRecordRequest();
    req.setBizId(APP);
    req.setRoomId(room);
    req.setRecordMode(mode);
    return req;
  }

  static DescribeTaskInfoResponse taskOf(String room) throws TencentCloudSDKException {
    DescribeTaskInfoRequest req = new DescribeTaskInfoRequest();
    req.setBizId(APP);
    req.setRoomId(room);
    return gme.DescribeTaskInfo(req);
  }

  static DescribeRecordInfoResponse recordOf(long taskId) throws TencentCloudSDKException {
    DescribeRecordInfoRequest req = new DescribeRecordInfoRequest();
    req.setBizId(APP);
    req.setTaskId(taskId);
    return gme.DescribeRecordInfo(req);
  }

  @Test
  void aRecordingTaskRunsIsModifiedListsItsMembersAndStops() throws Exception {
    String room = "rec-" + IDS.incrementAndGet();
    String a = enter(room);
    String b = enter(room);

    long taskId = gme.StartRecord(start(room, 1)).getTaskId();
    assertThat(code(() -> gme.StartRecord(start(room, 1)))).isEqualTo("ResourceInUse.TaskInUse");
    assertThat(taskOf(room).getTaskId()).isEqualTo(taskId);
    assertThat(taskOf(room).getRecordMode()).isEqualTo(1L);

    ModifyRecordInfoRequest modify = new ModifyRecordInfoRequest();
    modify.setBizId(APP);
    modify.setTaskId(taskId);
    modify.setRecordMode(2L);
    gme.ModifyRecordInfo(modify);
    assertThat(taskOf(room).getRecordMode()).isEqualTo(2L);

    DescribeRecordInfoResponse running = recordOf(taskId);
    assertThat(running.getRoomId()).isEqualTo(room);
    assertThat(running.getRecordInfo()).extracting(RecordInfo::getUserId).containsExactlyInAnyOrder(a, b);
    assertThat(running.getRecordInfo()).extracting(RecordInfo::getRecordStatus).containsOnly(2L);

    StopRecordRequest stop = new StopRecordRequest();
    stop.setBizId(APP);
    stop.setTaskId(taskId);
    gme.StopRecord(stop);
    assertThat(recordOf(taskId).getRecordInfo()).extracting(RecordInfo::getRecordStatus).containsOnly(13L);
    // A stopped task frees the room for a new one.
    assertThat(gme.StartRecord(start(room, 1)).getTaskId()).isNotEqualTo(taskId);
  }

  @Test
  void recordingNeedsMembersAndAKnownTask() {
    assertThat(code(() -> gme.StartRecord(start("nobody-" + IDS.incrementAndGet(), 1))))
        .isEqualTo("ResourceNotFound.RoomNotFound");
    StopRecordRequest stop = new StopRecordRequest();
    stop.setBizId(APP);
    stop.setTaskId(987654321L);
    assertThat(code(() -> gme.StopRecord(stop))).isEqualTo("ResourceNotFound.TaskNotFound");
    assertThat(code(() -> recordOf(987654321L))).isEqualTo("ResourceNotFound.TaskNotFound");
  }

  @Test
  void aLiveScanIsNormalUnlessAVerdictWasSet() throws Exception {
    String room = "scan-" + IDS.incrementAndGet();
    String player = enter(room);
    ScanVoiceRequest scan = new ScanVoiceRequest();
    scan.setBizId(APP);
    scan.setScenes(new String[] {"default"});
    scan.setLive(true);
    Task clean = new Task();
    clean.setDataId("clean-1");
    clean.setRoomId(room);
    clean.setOpenId(player);
    Task rude = new Task();
    rude.setDataId("rude-1");
    rude.setUrl("rtmp://stream/rude-" + room);
    rude.setRoomId(room);
    rude.setOpenId(player);
    scan.setTasks(new Task[] {clean, rude});
    sim.moderationVerdict("rtmp://stream/rude-" + room, "abuse", "idiot");

    ScanVoiceResult[] started = gme.ScanVoice(scan).getData();
    assertThat(started).extracting(ScanVoiceResult::getDataId).containsExactly("clean-1", "rude-1");

    DescribeScanResultListRequest results = new DescribeScanResultListRequest();
    results.setBizId(APP);
    results.setTaskIdList(new String[] {started[0].getTaskId(), started[1].getTaskId()});
    DescribeScanResult[] data = gme.DescribeScanResultList(results).getData();
    assertThat(data[0].getHitFlag()).isFalse();
    assertThat(data[0].getScanPiece()[0].getMainType()).isEqualTo("normal");
    assertThat(data[0].getScanPiece()[0].getOpenId()).isEqualTo(player);
    assertThat(data[1].getHitFlag()).isTrue();
    assertThat(data[1].getScanPiece()[0].getScanDetail()[0].getLabel()).isEqualTo("abuse");
    assertThat(data[1].getScanPiece()[0].getScanDetail()[0].getKeyWord()).isEqualTo("idiot");
  }

  @Test
  void aFileScanNeedsAVoiceMessageTheSimulatorHolds() {
    ScanVoiceRequest scan = new ScanVoiceRequest();
    scan.setBizId(APP);
    scan.setScenes(new String[] {"default"});
    scan.setLive(false);
    Task t = new Task();
    t.setDataId("file-1");
    t.setUrl("no-such-file-id");
    scan.setTasks(new Task[] {t});
    assertThat(code(() -> gme.ScanVoice(scan))).isEqualTo("InvalidParameterValue");
    DescribeScanResultListRequest results = new DescribeScanResultListRequest();
    results.setBizId(APP);
    results.setTaskIdList(new String[] {"no-such-task"});
    assertThat(code(() -> gme.DescribeScanResultList(results))).isEqualTo("ResourceNotFound.TaskNotFound");
  }
}
