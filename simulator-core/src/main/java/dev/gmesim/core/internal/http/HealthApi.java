package dev.gmesim.core.internal.http;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gmesim.core.api.Health;
import dev.gmesim.core.api.internal.ControlJson;
import dev.gmesim.core.internal.server.SimulatorState;

/** {@code GET /__admin/gme/health}: answers 200 with the simulator's status once it serves. */
final class HealthApi implements AdminApiExtension {
  private final SimulatorState state;

  HealthApi(SimulatorState state) {
    this.state = state;
  }

  @Override
  public String getName() {
    return "gme-health";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(RequestMethod.GET, "/gme/health", (admin, serveEvent, pathParams) -> health());
  }

  private ResponseDefinition health() {
    String body = ControlJson.write(new Health("UP", state.timeScale().factor(), state.world().sessionCount()));
    return new ResponseDefinitionBuilder()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body)
        .build();
  }
}
