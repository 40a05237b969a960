package dev.gmesim.core.api.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.StdConverter;
import dev.gmesim.core.api.DrillStatus;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.RoomSnapshot;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.catalog.ErrorCategory;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultProfile;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.fault.GuardRail;
import dev.gmesim.core.fault.InvalidFaultRuleException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bodies of the control API, one record per shape, written by the server and read by the
 * client with {@link ControlJson}'s mapper: renaming a field breaks both ends at compile time.
 * docs/control-api.md shows each; the order of the components is the order on the wire.
 */
public final class Wire {
  private Wire() {}

  /** {@code GET /faults}: every rule with its counters. */
  public record Statuses(List<RuleStatus> rules) {}

  /** {@code POST /faults} with a list, and its answer: the rules, in order. */
  public record Rules(List<FaultRule> rules) {}

  /** {@code DELETE /faults/{id}} (with {@code ids}) and {@code DELETE /faults} (without). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Removed(int removed, List<String> ids) {}

  /** {@code GET /journal}: the counters of the journal and the page of entries. */
  public record Journal(long total, int kept, int capacity, int matched, int returned, List<JournalEntry> entries) {}

  /** {@code GET /rooms}. */
  public record Rooms(List<RoomSnapshot> rooms) {}

  /** {@code GET /drills}. */
  public record Drills(List<DrillStatus> drills) {}

  /** {@code DELETE /drills}: the kill switch's answer. */
  public record Stopped(int stopped, List<DrillStatus> drills) {}

  /** {@code POST /drills} from the client: a profile in JSON, its scope already applied to the rules. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Profile(String name, Duration ttl, GuardRail guardRail, List<FaultRule> rules) {
    /** The profile's JSON form; the guard rail only when it limits something. */
    public static Profile of(FaultProfile p) {
      return new Profile(p.name(), p.ttl().orElse(null), p.guardRail().isNone() ? null : p.guardRail(), p.rules());
    }
  }

  /** {@code POST /reset}. */
  public record Reset(boolean reset) {}

  /** {@code GET /settings}. */
  public record Settings(String version, String bindAddress, int roomPort, double timeScale, long enterRoomTimeoutMs,
      int journalCapacity, String admin) {}

  /** {@code GET /catalog}: the documented codes that match, and how many. */
  public record Catalog(List<Code> codes, int count) {}

  /** One documented GME error code. */
  public record Code(int code, String name, ErrorCategory category, Set<Operation> operations, String errorInfo,
      String english, String meaningZh, String causeZh, String adviceZh) {
    /** The code's entry. */
    public static Code of(GmeErrorCode c) {
      return new Code(c.value(), c.name(), c.category(), c.operations(), c.errorInfo(), c.english(), c.meaningZh(),
          c.causeZh(), c.adviceZh());
    }
  }

  /** {@code GET /apps}. */
  public record Apps(List<App> apps) {}

  /** An app whose auth buffers are checked; never its key. */
  public record App(String appId) {}

  /** {@code PUT /apps/{appId}}'s body: the app's permission key. */
  public record AppKey(String key) {}

  /** {@code PUT /apps/{appId}}'s answer. */
  public record AppPut(String appId, boolean replaced) {}

  /** {@code DELETE /apps/{appId}}'s answer. */
  public record AppRemoved(int removed, String appId) {}

  /** {@code GET /cloud-secrets}. */
  public record Secrets(List<Secret> secrets) {}

  /** A server-API key by SecretId; never the key. */
  public record Secret(String secretId) {}

  /** {@code PUT /cloud-secrets/{secretId}}'s body. */
  public record SecretKey(String secretKey) {}

  /** {@code PUT /cloud-secrets/{secretId}}'s answer. */
  public record SecretPut(String secretId, boolean replaced) {}

  /** {@code DELETE /cloud-secrets/{secretId}}'s answer. */
  public record SecretRemoved(int removed, String secretId) {}

  /** {@code PUT /voice-messages/{id}/transcript}'s body. */
  public record Transcript(String text) {}

  /** Every refusal: the status, the field at fault, the first message, and every problem. */
  public record Error(int status, String error, String field, String message,
      List<InvalidFaultRuleException.Problem> problems) {}

  /**
   * A drill's status as the wire has it: the remaining time in milliseconds and the delay
   * percentiles nested, in milliseconds too ({@code null} before the first fault).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Drill(String name, DrillStatus.State state, Instant startedAt, Instant endedAt, Duration ttl,
      Long remainingMs, GuardRail guardRail, long calls, long faults, long guardRailed, Map<String, Long> faultsByCode,
      DelayMs injectedDelayMs, List<RuleStatus> rules) {

    /** Injected delay percentiles in milliseconds; every one is written, null or not. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DelayMs(Double p50, Double p95, Double p99) {}

    /** Writes a status in the wire's shape. */
    public static final class Of extends StdConverter<DrillStatus, Drill> {
      @Override
      public Drill convert(DrillStatus d) {
        return new Drill(d.name(), d.state(), d.startedAt(), d.endedAt().orElse(null), d.ttl().orElse(null),
            d.remaining().map(Duration::toMillis).orElse(null), d.guardRail().isNone() ? null : d.guardRail(),
            d.calls(), d.faults(), d.guardRailed(), d.faultsByCode(),
            new DelayMs(ms(d.delayP50()), ms(d.delayP95()), ms(d.delayP99())), d.rules());
      }
    }

    /** Reads the wire's shape back into a status; the remaining time keeps millisecond precision. */
    public static final class ToStatus extends StdConverter<Drill, DrillStatus> {
      @Override
      public DrillStatus convert(Drill d) {
        DelayMs delay = d.injectedDelayMs() == null ? new DelayMs(null, null, null) : d.injectedDelayMs();
        return new DrillStatus(d.name(), d.state(), d.startedAt(), java.util.Optional.ofNullable(d.endedAt()),
            java.util.Optional.ofNullable(d.ttl()), java.util.Optional.ofNullable(d.remainingMs()).map(Duration::ofMillis),
            d.guardRail() == null ? GuardRail.none() : d.guardRail(), d.rules() == null ? List.of() : List.copyOf(d.rules()),
            d.calls(), d.faults(), d.guardRailed(), new TreeMap<>(d.faultsByCode() == null ? Map.of() : d.faultsByCode()),
            duration(delay.p50()), duration(delay.p95()), duration(delay.p99()));
      }
    }

    private static Double ms(Duration d) {
      return d == null ? null : d.toNanos() / 1_000_000.0;
    }

    private static Duration duration(Double ms) {
      return ms == null ? null : Duration.ofNanos(Math.round(ms * 1_000_000));
    }
  }
}
