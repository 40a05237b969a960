package dev.gmesim.core.sdk;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.sdk.SimFixture.Client;
import dev.gmesim.core.sdk.internal.Wav;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts a client in the state a voice-message operation needs (an uploaded file for download and
 * speech-to-text, a WAV for playback), performs the operation, and returns the code the client
 * saw: the operation's event result, or ApplyPTTAuthbuffer's return value.
 */
final class PttDriver {
  static final byte[] AUTH = "ptt-auth-buffer".getBytes(StandardCharsets.UTF_8);

  private PttDriver() {}

  /** An inited client with the auth buffer applied. */
  static Client authorized(SimFixture f) {
    Client c = f.inited();
    int applied = c.gme().getPTT().applyPTTAuthbuffer(AUTH);
    if (applied != 0) {
      throw new AssertionError("ApplyPTTAuthbuffer failed: " + applied);
    }
    return c;
  }

  /** What an operation works on, prepared before any fault rule is installed. */
  record Prepared(Client client, Path dir, String fileId) {}

  static Prepared ready(SimFixture f, Operation op, Path dir) {
    Client c = op == Operation.PTT_APPLY_AUTH ? f.inited() : authorized(f);
    String fileId = null;
    if (op == Operation.PTT_DOWNLOAD || op == Operation.PTT_SPEECH_TO_TEXT) {
      Path file = write(dir.resolve("uploaded.wav"), Wav.tone(1200));
      c.gme().getPTT().uploadRecordedFile(file.toString());
      GmeEvent up = c.events().await(GmeEventType.PTT_UPLOAD_COMPLETE);
      if (up.result() != 0) {
        throw new AssertionError("upload failed: " + up);
      }
      fileId = up.getStringExtra("file_id");
      c.events().clear();
    }
    return new Prepared(c, dir, fileId);
  }

  /** Performs {@code op} and returns the code GME would hand the game. */
  static int perform(Prepared p, Operation op) {
    return performEvent(p, op).result();
  }

  /** Performs {@code op} and returns the event that reports it (a synthetic one for ApplyPTTAuthbuffer). */
  static GmeEvent performEvent(Prepared p, Operation op) {
    return performEvent(p, op, EventRecorder.DEFAULT_TIMEOUT);
  }

  /** As {@link #performEvent(Prepared, Operation)}, waiting up to {@code timeout} for the event. */
  static GmeEvent performEvent(Prepared p, Operation op, java.time.Duration timeout) {
    Client c = p.client();
    GmePtt ptt = c.gme().getPTT();
    Path dir = p.dir();
    switch (op) {
      case PTT_APPLY_AUTH: {
        int code = ptt.applyPTTAuthbuffer(AUTH);
        return new GmeEvent(GmeEventType.PTT_UPLOAD_COMPLETE, java.util.Map.of("result", code));
      }
      case PTT_PAUSE_RECORDING:
      case PTT_RESUME_RECORDING: {
        // Calls that return their code: a synthetic event carries it, as for ApplyPTTAuthbuffer.
        sent(ptt.startRecording(dir.resolve("paused.wav").toString()));
        int code = ptt.pauseRecording();
        if (op == Operation.PTT_RESUME_RECORDING) {
          if (code != 0) {
            throw new AssertionError("PauseRecording failed before ResumeRecording: " + code);
          }
          code = ptt.resumeRecording();
        }
        ptt.cancelRecording();
        return new GmeEvent(GmeEventType.PTT_RECORD_COMPLETE, java.util.Map.of("result", code));
      }
      case PTT_START_RECORDING:
        ptt.setMaxMessageLength(1500);
        sent(ptt.startRecording(dir.resolve("rec.wav").toString()));
        break;
      case PTT_STOP_RECORDING:
        sent(ptt.startRecording(dir.resolve("rec.wav").toString()));
        sent(ptt.stopRecording());
        break;
      case PTT_UPLOAD:
        sent(ptt.uploadRecordedFile(write(dir.resolve("up.bin"), new byte[] {1, 2, 3, 4}).toString()));
        break;
      case PTT_DOWNLOAD:
        sent(ptt.downloadRecordedFile(p.fileId(), dir.resolve("down.wav").toString()));
        break;
      case PTT_PLAY:
        sent(ptt.playRecordedFile(write(dir.resolve("play.wav"), Wav.tone(1100)).toString()));
        break;
      case PTT_SPEECH_TO_TEXT:
        sent(ptt.speechToText(p.fileId()));
        break;
      case PTT_STREAMING_RECOGNITION:
        ptt.setMaxMessageLength(1500);
        sent(ptt.startRecordingWithStreamingRecognition(dir.resolve("stream.wav").toString()));
        break;
      default:
        throw new IllegalArgumentException(op + " is not a voice-message operation");
    }
    return c.events().await(op.event().orElseThrow(), timeout);
  }

  static Path write(Path file, byte[] bytes) {
    try {
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sent(int code) {
    if (code != 0) {
      throw new AssertionError("the call did not start: " + code);
    }
  }
}
