package dev.gmesim.core.cloud;

import static dev.gmesim.core.catalog.Operation.SERVER_DELETE_ROOM_MEMBER;
import static dev.gmesim.core.catalog.Operation.SERVER_DESCRIBE_RECORD_INFO;
import static dev.gmesim.core.catalog.Operation.SERVER_DESCRIBE_ROOM_INFO;
import static dev.gmesim.core.catalog.Operation.SERVER_DESCRIBE_TASK_INFO;
import static dev.gmesim.core.catalog.Operation.SERVER_DESCRIBE_USER_IN_AND_OUT_TIME;
import static dev.gmesim.core.catalog.Operation.SERVER_MODIFY_RECORD_INFO;
import static dev.gmesim.core.catalog.Operation.SERVER_MODIFY_USER_MIC_STATUS;
import static dev.gmesim.core.catalog.Operation.SERVER_START_RECORD;
import static dev.gmesim.core.catalog.Operation.SERVER_STOP_RECORD;

import dev.gmesim.core.catalog.NearestName;
import dev.gmesim.core.catalog.Operation;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The string-keyed catalog of GME's server API (TencentCloud API 3.0) error codes: the common codes
 * every action can return, and GME's own codes with the actions Tencent's SDKs list for each
 * (docs/server-api.md; sources: the API 3.0 error-code pages and the SDKs' per-action lists).
 *
 * <pre>{@code
 * ApiErrorCode code = ApiErrorCode.of("RequestLimitExceeded");   // refused with the nearest names if unknown
 * sim.addFault(FaultRule.on(Operation.SERVER_DESCRIBE_ROOM_INFO).apiError(code.code()).build());
 * // the official GmeClient then throws TencentCloudSDKException with getErrorCode() "RequestLimitExceeded"
 * }</pre>
 *
 * @since 0.1
 */
public enum ApiErrorCode {
  // ---- common codes (any action) ----
  /** The action is offline. */
  ACTION_OFFLINE("ActionOffline", "This action is offline."),
  /** The Authorization header is malformed. */
  AUTH_FAILURE_INVALID_AUTHORIZATION("AuthFailure.InvalidAuthorization", "The Authorization header is invalid."),
  /** The SecretId has the wrong format. */
  AUTH_FAILURE_INVALID_SECRET_ID("AuthFailure.InvalidSecretId", "The SecretId is invalid (not a cloud API key)."),
  /** MFA failed. */
  AUTH_FAILURE_MFA_FAILURE("AuthFailure.MFAFailure", "MFA failed."),
  /** No key with this SecretId exists. */
  AUTH_FAILURE_SECRET_ID_NOT_FOUND("AuthFailure.SecretIdNotFound", "The SecretId does not exist or is disabled."),
  /** The request's timestamp is more than 5 minutes from the server's time. */
  AUTH_FAILURE_SIGNATURE_EXPIRE("AuthFailure.SignatureExpire",
      "The signature has expired: the timestamp and the server's time differ by more than five minutes."),
  /** The signature does not match. */
  AUTH_FAILURE_SIGNATURE_FAILURE("AuthFailure.SignatureFailure", "The signature is wrong."),
  /** The temporary token is wrong. */
  AUTH_FAILURE_TOKEN_FAILURE("AuthFailure.TokenFailure", "The token is wrong."),
  /** CAM does not allow the request. */
  AUTH_FAILURE_UNAUTHORIZED_OPERATION("AuthFailure.UnauthorizedOperation", "The request is not authorized by CAM."),
  /** DryRun succeeded. */
  DRY_RUN_OPERATION("DryRunOperation", "The request would have succeeded; DryRun was set."),
  /** The operation failed. */
  FAILED_OPERATION("FailedOperation", "The operation failed."),
  /** An internal error. */
  INTERNAL_ERROR("InternalError", "An internal error occurred."),
  /** No such action. */
  INVALID_ACTION("InvalidAction", "The action does not exist."),
  /** A parameter has the wrong format or type. */
  INVALID_PARAMETER("InvalidParameter", "A parameter is wrong (format or type)."),
  /** A parameter has a wrong value. */
  INVALID_PARAMETER_VALUE("InvalidParameterValue", "A parameter's value is wrong."),
  /** The multipart request is malformed. */
  INVALID_REQUEST("InvalidRequest", "The multipart request body is malformed."),
  /** The caller's IP is blacklisted. */
  IP_IN_BLACKLIST("IpInBlacklist", "The IP address is in the blacklist."),
  /** The caller's IP is not whitelisted. */
  IP_NOT_IN_WHITELIST("IpNotInWhitelist", "The IP address is not in the whitelist."),
  /** A quota is exceeded. */
  LIMIT_EXCEEDED("LimitExceeded", "A quota limit is exceeded."),
  /** A required parameter is missing. */
  MISSING_PARAMETER("MissingParameter", "A required parameter is missing."),
  /** No such product. */
  NO_SUCH_PRODUCT("NoSuchProduct", "The product does not exist."),
  /** No such API version. */
  NO_SUCH_VERSION("NoSuchVersion", "The API version does not exist."),
  /** Too many requests. */
  REQUEST_LIMIT_EXCEEDED("RequestLimitExceeded", "The request rate limit is exceeded."),
  /** Too many requests from this account in this region. */
  REQUEST_LIMIT_EXCEEDED_GLOBAL_REGION_UIN_LIMIT_EXCEEDED("RequestLimitExceeded.GlobalRegionUinLimitExceeded",
      "The account's request rate limit in this region is exceeded."),
  /** Too many requests from this IP. */
  REQUEST_LIMIT_EXCEEDED_IP_LIMIT_EXCEEDED("RequestLimitExceeded.IPLimitExceeded", "The IP's request rate limit is exceeded."),
  /** The resource is in use. */
  RESOURCE_IN_USE("ResourceInUse", "The resource is in use."),
  /** Not enough resources. */
  RESOURCE_INSUFFICIENT("ResourceInsufficient", "Resources are insufficient."),
  /** The resource does not exist. */
  RESOURCE_NOT_FOUND("ResourceNotFound", "The resource does not exist."),
  /** The resource is unavailable. */
  RESOURCE_UNAVAILABLE("ResourceUnavailable", "The resource is unavailable."),
  /** Not authorized. */
  UNAUTHORIZED_OPERATION("UnauthorizedOperation", "The operation is not authorized."),
  /** An unknown parameter was passed. */
  UNKNOWN_PARAMETER("UnknownParameter", "An unknown parameter was passed."),
  /** The operation is not supported. */
  UNSUPPORTED_OPERATION("UnsupportedOperation", "The operation is not supported."),
  /** Only GET and POST are supported. */
  UNSUPPORTED_PROTOCOL("UnsupportedProtocol", "The HTTP method is not supported; only GET and POST."),
  /** The region is not supported. */
  UNSUPPORTED_REGION("UnsupportedRegion", "The region is not supported."),

  // ---- GME's own codes ----
  /** CAM refused (GME's lists name the bare category). */
  AUTH_FAILURE("AuthFailure", "CAM signature or authentication failed.",
      SERVER_DESCRIBE_ROOM_INFO, SERVER_DESCRIBE_USER_IN_AND_OUT_TIME),
  /** COS failed. */
  FAILED_OPERATION_COS_OPERATION_FAILED("FailedOperation.CosOperationFailed", "The COS operation failed."),
  /** The database failed. */
  FAILED_OPERATION_DB_OPERATION_FAILED("FailedOperation.DbOperationFailed", "The database operation failed."),
  /** A voiceprint id could not be generated. */
  FAILED_OPERATION_GEN_VOICE_PRINT_ID_FAILED("FailedOperation.GenVoicePrintIdFailed", "Generating the voiceprint id failed."),
  /** The login state expired. */
  FAILED_OPERATION_LOGIN_FAILED("FailedOperation.LoginFailed", "The login state has expired."),
  /** The app lacks the ability. */
  FAILED_OPERATION_NOT_ABILITY("FailedOperation.NotAbility", "The app does not have this ability."),
  /** Not allowed. */
  FAILED_OPERATION_NOT_ALLOWED("FailedOperation.NotAllowed", "The operation is not allowed."),
  /** The task exists. */
  FAILED_OPERATION_TASK_EXIST("FailedOperation.TaskExist", "The task already exists."),
  /** The task does not exist. */
  FAILED_OPERATION_TASK_NOT_EXIST("FailedOperation.TaskNotExist", "The task does not exist."),
  /** The voiceprint id to update was not found. */
  FAILED_OPERATION_UPDATE_VOICE_PRINT_ID_NOT_FOUND("FailedOperation.UpdateVoicePrintIdNotFound",
      "The voiceprint id to update was not found."),
  /** The account is in arrears. */
  FAILED_OPERATION_USER_FEE_NEGATIVE("FailedOperation.UserFeeNegative", "The account is in arrears.",
      SERVER_DESCRIBE_USER_IN_AND_OUT_TIME),
  /** The voiceprint audio failed its check. */
  FAILED_OPERATION_VOICE_PRINT_AUDIO_CHECK_FAILED("FailedOperation.VoicePrintAudioCheckFailed",
      "The voiceprint audio failed its check."),
  /** Too many voiceprints. */
  FAILED_OPERATION_VOICE_PRINT_REGISTRATION_LIMIT("FailedOperation.VoicePrintRegistrationLimit",
      "The voiceprint registration limit is reached."),
  /** The callback address is invalid. */
  INVALID_PARAMETER_CALLBACK_ADDRESS("InvalidParameter.CallbackAddress", "The callback address is invalid."),
  /** The date is invalid. */
  INVALID_PARAMETER_DATE_INVALID("InvalidParameter.DateInvalid", "The date is invalid.",
      SERVER_DESCRIBE_USER_IN_AND_OUT_TIME),
  /** The date is more than sixty days back. */
  INVALID_PARAMETER_DATE_OUT_OF_SIXTY_DAYS("InvalidParameter.DateOutOfSixtyDays", "The date is more than 60 days back."),
  /** The audio input is invalid. */
  INVALID_PARAMETER_INVALID_AUDIO_INPUT("InvalidParameter.InvalidAudioInput", "The audio input is invalid."),
  /** The SdkAppId is invalid. */
  INVALID_PARAMETER_INVALID_SDK_APP_ID("InvalidParameter.InvalidSdkAppId", "The SdkAppId is invalid."),
  /** The voiceprint id list is invalid. */
  INVALID_PARAMETER_INVALID_VOICE_PRINT_ID_LIST("InvalidParameter.InvalidVoicePrintIdList",
      "The voiceprint id list is invalid."),
  /** A tag key is invalid. */
  INVALID_PARAMETER_TAG_KEY("InvalidParameter.TagKey", "A tag key is invalid."),
  /** The task id is invalid. */
  INVALID_PARAMETER_TASK_ID("InvalidParameter.TaskId", "The task id is invalid."),
  /** The time range is invalid. */
  INVALID_PARAMETER_TIME_RANGE_ERROR("InvalidParameter.TimeRangeError", "The time range is invalid."),
  /** The UserSig is invalid. */
  INVALID_PARAMETER_USER_SIG("InvalidParameter.UserSig", "The UserSig is invalid."),
  /** The BizId is invalid. */
  INVALID_PARAMETER_VALUE_INVALID_BIZ_ID("InvalidParameterValue.InvalidBizId", "The BizId is invalid.",
      SERVER_START_RECORD, SERVER_STOP_RECORD, SERVER_DESCRIBE_TASK_INFO, SERVER_DESCRIBE_RECORD_INFO,
      SERVER_MODIFY_RECORD_INFO),
  /** DeleteType is neither 1 nor 2. */
  INVALID_PARAMETER_VALUE_INVALID_DELETE_TYPE("InvalidParameterValue.InvalidDeleteType",
      "DeleteType should be 1 or 2.", SERVER_DELETE_ROOM_MEMBER),
  /** The record mode is invalid. */
  INVALID_PARAMETER_VALUE_INVALID_RECORD_MODE("InvalidParameterValue.InvalidRecordMode", "RecordMode is invalid.",
      SERVER_START_RECORD, SERVER_MODIFY_RECORD_INFO),
  /** The room id is invalid. */
  INVALID_PARAMETER_VALUE_INVALID_ROOM_ID("InvalidParameterValue.InvalidRoomId", "The room id is invalid.",
      SERVER_START_RECORD, SERVER_DESCRIBE_TASK_INFO),
  /** A string uid was filled where an integer uid belongs. */
  INVALID_PARAMETER_VALUE_INVALID_STR_UIN("InvalidParameterValue.InvalidStrUin", "Don't fill StrUid; fill Uid.",
      SERVER_DELETE_ROOM_MEMBER),
  /** The subscription lists are invalid. */
  INVALID_PARAMETER_VALUE_INVALID_SUBSCRIBE_RECORD_USER_IDS("InvalidParameterValue.InvalidSubscribeRecordUserIds",
      "SubscribeRecordUserIds is invalid.", SERVER_START_RECORD, SERVER_MODIFY_RECORD_INFO),
  /** The white list has more than 20 users. */
  INVALID_PARAMETER_VALUE_INVALID_SUBSCRIBE_USER_IDS("InvalidParameterValue.InvalidSubscribeUserIds",
      "SubscribeUserIds (the white list) has more than 20 users.", SERVER_START_RECORD, SERVER_MODIFY_RECORD_INFO),
  /** The task id is invalid. */
  INVALID_PARAMETER_VALUE_INVALID_TASK_ID("InvalidParameterValue.InvalidTaskId", "The TaskId is invalid.",
      SERVER_STOP_RECORD, SERVER_DESCRIBE_RECORD_INFO, SERVER_MODIFY_RECORD_INFO),
  /** The black list has more than 20 users. */
  INVALID_PARAMETER_VALUE_INVALID_UN_SUBSCRIBE_USER_IDS("InvalidParameterValue.InvalidUNSubscribeUserIds",
      "UnSubscribeUserIds (the black list) has more than 20 users.", SERVER_START_RECORD, SERVER_MODIFY_RECORD_INFO),
  /** Both Uids and StrUids were passed. */
  INVALID_PARAMETER_VALUE_INVALID_UIN_OR_STR_UIN("InvalidParameterValue.InvalidUinOrStrUin",
      "Can't pass both Uids and StrUids.", SERVER_DELETE_ROOM_MEMBER),
  /** Too many applications. */
  LIMIT_EXCEEDED_APPLICATION("LimitExceeded.Application", "The application limit is reached."),
  /** Voiceprint update parameters are missing. */
  MISSING_PARAMETER_MISSING_VOICE_PRINT_UPDATE_PARAMS("MissingParameter.MissingVoicePrintUpdateParams",
      "The voiceprint update parameters are missing."),
  /** The operation is denied. */
  OPERATION_DENIED("OperationDenied", "The operation is denied."),
  /** The recording task is in use. */
  RESOURCE_IN_USE_TASK_IN_USE("ResourceInUse.TaskInUse", "The room already has a recording task.", SERVER_START_RECORD),
  /** The request was rejected for lack of resources. */
  RESOURCE_INSUFFICIENT_REQUEST_REJECTION("ResourceInsufficient.RequestRejection", "The request was rejected."),
  /** The BizId was not found. */
  RESOURCE_NOT_FOUND_BIZID_IS_NOT_FOUND("ResourceNotFound.BizidIsNotFound", "The BizId was not found.",
      SERVER_DESCRIBE_USER_IN_AND_OUT_TIME),
  /** The room was not found. */
  RESOURCE_NOT_FOUND_ROOM_NOT_FOUND("ResourceNotFound.RoomNotFound", "The room was not found.",
      SERVER_START_RECORD, SERVER_DESCRIBE_TASK_INFO),
  /** The task was not found. */
  RESOURCE_NOT_FOUND_TASK_NOT_FOUND("ResourceNotFound.TaskNotFound", "The task was not found.",
      SERVER_STOP_RECORD, SERVER_DESCRIBE_TASK_INFO, SERVER_DESCRIBE_RECORD_INFO, SERVER_MODIFY_RECORD_INFO),
  /** Sold out. */
  RESOURCES_SOLD_OUT("ResourcesSoldOut", "The resources are sold out."),
  /** Creating apps is denied. */
  UNAUTHORIZED_OPERATION_CREATE_APP_DENIED("UnauthorizedOperation.CreateAppDenied", "Creating apps is denied."),
  /** The account has no real-name authentication. */
  UNAUTHORIZED_OPERATION_UN_REAL_NAME_AUTH("UnauthorizedOperation.UnRealNameAuth",
      "The account has no real-name authentication."),
  /** Too many users kicked at once. */
  UNSUPPORTED_OPERATION_LIMIT_DELETE_EXCEEDED("UnsupportedOperation.LimitDeleteExceeded",
      "The request exceeds the maximum number of users to kick.", SERVER_DELETE_ROOM_MEMBER),
  /** The voice-message switch is off. */
  UNSUPPORTED_OPERATION_PTT_SWITCH_OFF("UnsupportedOperation.PTTSwitchOff", "The voice-message service is switched off."),
  /** The service is not opened. */
  UNSUPPORTED_OPERATION_SERVICE_NOT_OPENED("UnsupportedOperation.ServiceNotOpened", "The service is not opened.",
      SERVER_START_RECORD, SERVER_STOP_RECORD, SERVER_DESCRIBE_TASK_INFO, SERVER_DESCRIBE_RECORD_INFO,
      SERVER_MODIFY_RECORD_INFO);

  /** How many of the first constants are common API 3.0 codes. */
  private static final int COMMON = 34;
  private static final Map<String, ApiErrorCode> BY_CODE = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(c -> c.code, Function.identity()));
  private static final Set<Operation> SERVER_OPERATIONS = Collections.unmodifiableSet(EnumSet.copyOf(
      Arrays.stream(Operation.values()).filter(op -> op.channel() == Operation.Channel.SERVER_API).toList()));

  private final String code;
  private final String message;
  private final Set<Operation> listed;

  ApiErrorCode(String code, String message, Operation... listed) {
    this.code = code;
    this.message = message;
    this.listed = listed.length == 0 ? Set.of() : Set.of(listed);
  }

  /** Returns the wire code, such as {@code AuthFailure.SignatureFailure}. */
  public String code() {
    return code;
  }

  /** Returns the message the simulator sends with the code when nothing more specific is known. */
  public String message() {
    return message;
  }

  /** Returns whether this is one of the common API 3.0 codes that any action can return. */
  public boolean common() {
    return ordinal() < COMMON;
  }

  /**
   * Returns the served server operations that can return this code: every one for a common code,
   * the actions Tencent lists for a GME code (empty when it belongs only to actions the simulator
   * does not serve, such as voiceprints).
   */
  public Set<Operation> operations() {
    return common() ? SERVER_OPERATIONS : listed;
  }

  /** Returns the code with this exact wire name, or empty. */
  public static Optional<ApiErrorCode> find(String code) {
    return Optional.ofNullable(code == null ? null : BY_CODE.get(code.trim()));
  }

  /**
   * Returns the code with this wire name; an unknown name is refused naming it and the nearest
   * known codes.
   */
  public static ApiErrorCode of(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("unknown API 3.0 error code '" + code
        + "'; nearest: " + String.join(", ", nearest(code)) + " (the list: ApiErrorCode.values(), docs/server-api.md)"));
  }

  /** Returns up to three known wire codes nearest to {@code code} (case-insensitive edit distance), nearest first. */
  public static List<String> nearest(String code) {
    String wanted = code == null ? "" : code.trim();
    return BY_CODE.keySet().stream()
        .sorted(java.util.Comparator.comparingInt((String c) -> NearestName.distance(
            wanted.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT))).thenComparing(c -> c))
        .limit(3)
        .toList();
  }
}
