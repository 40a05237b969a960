package dev.gmesim.core.internal.http;

import com.github.tomakehurst.wiremock.extension.Extension;
import dev.gmesim.core.internal.cloud.CloudApiEndpoint;
import dev.gmesim.core.internal.cloud.CloudState;
import dev.gmesim.core.internal.http.control.ControlApi;
import dev.gmesim.core.internal.server.SimulatorState;
import java.util.ArrayList;
import java.util.List;

/** The WireMock extensions the simulator installs on its HTTP port. */
public final class HttpExtensions {
  /** Where the {@code wiremock-mappings} jar keeps its {@code mappings/} and {@code __files/} on the classpath. */
  public static final String MAPPINGS_CLASSPATH_ROOT = "gme-wiremock";

  private HttpExtensions() {}

  /** Returns the extensions for one simulator, sharing its state; {@code cloud} backs the server API on {@code POST /}. */
  public static List<Extension> forSimulator(SimulatorState state, CloudState cloud) {
    List<Extension> extensions = new ArrayList<>();
    extensions.add(new CloudApiEndpoint(state, cloud));
    extensions.add(new ControlApi(state, cloud.signatures()));
    extensions.add(new VoiceMessageTransformer(state));
    extensions.add(new VoiceMessagesAdminApi(state.voiceMessages()));
    return extensions;
  }
}
