package dev.gmesim.core.api;

import dev.gmesim.core.api.DrillStatus;
import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.fault.FaultProfile;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.time.TimeScale;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * The one way to drive a GME simulator: faults with their counters, the journal, rooms, reset,
 * chaos drills, apps and transcripts. The embedded {@code GmeSimulator} implements it in this JVM
 * and {@code GmeSimulatorClient} over the control API, with the same types and the same answers,
 * so a test switches between the two by changing the line that makes the simulator.
 *
 * <pre>{@code
 * GmeSimulatorControl sim = embedded
 *     ? GmeSimulator.builder().start()
 *     : GmeSimulatorClient.connect(URI.create("http://127.0.0.1:8080"), System.getenv("GMESIM_ADMIN_TOKEN"));
 * FaultRule rule = sim.addFault(FaultRule.on(Operation.ENTER_ROOM)
 *     .error(GmeErrorCode.AV_ERR_AUTH_FIALD)
 *     .times(1)
 *     .build());
 * try (GmeContext gme = GmeContext.builder().room(sim.roomAddress()).build()) {
 *   // ... init, then enterRoom: ENTER_ROOM reports 7006 once
 * }
 * sim.fault(rule.id()).orElseThrow().fired();                               // 1
 * sim.journal(JournalQuery.builder().source(rule.id()).build());            // the call, as the simulator saw it
 * sim.removeFault(rule.id());
 * }</pre>
 *
 * <p>A refusal names the value and the fix; the embedded simulator throws
 * {@link IllegalArgumentException}, the client {@code RemoteSimulatorException} carrying the HTTP
 * status. Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface GmeSimulatorControl {

  /** Returns the room gateway's address, for {@code GmeContext.builder().room(...)}. */
  InetSocketAddress roomAddress();

  /** Returns the factor of scaled sessions that ask for no factor of their own. */
  TimeScale timeScale();

  /** Adds a fault rule after the existing ones and returns it with its id; an id already in use is refused. */
  FaultRule addFault(FaultRule rule);

  /** Adds several rules in order, all or none, and returns them with their ids. */
  List<FaultRule> addFaults(List<FaultRule> rules);

  /** Returns every rule with its counters, in order of addition. */
  List<RuleStatus> faults();

  /** Returns one rule with its counters, or empty if there is no rule with this id. */
  Optional<RuleStatus> fault(String id);

  /** Removes one fault rule by id; returns whether it existed. */
  boolean removeFault(String id);

  /** Removes every rule installed with this owner ({@link FaultRule.Builder#owner}); returns how many there were. */
  int removeFaultsByOwner(String owner);

  /** Removes every fault rule, ending running drills. */
  void clearFaults();

  /** Returns the newest {@link JournalQuery#limit()} journal entries that match, oldest first. */
  List<JournalEntry> journal(JournalQuery query);

  /** Returns every non-empty room and its members. */
  List<RoomSnapshot> rooms();

  /** Returns one room, if it has members. */
  Optional<RoomSnapshot> room(String appId, String roomId);

  /**
   * Clears faults and drills, the journal, every room and every voice message; connected SDKs stay
   * connected but must Init again. Apps and their keys stay: they are configuration.
   */
  void reset();

  /** Starts the profile as a drill, replacing a running drill of the same name, and returns its status. */
  DrillStatus startDrill(FaultProfile profile);

  /** Returns the running drills with their remaining time and rules, oldest first. */
  List<DrillStatus> drills();

  /** Returns the status and summary of a running or recently ended drill, or empty if none has this name. */
  Optional<DrillStatus> drill(String name);

  /** Ends one running drill at once; returns its final status, or empty if no drill of that name runs. */
  Optional<DrillStatus> stopDrill(String name);

  /** The kill switch: ends every running drill at once and returns their final statuses. */
  List<DrillStatus> stopDrills();

  /**
   * Checks the auth buffers of app {@code appId} with its permission key {@code key} (16 bytes),
   * replacing the key of an app already known; returns whether it replaced one.
   */
  boolean addApp(String appId, String key);

  /** Forgets an app's key, so its buffers are no longer checked; returns whether it was known. */
  boolean removeApp(String appId);

  /** Returns the AppIDs whose auth buffers are checked, sorted; never their keys. */
  List<String> apps();

  /**
   * Makes the server API ({@code POST /}) require TC3-HMAC-SHA256 signatures and accept this key,
   * replacing a key with the same SecretId; returns whether it replaced one. The key is never echoed.
   */
  boolean addCloudSecret(dev.gmesim.core.cloud.CloudSecret secret);

  /** Forgets a server-API key by SecretId; returns whether it was known. */
  boolean removeCloudSecret(String secretId);

  /** Returns the SecretIds the server API accepts, sorted; never the keys. Empty: any signature passes. */
  List<String> cloudSecretIds();

  /**
   * Sets the text speech-to-text returns for an uploaded voice message; {@code fileId} is the
   * {@code file_id} URL from PTT_UPLOAD_COMPLETE (or its last segment). An unknown id is refused.
   */
  void transcript(String fileId, String text);

  /** Returns what the simulator is configured with: version, ports, time scale, GME's EnterRoom timeout, journal size. */
  SimulatorSettings settings();

  /** Returns how many voice messages (and bytes) the simulator's store holds, and its limit. */
  VoiceMessageStats voiceMessageStats();
}
