package dev.gmesim.core.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.sdk.PttDriver.Prepared;
import dev.gmesim.core.time.TimeMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Faults injected at their cause on the HTTP side (a reset connection, an empty or malformed
 * response, a 5xx, a delay) make the SDK report the code GME would; docs/voice-messages.md has
 * the table this test checks.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VoiceFaultCausesTest {
  static SimFixture f;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    f = new SimFixture();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  /** Installs {@code rule} for this client only, performs {@code op}, removes the rule, and returns the event. */
  GmeEvent withFault(Operation op, FaultRule.Builder rule) {
    Prepared p = PttDriver.ready(f, op, dir);
    FaultRule installed = f.sim.addFault(rule.openId(p.client().openId()).build());
    try {
      // Long enough for the SDK's own HTTP timer: 30 simulated seconds plus 5 s of wall-clock slack.
      return PttDriver.performEvent(p, op, Duration.ofSeconds(20));
    } finally {
      f.sim.removeFault(installed.id());
      p.client().gme().close();
    }
  }

  // Download faults fire on every attempt: the JDK's client retries a GET once when a kept-alive
  // connection closes before any answer, as an idempotent request may be.
  @ParameterizedTest(name = "{1} on {0} -> {2}")
  @CsvSource({
      "PTT_UPLOAD, CONNECTION_RESET, 8195",
      "PTT_UPLOAD, EMPTY_RESPONSE, 8197",
      "PTT_UPLOAD, MALFORMED_BODY, 8198",
      "PTT_UPLOAD, SERVER_ERROR, 8196",
      "PTT_DOWNLOAD, CONNECTION_RESET, 12293",
      "PTT_DOWNLOAD, EMPTY_RESPONSE, 12294",
      "PTT_DOWNLOAD, MALFORMED_BODY, 12295",
      "PTT_DOWNLOAD, SERVER_ERROR, 12291",
      "PTT_SPEECH_TO_TEXT, CONNECTION_RESET, 32770",
      "PTT_SPEECH_TO_TEXT, EMPTY_RESPONSE, 32770",
      "PTT_SPEECH_TO_TEXT, MALFORMED_BODY, 32772",
      "PTT_SPEECH_TO_TEXT, SERVER_ERROR, 32769",
      "PTT_STREAMING_RECOGNITION, CONNECTION_RESET, 32775",
      "PTT_STREAMING_RECOGNITION, EMPTY_RESPONSE, 32775",
      "PTT_STREAMING_RECOGNITION, MALFORMED_BODY, 32777",
      "PTT_STREAMING_RECOGNITION, SERVER_ERROR, 32777",
  })
  void anHttpFailureIsReportedAsGmesCode(Operation op, Fault.HttpFailure failure, int expected) {
    GmeEvent e = withFault(op, FaultRule.on(op).http(failure));
    assertThat(e.result()).as(e.toString()).isEqualTo(expected);
    assertThat(e.errorInfo()).startsWith(GmeErrorCode.byValue(expected).orElseThrow().name());
  }

  @Test
  void anyFiveHundredStatusCountsAsAServerFailure() {
    GmeEvent e = withFault(Operation.PTT_UPLOAD, FaultRule.on(Operation.PTT_UPLOAD).serverError(504));
    assertThat(e.result()).isEqualTo(8196);
    assertThat(e.errorInfo()).contains("504");
  }

  @Test
  void theRoomFaultsResetAndDisconnectBecomeAResetAndAnEmptyResponseOverHttp() {
    assertThat(withFault(Operation.PTT_UPLOAD, FaultRule.on(Operation.PTT_UPLOAD).reset()).result()).isEqualTo(8195);
    assertThat(withFault(Operation.PTT_UPLOAD, FaultRule.on(Operation.PTT_UPLOAD).disconnect()).result())
        .isEqualTo(8197);
  }

  @Test
  void aDelayIsSimulatedTimeAndShowsInTheEvent() {
    GmeEvent e = withFault(Operation.PTT_UPLOAD,
        FaultRule.on(Operation.PTT_UPLOAD).error(GmeErrorCode.QAVPTTERROR_UPLOAD_COS_INTERNAL_FAIL)
            .delay(Duration.ofSeconds(20)));
    assertThat(e.result()).isEqualTo(8195);
    // 20 simulated seconds, which a virtual clock skips in no wall time.
    assertThat(e.elapsedMillis()).isEqualTo(20_000);
  }

  @Test
  void noReplyLetsTheSdksOwnTimerReportTheNetworkFailure() {
    GmeEvent e = withFault(Operation.PTT_SPEECH_TO_TEXT, FaultRule.on(Operation.PTT_SPEECH_TO_TEXT).noReply());
    assertThat(e.result()).isEqualTo(32770);
    assertThat(SimulatorInternals.journal(f.sim).find(Operation.PTT_SPEECH_TO_TEXT)).extracting(JournalEntry::effect).contains("no reply");
  }

  @Test
  void aFaultOnApplyPTTAuthbufferIsAGeneralNetworkFailure() {
    Prepared p = PttDriver.ready(f, Operation.PTT_APPLY_AUTH, dir);
    FaultRule rule = f.sim.addFault(FaultRule.on(Operation.PTT_APPLY_AUTH).http(Fault.HttpFailure.CONNECTION_RESET)
        .openId(p.client().openId()).build());
    try {
      assertThat(p.client().gme().getPTT().applyPTTAuthbuffer(PttDriver.AUTH)).isEqualTo(7004);
    } finally {
      f.sim.removeFault(rule.id());
    }
  }

  @Test
  void aFaultScopedToATagHitsOnlyTheContextWithThatTag() throws Exception {
    GmeContext tagged = GmeContext.builder().room(f.sim.roomAddress()).tag("test-42").build();
    GmeContext other = GmeContext.builder().room(f.sim.roomAddress()).build();
    FaultRule rule = f.sim.addFault(FaultRule.on(Operation.PTT_UPLOAD)
        .error(GmeErrorCode.QAVPTTERROR_UPLOAD_SIGN_CHECK_FAIL).tag("test-42").build());
    try {
      assertThat(upload(tagged, "10801")).isEqualTo(8194);
      assertThat(upload(other, "10802")).isZero();
    } finally {
      f.sim.removeFault(rule.id());
      tagged.close();
      other.close();
    }
  }

  private int upload(GmeContext gme, String openId) {
    EventRecorder events = new EventRecorder();
    gme.setTMGDelegate(events);
    gme.init(SimFixture.APP, openId);
    gme.getPTT().applyPTTAuthbuffer(PttDriver.AUTH);
    gme.getPTT().uploadRecordedFile(PttDriver.write(dir.resolve(openId + ".bin"), new byte[] {1}).toString());
    return events.await(GmeEventType.PTT_UPLOAD_COMPLETE).result();
  }

  /** Delays are scheduled by WireMock's asynchronous responses: held exchanges take no Jetty thread. */
  @Nested
  class Delays {
    @Test
    void heldExchangesLeaveJettyFreeToAnswerOthers() throws Exception {
      try (SimFixture realTime = new SimFixture(TimeMode.scaled(1))) {
        realTime.sim.addFault(FaultRule.on(Operation.PTT_UPLOAD).error(GmeErrorCode.QAVPTTERROR_UPLOAD_COS_INTERNAL_FAIL)
            .delay(Duration.ofSeconds(20)).build());
        HttpClient http = HttpClient.newHttpClient();
        URI upload = realTime.sim.httpBaseUri().resolve("/gme/ptt/v1/upload");
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        // More than Jetty's request threads: if each held exchange slept on one, nothing else would be served.
        for (int i = 0; i < 40; i++) {
          held.add(http.sendAsync(HttpRequest.newBuilder(upload).header("X-Gme-AuthBuffer", "eA==")
              .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> SimulatorInternals.journal(realTime.sim).find(Operation.PTT_UPLOAD).size() == 40);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                realTime.sim.httpBaseUri().resolve("/__admin/gme/health")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(held).noneMatch(CompletableFuture::isDone);
      }
    }
  }
}
