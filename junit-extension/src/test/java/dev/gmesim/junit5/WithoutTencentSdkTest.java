package dev.gmesim.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.cloud.CloudApi;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tencent's SDK is an optional dependency: a user without it can still take a {@link GmeCloudApi}
 * (endpoint, key, tag, headers), and asking it for the SDK's client says what to add.
 */
class WithoutTencentSdkTest {

  @Test
  void gmeCloudApiWorksWithoutTheSdkAndItsClientMethodsSayWhatIsMissing() throws Exception {
    URL extension = GmeCloudApi.class.getProtectionDomain().getCodeSource().getLocation();
    URL core = CloudApi.class.getProtectionDomain().getCodeSource().getLocation();
    URL tests = Caller.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader noSdk = new URLClassLoader(new URL[] {extension, core, tests},
        ClassLoader.getPlatformClassLoader())) {
      assertThat(noSdk.getResource("com/tencentcloudapi/common/profile/ClientProfile.class")).as("the SDK").isNull();
      Object seen = Class.forName(Caller.class.getName(), true, noSdk).getMethod("use").invoke(null);

      assertThat(seen).asList().hasSize(4).startsWith("{X-Gme-Tag=run-1-T.t()}",
          "GmeCloudApi[127.0.0.1:8080, AKIDid, key hidden, tag run-1-T.t()]");
      assertThat(seen).asList().element(2).asString().startsWith("GmeCloudApi.clientProfile() needs"
          + " com.tencentcloudapi:tencentcloud-sdk-java 3.1.1239 or later on the test classpath")
          .endsWith("with another client, send headers() with each request instead");
      assertThat(seen).asList().element(3).asString().startsWith("GmeCloudApi.gmeClient() needs");
    }
  }

  /** Runs in the loader without the SDK, using the record as compiled code does, and says what happened. */
  public static final class Caller {
    private Caller() {}

    /** Returns the headers, the text, and what each client method threw. */
    public static List<String> use() {
      GmeCloudApi api = new GmeCloudApi("127.0.0.1:8080", URI.create("http://127.0.0.1:8080/"), "AKIDid", "key",
          "run-1-T.t()");
      List<String> seen = new ArrayList<>();
      seen.add(api.headers().toString());
      seen.add(api.toString());
      try {
        Object profile = api.clientProfile();
        seen.add("a profile: " + profile);
      } catch (IllegalStateException e) {
        seen.add(e.getMessage());
      }
      try {
        Object client = api.gmeClient();
        seen.add("a client: " + client);
      } catch (IllegalStateException e) {
        seen.add(e.getMessage());
      }
      return seen;
    }
  }
}
