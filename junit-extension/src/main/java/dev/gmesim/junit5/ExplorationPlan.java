package dev.gmesim.junit5;

import dev.gmesim.core.catalog.ErrorCategory;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.NearestName;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Durations;
import dev.gmesim.core.fault.Effect;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.fault.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A checked {@link ExploreGmeErrors}: which calls and failures it explores. {@link #of} checks every
 * attribute before anything runs; {@link #cells} turns the clean run's calls into the runs, in their
 * stable order.
 */
final class ExplorationPlan {
  /** The default of {@link ExploreGmeErrors#timeout()}. */
  static final String DEFAULT_TIMEOUT = "30s";

  /** The causes a run can inject, in the order runs and docs list them. */
  static final List<Effect> CAUSES = List.of(Effect.NO_REPLY, Effect.DISCONNECT, Effect.RESET,
      Effect.CONNECTION_RESET, Effect.EMPTY_RESPONSE, Effect.MALFORMED_BODY, Effect.SERVER_ERROR);

  private final String alias;
  private final String where;
  private final ExploreGmeErrors.Calls calls;
  private final Set<Operation> operations;
  private final Set<Operation> excludedOperations;
  private final Set<GmeErrorCode> codes;
  private final Set<GmeErrorCode> excludedCodes;
  private final Set<ErrorCategory> categories;
  private final Set<ErrorCategory> excludedCategories;
  private final Set<Effect> causes;
  private final int maxInvocations;
  private final Duration timeout;
  private final String timeoutText;

  private ExplorationPlan(ExploreGmeErrors a, String where) {
    this.alias = render(a);
    this.where = where;
    this.calls = a.calls();
    this.operations = operations(a.operations(), "operations");
    this.excludedOperations = operations(a.excludeOperations(), "excludeOperations");
    this.codes = codes(a.codes(), "codes");
    this.excludedCodes = codes(a.excludeCodes(), "excludeCodes");
    this.categories = enumSet(ErrorCategory.class, a.categories());
    this.excludedCategories = enumSet(ErrorCategory.class, a.excludeCategories());
    this.causes = causes(a.causes());
    this.maxInvocations = a.maxInvocations();
    this.timeout = timeout(a.timeout());
    this.timeoutText = a.timeout().strip();
    checkTogether();
  }

  /** Checks the annotation on {@code where} (e.g. {@code LobbyTest.join()}); a bad attribute is named with the fix. */
  static ExplorationPlan of(ExploreGmeErrors annotation, String where) {
    return new ExplorationPlan(annotation, where);
  }

  /** Returns the annotation as its user wrote it. */
  String alias() {
    return alias;
  }

  /** Returns how long one run may take in wall time. */
  Duration timeout() {
    return timeout;
  }

  /** Returns the timeout as the annotation spells it, {@code 30s}. */
  String timeoutText() {
    return timeoutText;
  }

  /**
   * One call of the clean run.
   *
   * @param operation the SDK call
   * @param index its position among the run's calls of that operation, from 1; 0 for every call
   */
  record Call(Operation operation, int index) {
    /** Returns {@code ENTER_ROOM#2}, or {@code ENTER_ROOM#*} for every call. */
    String label() {
      return operation.name() + "#" + (index == 0 ? "*" : String.valueOf(index));
    }
  }

  /**
   * One failure on one call: a code, or a transport cause.
   *
   * @param call the call that fails
   * @param code the code injected, or null for a cause
   * @param cause the cause injected, or null for a code
   */
  record Cell(Call call, GmeErrorCode code, Effect cause) {
    /** Returns the run's name, {@code ENTER_ROOM#1 -> 7006 AV_ERR_AUTH_FIALD} or {@code ENTER_ROOM#1 -> disconnect}. */
    String name() {
      return call.label() + " -> " + fault();
    }

    /** Returns {@code 7006 AV_ERR_AUTH_FIALD} or {@code disconnect}. */
    String fault() {
      return code != null ? code.label() : cause.wireName();
    }

    /** Returns {@code 7006} or {@code disconnect}: the failure as a summary names it. */
    String shortFault() {
      return code != null ? String.valueOf(code.value()) : cause.wireName();
    }

    /** Returns the rule that injects this failure on this call alone, without tag or owner. */
    FaultRule rule() {
      FaultRule.Builder rule = FaultRule.on(call.operation()).alias("@ExploreGmeErrors " + name());
      if (code != null) {
        InjectedFaults.answer(rule, code);
      } else {
        rule.fault(transport(cause));
      }
      if (call.index() > 0) {
        rule.after(call.index() - 1).times(1);
      }
      return rule.build();
    }
  }

  /**
   * The runs one clean run leads to.
   *
   * @param calls the clean run's calls as this plan counts them, in order
   * @param run the failures to run, in order
   * @param excluded documented failures the exclusions leave out
   * @param notRun failures past {@link ExploreGmeErrors#maxInvocations()}
   * @param nothing why there is nothing to run, or null when {@code run} is not empty
   */
  record Cells(List<Call> calls, List<Cell> run, List<Cell> excluded, List<Cell> notRun, String nothing) {}

  /** Returns the runs for the operations the clean run called, in the order it called them. */
  Cells cells(List<Operation> called) {
    List<Call> all = calls(called);
    List<Cell> run = new ArrayList<>();
    List<Cell> excluded = new ArrayList<>();
    for (Call call : all) {
      if (!explores(call.operation())) {
        continue;
      }
      List<GmeErrorCode> documented = Arrays.stream(GmeErrorCode.values())
          .filter(c -> c.operations().contains(call.operation()))
          .sorted(Comparator.comparingInt(GmeErrorCode::value))
          .toList();
      boolean timeoutExplored = false;
      for (GmeErrorCode code : documented) {
        if (excludedCodes.contains(code) || excludedCategories.contains(code.category())) {
          excluded.add(new Cell(call, code, null));
        } else if ((codes.isEmpty() || codes.contains(code))
            && (categories.isEmpty() || categories.contains(code.category()))) {
          run.add(new Cell(call, code, null));
          timeoutExplored |= code == GmeErrorCode.AV_ERR_TIMEOUT;
        }
      }
      for (Effect cause : CAUSES) {
        if (causes.contains(cause) && causesOn(call.operation()).contains(cause)
            && !(cause == Effect.NO_REPLY && timeoutExplored)) {
          run.add(new Cell(call, null, cause));
        }
      }
    }
    List<Cell> notRun = List.of();
    if (maxInvocations > 0 && run.size() > maxInvocations) {
      notRun = List.copyOf(run.subList(maxInvocations, run.size()));
      run = run.subList(0, maxInvocations);
    }
    return new Cells(all, List.copyOf(run), List.copyOf(excluded), notRun, run.isEmpty() ? nothing(all) : null);
  }

  /** Counts the calls per operation in order and keeps those this plan's {@link ExploreGmeErrors.Calls} selects. */
  private List<Call> calls(List<Operation> called) {
    Map<Operation, Integer> seen = new EnumMap<>(Operation.class);
    List<Call> out = new ArrayList<>();
    for (Operation op : called) {
      if (op.channel() == Operation.Channel.SERVER_API) {
        continue;
      }
      int index = seen.merge(op, 1, Integer::sum);
      switch (calls) {
        case EACH -> out.add(new Call(op, index));
        case FIRST -> {
          if (index == 1) {
            out.add(new Call(op, 1));
          }
        }
        case ALL -> {
          if (index == 1) {
            out.add(new Call(op, 0));
          }
        }
      }
    }
    return out;
  }

  private boolean explores(Operation op) {
    return (operations.isEmpty() || operations.contains(op)) && !excludedOperations.contains(op);
  }

  private String nothing(List<Call> all) {
    if (all.isEmpty()) {
      return alias + ": the clean run made no GME SDK call, so nothing was explored; make the test call the SDK"
          + " through its GmeContext parameter (or GmeSimulatorHandle.newContext) [on " + where + "]";
    }
    String called = all.stream().map(Call::label).collect(Collectors.joining(", "));
    return alias + ": the clean run called " + called + ", and the attributes leave none of those calls a failure"
        + " to explore; widen operations, codes or categories, or remove the exclusions [on " + where + "]";
  }

  /** The causes that can fail a call of this operation where it is decided. */
  static Set<Effect> causesOn(Operation op) {
    return switch (op.channel()) {
      case ROOM -> EnumSet.of(Effect.NO_REPLY, Effect.DISCONNECT, Effect.RESET);
      // Recording and playback ask the room connection and have no SDK timer of their own, so silence would hang.
      case LOCAL -> EnumSet.of(Effect.DISCONNECT, Effect.RESET);
      case HTTP -> EnumSet.of(Effect.NO_REPLY, Effect.CONNECTION_RESET, Effect.EMPTY_RESPONSE, Effect.MALFORMED_BODY,
          Effect.SERVER_ERROR);
      case SERVER_API -> EnumSet.noneOf(Effect.class);
    };
  }

  private static Fault transport(Effect cause) {
    return switch (cause) {
      case NO_REPLY -> Fault.noReply();
      case DISCONNECT -> Fault.disconnect();
      case RESET -> Fault.reset();
      case CONNECTION_RESET -> Fault.http(Fault.HttpFailure.CONNECTION_RESET);
      case EMPTY_RESPONSE -> Fault.http(Fault.HttpFailure.EMPTY_RESPONSE);
      case MALFORMED_BODY -> Fault.http(Fault.HttpFailure.MALFORMED_BODY);
      case SERVER_ERROR -> Fault.http(Fault.HttpFailure.SERVER_ERROR);
      // networkDown needs an outage length and poorNetwork fails no call, so exploration offers neither as a cause.
      case ERROR, API_ERROR, NETWORK_DOWN, POOR_NETWORK -> throw new IllegalArgumentException(cause + " is no cause");
    };
  }

  // ---- checks --------------------------------------------------------------------------------

  private Set<Operation> operations(Operation[] given, String attribute) {
    for (Operation op : given) {
      if (op.channel() == Operation.Channel.SERVER_API) {
        throw bad(attribute + " names " + op + ", a server API action with no GME SDK codes; name SDK operations"
            + " such as ENTER_ROOM (server API errors: @InjectGmeServerError)");
      }
    }
    return enumSet(Operation.class, given);
  }

  private Set<GmeErrorCode> codes(int[] given, String attribute) {
    Set<GmeErrorCode> out = EnumSet.noneOf(GmeErrorCode.class);
    for (int value : given) {
      out.add(GmeErrorCode.byValue(value).orElseThrow(() -> bad(attribute + ": unknown GME error code " + value
          + "; nearest: " + GmeErrorCode.nearest(value).label())));
    }
    return out;
  }

  private Set<Effect> causes(String[] given) {
    List<String> names = CAUSES.stream().map(Effect::wireName).toList();
    Set<Effect> out = EnumSet.noneOf(Effect.class);
    for (String name : given) {
      Effect effect = Effect.fromWire(name).orElse(null);
      if (effect == null) {
        String hint = Effect.renamed(name).filter(CAUSES::contains).map(e -> "; it is spelled " + e.wireName())
            .orElseGet(() -> NearestName.hint(name, names));
        throw bad("causes: unknown cause \"" + name + "\"" + hint + "; the causes are " + String.join(", ", names));
      }
      if (!CAUSES.contains(effect)) {
        throw bad("causes: \"" + name + "\" is no transport cause (the codes are explored anyway); name some of "
            + String.join(", ", names));
      }
      out.add(effect);
    }
    return out;
  }

  private Duration timeout(String text) {
    Duration parsed;
    try {
      parsed = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      parsed = null;
    }
    if (parsed == null || parsed.isNegative() || parsed.isZero()) {
      throw bad("timeout \"" + text + "\" is not a positive duration; " + Durations.FORMS);
    }
    return parsed;
  }

  /** Checks the attributes against each other: nothing both wanted and excluded, no code where it cannot arise. */
  private void checkTogether() {
    overlap("operations", operations, "excludeOperations", excludedOperations, Operation::name);
    overlap("codes", codes, "excludeCodes", excludedCodes, GmeErrorCode::label);
    overlap("categories", categories, "excludeCategories", excludedCategories, ErrorCategory::name);
    if (maxInvocations < 0) {
      throw bad("maxInvocations " + maxInvocations + " is negative; use 0 (run every failure) or a cap of 1 or more");
    }
    for (GmeErrorCode code : codes) {
      if (!operations.isEmpty() && code.operations().stream().noneMatch(this::explores)) {
        throw bad("codes: GME raises " + code.label() + " only on " + code.operations()
            + ", none of which operations = " + operations + " explores; name one of those, or leave codes out");
      }
      if ((!categories.isEmpty() && !categories.contains(code.category()))
          || excludedCategories.contains(code.category())) {
        throw bad("codes: " + code.label() + " is a " + code.category() + " code, which the categories leave out;"
            + " keep codes or categories, not both at odds");
      }
    }
    if (!operations.isEmpty()) {
      for (Effect cause : causes) {
        List<Operation> where = Arrays.stream(Operation.values()).filter(op -> causesOn(op).contains(cause)).toList();
        if (operations.stream().noneMatch(op -> causesOn(op).contains(cause))) {
          throw bad("causes: " + cause.wireName() + " can fail only " + where + ", and operations = " + operations
              + " names none of them; name one, or drop the cause");
        }
      }
    }
  }

  private <T> void overlap(String wanted, Set<T> a, String excluded, Set<T> b, Function<T, String> name) {
    List<String> both = a.stream().filter(b::contains).map(name).toList();
    if (!both.isEmpty()) {
      throw bad(String.join(", ", both) + " is both in " + wanted + " and in " + excluded + "; keep it in one");
    }
  }

  private RuntimeException bad(String problem) {
    return InjectedFaults.bad(alias, where, problem);
  }

  @SafeVarargs
  private static <E extends Enum<E>> Set<E> enumSet(Class<E> type, E... values) {
    Set<E> out = EnumSet.noneOf(type);
    out.addAll(Arrays.asList(values));
    return out;
  }

  /** Returns the annotation as its user wrote it, default attributes left out: {@code @ExploreGmeErrors(codes = 7006)}. */
  static String render(ExploreGmeErrors a) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("operations", list(Arrays.stream(a.operations()).map(Operation::name)));
    parts.put("excludeOperations", list(Arrays.stream(a.excludeOperations()).map(Operation::name)));
    parts.put("codes", list(Arrays.stream(a.codes()).mapToObj(String::valueOf)));
    parts.put("excludeCodes", list(Arrays.stream(a.excludeCodes()).mapToObj(String::valueOf)));
    parts.put("categories", list(Arrays.stream(a.categories()).map(ErrorCategory::name)));
    parts.put("excludeCategories", list(Arrays.stream(a.excludeCategories()).map(ErrorCategory::name)));
    parts.put("calls", a.calls() == ExploreGmeErrors.Calls.EACH ? null : a.calls().name());
    parts.put("causes", list(Arrays.stream(a.causes()).map(c -> "\"" + c + "\"")));
    parts.put("maxInvocations", a.maxInvocations() == 0 ? null : String.valueOf(a.maxInvocations()));
    parts.put("timeout", a.timeout().equals(DEFAULT_TIMEOUT) ? null : "\"" + a.timeout() + "\"");
    String shown = parts.entrySet().stream().filter(e -> e.getValue() != null)
        .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
    return "@ExploreGmeErrors" + (shown.isEmpty() ? "" : "(" + shown + ")");
  }

  private static String list(java.util.stream.Stream<String> items) {
    List<String> all = items.toList();
    return all.isEmpty() ? null : all.size() == 1 ? all.get(0) : "{" + String.join(", ", all) + "}";
  }
}
