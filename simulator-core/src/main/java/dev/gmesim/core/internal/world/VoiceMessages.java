package dev.gmesim.core.internal.world;

import static dev.gmesim.core.catalog.GmeErrorCode.AV_ERR_HAS_IN_THE_STATE;
import static dev.gmesim.core.catalog.GmeErrorCode.QAVPTTERROR_ERR_VOICE_STREAMIN_RUNING_ERROR;
import static dev.gmesim.core.catalog.GmeErrorCode.QAVPTTERROR_PLAYER_PARAM_NULL;
import static dev.gmesim.core.catalog.GmeErrorCode.QAVPTTERROR_RECORDER_AUDIO_TOO_SHORT;
import static dev.gmesim.core.catalog.GmeErrorCode.QAVPTTERROR_RECORDER_PARAM_NULL;
import static dev.gmesim.core.catalog.GmeErrorCode.QAVPTTERROR_RECORDER_RECORDING_ERR;
import static dev.gmesim.core.catalog.GmeErrorCode.QAVPTTERROR_RECORDER_RECORD_NOT_START;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The voice-message (PTT) side of the world: the file store behind upload and download, the
 * transcripts speech-to-text returns, and each session's recording, so that misuse yields GME's
 * codes without any injected fault (stop without start: 4104, start while recording: 4099, a
 * recording under 1000 ms: 4103, streaming while a streaming recording runs: 32786). A paused
 * recording's paused time does not count toward its length.
 *
 * <p>The store keeps at most {@code maxBytes} of audio; when a new file would exceed it, the
 * oldest files are dropped, as GME drops files after 90 days, and a later download of them fails
 * with 12292. Thread-safe: uploads and downloads arrive on many HTTP threads at once.
 *
 * <pre>{@code
 * VoiceMessages voice = new VoiceMessages(64 << 20, clock::simulatedMillis);
 * String id = voice.store(bytes, 2000, "1400000000", "10001");
 * voice.transcript(id, "meet at the bridge");
 * voice.file(id).orElseThrow().bytes();   // the same bytes
 * }</pre>
 */
public final class VoiceMessages {
  /** GME's shortest recording: anything shorter fails with 4103. */
  public static final long MIN_RECORDING_MS = 1000;
  /** GME's default and largest maximum message length ({@code SetMaxMessageLength}). */
  public static final long MAX_RECORDING_MS = 58_000;
  /** The store's default bound on the bytes it keeps: 256 MiB. */
  public static final long DEFAULT_MAX_BYTES = 256L << 20;
  /** What speech-to-text answers for a file no test gave a transcript; stock WireMock answers the same. */
  public static final String DEFAULT_TRANSCRIPT = "this is a simulated voice message";
  /** A streaming recording reports a partial result each time this much more has been recorded (paused time excluded). */
  public static final long PARTIAL_EVERY_MS = 1000;
  /** The shape of GME's language parameters (cmn-Hans-CN, en-US, ja-JP): subtags joined by '-', the first of 2 or 3 letters. */
  private static final Pattern LANGUAGE_CODE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final long maxBytes;
  private final java.util.function.ToLongFunction<String> simulatedMillis;
  private final ConcurrentHashMap<String, StoredFile> files = new ConcurrentHashMap<>();
  /** Ids in order of storing, for dropping the oldest; guarded by itself, with storedBytes. */
  private final LinkedHashMap<String, Long> order = new LinkedHashMap<>();
  private long storedBytes;
  private final ConcurrentHashMap<String, String> transcripts = new ConcurrentHashMap<>();
  /** Per session; guarded by this. */
  private final Map<String, Recording> recordings = new HashMap<>();

  /**
   * One stored voice message.
   *
   * @param id the id inside the file id URL
   * @param bytes the audio exactly as uploaded; callers must not change the array
   * @param durationMs the duration the uploader announced, 0 if unknown
   * @param appId the uploader's AppID, or null
   * @param openId the uploader's OpenID, or null
   */
  public record StoredFile(String id, byte[] bytes, long durationMs, String appId, String openId) {}

  /** A recording under way; {@code pausedAtMs} is -1 while it runs, {@code pausedMs} the paused time before. */
  private record Recording(String filePath, long startedAtMs, long maxMs, boolean streaming, long pausedAtMs,
      long pausedMs) {
    long recordedMs(long nowMs) {
      long end = pausedAtMs >= 0 ? pausedAtMs : nowMs;
      return Math.min(Math.max(0, end - startedAtMs - pausedMs), maxMs);
    }

    boolean paused() {
      return pausedAtMs >= 0;
    }

    Recording pausedAt(long nowMs) {
      return new Recording(filePath, startedAtMs, maxMs, streaming, nowMs, pausedMs);
    }

    Recording resumedAt(long nowMs) {
      return new Recording(filePath, startedAtMs, maxMs, streaming, -1, pausedMs + Math.max(0, nowMs - pausedAtMs));
    }
  }

  /**
   * Creates an empty store bounded to {@code maxBytes}; {@code simulatedMillis} reads the simulated
   * clock in milliseconds (any origin), which times recordings.
   */
  public VoiceMessages(long maxBytes, LongSupplier simulatedMillis) {
    this(maxBytes, sessionClock(simulatedMillis));
  }

  /**
   * Creates an empty store bounded to {@code maxBytes}; {@code sessionMillis} reads a session's own
   * simulated clock in milliseconds, which times that session's recordings.
   */
  public VoiceMessages(long maxBytes, java.util.function.ToLongFunction<String> sessionMillis) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("voice-message store bound " + maxBytes
          + " bytes is not positive; pass e.g. 256 MiB (268435456)");
    }
    this.maxBytes = maxBytes;
    this.simulatedMillis = Objects.requireNonNull(sessionMillis,
        "VoiceMessages: sessionMillis is null; pass a clock such as s -> System.currentTimeMillis()");
  }

  private static java.util.function.ToLongFunction<String> sessionClock(LongSupplier simulatedMillis) {
    Objects.requireNonNull(simulatedMillis,
        "VoiceMessages: simulatedMillis is null; pass a clock such as System::currentTimeMillis");
    return session -> simulatedMillis.getAsLong();
  }

  // ---- file store ---------------------------------------------------------------------------

  /**
   * Stores an uploaded file and returns its new id; the oldest files make room when the store is
   * full. A single file larger than the whole bound is refused with an {@link IllegalArgumentException}.
   */
  public String store(byte[] bytes, long durationMs, String appId, String openId) {
    Objects.requireNonNull(bytes, "VoiceMessages.store: bytes is null");
    if (bytes.length > maxBytes) {
      throw new IllegalArgumentException("a voice message of " + bytes.length + " bytes exceeds the store's bound of "
          + maxBytes + " bytes; start the simulator with a larger voice-message store");
    }
    synchronized (order) {
      String id;
      do {
        id = newId();
      } while (files.containsKey(id));
      StoredFile file = new StoredFile(id, bytes, Math.max(0, durationMs), appId, openId);
      while (storedBytes + bytes.length > maxBytes && !order.isEmpty()) {
        Iterator<Map.Entry<String, Long>> oldest = order.entrySet().iterator();
        Map.Entry<String, Long> gone = oldest.next();
        oldest.remove();
        storedBytes -= gone.getValue();
        files.remove(gone.getKey());
        transcripts.remove(gone.getKey());
      }
      order.put(id, (long) bytes.length);
      storedBytes += bytes.length;
      files.put(id, file);
      return id;
    }
  }

  /**
   * Returns the store id inside a file id: the last path segment of a URL such as
   * {@code http://127.0.0.1:8080/gme/ptt/v1/files/ab12}, or the value itself when it has no slash.
   */
  public static String idOf(String fileId) {
    if (fileId == null) {
      return "";
    }
    String s = fileId.strip();
    int q = s.indexOf('?');
    if (q >= 0) {
      s = s.substring(0, q);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.substring(s.lastIndexOf('/') + 1);
  }

  /** Returns the stored file with this id, or empty if it never existed or was dropped. */
  public Optional<StoredFile> file(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(files.get(id));
  }

  /** Sets the text speech-to-text returns for this file; fails naming the id if there is no such file. */
  public void transcript(String id, String text) {
    Objects.requireNonNull(text, "transcript text is null; pass the words speech-to-text should return");
    if (!files.containsKey(id)) {
      throw new IllegalArgumentException("no voice message with id '" + id
          + "'; upload it first and pass the last segment of its file_id URL");
    }
    transcripts.put(id, text);
  }

  /** Returns the transcript of this file: the one a test set, else {@link #DEFAULT_TRANSCRIPT}. */
  public String transcriptOf(String id) {
    return transcripts.getOrDefault(id, DEFAULT_TRANSCRIPT);
  }

  /** Returns how many files the store holds. */
  public int fileCount() {
    return files.size();
  }

  /** Returns how many bytes of audio the store holds. */
  public long storedBytes() {
    synchronized (order) {
      return storedBytes;
    }
  }

  /** Returns the bound on stored bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Splits a transcript into the growing partial texts streaming recognition reports while it
   * runs: about a third, two thirds, then all of the words.
   */
  public static List<String> partials(String text) {
    String[] words = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
    List<String> out = new ArrayList<>();
    for (int step = 1; step <= 3; step++) {
      int n = (int) Math.ceil(words.length * step / 3.0);
      String partial = String.join(" ", java.util.Arrays.copyOf(words, n));
      if (!partial.isEmpty() && (out.isEmpty() || !out.get(out.size() - 1).equals(partial))) {
        out.add(partial);
      }
    }
    return out;
  }

  // ---- recording (device side, asked over the room connection) -----------------------------

  /**
   * Returns whether {@code language} can be one of GME's language parameters: letters and digits in
   * subtags joined by '-', the first of 2 or 3 letters ({@code cmn-Hans-CN}, {@code en-US}). GME's
   * list of languages is not public in full, so a well-formed code is accepted.
   */
  public static boolean isLanguageCode(String language) {
    return language != null && LANGUAGE_CODE.matcher(language).matches();
  }

  /**
   * The partial results a streaming recognition of {@code text} reports while recording: the
   * growing {@link #partials(String) partials}, one each {@link #PARTIAL_EVERY_MS} of recorded time.
   * Each is {@code {"at_ms": N, "text": "..."}}.
   */
  public static List<Map<String, Object>> partialPlan(String text) {
    List<Map<String, Object>> plan = new ArrayList<>();
    List<String> partials = partials(text);
    for (int i = 0; i < partials.size(); i++) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("at_ms", (i + 1) * PARTIAL_EVERY_MS);
      p.put("text", partials.get(i));
      plan.add(p);
    }
    return plan;
  }

  /**
   * StartRecording(filePath) or, with {@code streaming}, StartRecordingWithStreamingRecognition:
   * 4097 for an empty path, 4099 while a recording runs, 32786 for streaming while a streaming
   * recording runs. {@code maxMs} is the session's SetMaxMessageLength. A streaming start answers
   * the partial results the recognition will report ({@link #partialPlan}); none for a
   * {@code language} that is not a language code (null: the client named none, which passes).
   */
  public synchronized Outcome startRecording(String sessionId, String filePath, long maxMs, boolean streaming,
      String language) {
    if (filePath == null || filePath.isBlank()) {
      return Outcome.error(QAVPTTERROR_RECORDER_PARAM_NULL,
          "StartRecording needs a file path; pass the path the recording is written to");
    }
    Recording running = recordings.get(sessionId);
    if (running != null) {
      if (streaming && running.streaming()) {
        return Outcome.error(QAVPTTERROR_ERR_VOICE_STREAMIN_RUNING_ERROR,
            "a streaming recognition into " + running.filePath() + " is running; wait for its "
                + "PTT_STREAMINGRECOGNITION_COMPLETE event");
      }
      return Outcome.error(QAVPTTERROR_RECORDER_RECORDING_ERR,
          "a recording into " + running.filePath() + " is running; call StopRecording and wait for its event first");
    }
    long max = maxMs <= 0 ? MAX_RECORDING_MS : Math.min(maxMs, MAX_RECORDING_MS);
    recordings.put(sessionId, new Recording(filePath, simulatedMillis.applyAsLong(sessionId), max, streaming, -1, 0));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("file_path", filePath);
    data.put("streaming", streaming);
    data.put("max_ms", max);
    if (streaming) {
      if (language != null) {
        data.put("language", language);
      }
      // Recognition of a language it does not know yields no text; the stop then reports 32777.
      data.put("partials", language == null || isLanguageCode(language) ? partialPlan(DEFAULT_TRANSCRIPT) : List.of());
    }
    return Outcome.ok(data, List.of());
  }

  /**
   * PauseRecording(): the session's recording stops counting time until {@link #resumeRecording};
   * 4104 without a recording, 1003 when it is paused already (it stays paused). The data names
   * {@code recorded_ms}, the length recorded so far, and {@code paused}.
   */
  public synchronized Outcome pauseRecording(String sessionId) {
    return pause(sessionId, true);
  }

  /**
   * ResumeRecording(): a paused recording counts time again; 4104 without a recording, 1003 when
   * it is not paused (it runs on). The data names {@code recorded_ms}, the length recorded so far,
   * and {@code paused}.
   */
  public synchronized Outcome resumeRecording(String sessionId) {
    return pause(sessionId, false);
  }

  private Outcome pause(String sessionId, boolean pause) {
    String call = pause ? "PauseRecording" : "ResumeRecording";
    Recording r = recordings.get(sessionId);
    if (r == null) {
      return Outcome.error(QAVPTTERROR_RECORDER_RECORD_NOT_START, call + " without a recording; call StartRecording first");
    }
    long now = simulatedMillis.applyAsLong(sessionId);
    if (r.paused() == pause) {
      // GME's "already in that state": the docs say to treat it as success, and nothing changes.
      return new Outcome(AV_ERR_HAS_IN_THE_STATE.value(), AV_ERR_HAS_IN_THE_STATE.name() + ": the recording into "
          + r.filePath() + (pause ? " is paused already; call ResumeRecording to go on"
              : " is not paused; call PauseRecording first"), recordingData(r, now), List.of(), -1);
    }
    Recording next = pause ? r.pausedAt(now) : r.resumedAt(now);
    recordings.put(sessionId, next);
    return Outcome.ok(recordingData(next, now), List.of());
  }

  private static Map<String, Object> recordingData(Recording r, long nowMs) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("file_path", r.filePath());
    data.put("streaming", r.streaming());
    data.put("recorded_ms", r.recordedMs(nowMs));
    data.put("paused", r.paused());
    return data;
  }

  /**
   * StopRecording(): ends the session's recording, paused or not, and reports its simulated length
   * ({@code duration_ms}: paused time excluded, at most the maximum length): 4104 without a
   * recording, 4103 when it lasted less than 1000 ms.
   */
  public synchronized Outcome stopRecording(String sessionId) {
    Recording r = recordings.remove(sessionId);
    if (r == null) {
      return Outcome.error(QAVPTTERROR_RECORDER_RECORD_NOT_START,
          "StopRecording without a recording; call StartRecording first");
    }
    long duration = r.recordedMs(simulatedMillis.applyAsLong(sessionId));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("file_path", r.filePath());
    data.put("streaming", r.streaming());
    data.put("duration_ms", duration);
    if (duration < MIN_RECORDING_MS) {
      return new Outcome(QAVPTTERROR_RECORDER_AUDIO_TOO_SHORT.value(),
          QAVPTTERROR_RECORDER_AUDIO_TOO_SHORT.name() + ": the recording lasted " + duration
              + " ms; GME keeps only recordings of at least " + MIN_RECORDING_MS + " ms",
          data, List.of(), -1);
    }
    return Outcome.ok(data, List.of());
  }

  /** CancelRecording(): drops the session's recording, if any; GME sends no event for it. */
  public synchronized Outcome cancelRecording(String sessionId) {
    recordings.remove(sessionId);
    return Outcome.ok();
  }

  /** PlayRecordedFile(filePath): 20483 for an empty path; the device plays the file itself. */
  public Outcome play(String filePath) {
    if (filePath == null || filePath.isBlank()) {
      return Outcome.error(QAVPTTERROR_PLAYER_PARAM_NULL, "PlayRecordedFile needs a file path");
    }
    return Outcome.ok(Map.of("file_path", filePath), List.of());
  }

  /** Returns whether the session is recording now. */
  public synchronized boolean isRecording(String sessionId) {
    return recordings.containsKey(sessionId);
  }

  /** Forgets a closed connection's recording. */
  public synchronized void forget(String sessionId) {
    recordings.remove(sessionId);
  }

  /** Drops every file, transcript and recording. */
  public void reset() {
    synchronized (this) {
      recordings.clear();
    }
    synchronized (order) {
      order.clear();
      storedBytes = 0;
      files.clear();
      transcripts.clear();
    }
  }

  private static String newId() {
    // Ids need to be unique, not secret: GME's file ids are plain URLs too.
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[24];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }
}
