package dev.gmesim.core.internal.cloud;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Voice moderation (ScanVoice, DescribeScanResultList) over the voice messages the simulator holds.
 * The simulator judges nothing itself: a task is "normal" unless a test set a verdict for its voice
 * message (or URL), as it sets a transcript.
 */
public final class Moderation {
  /** A verdict a test set: {@code label} such as {@code abuse}, {@code keyword} the words that hit. */
  public record Verdict(String label, String keyword) {}

  /** One task. */
  record Task(String taskId, String appId, String dataId, String url, String roomId, String openId, boolean live,
      java.util.List<String> scenes, long startMs) {}

  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
  private final Map<String, Task> tasks = new ConcurrentHashMap<>();

  /** Sets the verdict for a voice-message file id or URL; null clears it. */
  public void verdict(String fileIdOrUrl, Verdict verdict) {
    if (verdict == null) {
      verdicts.remove(fileIdOrUrl);
    } else {
      verdicts.put(fileIdOrUrl, verdict);
    }
  }

  Optional<Verdict> verdictOf(String key) {
    return Optional.ofNullable(key == null ? null : verdicts.get(key));
  }

  Task add(String appId, String dataId, String url, String roomId, String openId, boolean live,
      java.util.List<String> scenes) {
    Task t = new Task("scan-" + ids.incrementAndGet(), appId, dataId, url, roomId, openId, live, scenes,
        System.currentTimeMillis());
    tasks.put(t.taskId(), t);
    return t;
  }

  Optional<Task> get(String appId, String taskId) {
    return Optional.ofNullable(tasks.get(taskId)).filter(t -> t.appId().equals(appId));
  }

  void clear() {
    tasks.clear();
    verdicts.clear();
  }
}
