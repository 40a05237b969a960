package dev.gmesim.core.internal.cloud;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server recording tasks (StartRecord ... ModifyRecordInfo). The simulator records no audio: a task
 * is honest bookkeeping of what was asked (mode, subscriptions, start and stop times), and
 * DescribeRecordInfo lists the room's members while the task runs (status 2, recording) and once it
 * stopped (status 13, uploaded) with a file name the simulator made up; no file exists anywhere.
 */
public final class Recordings {
  /** One task. */
  static final class Task {
    final long id;
    final String appId;
    final String roomId;
    final long startMs;
    volatile long mode;
    volatile List<String> subscribe;
    volatile List<String> unsubscribe;
    volatile long stopMs = -1;
    /** Members seen while the task ran, with the time each was first seen. */
    final Map<String, Long> users = new ConcurrentHashMap<>();

    Task(long id, String appId, String roomId, long mode, List<String> subscribe, List<String> unsubscribe, long startMs) {
      this.id = id;
      this.appId = appId;
      this.roomId = roomId;
      this.mode = mode;
      this.subscribe = subscribe;
      this.unsubscribe = unsubscribe;
      this.startMs = startMs;
    }
  }

  private final AtomicLong ids = new AtomicLong(100000);
  private final Map<Long, Task> tasks = new ConcurrentHashMap<>();

  synchronized Optional<Task> running(String appId, String roomId) {
    return tasks.values().stream().filter(t -> t.stopMs < 0 && t.appId.equals(appId) && t.roomId.equals(roomId))
        .findFirst();
  }

  synchronized Task start(String appId, String roomId, long mode, List<String> subscribe, List<String> unsubscribe) {
    Task t = new Task(ids.incrementAndGet(), appId, roomId, mode, subscribe, unsubscribe, System.currentTimeMillis());
    tasks.put(t.id, t);
    return t;
  }

  Optional<Task> get(String appId, long taskId) {
    return Optional.ofNullable(tasks.get(taskId)).filter(t -> t.appId.equals(appId));
  }

  void clear() {
    tasks.clear();
  }
}
