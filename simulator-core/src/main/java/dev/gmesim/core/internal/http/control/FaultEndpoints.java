package dev.gmesim.core.internal.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.api.internal.ControlJson;
import dev.gmesim.core.api.internal.Wire;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.fault.InvalidFaultRuleException;
import dev.gmesim.core.internal.fault.FaultPlan;
import dev.gmesim.core.internal.fault.FaultRuleJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code /__admin/gme/faults}: add one rule or many, list, read one, remove one, clear. */
final class FaultEndpoints {
  private final FaultPlan plan;

  FaultEndpoints(FaultPlan plan) {
    this.plan = plan;
  }

  /** GET /faults: every rule with its counters, in order of addition. */
  ResponseDefinition list(ApiRequest req) {
    req.query();
    return Replies.json(200, new Wire.Statuses(plan.rules()));
  }

  /** POST /faults: one rule object, or {@code {"rules": [...]}} (a profile's form), all or nothing. */
  ResponseDefinition add(ApiRequest req) {
    req.query();
    JsonNode body = req.jsonBody();
    try {
      if (body.isObject() && body.has("rules")) {
        return Replies.json(201, new Wire.Rules(plan.addAll(FaultRuleJson.rulesFromJson(body))));
      }
      FaultRule added = plan.add(FaultRuleJson.fromJson(body));
      return new ResponseDefinitionBuilder()
          .withStatus(201)
          .withHeader("Content-Type", Replies.JSON)
          .withHeader("Location", "/__admin/gme/faults/" + URLEncoder.encode(added.id(), StandardCharsets.UTF_8))
          .withBody(ControlJson.write(added))
          .build();
    } catch (InvalidFaultRuleException e) {
      throw ApiException.invalid(e);
    } catch (IllegalArgumentException e) {
      // FaultPlan refuses only ids already in use (or repeated in one list).
      throw new ApiException(409, "id", e.getMessage());
    }
  }

  /** GET /faults/{id}: one rule with its counters. */
  ResponseDefinition get(ApiRequest req) {
    req.query();
    String id = req.path("id");
    RuleStatus status = plan.status(id).orElseThrow(() -> unknown(id));
    return Replies.json(200, status);
  }

  /** DELETE /faults/{id}: removes one rule. */
  ResponseDefinition remove(ApiRequest req) {
    req.query();
    String id = req.path("id");
    if (!plan.remove(id)) {
      throw unknown(id);
    }
    return Replies.json(200, new Wire.Removed(1, List.of(id)));
  }

  /** DELETE /faults: removes every rule, or with {@code ?owner=} only that owner's. */
  ResponseDefinition clear(ApiRequest req) {
    req.query("owner");
    String owner = req.param("owner").orElse(null);
    int removed;
    if (owner != null) {
      removed = plan.removeByOwner(owner);
    } else {
      removed = plan.rules().size();
      plan.clear();
    }
    return Replies.json(200, new Wire.Removed(removed, null));
  }

  private ApiException unknown(String id) {
    List<String> ids = plan.rules().stream().map(s -> s.rule().id()).toList();
    String known = ids.isEmpty() ? "the plan is empty"
        : "ids in the plan: " + (ids.size() > 20 ? ids.subList(0, 20) + " and " + (ids.size() - 20) + " more" : ids);
    String shown = id.length() > 80 ? id.substring(0, 80) + "..." : id;
    return ApiException.notFound("id", "no fault rule with id '" + shown + "'; " + known
        + " (GET /__admin/gme/faults lists them)");
  }
}
