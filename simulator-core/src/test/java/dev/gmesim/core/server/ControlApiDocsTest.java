package dev.gmesim.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/openapi.yaml and docs/control-api.md describe exactly the routes the simulator serves. */
class ControlApiDocsTest {
  static final Set<String> ROUTES = Set.of("GET /health", "GET /settings", "GET /catalog", "GET /faults",
      "POST /faults", "DELETE /faults", "GET /faults/{id}", "DELETE /faults/{id}", "GET /journal", "GET /rooms",
      "POST /reset", "GET /metrics", "GET /drills", "POST /drills", "DELETE /drills", "DELETE /drills/{name}",
      "GET /drills/{name}/summary", "GET /apps", "PUT /apps/{appId}", "DELETE /apps/{appId}",
      "GET /cloud-secrets", "PUT /cloud-secrets/{secretId}", "DELETE /cloud-secrets/{secretId}");

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
  void theControlApiPageDocumentsEveryRoute() throws Exception {
    String page = Files.readString(docs("control-api.md"));
    for (String route : ROUTES) {
      String[] parts = route.split(" ");
      String heading = "## " + parts[0] + " " + parts[1].substring(1);
      assertThat(page).as("a section for %s", route).contains(heading);
    }
  }
}
