package dev.gmesim.core.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.protocol.Message;
import dev.gmesim.core.internal.protocol.MessageCodec;
import dev.gmesim.core.internal.protocol.RoomArgs;
import dev.gmesim.core.internal.protocol.VoiceHttp;
import dev.gmesim.core.sdk.internal.ClockEngine;
import dev.gmesim.core.sdk.internal.Events;
import dev.gmesim.core.sdk.internal.PttHttp;
import dev.gmesim.core.sdk.internal.RecordingTimeline;
import dev.gmesim.core.sdk.internal.Session;
import dev.gmesim.core.sdk.internal.Wav;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The simulated SDK's voice messages (push-to-talk), a mirror of GME's {@code ITMGPTT}, obtained
 * from {@link GmeContext#getPTT()}. Recording and playback are device-side in GME: this SDK asks the
 * simulator over the room connection (so faults, the journal and natural errors cover them) and
 * writes real WAV files. Upload, download and speech-to-text are HTTP calls to the simulator.
 *
 * <p>Like GME, the asynchronous calls return 0 once started and report through the context's
 * delegate: {@code PTT_RECORD_COMPLETE}, {@code PTT_UPLOAD_COMPLETE}, {@code PTT_DOWNLOAD_COMPLETE},
 * {@code PTT_PLAY_COMPLETE}, {@code PTT_SPEECH2TEXT_COMPLETE}, {@code PTT_STREAMINGRECOGNITION_IS_RUNNING}
 * (while a streaming recording runs) and {@code PTT_STREAMINGRECOGNITION_COMPLETE}, with GME's fields
 * {@code result}, {@code file_path}, {@code file_id} and {@code text} (plus {@code error_info}).
 * Transport failures become the codes GME reports (upload network failure: 8195, undecodable reply:
 * 8198, ...; see docs/voice-messages.md). {@code pauseRecording} and {@code resumeRecording} return
 * their code; paused time counts toward neither the recording's length nor its maximum.
 *
 * <pre>{@code
 * GmePtt ptt = gme.getPTT();
 * ptt.applyPTTAuthbuffer(authBuffer);
 * ptt.setMaxMessageLength(2000);             // recording stops by itself after 2 s
 * ptt.startRecording("/tmp/msg.wav");
 * events.await(GmeEventType.PTT_RECORD_COMPLETE);
 * ptt.uploadRecordedFile("/tmp/msg.wav");
 * String fileId = events.await(GmeEventType.PTT_UPLOAD_COMPLETE).getStringExtra("file_id");
 * ptt.speechToText(fileId);
 * events.await(GmeEventType.PTT_SPEECH2TEXT_COMPLETE).getStringExtra("text");
 * }</pre>
 *
 * @since 0.1
 */
public final class GmePtt {
  /** GME's default and largest maximum message length, in milliseconds. */
  public static final int MAX_MESSAGE_LENGTH_MS = 58_000;
  /** Lengths passed to {@link #setMaxMessageLength(int)} must exceed this. */
  public static final int MIN_MESSAGE_LENGTH_MS = 1_000;
  /** The speech language used when none is given. */
  public static final String DEFAULT_LANGUAGE = "cmn-Hans-CN";
  /** Wall-clock slack on top of the simulated request timeout, so a loaded machine does not turn slow transfers into errors. */
  static final Duration HTTP_SLACK = Duration.ofSeconds(5);

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GmePtt.class);

  private final Session session;
  private final Events events;
  private volatile byte[] authBuffer;
  private volatile int maxMessageLengthMs = MAX_MESSAGE_LENGTH_MS;
  /** Guards the recording and playback fields below; never held while calling a {@link RecordingTimeline}. */
  private final Object lock = new Object();
  /** The recording this context started and has not stopped or cancelled yet. */
  private Recording recording;
  private String playingPath;
  private ClockEngine.Timer playEnd;

  /** One recording this context asked for: its file, its kind and languages, and its recorded-time timers. */
  private final class Recording {
    final String path;
    final boolean streaming;
    final String language;
    final String translateLanguage;
    final RecordingTimeline timeline = new RecordingTimeline(session.clock());

    Recording(String path, boolean streaming, String language, String translateLanguage) {
      this.path = path;
      this.streaming = streaming;
      this.language = language;
      this.translateLanguage = translateLanguage;
    }
  }

  GmePtt(Session session) {
    this.session = session;
    this.events = session.events();
  }

  // ---- setup ------------------------------------------------------------------------------------

  /**
   * {@code ApplyPTTAuthbuffer(authBuffer)}: checks the buffer with the simulator and keeps it for
   * every later call; returns 0, 1101 before Init, or 1004 for an empty buffer. Blocks the caller
   * for one HTTP exchange.
   */
  public int applyPTTAuthbuffer(byte[] authBuffer) {
    if (authBuffer == null || authBuffer.length == 0) {
      this.authBuffer = null;
      return GmeErrorCode.AV_ERR_INVALID_ARGUMENT.value();
    }
    URI base = session.httpBase();
    if (base == null) {
      return GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.value();
    }
    Map<String, String> headers = headers();
    headers.put(VoiceHttp.AUTH_BUFFER, Base64.getEncoder().encodeToString(authBuffer));
    PttHttp.Exchange x;
    CompletableFuture<PttHttp.Exchange> answer = new CompletableFuture<>();
    http(Operation.PTT_APPLY_AUTH, VoiceHttp.Route.AUTH.path(), "POST", headers, HttpRequest.BodyPublishers.noBody(),
        false, answer::complete);
    try {
      x = answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return GmeErrorCode.AV_ERR_USER_CANCELED.value();
    } catch (ExecutionException e) {
      return GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.value();
    }
    int result = x.json() != null ? x.result() : GmeErrorCode.AV_ERR_NET_REQUEST_FALLED.value();
    if (result == 0) {
      this.authBuffer = authBuffer.clone();
    }
    return result;
  }

  /**
   * {@code SetMaxMessageLength(ms)}: recordings stop by themselves after this long (simulated);
   * 1000 &lt; ms &le; 58000, else 1004 and the length is unchanged.
   */
  public int setMaxMessageLength(int ms) {
    if (ms <= MIN_MESSAGE_LENGTH_MS || ms > MAX_MESSAGE_LENGTH_MS) {
      return GmeErrorCode.AV_ERR_INVALID_ARGUMENT.value();
    }
    maxMessageLengthMs = ms;
    return 0;
  }

  // ---- recording ----------------------------------------------------------------------------------

  /**
   * {@code StartRecording(filePath)}: returns 0; the recording stops with {@link #stopRecording()}
   * or after the maximum message length, and ends with {@code PTT_RECORD_COMPLETE}, which also
   * reports a failure to start (4101 when the folder does not exist, 4099 while recording, ...).
   */
  public int startRecording(String filePath) {
    return start(filePath, false, null, null);
  }

  /**
   * {@code StartRecordingWithStreamingRecognition(filePath)}: records like {@link #startRecording}
   * in GME's default language (cmn-Hans-CN) and reports the recognized text as it goes: a
   * {@code PTT_STREAMINGRECOGNITION_IS_RUNNING} with the text so far (empty {@code file_id}) for each
   * second recorded, then, once stopped, {@code PTT_STREAMINGRECOGNITION_COMPLETE} with the text and
   * the stored file's {@code file_id}. 32786 while another streaming recording runs.
   */
  public int startRecordingWithStreamingRecognition(String filePath) {
    return startRecordingWithStreamingRecognition(filePath, DEFAULT_LANGUAGE, DEFAULT_LANGUAGE);
  }

  /**
   * {@code StartRecordingWithStreamingRecognition(filePath, speechLanguage)}: as the one-argument
   * form, recognizing {@code speechLanguage} (null: cmn-Hans-CN); GME's two-argument form passes it
   * as the translate language too. A value that is not a language code ends with 32777.
   */
  public int startRecordingWithStreamingRecognition(String filePath, String speechLanguage) {
    return startRecordingWithStreamingRecognition(filePath, speechLanguage, speechLanguage);
  }

  /**
   * {@code StartRecordingWithStreamingRecognition(filePath, speechLanguage, translateLanguage)}: as
   * the two-argument form; GME documents the translate language as unavailable, so it is sent and
   * ignored.
   */
  public int startRecordingWithStreamingRecognition(String filePath, String speechLanguage, String translateLanguage) {
    String speech = speechLanguage == null ? DEFAULT_LANGUAGE : speechLanguage;
    return start(filePath, true, speech, translateLanguage == null ? speech : translateLanguage);
  }

  /**
   * {@code PauseRecording()}: the recording stops counting time until {@link #resumeRecording()}; no
   * partial results arrive meanwhile. Returns 0, 4104 without a recording, or 1003 when it is paused
   * already (GME: treat as success). Blocks the caller for one round trip.
   */
  public int pauseRecording() {
    return session.call(new RoomArgs.PttPauseRecording(), r -> {
      Recording rec = current();
      if (r.result() == 0 && rec != null) {
        rec.timeline.pause(r.data().path("recorded_ms").asLong());
      }
    });
  }

  /**
   * {@code ResumeRecording()}: a paused recording counts time again, toward its length and its
   * maximum. Returns 0, 4104 without a recording, or 1003 when it is not paused (it runs on).
   * Blocks the caller for one round trip.
   */
  public int resumeRecording() {
    return session.call(new RoomArgs.PttResumeRecording(), r -> {
      Recording rec = current();
      if (r.result() == 0 && rec != null) {
        rec.timeline.run(r.data().path("recorded_ms").asLong());
      }
    });
  }

  /**
   * {@code StopRecording()}: returns 0; the outcome arrives as {@code PTT_RECORD_COMPLETE} (4104
   * without a recording, 4103 under 1000 ms), or for a streaming recording as
   * {@code PTT_STREAMINGRECOGNITION_COMPLETE}. A paused recording may be stopped.
   */
  public int stopRecording() {
    Recording rec = takeRecording();
    session.send(new RoomArgs.PttStopRecording(), (reply, failure) ->
        offLoop(() -> stopped(rec, Session.orFailure(reply, failure))));
    return 0;
  }

  /** {@code CancelRecording()}: drops the recording in progress; no event follows, as in GME. */
  public int cancelRecording() {
    takeRecording();
    session.send(new RoomArgs.PttCancelRecording());
    return 0;
  }

  private Recording current() {
    synchronized (lock) {
      return recording;
    }
  }

  /** Ends this context's record of its recording, and the recording's timers; returns it, or null. */
  private Recording takeRecording() {
    Recording rec;
    synchronized (lock) {
      rec = recording;
      recording = null;
    }
    if (rec != null) {
      rec.timeline.stop();
    }
    return rec;
  }

  private int start(String filePath, boolean streaming, String language, String translateLanguage) {
    GmeEventType done = streaming ? GmeEventType.PTT_STREAMINGRECOGNITION_COMPLETE : GmeEventType.PTT_RECORD_COMPLETE;
    if (filePath != null && !filePath.isBlank()) {
      Path parent = Paths.get(filePath).toAbsolutePath().getParent();
      if (parent == null || !Files.isDirectory(parent)) {
        GmeErrorCode code = GmeErrorCode.QAVPTTERROR_RECORDER_OPENFILE_ERR;
        events.emit(done, code.value(), code.name() + ": the folder " + parent + " does not exist; create it first",
            Events.fields("file_path", filePath, "text", streaming ? "" : null, "file_id", streaming ? "" : null));
        return 0;
      }
    }
    Recording rec = new Recording(filePath == null ? "" : filePath, streaming, language, translateLanguage);
    boolean mine;
    synchronized (lock) {
      // A start while recording is refused by the simulator (4099); the running recording keeps its state.
      mine = recording == null;
      if (mine) {
        recording = rec;
      }
    }
    int maxMs = maxMessageLengthMs;
    // The languages go with a streaming start only: a plain recording recognizes nothing.
    RoomArgs.PttStartRecording a = new RoomArgs.PttStartRecording(rec.path, maxMs, streaming,
        streaming ? language : null, streaming ? translateLanguage : null);
    session.send(a, (reply, failure) -> {
      Message.Reply r = Session.orFailure(reply, failure);
      if (r.result() != 0) {
        if (mine) {
          synchronized (lock) {
            if (recording == rec) {
              recording = null;
            }
          }
          rec.timeline.stop();
        }
        events.emit(done, r.result(), r.errorInfo(),
            Events.fields("file_path", filePath, "text", streaming ? "" : null, "file_id", streaming ? "" : null));
        return;
      }
      if (mine) {
        // On the I/O thread, before the session clock can move: the timers start at the start.
        schedule(rec, r.data(), maxMs);
      }
    });
    return 0;
  }

  /**
   * Sets a recording's timers on its recorded time: each partial result the simulator planned for a
   * streaming recognition, then GME's stop at the maximum length (the server caps the duration to
   * match). A stop or cancel before the start's reply already stopped the timeline, so nothing runs.
   */
  private void schedule(Recording rec, JsonNode started, int maxMs) {
    for (JsonNode p : started.path("partials")) {
      String text = p.path("text").asText("");
      rec.timeline.at(p.path("at_ms").asLong(), () -> partial(rec, text));
    }
    // The stop may have to reconnect, which blocks: run it off the I/O thread the timer fires on.
    rec.timeline.at(started.path("max_ms").asLong(maxMs), () -> offLoop(() -> autoStop(rec)));
    rec.timeline.run(0);
  }

  private void partial(Recording rec, String text) {
    if (current() == rec) {
      events.emit(GmeEventType.PTT_STREAMINGRECOGNITION_IS_RUNNING, 0, "",
          Events.fields("file_path", rec.path, "text", text, "file_id", ""));
    }
  }

  private void autoStop(Recording rec) {
    if (current() == rec && !session.isClosed()) {
      stopRecording();
    }
  }

  /** Runs on the blocking pool: writes the WAV, then reports, or starts the recognition of a streaming recording. */
  private void stopped(Recording rec, Message.Reply r) {
    JsonNode d = r.data();
    String path = d.hasNonNull("file_path") ? d.get("file_path").asText() : rec == null ? "" : rec.path;
    boolean streaming = d.has("streaming") ? d.get("streaming").asBoolean() : rec != null && rec.streaming;
    GmeEventType done = streaming ? GmeEventType.PTT_STREAMINGRECOGNITION_COMPLETE : GmeEventType.PTT_RECORD_COMPLETE;
    Map<String, Object> f = Events.fields("file_path", path, "text", streaming ? "" : null, "file_id", streaming ? "" : null);
    if (r.result() != 0) {
      events.emit(done, r.result(), r.errorInfo(), f);
      return;
    }
    long durationMs = d.path("duration_ms").asLong();
    try {
      Wav.write(Paths.get(path), durationMs);
    } catch (IOException | RuntimeException e) {
      GmeErrorCode code = GmeErrorCode.QAVPTTERROR_RECORDER_OPENFILE_ERR;
      events.emit(done, code.value(), code.name() + ": cannot write " + path + ": " + e.getMessage(), f);
      return;
    }
    if (!streaming) {
      f.put("duration_ms", durationMs);
      events.emit(done, 0, "", f);
      return;
    }
    recognize(path, durationMs, rec);
  }

  /**
   * The recognition of a stopped streaming recording: its audio and languages go to the simulator,
   * whose answer completes it. The partial results were reported while it recorded.
   */
  private void recognize(String path, long durationMs, Recording rec) {
    Operation op = Operation.PTT_STREAMING_RECOGNITION;
    Map<String, String> headers = headers();
    headers.put(VoiceHttp.DURATION_MS, Long.toString(durationMs));
    headers.put(VoiceHttp.LANGUAGE, rec == null ? DEFAULT_LANGUAGE : rec.language);
    headers.put(VoiceHttp.TRANSLATE_LANGUAGE, rec == null ? DEFAULT_LANGUAGE : rec.translateLanguage);
    headers.put("Content-Type", "audio/wav");
    long start = session.clock().nowMs();
    http(op, VoiceHttp.Route.STREAMING_RECOGNITION.path(), "POST", headers, ofFile(path), false, x -> {
      Map<String, Object> f = Events.fields("file_path", path, "text", "", "file_id", "");
      if (x.json() != null) {
        // 32777 (recorded and uploaded, not recognized) carries the stored file's id too, as in GME.
        f.put("file_id", x.json().path("file_id").asText(""));
        if (x.result() == 0) {
          f.put("text", x.json().path("text").asText(""));
          f.put("language", x.json().path("language").asText(headers.get(VoiceHttp.LANGUAGE)));
        }
      }
      finish(op, x, f, start);
    });
  }

  // ---- upload, download, speech-to-text ---------------------------------------------------------

  /**
   * {@code UploadRecordedFile(filePath)}: returns 0; {@code PTT_UPLOAD_COMPLETE} reports the
   * {@code file_id} (a URL back to the simulator), or 8193 for a missing file, 8200 without
   * ApplyPTTAuthbuffer, 8195 on a network failure, ...
   */
  public int uploadRecordedFile(String filePath) {
    Operation op = Operation.PTT_UPLOAD;
    long start = session.clock().nowMs();
    offLoop(() -> {
      Map<String, Object> f = Events.fields("file_path", filePath, "file_id", "");
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(Paths.get(filePath));
        if (bytes.length == 0) {
          throw new IOException("the file is empty");
        }
      } catch (IOException | RuntimeException e) {
        GmeErrorCode code = GmeErrorCode.QAVPTTERROR_UPLOAD_FILE_ACCESSERROR;
        events.emit(GmeEventType.PTT_UPLOAD_COMPLETE, code.value(), code.name() + ": cannot read " + filePath + ": "
            + e.getMessage() + "; record or write the file first", f);
        return;
      }
      Map<String, String> headers = headers();
      headers.put(VoiceHttp.DURATION_MS, Long.toString(Math.max(0, Wav.durationMs(bytes))));
      headers.put("Content-Type", "application/octet-stream");
      http(op, VoiceHttp.Route.UPLOAD.path(), "POST", headers, HttpRequest.BodyPublishers.ofByteArray(bytes),
          false, x -> {
            if (x.json() != null && x.result() == 0) {
              f.put("file_id", x.json().path("file_id").asText(""));
            }
            finish(op, x, f, start);
          });
    });
    return 0;
  }

  /**
   * {@code DownloadRecordedFile(fileId, filePath)}: returns 0; {@code PTT_DOWNLOAD_COMPLETE}
   * reports the outcome once the file is written (12292 for an unknown file id, 12289 when the
   * target folder does not exist, ...).
   */
  public int downloadRecordedFile(String fileId, String filePath) {
    Operation op = Operation.PTT_DOWNLOAD;
    long start = session.clock().nowMs();
    Map<String, Object> f = Events.fields("file_path", filePath, "file_id", fileId == null ? "" : fileId);
    Path target = filePath == null || filePath.isBlank() ? null : Paths.get(filePath).toAbsolutePath();
    if (target == null || target.getParent() == null || !Files.isDirectory(target.getParent())) {
      GmeErrorCode code = GmeErrorCode.QAVPTTERROR_DOWNLOAD_FILE_ACCESSERROR;
      events.emit(GmeEventType.PTT_DOWNLOAD_COMPLETE, code.value(), code.name() + ": cannot write to '" + filePath
          + "'; pass a path in an existing folder", f);
      return 0;
    }
    if (fileId == null || fileId.isBlank()) {
      GmeErrorCode code = GmeErrorCode.QAVPTTERROR_DOWNLOAD_REMOTEFILE_ACCESSERROR;
      events.emit(GmeEventType.PTT_DOWNLOAD_COMPLETE, code.value(), code.name()
          + ": the file id is empty; pass the file_id of PTT_UPLOAD_COMPLETE", f);
      return 0;
    }
    String path = fileId.contains("://") ? fileId : VoiceHttp.FILES_PATH + fileId;
    try {
      URI.create(path);
    } catch (IllegalArgumentException notAUrl) {
      GmeErrorCode code = GmeErrorCode.QAVPTTERROR_DOWNLOAD_REMOTEFILE_ACCESSERROR;
      events.emit(GmeEventType.PTT_DOWNLOAD_COMPLETE, code.value(), code.name() + ": the file id '" + fileId
          + "' is not a URL; pass the file_id of PTT_UPLOAD_COMPLETE", f);
      return 0;
    }
    http(op, path, "GET", headers(), HttpRequest.BodyPublishers.noBody(), true, x -> {
      if (x.bytes() != null) {
        try {
          Files.write(target, x.bytes());
        } catch (IOException e) {
          GmeErrorCode code = GmeErrorCode.QAVPTTERROR_DOWNLOAD_FILE_ACCESSERROR;
          events.emit(GmeEventType.PTT_DOWNLOAD_COMPLETE, code.value(), code.name() + ": cannot write " + filePath
              + ": " + e.getMessage(), f);
          return;
        }
      }
      finish(op, x, f, start);
    });
    return 0;
  }

  /**
   * {@code SpeechToText(fileId)}: returns 0; {@code PTT_SPEECH2TEXT_COMPLETE} reports {@code text}
   * in GME's default language, cmn-Hans-CN (32784 for an empty file id, 32774 without
   * ApplyPTTAuthbuffer, ...).
   */
  public int speechToText(String fileId) {
    return speechToText(fileId, DEFAULT_LANGUAGE, DEFAULT_LANGUAGE);
  }

  /**
   * {@code SpeechToText(fileId, speechLanguage)}: as {@link #speechToText(String)}, recognizing
   * {@code speechLanguage} (null: cmn-Hans-CN), which GME's two-argument form also passes as the
   * translate language. A value that is not a language code ends with 32785.
   */
  public int speechToText(String fileId, String speechLanguage) {
    return speechToText(fileId, speechLanguage, speechLanguage);
  }

  /**
   * {@code SpeechToText(fileId, speechLanguage, translateLanguage)}: as the two-argument form; GME
   * documents the translate language as unavailable, so it is sent and the text is not translated.
   */
  public int speechToText(String fileId, String speechLanguage, String translateLanguage) {
    Operation op = Operation.PTT_SPEECH_TO_TEXT;
    long start = session.clock().nowMs();
    String speech = speechLanguage == null ? DEFAULT_LANGUAGE : speechLanguage;
    ObjectNode body = MessageCodec.mapper().createObjectNode().put("file_id", fileId == null ? "" : fileId)
        .put("language", speech).put("translate_language", translateLanguage == null ? speech : translateLanguage);
    Map<String, String> headers = headers();
    headers.put("Content-Type", "application/json");
    http(op, VoiceHttp.Route.SPEECH_TO_TEXT.path(), "POST", headers,
        HttpRequest.BodyPublishers.ofString(body.toString()), false, x -> {
          Map<String, Object> f = Events.fields("text", "", "file_id", fileId == null ? "" : fileId);
          if (x.json() != null && x.result() == 0) {
            f.put("text", x.json().path("text").asText(""));
            f.put("language", x.json().path("language").asText(speech));
          }
          finish(op, x, f, start);
        });
    return 0;
  }

  // ---- playback -----------------------------------------------------------------------------------

  /**
   * {@code PlayRecordedFile(filePath)}: returns 0; {@code PTT_PLAY_COMPLETE} arrives when the file
   * has played (its length in simulated time) or was stopped; 20484 when it cannot be opened.
   * Playing a new file interrupts the current one, which completes first.
   */
  public int playRecordedFile(String filePath) {
    return playRecordedFile(filePath, 0);
  }

  /** As {@link #playRecordedFile(String)}; the voice changer type is accepted and ignored. */
  public int playRecordedFile(String filePath, int voiceType) {
    Map<String, Object> f = Events.fields("file_path", filePath);
    long durationMs = 0;
    if (filePath != null && !filePath.isBlank()) {
      try {
        durationMs = Wav.durationMs(Paths.get(filePath));
      } catch (IOException | RuntimeException e) {
        durationMs = -1;
      }
      if (durationMs < 0) {
        GmeErrorCode code = GmeErrorCode.QAVPTTERROR_PLAYER_OPENFILE_ERR;
        events.emit(GmeEventType.PTT_PLAY_COMPLETE, code.value(), code.name() + ": cannot open " + filePath
            + " as a WAV file; play a file StartRecording or DownloadRecordedFile wrote", f);
        return 0;
      }
    }
    long length = durationMs;
    session.send(new RoomArgs.PttPlay(filePath == null ? "" : filePath, length), (reply, failure) -> {
          Message.Reply r = Session.orFailure(reply, failure);
          if (r.result() != 0) {
            events.emit(GmeEventType.PTT_PLAY_COMPLETE, r.result(), r.errorInfo(), f);
            return;
          }
          stopPlayFile();
          synchronized (lock) {
            playingPath = filePath;
            playEnd = session.clock().schedule(Duration.ofMillis(length), () -> endPlay(filePath));
          }
        });
    return 0;
  }

  /** {@code StopPlayFile()}: stops playback, which still ends with {@code PTT_PLAY_COMPLETE}; 20485 when nothing plays. */
  public int stopPlayFile() {
    String path;
    synchronized (lock) {
      if (playingPath == null) {
        return GmeErrorCode.QAVPTTERROR_PLAYER_PLAYER_NOT_START_ERR.value();
      }
      path = playingPath;
      playingPath = null;
      if (playEnd != null) {
        playEnd.cancel();
        playEnd = null;
      }
    }
    events.emit(GmeEventType.PTT_PLAY_COMPLETE, 0, "", Events.fields("file_path", path));
    return 0;
  }

  private void endPlay(String filePath) {
    synchronized (lock) {
      if (playingPath == null || !playingPath.equals(filePath)) {
        return;
      }
      playingPath = null;
      playEnd = null;
    }
    events.emit(GmeEventType.PTT_PLAY_COMPLETE, 0, "", Events.fields("file_path", filePath));
  }

  // ---- files --------------------------------------------------------------------------------------

  /** {@code GetFileSize(filePath)}: the file's size in bytes, or 0 when it cannot be read. */
  public int getFileSize(String filePath) {
    try {
      return (int) Math.min(Integer.MAX_VALUE, Files.size(Paths.get(filePath)));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** {@code GetVoiceFileDuration(filePath)}: the recording's length in milliseconds, or 0 when it is not a readable WAV. */
  public int getVoiceFileDuration(String filePath) {
    try {
      return (int) Math.max(0, Wav.durationMs(Paths.get(filePath)));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Stops the timers of this context's recording and playback. */
  void close() {
    takeRecording();
    synchronized (lock) {
      if (playEnd != null) {
        playEnd.cancel();
        playEnd = null;
      }
      playingPath = null;
    }
  }

  // ---- plumbing -----------------------------------------------------------------------------------

  private void http(Operation op, String path, String method, Map<String, String> headers,
      HttpRequest.BodyPublisher body, boolean binary, java.util.function.Consumer<PttHttp.Exchange> then) {
    URI base = session.httpBase();
    if (base == null) {
      then.accept(new PttHttp.Exchange(null, null, PttHttp.Failure.NETWORK,
          "the simulator announced no HTTP address; pass GmeContext.builder().http(uri)"));
      return;
    }
    URI uri = path.contains("://") ? URI.create(path) : base.resolve(path);
    ClockEngine clock = session.clock();
    if (clock.isSimulated()) {
      new SessionExchange(op, method, uri, headers, body, binary, then).start();
      return;
    }
    PttHttp.send(method, uri, headers, body, httpTimeout(), binary).thenAccept(then).exceptionally(e -> {
      LOG.warn("voice-message {} to {} failed in the SDK", op, uri, e);
      return null;
    });
  }

  /**
   * Runs blocking work (file I/O, a stop that may reconnect) off the I/O thread; until it is done the
   * session counts as busy, so a virtual clock does not skip past it.
   */
  private void offLoop(Runnable work) {
    ClockEngine clock = session.clock();
    clock.busyStart();
    session.blockingPool().execute(() -> {
      try {
        work.run();
      } finally {
        clock.busyEnd();
      }
    });
  }

  /**
   * One voice-message exchange of a virtual or manual session. The SDK's request timeout is a session
   * timer; the simulator answers a delay or a no-reply fault with {@code 202} and a ticket, and the
   * exchange is sent again with {@code X-Gme-Release} when the session's clock reaches the due time.
   * The wall clock only bounds an answer that stalled without notice.
   */
  private final class SessionExchange {
    private final Operation op;
    private final String method;
    private final URI uri;
    private final Map<String, String> headers;
    private final HttpRequest.BodyPublisher body;
    private final boolean binary;
    private final java.util.function.Consumer<PttHttp.Exchange> then;
    private final ClockEngine clock = session.clock();
    private final long key = session.nextId();
    private final AtomicBoolean done = new AtomicBoolean();
    private ClockEngine.Timer timeout;

    SessionExchange(Operation op, String method, URI uri, Map<String, String> headers, HttpRequest.BodyPublisher body,
        boolean binary, java.util.function.Consumer<PttHttp.Exchange> then) {
      this.op = op;
      this.method = method;
      this.uri = uri;
      this.headers = new LinkedHashMap<>(headers);
      this.headers.put(VoiceHttp.SESSION, session.sessionId());
      this.body = body;
      this.binary = binary;
      this.then = then;
    }

    void start() {
      long timeoutMs = session.requestTimeout().toMillis();
      timeout = clock.schedule(session.requestTimeout(), () -> finish(new PttHttp.Exchange(null, null,
          PttHttp.Failure.NETWORK, "no answer from " + uri + " within " + timeoutMs + " ms (simulated)")));
      attempt(null);
    }

    private void attempt(String ticket) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(VoiceHttp.RELEASE, ticket);
      clock.sent(key, () -> {
        if (done.compareAndSet(false, true)) {
          timeout.cancel();
          session.stalled(op + " over HTTP got no answer within " + clock.stallGuard().toSeconds()
              + " s of wall time, and the simulator did not announce it as held; is it overloaded or stopped?");
        }
      });
      PttHttp.send(method, uri, h, body, clock.stallGuard().multipliedBy(2), binary).thenAccept(x -> {
        if (done.get()) {
          clock.answered(key);
        } else if (x.held()) {
          if (x.heldUntil() >= 0) {
            clock.scheduleAt(x.heldUntil(), () -> attempt(x.heldTicket()));
          }
          clock.held(key, -1);
        } else {
          finish(x);
        }
      }).exceptionally(e -> {
        LOG.warn("voice-message {} to {} failed in the SDK", op, uri, e);
        return null;
      });
    }

    private void finish(PttHttp.Exchange x) {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      timeout.cancel();
      clock.busyStart();
      try {
        then.accept(x);
      } finally {
        clock.busyEnd();
        clock.answered(key);
      }
    }
  }

  private Duration httpTimeout() {
    return session.clock().mode().scale().toWall(session.requestTimeout()).plus(HTTP_SLACK);
  }

  private HttpRequest.BodyPublisher ofFile(String path) {
    try {
      return HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(Paths.get(path)));
    } catch (IOException e) {
      return HttpRequest.BodyPublishers.noBody();
    }
  }

  private Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(VoiceHttp.APP_ID, session.appId());
    h.put(VoiceHttp.OPEN_ID, session.openId());
    byte[] auth = authBuffer;
    h.put(VoiceHttp.AUTH_BUFFER, auth == null ? null : Base64.getEncoder().encodeToString(auth));
    h.put(VoiceHttp.TAG, session.tag());
    return h;
  }

  /** Reports an HTTP operation's event: the GME result of the answer, or the code GME gives the transport failure. */
  private void finish(Operation op, PttHttp.Exchange x, Map<String, Object> f, long startMs) {
    int result;
    String info;
    if (x.json() != null) {
      result = x.result();
      info = x.errorInfo();
    } else if (x.bytes() != null) {
      result = 0;
      info = "";
    } else {
      GmeErrorCode code = transportCode(op, x.failure());
      result = code.value();
      info = code.name() + ": " + x.detail();
    }
    f.put("elapsed_ms", session.clock().nowMs() - startMs);
    events.emit(op.event().orElseThrow(), result, info, f);
  }

  /** The code GME reports when an HTTP exchange fails below the JSON result; docs/voice-messages.md has the table. */
  static GmeErrorCode transportCode(Operation op, PttHttp.Failure failure) {
    switch (op) {
      case PTT_UPLOAD:
        switch (failure) {
          case EMPTY: return GmeErrorCode.QAVPTTERROR_UPLOAD_SYSTEM_INNER_ERROR;
          case UNDECODABLE: return GmeErrorCode.QAVPTTERROR_UPLOAD_RSP_DATA_DECODE_FAIL;
          case SERVER: return GmeErrorCode.QAVPTTERROR_UPLOAD_GET_TOKEN_NETWORK_FAIL;
          default: return GmeErrorCode.QAVPTTERROR_UPLOAD_COS_INTERNAL_FAIL;
        }
      case PTT_DOWNLOAD:
        switch (failure) {
          case EMPTY: return GmeErrorCode.QAVPTTERROR_DOWNLOAD_SYSTEM_INNER_ERROR;
          case UNDECODABLE: return GmeErrorCode.QAVPTTERROR_DOWNLOAD_GET_SIGN_RSP_DATA_DECODE_FAIL;
          case SERVER: return GmeErrorCode.QAVPTTERROR_DOWNLOAD_COS_INTERNAL_FAIL;
          default: return GmeErrorCode.QAVPTTERROR_DOWNLOAD_GET_SIGN_NETWORK_FAIL;
        }
      case PTT_SPEECH_TO_TEXT:
        switch (failure) {
          case UNDECODABLE: return GmeErrorCode.QAVPTTERROR_S2T_RSP_DATA_DECODE_FAIL;
          case SERVER: return GmeErrorCode.QAVPTTERROR_S2T_INTERNAL_ERROR;
          default: return GmeErrorCode.QAVPTTERROR_S2T_NETWORK_FAIL;
        }
      case PTT_STREAMING_RECOGNITION:
        switch (failure) {
          case UNDECODABLE:
          case SERVER:
            return GmeErrorCode.QAVPTTERROR_STREAMIN_UPLOADANDRECORD_SUC_REC_FAIL;
          default:
            return GmeErrorCode.QAVPTTERROR_STREAMIN_RECORD_SUC_REC_FAIL;
        }
      default:
        return GmeErrorCode.AV_ERR_NET_REQUEST_FALLED;
    }
  }
}
