package dev.gmesim.core.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The audio files the simulated recorder writes: 16 kHz, mono, 16-bit PCM WAV (GME's FLUENCY
 * quality) holding a quiet 440 Hz tone of the recorded length, so that players, size checks and
 * {@code GetVoiceFileDuration} see a real file.
 */
public final class Wav {
  /** Samples per second. */
  public static final int SAMPLE_RATE = 16_000;
  private static final int BYTES_PER_SAMPLE = 2;
  private static final int HEADER_BYTES = 44;

  private Wav() {}

  /** Returns the bytes of a WAV file of {@code durationMs} milliseconds. */
  public static byte[] tone(long durationMs) {
    if (durationMs < 0 || durationMs > 3_600_000) {
      throw new IllegalArgumentException("WAV duration " + durationMs + " ms is outside 0..3600000");
    }
    int samples = (int) (durationMs * SAMPLE_RATE / 1000);
    int dataBytes = samples * BYTES_PER_SAMPLE;
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
    b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE)
        .putInt(SAMPLE_RATE * BYTES_PER_SAMPLE).putShort((short) BYTES_PER_SAMPLE).putShort((short) 16);
    b.put(ascii("data")).putInt(dataBytes);
    for (int i = 0; i < samples; i++) {
      // A tenth of full scale: audible in a player, never clipping.
      b.putShort((short) Math.round(3276 * Math.sin(2 * Math.PI * 440 * i / SAMPLE_RATE)));
    }
    return b.array();
  }

  /** Writes a WAV file of {@code durationMs} milliseconds, replacing any file at {@code path}. */
  public static void write(Path path, long durationMs) throws IOException {
    Files.write(path, tone(durationMs));
  }

  /**
   * Returns the duration in milliseconds of a PCM WAV file, from its header, or -1 when the file is
   * not a WAV this method understands.
   */
  public static long durationMs(Path path) throws IOException {
    byte[] head = new byte[HEADER_BYTES];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, head.length);
    }
    return durationMs(head, n);
  }

  /** Returns the duration in milliseconds of WAV bytes, or -1 when they are not a WAV this method understands. */
  public static long durationMs(byte[] bytes) {
    return durationMs(bytes, Math.min(bytes.length, HEADER_BYTES));
  }

  private static long durationMs(byte[] head, int length) {
    if (length < HEADER_BYTES) {
      return -1;
    }
    ByteBuffer b = ByteBuffer.wrap(head, 0, HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    if (b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157 || b.getInt(36) != 0x61746164) {
      return -1;
    }
    int byteRate = b.getInt(28);
    long dataBytes = b.getInt(40) & 0xffffffffL;
    return byteRate <= 0 ? -1 : dataBytes * 1000 / byteRate;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
