package dev.gmesim.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.gme.v20180711.GmeClient;
import com.tencentcloudapi.gme.v20180711.models.DeleteRoomMemberRequest;
import com.tencentcloudapi.gme.v20180711.models.DescribeRoomInfoRequest;
import com.tencentcloudapi.gme.v20180711.models.RoomUser;
import dev.gmesim.core.api.GmeSimulatorControl;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.JournalQuery;
import dev.gmesim.core.auth.AppKey;
import dev.gmesim.core.auth.AuthBufferGenerator;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.remote.GmeSimulatorClient;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeEvent;
import dev.gmesim.core.sdk.GmePtt;
import dev.gmesim.core.server.GmeSimulator;
import dev.gmesim.core.time.TimeMode;
import dev.gmesim.examples.voice.PlayerNotice;
import dev.gmesim.examples.voice.RetryPolicy;
import dev.gmesim.examples.voice.SimulatedGmeVoiceSdk;
import dev.gmesim.examples.voice.TeamVoiceChat;
import dev.gmesim.examples.voice.TeamVoiceChat.Status;
import dev.gmesim.junit5.ExploreGmeErrors;
import dev.gmesim.junit5.GmeAssertions;
import dev.gmesim.junit5.GmeCloudApi;
import dev.gmesim.junit5.GmeSimulatorExtension;
import dev.gmesim.junit5.GmeSimulatorTest;
import dev.gmesim.junit5.InjectGmeError;
import dev.gmesim.junit5.InjectGmeServerError;
import dev.gmesim.junit5.SimulatorScope;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Java snippets of README.md, junit-extension/README.md and docs/, as compiled code. Each
 * {@code // tag::} region is what a doc shows, byte for byte after indentation
 * ({@link DocSnippetsMatchSourcesTest} checks it); the snippets that stand alone also run here.
 */
class DocSnippetsTest {
  static final byte[] authBuffer = new byte[0];

  @Test
  void theEmbeddedQuickStartSeesTheInjectedCode() {
    // tag::readme-embedded-quick-start[]
    try (GmeSimulator sim = GmeSimulator.builder().start();
         GmeContext gme = GmeContext.builder().room(sim.roomAddress()).build()) {
      EventRecorder events = new EventRecorder();
      gme.setTMGDelegate(events);

      sim.addFault(FaultRule.on(Operation.ENTER_ROOM)
          .error(GmeErrorCode.AV_ERR_AUTH_FIALD)      // 7006
          .times(1)
          .alias("expired token")
          .build());

      gme.init("1400000000", "10001");
      gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, authBuffer);
      GmeEvent entered = events.await(GmeEventType.ENTER_ROOM);
      assertThat(entered.result()).isEqualTo(7006);
      assertThat(entered.errorInfo()).startsWith("AV_ERR_AUTH_FIALD");
    }
    // end::readme-embedded-quick-start[]
  }

  /** Run: the README's auth-buffer example against a simulator that knows the app's key. */
  @Test
  void anExpiredBufferIsRefusedWith7006() {
    // tag::readme-auth-buffers[]
    AppKey key = AppKey.random();                         // or AppKey.of(the console's 16-char key)
    try (GmeSimulator sim = GmeSimulator.builder().app("1400000000", key.reveal()).start();
         GmeContext gme = GmeContext.builder().room(sim.roomAddress()).build()) {
      EventRecorder events = new EventRecorder();
      gme.setTMGDelegate(events);
      gme.init("1400000000", "10001");
      byte[] expired = AuthBufferGenerator.roomBuffer(1400000000L, "lobby", "10001", key, Instant.now().minusSeconds(1));
      gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, expired);
      events.await(GmeEventType.ENTER_ROOM).result();     // 7006: "auth buffer expired at ..."
    }
    // end::readme-auth-buffers[]
  }

  /** Compiled, not run: it needs a simulator on port 8080. */
  static void controlContract() {
    // tag::readme-control-contract[]
    GmeSimulatorControl sim = GmeSimulatorClient.connect(URI.create("http://127.0.0.1:8080"),
        System.getenv("GMESIM_ADMIN_TOKEN"));   // or GmeSimulator.builder().start()
    FaultRule rule = sim.addFault(FaultRule.on(Operation.ENTER_ROOM)
        .error(GmeErrorCode.AV_ERR_AUTH_FIALD)
        .times(1)
        .build());
    try (GmeContext gme = GmeContext.builder().room(sim.roomAddress()).build()) {
      // ... EnterRoom now reports 7006 once
    }
    List<JournalEntry> calls = sim.journal(JournalQuery.builder().source(rule.id()).build());
    // end::readme-control-contract[]
  }

  static void manualClock(GmeSimulator sim) {
    // tag::readme-manual-clock[]
    GmeContext gme = GmeContext.builder().room(sim.roomAddress()).clock(TimeMode.manual()).build();
    gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, authBuffer);   // a noReply fault holds it
    gme.clock().advance(Duration.ofSeconds(10));
    gme.exitRoom();                                                   // ENTER_ROOM ends with 7013
    // end::readme-manual-clock[]
  }

  static void serverApiQuickStart(GmeSimulator sim) throws Exception {
    // tag::readme-server-api[]
    HttpProfile http = new HttpProfile();
    http.setEndpoint(sim.cloudEndpoint());          // host:port
    http.setProtocol(HttpProfile.REQ_HTTP);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    GmeClient gme = new GmeClient(new Credential("AKIDexample", "secret"), "", profile);

    DeleteRoomMemberRequest kick = new DeleteRoomMemberRequest();
    kick.setBizId(1400000000L);
    kick.setRoomId("lobby");
    kick.setDeleteType(2L);                          // 2 kick, 1 dismiss the room
    kick.setUids(new String[] {"10001"});
    gme.DeleteRoomMember(kick);                      // the kicked context gets ROOM_DISCONNECT
    sim.addFault(FaultRule.on(Operation.SERVER_DESCRIBE_ROOM_INFO).apiError("RequestLimitExceeded").build());
    // end::readme-server-api[]
  }

  static void serverApiRecipe(GmeSimulator sim) throws Exception {
    // tag::server-api-java-recipe[]
    HttpProfile http = new HttpProfile();
    http.setEndpoint(sim.cloudEndpoint());        // "127.0.0.1:PORT": host:port, no scheme, no path
    http.setProtocol(HttpProfile.REQ_HTTP);       // "http://"
    http.setReadTimeout(10);                      // seconds; the SDK's default is none
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    GmeClient gme = new GmeClient(new Credential("AKIDexample", "secret"), "", profile);

    DescribeRoomInfoRequest req = new DescribeRoomInfoRequest();
    req.setSdkAppId(1400000000L);
    req.setStrRoomIds(new String[] {"lobby"});
    RoomUser[] rooms = gme.DescribeRoomInfo(req).getRoomUsers();   // each: getStrRoomId(), getStrUids()
    // end::server-api-java-recipe[]
  }

  static void voiceMessagesReadme(GmeSimulator sim, GmeContext gme, EventRecorder events) {
    // tag::readme-voice-messages[]
    GmePtt ptt = gme.getPTT();
    ptt.applyPTTAuthbuffer(authBuffer);
    ptt.setMaxMessageLength(2000);                 // stops by itself after 2 simulated seconds
    ptt.startRecording("/tmp/msg.wav");
    events.await(GmeEventType.PTT_RECORD_COMPLETE);
    ptt.uploadRecordedFile("/tmp/msg.wav");
    String fileId = events.await(GmeEventType.PTT_UPLOAD_COMPLETE).getStringExtra("file_id");
    sim.transcript(fileId, "meet at the bridge");
    ptt.speechToText(fileId);                      // PTT_SPEECH2TEXT_COMPLETE text="meet at the bridge"
    // end::readme-voice-messages[]
  }

  static void pauseAndPartialsReadme(GmeSimulator sim, GmePtt ptt, String fileId) {
    // tag::readme-pause-and-partials[]
    GmeContext gme = GmeContext.builder().room(sim.roomAddress()).clock(TimeMode.manual()).build();
    // ... init, delegate, applyPTTAuthbuffer
    ptt.startRecordingWithStreamingRecognition("/tmp/live.wav", "en-US");
    gme.clock().advance(Duration.ofSeconds(1));    // PTT_STREAMINGRECOGNITION_IS_RUNNING text="this is"
    ptt.pauseRecording();                          // 0; 4104 without a recording, 1003 when paused already
    gme.clock().advance(Duration.ofSeconds(3));    // paused: no partial, no length
    ptt.resumeRecording();
    gme.clock().advance(Duration.ofSeconds(1));    // IS_RUNNING text="this is a simulated"
    ptt.stopRecording();                           // PTT_STREAMINGRECOGNITION_COMPLETE: a 2000 ms file, its text, file_id
    ptt.speechToText(fileId, "en-US");             // COMPLETE's file_id: PTT_SPEECH2TEXT_COMPLETE language="en-US"
    // end::readme-pause-and-partials[]
  }

  static void voiceMessagesDoc(GmeSimulator simulator, GmeContext gme, EventRecorder events) {
    // tag::voice-messages-doc[]
    GmePtt ptt = gme.getPTT();                       // gme: an inited GmeContext
    ptt.applyPTTAuthbuffer(authBuffer);              // 0, or 1101 before Init
    ptt.setMaxMessageLength(2000);                   // the recording stops by itself after 2 s (simulated)
    ptt.startRecording("/tmp/msg.wav");
    events.await(GmeEventType.PTT_RECORD_COMPLETE);  // result 0; /tmp/msg.wav is a 2 s WAV
    ptt.uploadRecordedFile("/tmp/msg.wav");
    String fileId = events.await(GmeEventType.PTT_UPLOAD_COMPLETE).getStringExtra("file_id");
    // fileId = "http://127.0.0.1:41233/gme/ptt/v1/files/k3j9..."

    simulator.transcript(fileId, "meet at the bridge");   // optional; else a stable default text
    ptt.speechToText(fileId);
    events.await(GmeEventType.PTT_SPEECH2TEXT_COMPLETE).getStringExtra("text");  // "meet at the bridge"
    // end::voice-messages-doc[]
  }

  static void reconnection(GmeSimulator sim, EventRecorder events) {
    // tag::readme-reconnection[]
    GmeContext bob = GmeContext.builder().room(sim.roomAddress()).delegate(events).build();  // virtual clock
    // ... bob enters "lobby" and opens his mic ...
    sim.addFault(FaultRule.on(Operation.ENABLE_SPEAKER).networkDown(Duration.ofMinutes(5)).times(1).build());
    bob.enableSpeaker(true);                                         // 7004: the network just went down
    events.await(GmeEventType.RECONNECT_START);
    events.await(GmeEventType.RECONNECT_SUCCESS).elapsedMillis();    // 300000, in milliseconds of wall time
    // end::readme-reconnection[]
  }

  static void awaitWithAwaitility(EventRecorder events) {
    // tag::junit-readme-awaitility[]
    await().atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> GmeAssertions.assertEventSeen(events, GmeEventType.ENTER_ROOM, 7006));
    // end::junit-readme-awaitility[]
  }

  /** Compiled, not run (a nested class): the README's declarative example; junit-readme-voice-lobby runs. */
  @GmeSimulatorTest
  static class ReadmeJunitQuickStart {
    // tag::readme-junit-quick-start[]
    @GmeSimulatorTest
    class VoiceLobbyTest {
      @Test
      @InjectGmeError(7006)
      void expiredTokenAsksThePlayerToLogInAgain(GmeContext gme, EventRecorder events) {
        gme.init("1400000000", "10001");
        gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, authBuffer);
        GmeAssertions.awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(GmeErrorCode.AV_ERR_AUTH_FIALD);
      }
    }
    // end::readme-junit-quick-start[]
  }

  /** The backend of junit-extension/README.md's server-error example. */
  static final class RoomService {
    RoomService(GmeClient gme) {}
  }

  @GmeSimulatorTest
  static class ServerErrorSnippet {
    // tag::junit-readme-server-error[]
    @Test
    @InjectGmeServerError(value = "RequestLimitExceeded", actions = "DescribeRoomInfo", times = 1)
    void theBackendRetriesAThrottledRoomQuery(GmeCloudApi api) throws Exception {
      RoomService rooms = new RoomService(api.gmeClient());   // your backend; or new GmeClient(cred, "", api.clientProfile())
      // its first DescribeRoomInfo throws TencentCloudSDKException with getErrorCode() "RequestLimitExceeded"
    }
    // end::junit-readme-server-error[]
  }

  @GmeSimulatorTest
  static class ServerApiDocScopedClient {
    // tag::server-api-scoped-client[]
    @Test
    @InjectGmeServerError(value = "RequestLimitExceeded", actions = "DescribeRoomInfo", times = 1)
    void aThrottledQueryIsRetried(GmeCloudApi api) throws Exception {
      GmeClient gme = api.gmeClient();              // hand it to the backend under test
      // the first DescribeRoomInfo of this client throws getErrorCode() "RequestLimitExceeded";
      // a test running beside it on the same simulator is answered as usual
    }
    // end::server-api-scoped-client[]
  }

  /** Compiled, not run: README.md's exploration example (examples' TeamVoiceChatExplorationTest runs the real one). */
  static class ReadmeExploration {
    Function<String, byte[]> tokens = room -> new byte[0];
    RetryPolicy retry = new RetryPolicy(3, Duration.ZERO, 1.0, Duration.ZERO);
    ScheduledExecutorService scheduler;
    List<PlayerNotice> notices = new ArrayList<>();

    // tag::readme-exploration[]
    @GmeSimulatorTest
    class TeamVoiceChatExplorationTest {
      @ExploreGmeErrors                               // runs: clean, then INIT#1 x 5 codes, ENTER_ROOM#1 x 26
      void joiningTheLobbyEndsSomewhereSane(GmeContext gme) {
        TeamVoiceChat chat = new TeamVoiceChat(new SimulatedGmeVoiceSdk(gme, null), tokens, retry, scheduler, notices::add);
        chat.start("1400000000", "10001");
        chat.join("lobby");
        await().until(chat::status, s -> s != Status.JOINING);
        assertThat(chat.status()).isIn(Status.IN_ROOM, Status.NEEDS_LOGIN, Status.UNAVAILABLE);
      }
    }
    // end::readme-exploration[]
  }

  static class ExtensionBuilderSnippet {
    // tag::junit-readme-builder[]
    @RegisterExtension
    static GmeSimulatorExtension gme = GmeSimulatorExtension.builder()
        .clock(TimeMode.manual())     // the test advances time: gme.clock().advance(...)
        .scope(SimulatorScope.RUN)    // one simulator for every class of the run
        .failOnUnfiredFaults(true)    // an @InjectGmeError that never fired fails the test
        .build();
    // end::junit-readme-builder[]
  }

  /** A member of {@code room} with mic and speaker on. */
  private static GmeContext member(GmeSimulator sim, TimeMode clock, String openId, EventRecorder events) {
    GmeContext c = GmeContext.builder().room(sim.roomAddress()).clock(clock).delegate(events).build();
    c.init("1400000000", openId);
    c.enterRoom("squad", GmeContext.ROOM_TYPE_FLUENCY, authBuffer);
    assertThat(events.await(GmeEventType.ENTER_ROOM).result()).isZero();
    c.enableMic(true);
    c.enableSpeaker(true);
    return c;
  }

  @Test
  void theRoomVoiceSnippetHearsTheSpeakerAndThePoorNetwork() {
    try (GmeSimulator sim = GmeSimulator.builder().start();
         GmeContext alice = member(sim, TimeMode.virtual(), "10001", new EventRecorder())) {
      EventRecorder heard = new EventRecorder();
      try (GmeContext bob = member(sim, TimeMode.manual(), "10002", heard)) {
        // tag::readme-room-voice[]
        sim.addFault(FaultRule.on(Operation.ROOM_QUALITY).fault(Fault.poorNetwork(30))
            .delay(Duration.ofMillis(400)).openId("10002").build());   // bob's network is poor
        alice.speak(Duration.ofSeconds(3));                            // alice talks for 3 s
        GmeEvent talking = heard.await(e -> e.getIntExtra("event_id", 0) == 5, "HAS_AUDIO", Duration.ofSeconds(5));
        bob.clock().advance(Duration.ofSeconds(5));                    // bob's clock: 3 s of voice, 2 s of silence
        GmeEvent silent = heard.await(e -> e.getIntExtra("event_id", 0) == 6, "NO_AUDIO", Duration.ofSeconds(5));
        GmeEvent quality = heard.await(GmeEventType.CHANGE_ROOM_QUALITY); // every 2 s: weight 19, loss 30, delay 420
        String tips = bob.getRoom().getQualityTips();                  // "weight=19 loss=30% delay=420ms: poor network"
        // end::readme-room-voice[]
        assertThat(talking.getStringArrayExtra("user_list")).containsExactly("10001");
        assertThat(silent.getStringArrayExtra("user_list")).containsExactly("10001");
        assertThat(quality.getIntExtra("weight", -1)).isEqualTo(19);
        assertThat(tips).isEqualTo("weight=19 loss=30% delay=420ms: poor network");
      }
    }
  }
}
