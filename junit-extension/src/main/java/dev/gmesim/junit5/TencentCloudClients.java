package dev.gmesim.junit5;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.gme.v20180711.GmeClient;
import dev.gmesim.core.cloud.CloudApi;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Builds the official TencentCloud client for a {@link GmeCloudApi}. The only class of the extension
 * that touches Tencent's SDK (and its OkHttp), so a user without the SDK never loads it.
 */
final class TencentCloudClients {
  private TencentCloudClients() {}

  /** The client every profile's client derives from, so they share OkHttp's connection pool and dispatcher. */
  private static final class Base {
    // In a holder, so that without OkHttp this class still loads and the first missing class is the SDK's.
    static final OkHttpClient CLIENT = new OkHttpClient();
  }

  static ClientProfile profile(GmeCloudApi api, Duration readTimeout) {
    HttpProfile http = new HttpProfile();
    http.setEndpoint(api.endpoint());
    http.setProtocol(HttpProfile.REQ_HTTP);
    // Whole seconds, for whoever reads the profile back; the client below is what applies it.
    http.setReadTimeout((int) Math.min(Integer.MAX_VALUE, (readTimeout.toMillis() + 999) / 1000));
    OkHttpClient.Builder client = Base.CLIENT.newBuilder()
        .connectTimeout(http.getConnTimeout(), TimeUnit.SECONDS)
        .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(http.getWriteTimeout(), TimeUnit.SECONDS);
    String tag = api.tag();
    if (tag != null) {
      // Every request the client sends, whatever the action; a header the request set itself wins.
      client.addInterceptor(chain -> {
        Request request = chain.request();
        return chain.proceed(request.header(CloudApi.TAG_HEADER) != null ? request
            : request.newBuilder().header(CloudApi.TAG_HEADER, tag).build());
      });
    }
    http.setHttpClient(client.build());
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return profile;
  }

  static GmeClient client(GmeCloudApi api, ClientProfile profile) {
    return new GmeClient(new Credential(api.secretId(), api.secretKey()), "", profile);
  }
}
