package dev.gmesim.core.server.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.gme.v20180711.GmeClient;
import com.tencentcloudapi.gme.v20180711.models.DeleteRoomMemberRequest;
import com.tencentcloudapi.gme.v20180711.models.DeleteRoomMemberResponse;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoResponse;
import com.tencentcloudapi.gme.v20180711.models.DescribeUserInAndOutTimeRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeUserInAndOutTimeResponse;
import com.tencentcloudapi.gme.v20180711.models.ModifyUserMicStatusRequest;
import com.tencentcloudapi.gme.v20180711.models.ModifyUserMicStatusResponse;
import com.tencentcloudapi.gme.v20180711.models.RoomUser;
import com.tencentcloudapi.gme.v20180711.models.UserMicStatus;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeEvent;
import dev.gmesim.core.server.GmeSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The room actions through the official tencentcloud-sdk-java GmeClient, over rooms simulated SDK contexts entered. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CloudRoomActionsTest {
  static final long APP = 1400000123L;
  static final AtomicInteger IDS = new AtomicInteger(20000);
  static GmeSimulator sim;
  static GmeClient gme;
  final List<GmeContext> contexts = new ArrayList<>();

  record Player(GmeContext ctx, EventRecorder events, String openId) {}

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

  Player enter(String room, String openId) {
    EventRecorder events = new EventRecorder();
    GmeContext ctx = GmeContext.builder().room(sim.roomAddress()).delegate(events).build();
    contexts.add(ctx);
    assertThat(ctx.init(Long.toString(APP), openId)).isZero();
    ctx.enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    assertThat(events.await(GmeEventType.ENTER_ROOM).result()).isZero();
    return new Player(ctx, events, openId);
  }

  Player enter(String room) {
    return enter(room, Integer.toString(IDS.incrementAndGet()));
  }

  static String room() {
    return Integer.toString(IDS.incrementAndGet());
  }

  @Test
  void describeRoomInfoListsTheMembersByIntAndStringRoomIds() throws Exception {
    String room = room();
    Player a = enter(room);
    Player b = enter(room, "player-b");
    enter("lobby-" + room);
    DescribeRoomInfoRequest req = new DescribeRoomInfoRequest();
    req.setSdkAppId(APP);
    req.setRoomIds(new Long[] {Long.parseLong(room)});
    req.setStrRoomIds(new String[] {"lobby-" + room, "nobody-here"});
    DescribeRoomInfoResponse res = gme.DescribeRoomInfo(req);
    assertThat(res.getResult()).isZero();
    assertThat(res.getRequestId()).isNotBlank();
    RoomUser[] users = res.getRoomUsers();
    assertThat(users).hasSize(3);
    assertThat(users[0].getStrRoomId()).isEqualTo("lobby-" + room);
    assertThat(users[0].getStrUins()).hasSize(1);
    assertThat(users[1].getStrRoomId()).isEqualTo("nobody-here");
    assertThat(users[1].getStrUins()).isEmpty();
    assertThat(users[2].getRoomId()).isEqualTo(Long.parseLong(room));
    assertThat(users[2].getUins()).containsExactly(Long.parseLong(a.openId()));
    assertThat(users[2].getStrUins()).containsExactly(a.openId(), b.openId());
    assertThat(SimulatorInternals.journal(sim).find(Operation.SERVER_DESCRIBE_ROOM_INFO)).last()
        .extracting(JournalEntry::source, JournalEntry::effect, JournalEntry::result).containsExactly("world", "reply", 0);
  }

  @Test
  void aKickIsSeenByTheKickedContextAndByTheOthers() throws Exception {
    String room = room();
    Player stays = enter(room);
    Player cheater = enter(room);
    stays.events().clear();
    DeleteRoomMemberRequest req = new DeleteRoomMemberRequest();
    req.setBizId(APP);
    req.setRoomId(room);
    req.setDeleteType(2L);
    req.setUids(new String[] {cheater.openId()});
    DeleteRoomMemberResponse res = gme.DeleteRoomMember(req);
    assertThat(res.getDeleteResult().getCode()).isZero();
    GmeEvent kicked = cheater.events().await(GmeEventType.ROOM_DISCONNECT);
    assertThat(kicked.result()).isZero();
    assertThat(kicked.getStringExtra("reason")).isEqualTo("kicked");
    assertThat(cheater.ctx().isRoomEntered()).isFalse();
    GmeEvent exit = stays.events().await(e -> e.type() == GmeEventType.USER_UPDATE
        && e.getIntExtra("event_id", 0) == 2, "the cheater's exit", java.time.Duration.ofSeconds(10));
    assertThat(exit.getStringArrayExtra("user_list")).containsExactly(cheater.openId());
    assertThat(sim.room(Long.toString(APP), room).orElseThrow().openIds()).containsExactly(stays.openId());
  }

  @Test
  void aDismissEmptiesTheRoomAndEveryMemberIsTold() throws Exception {
    String room = room();
    Player a = enter(room);
    Player b = enter(room);
    DeleteRoomMemberRequest req = new DeleteRoomMemberRequest();
    req.setBizId(APP);
    req.setRoomId(room);
    req.setDeleteType(1L);
    assertThat(gme.DeleteRoomMember(req).getDeleteResult().getCode()).isZero();
    assertThat(a.events().await(GmeEventType.ROOM_DISCONNECT).getStringExtra("reason")).isEqualTo("dismissed");
    assertThat(b.events().await(GmeEventType.ROOM_DISCONNECT).getStringExtra("reason")).isEqualTo("dismissed");
    assertThat(sim.room(Long.toString(APP), room)).isEmpty();
  }

  @Test
  void aServerMuteCannotBeLiftedByTheClient() throws Exception {
    String room = room();
    Player listener = enter(room);
    Player loud = enter(room);
    assertThat(loud.ctx().enableMic(true)).isZero();
    listener.events().await(e -> e.type() == GmeEventType.USER_UPDATE && e.getIntExtra("event_id", 0) == 11,
        "mic opened", java.time.Duration.ofSeconds(10));
    ModifyUserMicStatusRequest req = new ModifyUserMicStatusRequest();
    req.setBizId(APP);
    req.setRoomId(room);
    UserMicStatus u = new UserMicStatus();
    u.setUid(Long.parseLong(loud.openId()));
    u.setEnableMic(1L);
    req.setUsers(new UserMicStatus[] {u});
    ModifyUserMicStatusResponse res = gme.ModifyUserMicStatus(req);
    assertThat(res.getResult()).isZero();
    listener.events().await(e -> e.type() == GmeEventType.USER_UPDATE && e.getIntExtra("event_id", 0) == 12,
        "mic closed", java.time.Duration.ofSeconds(10));
    assertThat(loud.ctx().enableMic(true)).isZero();
    assertThat(micOn(room, loud.openId())).isFalse();
    // Unmuted by the server, the client's EnableMic works again.
    u.setEnableMic(2L);
    assertThat(gme.ModifyUserMicStatus(req).getResult()).isZero();
    assertThat(loud.ctx().enableMic(true)).isZero();
    assertThat(micOn(room, loud.openId())).isTrue();
  }

  @Test
  void describeUserInAndOutTimeReportsEntriesAndExitsInMilliseconds() throws Exception {
    String room = room();
    long before = System.currentTimeMillis();
    Player p = enter(room);
    p.ctx().exitRoom();
    p.events().await(GmeEventType.EXIT_ROOM);
    p.ctx().enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
    p.events().await(e -> e.type() == GmeEventType.ENTER_ROOM, "second entry", java.time.Duration.ofSeconds(10));
    DescribeUserInAndOutTimeRequest req = new DescribeUserInAndOutTimeRequest();
    req.setBizId(APP);
    req.setRoomId(Long.parseLong(room));
    req.setUserId(Long.parseLong(p.openId()));
    DescribeUserInAndOutTimeResponse res = gme.DescribeUserInAndOutTime(req);
    assertThat(res.getInOutList()).hasSize(2);
    assertThat(res.getInOutList()[0].getStartTime()).isBetween(before - 60_000, System.currentTimeMillis() + 60_000);
    assertThat(res.getInOutList()[0].getEndTime()).isGreaterThanOrEqualTo(res.getInOutList()[0].getStartTime());
    assertThat(res.getDuration()).isNotNull();
  }

  @Test
  void naturalErrorsReachTheClientAsTheirCodes() {
    DeleteRoomMemberRequest bad = new DeleteRoomMemberRequest();
    bad.setBizId(APP);
    bad.setRoomId("r");
    bad.setDeleteType(3L);
    assertThat(code(() -> gme.DeleteRoomMember(bad))).isEqualTo("InvalidParameterValue.InvalidDeleteType");
    DeleteRoomMemberRequest both = new DeleteRoomMemberRequest();
    both.setBizId(APP);
    both.setRoomId("r");
    both.setDeleteType(2L);
    both.setUids(new String[] {"1"});
    both.setStrUids(new String[] {"x"});
    assertThat(code(() -> gme.DeleteRoomMember(both))).isEqualTo("InvalidParameterValue.InvalidUinOrStrUin");
    DeleteRoomMemberRequest unknownRoom = new DeleteRoomMemberRequest();
    unknownRoom.setBizId(APP);
    unknownRoom.setRoomId("no-such-room");
    unknownRoom.setDeleteType(1L);
    assertThat(code(() -> gme.DeleteRoomMember(unknownRoom))).isEqualTo("ResourceNotFound");
    DescribeRoomInfoRequest tooMany = new DescribeRoomInfoRequest();
    tooMany.setSdkAppId(APP);
    tooMany.setRoomIds(new Long[] {1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L});
    assertThat(code(() -> gme.DescribeRoomInfo(tooMany))).isEqualTo("InvalidParameterValue");
    DescribeRoomInfoRequest none = new DescribeRoomInfoRequest();
    none.setSdkAppId(APP);
    assertThat(code(() -> gme.DescribeRoomInfo(none))).isEqualTo("MissingParameter");
  }

  static boolean micOn(String room, String openId) {
    return sim.room(Long.toString(APP), room).orElseThrow().members().stream()
        .filter(m -> m.openId().equals(openId)).findFirst().map(RoomSnapshot.Member::micOn).orElseThrow();
  }

  interface SdkCall {
    Object call() throws TencentCloudSDKException;
  }

  static String code(SdkCall call) {
    TencentCloudSDKException e = catchThrowableOfType(TencentCloudSDKException.class, call::call);
    assertThat(e).as("a TencentCloudSDKException").isNotNull();
    assertThat(e.getRequestId()).isNotBlank();
    return e.getErrorCode();
  }
}
