package dev.gmesim.core.cloud;

import dev.gmesim.core.catalog.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GME's server API (TencentCloud API 3.0, service {@code gme}, version {@value #VERSION}) as the
 * simulator serves it: {@code POST /} on the simulator's HTTP port, the action in {@code X-TC-Action}.
 * Point the official Java client at the simulator like this (docs/server-api.md):
 *
 * <pre>{@code
 * HttpProfile http = new HttpProfile();
 * http.setEndpoint(sim.httpAddress().getHostString() + ":" + sim.httpAddress().getPort()); // host:port, no scheme
 * http.setProtocol(HttpProfile.REQ_HTTP);
 * ClientProfile profile = new ClientProfile();
 * profile.setHttpProfile(http);
 * GmeClient gme = new GmeClient(new Credential("AKIDexample", "secret"), "", profile);
 * DescribeRoomInfoRequest req = new DescribeRoomInfoRequest();
 * req.setSdkAppId(1400000000L);
 * req.setStrRoomIds(new String[] {"lobby"});
 * DescribeRoomInfoResponse rooms = gme.DescribeRoomInfo(req);
 * }</pre>
 *
 * @since 0.1
 */
public final class CloudApi {
  /** The only API version GME's server API has. */
  public static final String VERSION = "2018-07-11";
  /** The service name (the credential scope's service as the Go SDK signs it). */
  public static final String SERVICE = "gme";
  /**
   * The simulator's own request header naming the caller's tag: a fault rule with a {@code tag}
   * applies only to requests carrying the same one, a rule without to every request. The JUnit
   * extension's {@code GmeCloudApi} clients send their test's tag in it.
   */
  public static final String TAG_HEADER = "X-Gme-Tag";
  /** The longest value {@link #TAG_HEADER} may carry; it must be printable ASCII (space to {@code ~}). */
  public static final int MAX_TAG_LENGTH = 256;

  private static final Map<String, Operation> ACTIONS = new LinkedHashMap<>();

  static {
    ACTIONS.put("DescribeRoomInfo", Operation.SERVER_DESCRIBE_ROOM_INFO);
    ACTIONS.put("DeleteRoomMember", Operation.SERVER_DELETE_ROOM_MEMBER);
    ACTIONS.put("ModifyUserMicStatus", Operation.SERVER_MODIFY_USER_MIC_STATUS);
    ACTIONS.put("DescribeUserInAndOutTime", Operation.SERVER_DESCRIBE_USER_IN_AND_OUT_TIME);
    ACTIONS.put("StartRecord", Operation.SERVER_START_RECORD);
    ACTIONS.put("StopRecord", Operation.SERVER_STOP_RECORD);
    ACTIONS.put("DescribeTaskInfo", Operation.SERVER_DESCRIBE_TASK_INFO);
    ACTIONS.put("DescribeRecordInfo", Operation.SERVER_DESCRIBE_RECORD_INFO);
    ACTIONS.put("ModifyRecordInfo", Operation.SERVER_MODIFY_RECORD_INFO);
    ACTIONS.put("ScanVoice", Operation.SERVER_SCAN_VOICE);
    ACTIONS.put("DescribeScanResultList", Operation.SERVER_DESCRIBE_SCAN_RESULT_LIST);
  }

  private CloudApi() {}

  /** Returns the action names the simulator serves, in the order docs/server-api.md lists them. */
  public static List<String> actions() {
    return List.copyOf(ACTIONS.keySet());
  }

  /** Returns the operation (for fault rules and the journal) of an action name, matched exactly, or empty. */
  public static Optional<Operation> operationOf(String action) {
    return Optional.ofNullable(action == null ? null : ACTIONS.get(action));
  }

  /** Returns the action name of a {@code SERVER_*} operation, or empty for an SDK operation. */
  public static Optional<String> actionOf(Operation operation) {
    return ACTIONS.entrySet().stream().filter(e -> e.getValue() == operation).map(Map.Entry::getKey).findFirst();
  }
}
