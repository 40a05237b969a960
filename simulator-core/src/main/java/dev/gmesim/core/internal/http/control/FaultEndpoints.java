package dev.gmesim.core.internal.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gmesim.core.api.RuleStatus;
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
    ObjectNode body = Replies.object();
    ArrayNode rules = body.putArray("rules");
    for (RuleStatus s : plan.rules()) {
      rules.add(FaultRuleJson.statusToJson(s));
    }
    return Replies.json(200, body);
  }

  /** POST /faults: one rule object, or {@code {"rules": [...]}} (a profile's form), all or nothing. */
  ResponseDefinition add(ApiRequest req) {
    req.query();
    JsonNode body = req.jsonBody();
    try {
      if (body.isObject() && body.has("rules")) {
        List<FaultRule> added = plan.addAll(FaultRuleJson.rulesFromJson(body));
        ObjectNode out = FaultRuleJson.rulesToJson(added);
        return Replies.json(201, out);
      }
      FaultRule added = plan.add(FaultRuleJson.fromJson(body));
      return new ResponseDefinitionBuilder()
          .withStatus(201)
          .withHeader("Content-Type", Replies.JSON)
          .withHeader("Location", "/__admin/gme/faults/" + URLEncoder.encode(added.id(), StandardCharsets.UTF_8))
          .withBody(FaultRuleJson.write(added))
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
    return Replies.json(200, FaultRuleJson.statusToJson(status));
  }

  /** DELETE /faults/{id}: removes one rule. */
  ResponseDefinition remove(ApiRequest req) {
    req.query();
    String id = req.path("id");
    if (!plan.remove(id)) {
      throw unknown(id);
    }
    ObjectNode out = Replies.object();
    out.put("removed", 1);
    out.putArray("ids").add(id);
    return Replies.json(200, out);
  }

  /** DELETE /faults: removes every rule, or with {@code ?owner=} only that owner's. */
  ResponseDefinition clear(ApiRequest req) {
    req.query("owner");
    ObjectNode out = Replies.object();
    String owner = req.param("owner").orElse(null);
    if (owner != null) {
      out.put("removed", plan.removeByOwner(owner));
    } else {
      int before = plan.rules().size();
      plan.clear();
      out.put("removed", before);
    }
    return Replies.json(200, out);
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
