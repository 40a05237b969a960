package dev.gmesim.junit5;

import dev.gmesim.core.catalog.NearestName;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.cloud.ApiErrorCode;
import dev.gmesim.core.cloud.CloudApi;
import dev.gmesim.core.fault.FaultRule;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the {@link InjectGmeServerError} annotations that apply to a test, checks them all, and
 * turns them into fault rules on {@code SERVER_*} operations; nothing is installed here.
 */
final class InjectedServerFaults {
  private InjectedServerFaults() {}

  /**
   * A checked annotation, ready to install once owned by a test.
   *
   * @param alias the annotation as written, e.g. {@code @InjectGmeServerError("RequestLimitExceeded")}
   * @param code the code it injects
   * @param rule the rule, without tag or owner
   * @param tagged whether the rule is limited to the test's tag ({@link InjectGmeServerError#tagged()})
   */
  record Planned(String alias, ApiErrorCode code, FaultRule rule, boolean tagged) {}

  /** The annotations that apply to one test method: its class's (see {@link InjectedFaults#onClass}) then its own. */
  static List<InjectedFaults.Found<InjectGmeServerError>> declared(Class<?> testClass, Method method) {
    List<InjectedFaults.Found<InjectGmeServerError>> out =
        new ArrayList<>(InjectedFaults.onClass(testClass, InjectGmeServerError.class));
    if (method != null) {
      out.addAll(InjectedFaults.onMethod(method, InjectGmeServerError.class));
    }
    return out;
  }

  /** Checks every annotation and returns the rules, or throws naming the first bad one. */
  static List<Planned> plan(List<InjectedFaults.Found<InjectGmeServerError>> declared) {
    List<Planned> out = new ArrayList<>(declared.size());
    for (InjectedFaults.Found<InjectGmeServerError> d : declared) {
      out.add(plan(d.annotation(), d.where()));
    }
    return out;
  }

  private static Planned plan(InjectGmeServerError a, String where) {
    String alias = render(a);
    ApiErrorCode code = ApiErrorCode.find(a.value()).orElseThrow(() -> InjectedFaults.bad(alias, where,
        "unknown API 3.0 error code \"" + a.value() + "\"; nearest: " + String.join(", ", ApiErrorCode.nearest(a.value()))
            + " (the list: ApiErrorCode, docs/server-api.md)"));
    EnumSet<Operation> operations = EnumSet.noneOf(Operation.class);
    for (String action : a.actions()) {
      operations.add(operation(action, alias, where));
    }
    if (code.operations().isEmpty()) {
      throw InjectedFaults.bad(alias, where, "Tencent documents " + code.code() + " only for actions the simulator"
          + " does not serve (such as voiceprints); pick a code listed for " + String.join(", ", CloudApi.actions()));
    }
    if (operations.isEmpty()) {
      operations.addAll(code.operations());
    } else if (!code.operations().containsAll(operations)) {
      throw InjectedFaults.bad(alias, where, code.code() + " is documented only for " + actionNames(code.operations())
          + "; name some of those, or leave actions out to fail them all");
    }
    FaultRule.Builder rule = FaultRule.on(operations).alias(alias).apiError(code.code())
        .budget(InjectedFaults.budget(a.times(), a.after(), a.probability(), a.seed(), alias, where))
        .scope(InjectedFaults.checked(() -> new FaultRule.Scope(null, null, InjectedFaults.unlessEmpty(a.roomId()), null,
            null), alias, where));
    if (!a.delay().isEmpty()) {
      rule.delay(InjectedFaults.parseDelay(a.delay(), alias, where));
    }
    try {
      return new Planned(alias, code, rule.build(), a.tagged());
    } catch (IllegalArgumentException e) {
      throw InjectedFaults.bad(alias, where, e.getMessage());
    }
  }

  /** Reads an action name or a {@code SERVER_*} operation name, refusing others with the nearest served names. */
  private static Operation operation(String name, String alias, String where) {
    String s = name == null ? "" : name.strip();
    Optional<Operation> byAction = CloudApi.operationOf(s);
    if (byAction.isPresent()) {
      return byAction.get();
    }
    for (Operation op : Operation.values()) {
      if (op.channel() == Operation.Channel.SERVER_API && op.name().equals(s.toUpperCase(Locale.ROOT))) {
        return op;
      }
    }
    List<String> nearest = Stream.concat(CloudApi.actions().stream(),
            Arrays.stream(Operation.values()).filter(op -> op.channel() == Operation.Channel.SERVER_API).map(Enum::name))
        .sorted(Comparator.comparingInt((String c) -> NearestName.distance(s.toLowerCase(Locale.ROOT),
            c.toLowerCase(Locale.ROOT))).thenComparing(c -> c))
        .limit(3).toList();
    throw InjectedFaults.bad(alias, where, "\"" + name + "\" is not a server API action the simulator serves; nearest: "
        + String.join(", ", nearest) + " (all: " + String.join(", ", CloudApi.actions()) + ")");
  }

  private static String actionNames(Set<Operation> operations) {
    return operations.stream().map(op -> CloudApi.actionOf(op).orElse(op.name())).collect(Collectors.joining(", "));
  }

  /** Returns the annotation as its user wrote it, default attributes left out. */
  static String render(InjectGmeServerError a) {
    List<String> parts = new ArrayList<>();
    parts.add("\"" + a.value() + "\"");
    if (a.actions().length == 1) {
      parts.add("actions = \"" + a.actions()[0] + "\"");
    } else if (a.actions().length > 1) {
      parts.add("actions = " + Arrays.stream(a.actions()).map(s -> "\"" + s + "\"")
          .collect(Collectors.joining(", ", "{", "}")));
    }
    InjectedFaults.renderBudget(parts, a.times(), a.after(), a.probability(), a.seed(), a.delay());
    if (!a.roomId().isEmpty()) {
      parts.add("roomId = \"" + a.roomId() + "\"");
    }
    if (!a.tagged()) {
      parts.add("tagged = false");
    }
    return "@InjectGmeServerError(" + String.join(", ", parts) + ")";
  }
}
