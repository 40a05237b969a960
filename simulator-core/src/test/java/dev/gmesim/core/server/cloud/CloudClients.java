package dev.gmesim.core.server.cloud;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.gme.v20180711.GmeClient;
import dev.gmesim.core.server.GmeSimulator;

/** The official TencentCloud Java client pointed at a simulator, as docs/server-api.md shows. */
final class CloudClients {
  private CloudClients() {}

  static GmeClient client(GmeSimulator sim, String secretId, String secretKey) {
    HttpProfile http = new HttpProfile();
    http.setEndpoint(sim.cloudEndpoint());
    http.setProtocol(HttpProfile.REQ_HTTP);
    http.setReadTimeout(10);
    http.setConnTimeout(10);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new GmeClient(new Credential(secretId, secretKey), "", profile);
  }

  /** A call of the client that may throw its checked exception. */
  interface Call {
    /** Makes the request. */
    void run() throws Exception;
  }

  static GmeClient client(GmeSimulator sim) {
    return client(sim, "AKIDanything", "any-key");
  }
}
