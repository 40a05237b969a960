package dev.gmesim.core.internal.http;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** wiremock-mappings/README.md's example, run on a stock WireMock: the happy path and an error on request. */
class WireMockReadmeSnippetTest {
  @Test
  void theMappingsAnswerAnUploadAndAnErrorOnRequest() throws Exception {
    byte[] audio = new byte[1024];
    // tag::wiremock-mappings-readme[]
    WireMockServer wm = new WireMockServer(options().dynamicPort().usingFilesUnderClasspath("gme-wiremock"));
    wm.start();
    HttpClient http = HttpClient.newHttpClient();

    // The happy path: the file_id is a URL back to this WireMock.
    HttpResponse<String> up = http.send(HttpRequest.newBuilder(URI.create(wm.baseUrl() + "/gme/ptt/v1/upload"))
        .header("X-Gme-AuthBuffer", "YXV0aA==")
        .POST(HttpRequest.BodyPublishers.ofByteArray(audio)).build(), HttpResponse.BodyHandlers.ofString());
    // {"result":0,"error_info":"","file_id":"http://localhost:41877/gme/ptt/v1/files/0k2..."}

    // Any documented error of the route, on request:
    HttpResponse<String> failed = http.send(HttpRequest.newBuilder(URI.create(wm.baseUrl() + "/gme/ptt/v1/upload"))
        .header("X-Gme-AuthBuffer", "YXV0aA==")
        .header("X-Gme-Error", "8195")
        .POST(HttpRequest.BodyPublishers.ofByteArray(audio)).build(), HttpResponse.BodyHandlers.ofString());
    // 502 {"result":8195,"error_info":"QAVPTTERROR_UPLOAD_COS_INTERNAL_FAIL: The upload failed on a network error; ..."}
    // end::wiremock-mappings-readme[]
    try {
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.body()).contains("\"result\":0").contains(wm.baseUrl() + "/gme/ptt/v1/files/");
      assertThat(failed.statusCode()).isEqualTo(502);
      assertThat(failed.body()).contains("\"result\":8195").contains("QAVPTTERROR_UPLOAD_COS_INTERNAL_FAIL");
    } finally {
      wm.stop();
    }
  }
}
