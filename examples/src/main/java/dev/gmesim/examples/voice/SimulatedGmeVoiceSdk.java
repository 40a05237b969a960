package dev.gmesim.examples.voice;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeDelegate;
import dev.gmesim.core.sdk.GmeEvent;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link VoiceSdk} on the GME Simulator's SDK ({@link GmeContext}). The production adapter over
 * Tencent's SDK is the same class with {@code ITMGContext} in place of {@code GmeContext}: the
 * calls and events map one to one.
 *
 * <pre>{@code
 * GmeContext gme = GmeContext.builder().room(simulator.roomAddress()).build();
 * SimulatedGmeVoiceSdk sdk = new SimulatedGmeVoiceSdk(gme, pttAuthBuffer);
 * TeamVoiceChat chat = new TeamVoiceChat(sdk, tokens, RetryPolicy.DEFAULT, scheduler, hud::show);
 * }</pre>
 */
public final class SimulatedGmeVoiceSdk implements VoiceSdk, GmeDelegate {
  private final GmeContext gme;
  private final byte[] pttAuthBuffer;
  private final GmeDelegate next;
  private final Map<String, Path> uploading = new ConcurrentHashMap<>();
  private volatile Listener listener;
  private volatile String enteringRoom;
  private volatile String switchingTo;

  /** Wraps {@code gme}; {@code pttAuthBuffer} is applied before the first voice message. */
  public SimulatedGmeVoiceSdk(GmeContext gme, byte[] pttAuthBuffer) {
    this(gme, pttAuthBuffer, null);
  }

  /** Wraps {@code gme} and passes every event on to {@code next} as well (a test's recorder). */
  public SimulatedGmeVoiceSdk(GmeContext gme, byte[] pttAuthBuffer, GmeDelegate next) {
    this.gme = Objects.requireNonNull(gme);
    this.pttAuthBuffer = pttAuthBuffer;
    this.next = next;
    gme.setTMGDelegate(this);
  }

  @Override
  public void listener(Listener listener) {
    this.listener = listener;
  }

  @Override
  public void poll() {
    gme.poll();
  }

  @Override
  public int init(String appId, String openId) {
    int result = gme.init(appId, openId);
    if (result == 0 && pttAuthBuffer != null) {
      gme.getPTT().applyPTTAuthbuffer(pttAuthBuffer);
    }
    return result;
  }

  @Override
  public void enterRoom(String roomId, byte[] authBuffer) {
    enteringRoom = roomId;
    gme.enterRoom(roomId, GmeContext.ROOM_TYPE_FLUENCY, authBuffer);
  }

  @Override
  public void switchRoom(String targetRoomId, byte[] authBuffer) {
    switchingTo = targetRoomId;
    gme.getRoom().switchRoom(targetRoomId, authBuffer);
  }

  @Override
  public void exitRoom() {
    gme.exitRoom();
  }

  @Override
  public int enableMic(boolean on) {
    return gme.getAudioCtrl().enableMic(on);
  }

  @Override
  public int pause() {
    return gme.pause();
  }

  @Override
  public int resume() {
    return gme.resume();
  }

  @Override
  public void uploadVoiceMessage(Path file) {
    String path = file.toAbsolutePath().toString();
    uploading.put(path, file);
    int sent = gme.getPTT().uploadRecordedFile(path);
    if (sent != 0) {
      uploading.remove(path);
      Listener l = listener;
      if (l != null) {
        l.onUploaded(file, sent, null);
      }
    }
  }

  @Override
  public void onEvent(GmeEventType type, GmeEvent data) {
    Listener l = listener;
    if (l != null) {
      switch (type) {
        case ENTER_ROOM -> l.onEnterRoom(enteringRoom, data.result(), data.errorInfo());
        case SWITCH_ROOM -> l.onSwitchRoom(switchingTo, data.result(), data.errorInfo());
        case EXIT_ROOM -> l.onExitRoom(data.result());
        case ROOM_DISCONNECT -> l.onDisconnected(data.result(), data.errorInfo());
        case USER_UPDATE -> {
          int id = data.getIntExtra("event_id", 0);
          if (id == 5 || id == 6) {
            for (String openId : data.getStringArrayExtra("user_list")) {
              l.onTalking(openId, id == 5);
            }
          }
        }
        case CHANGE_ROOM_QUALITY -> l.onRoomQuality(data.getIntExtra("weight", 0), data.getIntExtra("loss", 0),
            data.getIntExtra("delay", 0));
        case PTT_UPLOAD_COMPLETE -> {
          String path = data.getStringExtra("file_path");
          Path file = path == null ? null : uploading.remove(path);
          if (file != null) {
            l.onUploaded(file, data.result(), data.getStringExtra("file_id"));
          }
        }
        default -> { }
      }
    }
    if (next != null) {
      next.onEvent(type, data);
    }
  }
}
