package dev.gmesim.core.internal.http.control;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gmesim.core.api.DrillStatus;
import dev.gmesim.core.api.internal.Wire;
import dev.gmesim.core.fault.FaultProfile;
import dev.gmesim.core.fault.InvalidFaultRuleException;
import dev.gmesim.core.internal.fault.Drills;
import java.util.List;
import java.util.Map;

/** {@code /__admin/gme/drills}: start a drill from a profile, list running drills, stop one or all, read a summary. */
final class DrillEndpoints {
  private final Drills drills;

  DrillEndpoints(Drills drills) {
    this.drills = drills;
  }

  /** POST /drills: a profile in JSON or YAML (by Content-Type); refused whole with every problem, the running drill untouched. */
  ResponseDefinition start(ApiRequest req) {
    req.query();
    Map.Entry<String, FaultProfile.Format> body = req.profileBody();
    FaultProfile profile;
    try {
      profile = FaultProfile.parse(body.getKey(), body.getValue());
    } catch (InvalidFaultRuleException e) {
      throw ApiException.invalid(e);
    }
    try {
      return Replies.json(201, drills.start(profile));
    } catch (IllegalArgumentException e) {
      throw new ApiException(409, "rules", e.getMessage());
    }
  }

  /** GET /drills: the running drills with their remaining time and rules. */
  ResponseDefinition list(ApiRequest req) {
    req.query();
    return Replies.json(200, new Wire.Drills(drills.active()));
  }

  /** DELETE /drills: the kill switch; every running drill ends at once. */
  ResponseDefinition stopAll(ApiRequest req) {
    req.query();
    List<DrillStatus> stopped = drills.stopAll();
    return Replies.json(200, new Wire.Stopped(stopped.size(), stopped));
  }

  /** DELETE /drills/{name}: ends one drill at once. */
  ResponseDefinition stop(ApiRequest req) {
    req.query();
    String name = req.path("name");
    DrillStatus stopped = drills.stop(name).orElseThrow(() -> unknown(name, true));
    return Replies.json(200, stopped);
  }

  /** GET /drills/{name}/summary: calls, faults by code, guard-rail refusals and delay percentiles of a running or recent drill. */
  ResponseDefinition summary(ApiRequest req) {
    req.query();
    String name = req.path("name");
    DrillStatus status = drills.status(name).orElseThrow(() -> unknown(name, false));
    return Replies.json(200, status);
  }

  private ApiException unknown(String name, boolean runningOnly) {
    List<String> names = runningOnly ? drills.active().stream().map(DrillStatus::name).toList() : drills.names();
    String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
    return ApiException.notFound("name", "no " + (runningOnly ? "running " : "") + "drill named '" + shown + "'; "
        + (names.isEmpty() ? "none is known" : "known: " + names) + " (GET /__admin/gme/drills lists the running ones)");
  }

}
