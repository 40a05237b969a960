package dev.gmesim.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.gmesim.core.catalog.ErrorCategory;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.protocol.VoiceHttp;
import dev.gmesim.core.internal.protocol.VoiceHttp.Route;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeEvent;
import dev.gmesim.core.sdk.internal.Wav;
import dev.gmesim.core.server.GmeSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code wiremock-mappings} files alone, in a plain WireMock of the same version (no
 * extension, nothing of the simulator): the happy path, the natural errors a request shows by
 * itself, every documented voice-message and speech-to-text code on request ({@code X-Gme-Error}),
 * and transport failures on request ({@code X-Gme-Fault}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StockWireMockMappingsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static WireMockServer stock;
  static HttpClient http;

  @BeforeAll
  static void start() {
    stock = new WireMockServer(WireMockConfiguration.options()
        .dynamicPort()
        .bindAddress("127.0.0.1")
        .usingFilesUnderClasspath(HttpExtensions.MAPPINGS_CLASSPATH_ROOT));
    stock.start();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stop() {
    stock.stop();
  }

  static HttpRequest.Builder request(Route route, String body) {
    String path = route == Route.DOWNLOAD ? VoiceHttp.FILES_PATH + "abc123" : route.path();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stock.baseUrl() + path))
        .header(VoiceHttp.APP_ID, "1400000000")
        .header(VoiceHttp.OPEN_ID, "10001")
        .header(VoiceHttp.AUTH_BUFFER, "YXV0aA==");
    return route.method().equals("GET") ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(body));
  }

  static String bodyOf(Route route) {
    return route == Route.SPEECH_TO_TEXT ? "{\"file_id\":\"http://x/gme/ptt/v1/files/abc123\",\"language\":\"cmn-Hans-CN\"}"
        : "RIFF....";
  }

  static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  static Stream<Arguments> routesAndCodes() {
    return Stream.of(Route.values()).flatMap(r -> MappingsGenerator.codesOf(r).stream().map(c -> Arguments.of(r, c)));
  }

  @Nested
  class RequestedErrors {
    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("dev.gmesim.core.internal.http.StockWireMockMappingsTest#routesAndCodes")
    void everyDocumentedCodeOfARouteIsAnsweredOnRequest(Route route, GmeErrorCode code) throws Exception {
      HttpResponse<String> r = send(request(route, bodyOf(route)).header(VoiceHttp.ERROR, Integer.toString(code.value())));
      assertThat(r.statusCode()).isEqualTo(VoiceHttp.status(code));
      assertThat(json(r).path("result").asInt()).isEqualTo(code.value());
      assertThat(json(r).path("error_info").asText()).isEqualTo(code.errorInfo());
    }

    @Test
    void theWalkCoversEveryVoiceMessageCodeExceptTheDeviceSideOnes() {
      Set<GmeErrorCode> walked = routesAndCodes().map(a -> (GmeErrorCode) a.get()[1]).collect(Collectors.toSet());
      Set<GmeErrorCode> deviceOnly = GmeErrorCode.inCategory(ErrorCategory.VOICE_MESSAGE).stream()
          .filter(c -> c.operations().stream().allMatch(op -> op.channel() == Operation.Channel.LOCAL))
          .collect(Collectors.toSet());
      // Recording and playback happen on the device: 4100, 4103, 4104 and 20481-20485 have no HTTP exchange.
      assertThat(deviceOnly).extracting(GmeErrorCode::value)
          .containsExactlyInAnyOrder(4100, 4103, 4104, 20481, 20482, 20483, 20484, 20485);
      Set<GmeErrorCode> all = EnumSet.copyOf(walked);
      all.addAll(deviceOnly);
      assertThat(all).containsAll(GmeErrorCode.inCategory(ErrorCategory.VOICE_MESSAGE));
    }

    @Test
    void aCodeTheRouteDoesNotRaiseGets400NamingItAndTheCodesItDoes() throws Exception {
      HttpResponse<String> r = send(request(Route.UPLOAD, "x").header(VoiceHttp.ERROR, "7006"));
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(json(r).path("error_info").asText())
          .isEqualTo("X-Gme-Error 7006 is not a documented error of UploadRecordedFile; use one of "
              + "8193, 8194, 8195, 8196, 8197, 8198, 8200");
    }
  }

  @Nested
  class HappyPath {
    @Test
    void anUploadGetsAFileIdUrlThatDownloadsTheSampleRecording() throws Exception {
      HttpResponse<String> up = send(request(Route.UPLOAD, "RIFF...."));
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(json(up).path("result").asInt()).isZero();
      String fileId = json(up).path("file_id").asText();
      assertThat(fileId).matches(java.util.regex.Pattern.quote(stock.baseUrl()) + "/gme/ptt/v1/files/[a-z0-9]{24}");
      HttpResponse<byte[]> down = http.send(HttpRequest.newBuilder(URI.create(fileId))
          .header(VoiceHttp.AUTH_BUFFER, "YXV0aA==").build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(down.statusCode()).isEqualTo(200);
      assertThat(down.body()).isEqualTo(Wav.tone(1000));
    }

    @Test
    void speechToTextEchoesTheFileIdWithTheDefaultTranscript() throws Exception {
      JsonNode r = json(send(request(Route.SPEECH_TO_TEXT, bodyOf(Route.SPEECH_TO_TEXT))));
      assertThat(r.path("result").asInt()).isZero();
      assertThat(r.path("text").asText()).isEqualTo("this is a simulated voice message");
      assertThat(r.path("file_id").asText()).isEqualTo("http://x/gme/ptt/v1/files/abc123");
    }

    @Test
    void streamingRecognitionReturnsPartialsTheTextAndAFileId() throws Exception {
      JsonNode r = json(send(request(Route.STREAMING_RECOGNITION, "RIFF....")));
      assertThat(r.path("result").asInt()).isZero();
      assertThat(r.path("partials")).extracting(JsonNode::asText)
          .containsExactly("this is", "this is a simulated", "this is a simulated voice message");
      assertThat(r.path("file_id").asText()).startsWith(stock.baseUrl() + "/gme/ptt/v1/files/");
    }

    @Test
    void theAuthRouteAcceptsABufferAfterInit() throws Exception {
      assertThat(json(send(request(Route.AUTH, ""))).path("result").asInt()).isZero();
    }
  }

  @Nested
  class NaturalErrors {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UPLOAD:8200", "DOWNLOAD:12297", "SPEECH_TO_TEXT:32774", "STREAMING_RECOGNITION:32774"})
    void withoutTheAuthBufferTheRouteReportsItsAppinfoCode(String routeAndCode) throws Exception {
      Route route = Route.valueOf(routeAndCode.split(":")[0]);
      int code = Integer.parseInt(routeAndCode.split(":")[1]);
      HttpRequest.Builder b = HttpRequest.newBuilder(request(route, bodyOf(route)).build().uri())
          .header(VoiceHttp.APP_ID, "1400000000");
      if (route != Route.DOWNLOAD) {
        b.POST(HttpRequest.BodyPublishers.ofString(bodyOf(route)));
      }
      HttpResponse<String> r = send(b);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(json(r).path("result").asInt()).isEqualTo(code);
    }

    @Test
    void applyingTheAuthBufferWithoutAnAppIdReports1101() throws Exception {
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(stock.baseUrl() + Route.AUTH.path()))
          .header(VoiceHttp.AUTH_BUFFER, "YXV0aA==").POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(json(r).path("result").asInt()).isEqualTo(1101);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"file_id\":\"\",\"language\":\"cmn-Hans-CN\"}", "{\"file_id\":\"  \"}",
        "{\"language\":\"cmn-Hans-CN\"}", "not json"})
    void speechToTextWithoutAFileIdReports32784(String body) throws Exception {
      HttpResponse<String> r = send(request(Route.SPEECH_TO_TEXT, body));
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(json(r).path("result").asInt()).isEqualTo(32784);
    }
  }

  @Nested
  class RequestedFaults {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"connectionReset", "emptyResponse", "malformedBody", "randomDataThenClose"})
    void aConnectionFaultBreaksTheExchange(String fault) {
      assertThatThrownBy(() -> send(request(Route.UPLOAD, "x").header(VoiceHttp.FAULT, fault)))
          .isInstanceOf(IOException.class);
    }

    @Test
    void serverErrorAnswers503WithoutAGmeResult() throws Exception {
      HttpResponse<String> r = send(request(Route.SPEECH_TO_TEXT, bodyOf(Route.SPEECH_TO_TEXT))
          .header(VoiceHttp.FAULT, "serverError"));
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CONNECTION_RESET_BY_PEER, connectionReset", "EMPTY_RESPONSE, emptyResponse",
        "MALFORMED_RESPONSE_CHUNK, malformedBody", "RANDOM_DATA_THEN_CLOSE, randomDataThenClose",
        "SERVER_ERROR, serverError"})
    void aPreReleaseSpellingIsRefusedNamingTheNewOne(String old, String now) throws Exception {
      HttpResponse<String> r = send(request(Route.UPLOAD, "x").header(VoiceHttp.FAULT, old));
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains(old + " was renamed in 0.1.0; send X-Gme-Fault: " + now);
    }
  }

  /** The simulated SDK reads stock WireMock's answers as it reads the simulator's (a simulator serves only the room side). */
  @Nested
  class SimulatedSdkAgainstStockWireMock {
    @TempDir
    Path dir;

    @Test
    void uploadDownloadAndSpeechToTextSucceed() throws Exception {
      try (GmeSimulator rooms = GmeSimulator.start();
           GmeContext gme = GmeContext.builder().room(rooms.roomAddress()).http(URI.create(stock.baseUrl())).build()) {
        EventRecorder events = new EventRecorder();
        gme.setTMGDelegate(events);
        assertThat(gme.init("1400000000", "10001")).isZero();
        assertThat(gme.getPTT().applyPTTAuthbuffer(new byte[] {1, 2})).isZero();
        Path file = Files.write(dir.resolve("m.wav"), Wav.tone(1500));
        gme.getPTT().uploadRecordedFile(file.toString());
        GmeEvent up = events.await(GmeEventType.PTT_UPLOAD_COMPLETE);
        assertThat(up.result()).as(up.toString()).isZero();
        String fileId = up.getStringExtra("file_id");
        assertThat(fileId).startsWith(stock.baseUrl());
        gme.getPTT().downloadRecordedFile(fileId, dir.resolve("d.wav").toString());
        assertThat(events.await(GmeEventType.PTT_DOWNLOAD_COMPLETE).result()).isZero();
        assertThat(gme.getPTT().getVoiceFileDuration(dir.resolve("d.wav").toString())).isEqualTo(1000);
        gme.getPTT().speechToText(fileId);
        assertThat(events.await(GmeEventType.PTT_SPEECH2TEXT_COMPLETE).getStringExtra("text"))
            .isEqualTo("this is a simulated voice message");
      }
    }
  }
}
