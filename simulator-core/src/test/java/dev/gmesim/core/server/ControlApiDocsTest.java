package dev.gmesim.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gmesim.core.api.internal.ControlRoute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docs/openapi.yaml and docs/control-api.md describe exactly the routes the simulator serves. */
class ControlApiDocsTest {
  /** The routes the simulator serves and its client calls: the one table, not a copy of it. */
  static final Set<String> ROUTES = Arrays.stream(ControlRoute.values())
      .map(r -> r.method() + " " + r.template()).collect(Collectors.toSet());

  static Path docs(String name) {
    // Surefire runs in the module directory; docs/ sits beside it at the repository root.
    return Path.of("..", "docs", name);
  }

  @Test
  void theOpenApiFileListsEveryRouteAndNoOther() throws Exception {
    JsonNode api = new YAMLMapper().readTree(docs("openapi.yaml").toFile());
    List<String> routes = new ArrayList<>();
    api.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      if (!method.equals("parameters")) {
        routes.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
      }
    }));
    assertThat(routes).containsExactlyInAnyOrderElementsOf(ROUTES);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void theSimulatorServesEveryRouteOfTheTable() {
    try (GmeSimulator sim = GmeSimulator.builder().start()) {
      ControlHttp http = ControlHttp.to(sim);
      for (ControlRoute route : ControlRoute.values()) {
        String[] parameters = new String[route.template().split("\\{", -1).length - 1];
        Arrays.fill(parameters, "x");
        ControlHttp.Reply reply = http.send(route.method(), route.path(parameters), null, null);
        // WireMock answers a path no route serves with its own plain 404; every route answers in JSON or Prometheus text.
        assertThat(reply.contentType()).as("%s %s answered %s: %s", route.method(), route.template(), reply.status(),
            reply.body()).startsWith(route == ControlRoute.METRICS ? "text/plain" : "application/json");
      }
    }
  }

  @Test
  void theControlApiPageDocumentsEveryRoute() throws Exception {
    String page = Files.readString(docs("control-api.md"));
    for (String route : ROUTES) {
      String[] parts = route.split(" ");
      String heading = "## " + parts[0] + " " + parts[1].substring(1);
      assertThat(page).as("a section for %s", route).contains(heading);
    }
  }
}
