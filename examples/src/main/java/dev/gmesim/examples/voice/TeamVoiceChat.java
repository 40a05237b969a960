package dev.gmesim.examples.voice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A game's lobby and team voice chat on top of GME, handling failures the way a good game
 * should: it stays out of voice after a failed Init, retries entries that timed out or hit the
 * network (1005, 7004, 10004) with
 * backoff, asks the backend once for a fresh auth buffer on 7006 (an expired one) and asks the
 * player to log in again only if that fails too, stays put after a 2001 switch failure,
 * re-enters after 2002, resends a voice message after 8195, and shows the player one notice per
 * failure otherwise.
 *
 * <pre>{@code
 * TeamVoiceChat chat = new TeamVoiceChat(sdk, roomId -> backend.voiceToken(roomId),
 *     RetryPolicy.DEFAULT, scheduler, notice -> hud.show(notice));
 * chat.start("1400000000", player.openId());
 * chat.join("lobby");
 * // later: the match starts
 * chat.switchTo("team-red-42");
 * }</pre>
 */
public final class TeamVoiceChat implements VoiceSdk.Listener {
  /** How often the chat polls GME: one frame at 30 fps, as Tencent's demo does. */
  static final Duration FRAME = Duration.ofMillis(33);

  /** Where the chat stands, as the UI shows it. */
  public enum Status {
    /** Not in a room. */
    IDLE,
    /** An entry (or a retry of one) is under way. */
    JOINING,
    /** In a room. */
    IN_ROOM,
    /** A switch is under way; the old room still works. */
    SWITCHING,
    /** The voice token was refused; waiting for the player to log in again. */
    NEEDS_LOGIN,
    /** Gave up for now; the game runs without voice. */
    UNAVAILABLE
  }

  private final VoiceSdk sdk;
  private final Function<String, byte[]> tokens;
  private final RetryPolicy retry;
  private final ScheduledExecutorService scheduler;
  private final Consumer<PlayerNotice> notices;

  private Status status = Status.IDLE;
  /** GME's answer to {@link #start}, or null before it was called. */
  private Integer startResult;
  private String room;
  private String wantedRoom;
  private int entryAttempts;
  /** Whether this entry already got a fresh auth buffer after a 7006. */
  private boolean tokenRefreshed;
  private final Map<Path, Integer> uploadAttempts = new HashMap<>();
  private final Map<Path, String> sent = new HashMap<>();
  /** The Poll pump, started once by {@link #start}. */
  private ScheduledFuture<?> frames;
  /** Teammates talking now, for the talking indicator (GME's USER_UPDATE 5, until 6). */
  private final Set<String> talking = new LinkedHashSet<>();
  /** Whether the last quality report was poor, so the notice shows once per poor spell. */
  private boolean poorConnection;

  /**
   * Creates the chat; {@code tokens} gives the auth buffer for a room (from the game's backend),
   * {@code notices} receives what the player should see, and {@code scheduler} is the game's main
   * thread: GME's Poll, and so every outcome, and the retries run on it.
   */
  public TeamVoiceChat(VoiceSdk sdk, Function<String, byte[]> tokens, RetryPolicy retry,
      ScheduledExecutorService scheduler, Consumer<PlayerNotice> notices) {
    this.sdk = Objects.requireNonNull(sdk);
    this.tokens = Objects.requireNonNull(tokens);
    this.retry = Objects.requireNonNull(retry);
    this.scheduler = Objects.requireNonNull(scheduler);
    this.notices = Objects.requireNonNull(notices);
    sdk.listener(this);
  }

  /**
   * Starts the player's voice context and pumps GME's Poll on the game's scheduler every frame (GME
   * delivers no outcome without it); returns GME's result code (0 on success).
   */
  public synchronized int start(String appId, String openId) {
    if (frames == null) {
      frames = scheduler.scheduleAtFixedRate(sdk::poll, 0, FRAME.toMillis(), TimeUnit.MILLISECONDS);
    }
    int result = sdk.init(appId, openId);
    startResult = result;
    if (result != GmeCodes.OK) {
      status = Status.UNAVAILABLE;
      notices.accept(GmeCodes.noticeFor(result));
    }
    return result;
  }

  /**
   * Joins a voice room (the lobby or a team channel); after a failed {@link #start} the chat stays
   * unavailable without asking GME, since the player was told already.
   */
  public synchronized void join(String roomId) {
    if (startResult == null) {
      throw new IllegalStateException("TeamVoiceChat.join(\"" + roomId + "\"): call start(appId, openId) first");
    }
    if (startResult != GmeCodes.OK) {
      // Found by exploring Init's codes: entering anyway earned a 1101 and a second, misleading notice.
      status = Status.UNAVAILABLE;
      return;
    }
    wantedRoom = roomId;
    entryAttempts = 0;
    tokenRefreshed = false;
    status = Status.JOINING;
    sdk.enterRoom(roomId, tokens.apply(roomId));
  }

  /** Moves to another room without leaving the current one first. */
  public synchronized void switchTo(String roomId) {
    if (status != Status.IN_ROOM) {
      join(roomId);
      return;
    }
    wantedRoom = roomId;
    status = Status.SWITCHING;
    sdk.switchRoom(roomId, tokens.apply(roomId));
  }

  /** Leaves voice chat. */
  public synchronized void leave() {
    wantedRoom = null;
    sdk.exitRoom();
  }

  /** Sends a recorded voice message; network failures are retried with backoff. */
  public synchronized void sendVoiceMessage(Path file) {
    uploadAttempts.put(file, 0);
    sdk.uploadVoiceMessage(file);
  }

  /** Turns the player's microphone on or off; returns whether it worked. */
  public synchronized boolean talk(boolean on) {
    int result = sdk.enableMic(on);
    if (result != GmeCodes.OK) {
      notices.accept(GmeCodes.noticeFor(result));
    }
    return result == GmeCodes.OK;
  }

  /**
   * The game went to the background (the player switched apps): GME's Pause releases the microphone
   * and speaker, so teammates hear the player's mic close. Returns whether voice is paused; a
   * second call answers 1003 ("already in that state"), which GME says to treat as success.
   */
  public synchronized boolean background() {
    return settled(sdk.pause());
  }

  /** The game is in the foreground again: GME's Resume brings the mic and speaker back as they were. */
  public synchronized boolean foreground() {
    return settled(sdk.resume());
  }

  private boolean settled(int result) {
    if (result == GmeCodes.OK || result == GmeCodes.ALREADY_IN_STATE) {
      return true;
    }
    notices.accept(GmeCodes.noticeFor(result));
    return false;
  }

  /** Returns the room the player is in, if any. */
  public synchronized Optional<String> currentRoom() {
    return Optional.ofNullable(room);
  }

  /** Returns where the chat stands. */
  public synchronized Status status() {
    return status;
  }

  /** Returns the fileId of a voice message that was sent, if it was. */
  public synchronized Optional<String> sentFileId(Path file) {
    return Optional.ofNullable(sent.get(file));
  }

  // ---- outcomes from GME -------------------------------------------------------------------

  @Override
  public synchronized void onEnterRoom(String roomId, int result, String errorInfo) {
    if (result == GmeCodes.OK || result == GmeCodes.ALREADY_IN_STATE) {
      room = roomId;
      status = Status.IN_ROOM;
      if (entryAttempts > 0) {
        notices.accept(new PlayerNotice(PlayerNotice.Kind.INFO, "Voice chat reconnected.", result));
      }
      entryAttempts = 0;
      return;
    }
    room = null;
    if (result == GmeCodes.AUTH_FAILED && !tokenRefreshed && roomId.equals(wantedRoom)) {
      // The usual cause is an expired buffer (they live minutes): a fresh one from the backend fixes it.
      tokenRefreshed = true;
      status = Status.JOINING;
      sdk.enterRoom(roomId, tokens.apply(roomId));
      return;
    }
    if (result == GmeCodes.AUTH_FAILED) {
      status = Status.NEEDS_LOGIN;
      notices.accept(new PlayerNotice(PlayerNotice.Kind.LOG_IN_AGAIN,
          "Your session expired. Please log in again to use voice chat.", result));
      return;
    }
    if (GmeCodes.RETRY_ENTRY.contains(result) && entryAttempts < retry.maxAttempts()) {
      entryAttempts++;
      status = Status.JOINING;
      if (entryAttempts == 1) {
        notices.accept(new PlayerNotice(PlayerNotice.Kind.RETRYING, "Connecting to voice chat...", result));
      }
      String target = roomId;
      later(retry.delayBefore(entryAttempts), () -> {
        if (status == Status.JOINING && target.equals(wantedRoom)) {
          sdk.enterRoom(target, tokens.apply(target));
        }
      });
      return;
    }
    status = Status.UNAVAILABLE;
    notices.accept(GmeCodes.noticeFor(result));
  }

  @Override
  public synchronized void onSwitchRoom(String targetRoomId, int result, String errorInfo) {
    if (result == GmeCodes.OK) {
      room = targetRoomId;
      status = Status.IN_ROOM;
      return;
    }
    if (result == GmeCodes.SWITCH_NOT_TRIED) {
      // GME did not even try: the old room is intact and usable, so stay there.
      status = Status.IN_ROOM;
      notices.accept(new PlayerNotice(PlayerNotice.Kind.INFO,
          "Couldn't move you to the new voice channel; you're still in " + room + ".", result));
      return;
    }
    if (result == GmeCodes.SWITCH_FAILED_ROOM_LOST) {
      // The old room is gone too; GME's advice is to enter again.
      room = null;
      notices.accept(new PlayerNotice(PlayerNotice.Kind.RETRYING, "Rejoining voice chat...", result));
      join(targetRoomId);
      return;
    }
    if (result == GmeCodes.AUTH_FAILED) {
      status = Status.NEEDS_LOGIN;
      notices.accept(new PlayerNotice(PlayerNotice.Kind.LOG_IN_AGAIN,
          "Your session expired. Please log in again to use voice chat.", result));
      return;
    }
    status = room == null ? Status.UNAVAILABLE : Status.IN_ROOM;
    notices.accept(GmeCodes.noticeFor(result));
  }

  @Override
  public synchronized void onExitRoom(int result) {
    room = null;
    status = Status.IDLE;
    talking.clear();
    poorConnection = false;
  }

  @Override
  public synchronized void onDisconnected(int result, String errorInfo) {
    String lost = room;
    room = null;
    if (lost != null) {
      notices.accept(new PlayerNotice(PlayerNotice.Kind.RETRYING, "Voice chat dropped; reconnecting...", result));
      join(lost);
      entryAttempts = 1;
    }
  }

  @Override
  public synchronized void onUploaded(Path file, int result, String fileId) {
    if (result == GmeCodes.OK) {
      uploadAttempts.remove(file);
      sent.put(file, fileId);
      return;
    }
    int attempts = uploadAttempts.getOrDefault(file, 0);
    if (result == GmeCodes.UPLOAD_NETWORK && attempts < retry.maxAttempts()) {
      uploadAttempts.put(file, attempts + 1);
      later(retry.delayBefore(attempts + 1), () -> sdk.uploadVoiceMessage(file));
      return;
    }
    uploadAttempts.remove(file);
    notices.accept(new PlayerNotice(PlayerNotice.Kind.MESSAGE_NOT_SENT,
        "Your voice message could not be sent. Tap to try again.", result));
  }

  private void later(Duration delay, Runnable task) {
    scheduler.schedule(() -> {
      synchronized (this) {
        task.run();
      }
    }, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Returns who is talking now, for the talking indicator next to each teammate's name. */
  public synchronized Set<String> talking() {
    return Set.copyOf(talking);
  }

  /** Returns whether the network is poor now (the last quality report's weight was below 30). */
  public synchronized boolean poorConnection() {
    return poorConnection;
  }

  @Override
  public synchronized void onTalking(String openId, boolean on) {
    if (on) {
      talking.add(openId);
    } else {
      talking.remove(openId);
    }
  }

  @Override
  public synchronized void onRoomQuality(int weight, int loss, int delayMs) {
    // GME: weight 0 means no value yet, below 30 a poor network. One notice per poor spell, not one per report.
    boolean poor = weight > 0 && weight < POOR_WEIGHT;
    if (poor && !poorConnection) {
      notices.accept(new PlayerNotice(PlayerNotice.Kind.POOR_CONNECTION,
          "Poor connection: teammates may break up (" + loss + "% loss, " + delayMs + " ms)", 0));
    }
    poorConnection = poor;
  }

  /** GME's threshold: a CHANGE_ROOM_QUALITY weight below this is a poor network. */
  static final int POOR_WEIGHT = 30;
}
