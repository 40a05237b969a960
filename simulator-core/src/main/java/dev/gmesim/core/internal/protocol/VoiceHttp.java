package dev.gmesim.core.internal.protocol;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import java.util.Arrays;
import java.util.Optional;

/**
 * The voice-message HTTP contract shared by the simulator, the simulated SDK and the
 * {@code wiremock-mappings} files: routes, request headers and the HTTP status of each GME result
 * code. {@code docs/voice-messages.md} documents it for harnesses in other languages.
 *
 * <pre>{@code
 * POST /gme/ptt/v1/upload            X-Gme-AppId, X-Gme-OpenId, X-Gme-AuthBuffer, X-Gme-Duration-Ms
 * <- 200 {"result":0,"error_info":"","file_id":"http://127.0.0.1:8080/gme/ptt/v1/files/k3j..."}
 * }</pre>
 */
public final class VoiceHttp {
  /** Every route lives under this path. */
  public static final String BASE_PATH = "/gme/ptt/v1";
  /** The caller's GME AppID; absent means Init was not called (ApplyPTTAuthbuffer then fails with 1101). */
  public static final String APP_ID = "X-Gme-AppId";
  /** The caller's OpenID. */
  public static final String OPEN_ID = "X-Gme-OpenId";
  /** Base64 of the PTT auth buffer; absent means ApplyPTTAuthbuffer was not called (8200, 12297, 32774). */
  public static final String AUTH_BUFFER = "X-Gme-AuthBuffer";
  /** The SDK connection's tag, so that fault rules scoped to a tag apply to its HTTP calls too. */
  public static final String TAG = "X-Gme-Tag";
  /** The recording's length in milliseconds, sent with uploads and streaming recognition. */
  public static final String DURATION_MS = "X-Gme-Duration-Ms";
  /** GME's speech language when the game names none (SpeechToText and streaming recognition): Mandarin. */
  public static final String DEFAULT_LANGUAGE = "cmn-Hans-CN";
  /** Streaming recognition: the speech language (StartRecordingWithStreamingRecognition's second argument), e.g. en-US. */
  public static final String LANGUAGE = "X-Gme-Language";
  /** Streaming recognition: the translate language (the third argument); GME ignores it, and so does the simulator. */
  public static final String TRANSLATE_LANGUAGE = "X-Gme-Translate-Language";
  /** Asks for a documented error: the value is a GME code of the route's operation, e.g. 8195. */
  public static final String ERROR = "X-Gme-Error";
  /** Asks for a transport failure: a WireMock fault name, or SERVER_ERROR for a plain 503. */
  public static final String FAULT = "X-Gme-Fault";
  /**
   * The room session (HELLO's {@code sessionId}) whose clock times this call. With a virtual or
   * manual session the simulator never delays on the wall clock: it answers {@code 202} with
   * {@link #HELD} instead, and the client sends the same request again with {@link #RELEASE} once
   * its clock reaches {@link #HELD_UNTIL}.
   */
  public static final String SESSION = "X-Gme-Session";
  /** On a {@code 202}: the ticket of a held answer, to send back in {@link #RELEASE}. */
  public static final String HELD = "X-Gme-Held";
  /** On a {@code 202}: the session's simulated millisecond the answer is due at; absent when none will come. */
  public static final String HELD_UNTIL = "X-Gme-Held-Until";
  /** On a resent request: the ticket of the held answer the session's clock has now reached. */
  public static final String RELEASE = "X-Gme-Release";
  /** The path segment in front of a stored file's id: a file id is {@code <base>/gme/ptt/v1/files/<id>}. */
  public static final String FILES_PATH = BASE_PATH + "/files/";

  private VoiceHttp() {}

  /** The HTTP routes, one per HTTP operation. */
  public enum Route {
    /** ApplyPTTAuthbuffer: checks the AppID and auth buffer; no body. */
    AUTH(Operation.PTT_APPLY_AUTH, "POST", BASE_PATH + "/auth"),
    /** UploadRecordedFile: the body is the raw audio. */
    UPLOAD(Operation.PTT_UPLOAD, "POST", BASE_PATH + "/upload"),
    /** DownloadRecordedFile: GET the file id URL itself. */
    DOWNLOAD(Operation.PTT_DOWNLOAD, "GET", BASE_PATH + "/files/{id}"),
    /** SpeechToText: the body is {@code {"file_id": ..., "language": ..., "translate_language": ...}}. */
    SPEECH_TO_TEXT(Operation.PTT_SPEECH_TO_TEXT, "POST", BASE_PATH + "/speech-to-text"),
    /** StartRecordingWithStreamingRecognition, once recording stopped: the body is the raw audio. */
    STREAMING_RECOGNITION(Operation.PTT_STREAMING_RECOGNITION, "POST", BASE_PATH + "/streaming-recognition");

    private final Operation operation;
    private final String method;
    private final String path;

    Route(Operation operation, String method, String path) {
      this.operation = operation;
      this.method = method;
      this.path = path;
    }

    /** Returns the operation fault rules and the journal know this route by. */
    public Operation operation() {
      return operation;
    }

    /** Returns the HTTP method. */
    public String method() {
      return method;
    }

    /** Returns the path; {@code {id}} stands for a stored file's id. */
    public String path() {
      return path;
    }

    /** Returns the route of an HTTP operation, or empty for a room or device operation. */
    public static Optional<Route> of(Operation operation) {
      return Arrays.stream(values()).filter(r -> r.operation == operation).findFirst();
    }
  }

  /**
   * Returns the HTTP status that accompanies a GME result code in a JSON body: 401 for auth and
   * appinfo codes, 404 for an unknown file, 400 for an empty parameter, 409 for a recording or
   * streaming already running, 501 for a feature not implemented, 502 for failures GME's storage or
   * recognition backend reports, 500 for the rest. Clients read the JSON {@code result} first.
   */
  public static int status(GmeErrorCode code) {
    switch (code) {
      case AV_ERR_CONTEXT_NOT_EXIST:
      case QAVPTTERROR_UPLOAD_SIGN_CHECK_FAIL:
      case QAVPTTERROR_UPLOAD_APPINFO_UNSET:
      case QAVPTTERROR_DOWNLOAD_SIGN_CHECK_FAIL:
      case QAVPTTERROR_DOWNLOAD_APPINFO_UNSET:
      case QAVPTTERROR_S2T_APPINFO_UNSET:
      case QAVPTTERROR_S2T_SIGN_CHECK_FAIL:
        return 401;
      case QAVPTTERROR_DOWNLOAD_REMOTEFILE_ACCESSERROR:
        return 404;
      case QAVPTTERROR_S2T_PARAM_NULL:
      case QAVPTTERROR_RECORDER_PARAM_NULL:
        return 400;
      case QAVPTTERROR_RECORDER_RECORDING_ERR:
      case QAVPTTERROR_ERR_VOICE_STREAMIN_RUNING_ERROR:
        return 409;
      case AV_ERR_NOT_IMPLEMENTED:
        return 501;
      case QAVPTTERROR_UPLOAD_COS_INTERNAL_FAIL:
      case QAVPTTERROR_UPLOAD_GET_TOKEN_NETWORK_FAIL:
      case QAVPTTERROR_UPLOAD_SYSTEM_INNER_ERROR:
      case QAVPTTERROR_UPLOAD_RSP_DATA_DECODE_FAIL:
      case QAVPTTERROR_DOWNLOAD_COS_INTERNAL_FAIL:
      case QAVPTTERROR_DOWNLOAD_GET_SIGN_NETWORK_FAIL:
      case QAVPTTERROR_DOWNLOAD_SYSTEM_INNER_ERROR:
      case QAVPTTERROR_DOWNLOAD_GET_SIGN_RSP_DATA_DECODE_FAIL:
      case QAVPTTERROR_S2T_INTERNAL_ERROR:
      case QAVPTTERROR_S2T_NETWORK_FAIL:
      case QAVPTTERROR_S2T_RSP_DATA_DECODE_FAIL:
      case QAVPTTERROR_S2T_AUTO_SPEECH_REC_ERROR:
      case QAVPTTERROR_STREAMIN_RECORD_SUC_REC_FAIL:
      case QAVPTTERROR_STREAMIN_UPLOADANDRECORD_SUC_REC_FAIL:
        return 502;
      default:
        return 500;
    }
  }
}
