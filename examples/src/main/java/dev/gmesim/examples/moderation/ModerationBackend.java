package dev.gmesim.examples.moderation;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.gme.v20180711.GmeClient;
import com.tencentcloudapi.gme.v20180711.models.DeleteRoomMemberRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoResponse;
import com.tencentcloudapi.gme.v20180711.models.ModifyUserMicStatusRequest;
import com.tencentcloudapi.gme.v20180711.models.RoomUser;
import com.tencentcloudapi.gme.v20180711.models.UserMicStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A game's moderation backend over GME's server API: lists who is in a voice room, kicks a player
 * and mutes or unmutes one, through Tencent's official {@link GmeClient}. A throttled room query
 * ({@code RequestLimitExceeded}) is retried with a growing pause; every other failure, and a query
 * still throttled after the last attempt, becomes a {@link ModerationException} naming GME's code.
 *
 * <pre>{@code
 * HttpProfile http = new HttpProfile();
 * http.setEndpoint("gme.tencentcloudapi.com");          // or the simulator's host:port with REQ_HTTP
 * ClientProfile profile = new ClientProfile();
 * profile.setHttpProfile(http);
 * GmeClient gme = new GmeClient(new Credential(secretId, secretKey), "ap-guangzhou", profile);
 * ModerationBackend moderation = new ModerationBackend(gme, 1400000000L, ModerationBackend.Pause.SLEEP);
 * List<String> players = moderation.members("match-42");
 * moderation.mute("match-42", "10001");
 * moderation.kick("match-42", "10002");
 * }</pre>
 */
public final class ModerationBackend {
  /** How many times a throttled room query is tried in all. */
  public static final int ATTEMPTS = 3;
  /** The pause before the first retry; it doubles before each further one. */
  public static final Duration FIRST_PAUSE = Duration.ofMillis(200);

  private final GmeClient gme;
  private final long appId;
  private final Pause pause;

  /** How the backend waits between attempts; tests pass one that records the pauses instead of sleeping. */
  @FunctionalInterface
  public interface Pause {
    /** Sleeps on the calling thread, as a production backend does. */
    Pause SLEEP = d -> Thread.sleep(d.toMillis());

    /** Waits {@code duration} before the next attempt. */
    void pause(Duration duration) throws InterruptedException;
  }

  /** Uses {@code gme} for app {@code appId} (GME's SdkAppId, the BizId of the requests), pausing with {@code pause}. */
  public ModerationBackend(GmeClient gme, long appId, Pause pause) {
    this.gme = Objects.requireNonNull(gme, "ModerationBackend: gme is null; build a GmeClient for GME's server API");
    if (appId <= 0) {
      throw new IllegalArgumentException("ModerationBackend: appId " + appId
          + " is not a GME SdkAppId; pass the app's id from the GME console, such as 1400000000");
    }
    this.appId = appId;
    this.pause = Objects.requireNonNull(pause, "ModerationBackend: pause is null; pass Pause.SLEEP");
  }

  /** Returns the OpenIDs of the players in {@code roomId} now, empty when nobody is in it; a throttled query is retried. */
  public List<String> members(String roomId) throws ModerationException {
    requireRoom(roomId);
    DescribeRoomInfoRequest req = new DescribeRoomInfoRequest();
    req.setSdkAppId(appId);
    req.setStrRoomIds(new String[] {roomId});
    Duration wait = FIRST_PAUSE;
    for (int attempt = 1; ; attempt++) {
      try {
        DescribeRoomInfoResponse res = gme.DescribeRoomInfo(req);
        RoomUser[] rooms = res.getRoomUsers();
        if (rooms == null || rooms.length == 0 || rooms[0].getStrUins() == null) {
          return List.of();
        }
        return Arrays.asList(rooms[0].getStrUins());
      } catch (TencentCloudSDKException e) {
        if (!"RequestLimitExceeded".equals(e.getErrorCode()) || attempt == ATTEMPTS) {
          throw failure("listing the players of room " + roomId, e, attempt);
        }
      }
      try {
        pause.pause(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ModerationException("Interrupted", "listing the players of room " + roomId + " was interrupted");
      }
      wait = wait.multipliedBy(2);
    }
  }

  /** Removes {@code openId} from {@code roomId}; the player's client is told it was kicked. */
  public void kick(String roomId, String openId) throws ModerationException {
    requireRoom(roomId);
    requirePlayer(openId);
    DeleteRoomMemberRequest req = new DeleteRoomMemberRequest();
    req.setBizId(appId);
    req.setRoomId(roomId);
    req.setDeleteType(2L);
    req.setStrUids(new String[] {openId});
    String what = "kicking " + openId + " from room " + roomId;
    try {
      Long code = gme.DeleteRoomMember(req).getDeleteResult().getCode();
      if (code != null && code != 0) {
        throw new ModerationException("NotInRoom", what + ": the player is not in the room");
      }
    } catch (TencentCloudSDKException e) {
      throw failure(what, e, 1);
    }
  }

  /** Closes {@code openId}'s microphone in {@code roomId}; the player cannot open it again until unmuted or rejoining. */
  public void mute(String roomId, String openId) throws ModerationException {
    micStatus(roomId, openId, 1L, "muting");
  }

  /** Lifts a mute of {@code openId} in {@code roomId}, so the player's own microphone switch works again. */
  public void unmute(String roomId, String openId) throws ModerationException {
    micStatus(roomId, openId, 2L, "unmuting");
  }

  private void micStatus(String roomId, String openId, long enableMic, String verb) throws ModerationException {
    requireRoom(roomId);
    requirePlayer(openId);
    ModifyUserMicStatusRequest req = new ModifyUserMicStatusRequest();
    req.setBizId(appId);
    req.setRoomId(roomId);
    UserMicStatus user = new UserMicStatus();
    user.setStrUid(openId);
    user.setEnableMic(enableMic);
    req.setUsers(new UserMicStatus[] {user});
    String what = verb + " " + openId + " in room " + roomId;
    try {
      Long result = gme.ModifyUserMicStatus(req).getResult();
      if (result != null && result != 0) {
        throw new ModerationException("NotInRoom", what + ": the player is not in the room");
      }
    } catch (TencentCloudSDKException e) {
      throw failure(what, e, 1);
    }
  }

  private static ModerationException failure(String what, TencentCloudSDKException e, int attempts) {
    String code = e.getErrorCode() == null ? "Unreachable" : e.getErrorCode();
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    String hint = "RequestLimitExceeded".equals(code) ? "; GME is throttling this app, try again in a minute" : "";
    return new ModerationException(code, what + " failed" + tries + ": GME answered " + code + " (" + e.getMessage()
        + ", request " + e.getRequestId() + ")" + hint);
  }

  private static void requireRoom(String roomId) {
    if (roomId == null || roomId.isBlank()) {
      throw new IllegalArgumentException("room id '" + roomId + "' is blank; pass the GME room id the players entered");
    }
  }

  private static void requirePlayer(String openId) {
    if (openId == null || openId.isBlank()) {
      throw new IllegalArgumentException("player id '" + openId + "' is blank; pass the player's GME OpenID");
    }
  }
}
