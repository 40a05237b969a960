package dev.gmesim.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.protocol.VoiceHttp;
import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.server.GmeSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator (not only a stock WireMock) answers {@code X-Gme-Fault} by the effect names and refuses the old ones. */
class RequestedFaultHeaderTest {
  static GmeSimulator sim;
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start() {
    sim = GmeSimulator.builder().roomPort(0).httpPort(0).start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static HttpResponse<String> upload(String fault) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(sim.httpBaseUri() + VoiceHttp.BASE_PATH + "/upload"))
        .timeout(Duration.ofSeconds(20)).header(VoiceHttp.FAULT, fault).header(VoiceHttp.APP_ID, "1400000000")
        .header(VoiceHttp.OPEN_ID, "header-test").POST(HttpRequest.BodyPublishers.ofString("x")).build();
    return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anEffectNameBreaksTheExchangeAndIsJournaled() {
    assertThatThrownBy(() -> upload("connectionReset")).isInstanceOf(IOException.class);
    assertThat(SimulatorInternals.journal(sim).find(Operation.PTT_UPLOAD)).extracting(e -> e.effect()).contains("http connectionReset");
  }

  @Test
  void serverErrorAnswers503() throws Exception {
    assertThat(upload("serverError").statusCode()).isEqualTo(503);
  }

  @Test
  void theOldWireMockNameIsRefusedNamingTheNewOne() throws Exception {
    HttpResponse<String> r = upload("CONNECTION_RESET_BY_PEER");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).startsWith("X-Gme-Fault CONNECTION_RESET_BY_PEER was renamed in 0.1.0; send X-Gme-Fault: "
        + "connectionReset");
    assertThat(SimulatorInternals.journal(sim).find(Operation.PTT_UPLOAD)).extracting(e -> e.effect())
        .contains("refused (X-Gme-Fault CONNECTION_RESET_BY_PEER was renamed connectionReset)");
  }
}
