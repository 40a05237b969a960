package dev.gmesim.junit5;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Durations;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.fault.InvalidFaultRuleException;
import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Finds the {@link InjectGmeError} annotations that apply to a test, checks them all, and turns
 * them into fault rules; nothing is installed here, so a bad attribute fails the test before any
 * shared state is touched.
 */
final class InjectedFaults {
  private InjectedFaults() {}

  /**
   * One annotation where it was found.
   *
   * @param annotation the annotation
   * @param where the element it applies to, e.g. {@code VoiceLobbyTest.join()}, with the meta-annotation it came through
   */
  record Declared(InjectGmeError annotation, String where) {}

  /**
   * A checked annotation, ready to install once scoped to a test.
   *
   * @param alias the annotation as written, e.g. {@code @InjectGmeError(7006)}
   * @param code the code it injects
   * @param rule the rule, without tag or owner
   */
  record Planned(String alias, GmeErrorCode code, FaultRule rule) {}

  /** The annotations of a test class: enclosing classes of a {@code @Nested} class first, base classes before subclasses. */
  static List<Declared> onClass(Class<?> testClass) {
    return onClass(testClass, InjectGmeError.class).stream().map(f -> new Declared(f.annotation(), f.where())).toList();
  }

  /** The annotations on a test method itself. */
  static List<Declared> onMethod(Method method) {
    return onMethod(method, InjectGmeError.class).stream().map(f -> new Declared(f.annotation(), f.where())).toList();
  }

  /**
   * One repeatable annotation of any type where it was found.
   *
   * @param annotation the annotation
   * @param where the element it applies to, with the meta-annotation it came through
   * @param <A> the annotation type
   */
  record Found<A extends Annotation>(A annotation, String where) {}

  /** The {@code type} annotations of a test class, in the order {@link #onClass(Class)} describes. */
  static <A extends Annotation> List<Found<A>> onClass(Class<?> testClass, Class<A> type) {
    Deque<Class<?>> classes = new ArrayDeque<>();
    for (Class<?> c = testClass; c != null; c = isInner(c) ? c.getEnclosingClass() : null) {
      classes.addFirst(c);
    }
    List<Found<A>> out = new ArrayList<>();
    for (Class<?> c : classes) {
      Deque<Class<?>> hierarchy = new ArrayDeque<>();
      for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
        hierarchy.addFirst(k);
      }
      for (Class<?> k : hierarchy) {
        collect(k, k.getSimpleName().isEmpty() ? k.getName() : simpleName(k), "", type, out, new HashSet<>());
      }
    }
    return out;
  }

  /** The {@code type} annotations on a test method itself. */
  static <A extends Annotation> List<Found<A>> onMethod(Method method, Class<A> type) {
    List<Found<A>> out = new ArrayList<>();
    collect(method, simpleName(method.getDeclaringClass()) + "." + method.getName() + "()", "", type, out,
        new HashSet<>());
    return out;
  }

  /** Checks every annotation and returns the rules, or throws naming the first bad one. */
  static List<Planned> plan(List<Declared> declared) {
    List<Planned> out = new ArrayList<>(declared.size());
    for (Declared d : declared) {
      out.add(plan(d));
    }
    return out;
  }

  private static Planned plan(Declared d) {
    InjectGmeError a = d.annotation();
    String alias = render(a);
    GmeErrorCode code = GmeErrorCode.byValue(a.value()).orElseThrow(() -> bad(alias, d,
        "unknown GME error code; nearest: " + GmeErrorCode.nearest(a.value()).label()));
    EnumSet<Operation> operations = EnumSet.noneOf(Operation.class);
    operations.addAll(Arrays.asList(a.operations()));
    if (operations.isEmpty()) {
      operations.addAll(code.operations());
    } else if (!code.operations().containsAll(operations)) {
      throw bad(alias, d, "GME raises " + code.value() + " only on " + code.operations()
          + "; name some of those, or leave operations out to fail them all");
    }
    FaultRule.Builder rule = answer(FaultRule.on(operations).alias(alias), code)
        .budget(budget(a.times(), a.after(), a.probability(), a.seed(), alias, d.where()))
        .scope(checked(() -> new FaultRule.Scope(null, unlessEmpty(a.openId()), unlessEmpty(a.roomId()), null, null),
            alias, d.where()));
    if (!a.delay().isEmpty()) {
      rule.delay(parseDelay(a.delay(), alias, d.where()));
    }
    try {
      return new Planned(alias, code, rule.build());
    } catch (IllegalArgumentException e) {
      throw bad(alias, d, e.getMessage());
    }
  }

  /** Makes {@code rule} answer with {@code code} as GME produces it: 1005 by silence, any other code by replying with it. */
  static FaultRule.Builder answer(FaultRule.Builder rule, GmeErrorCode code) {
    if (code == GmeErrorCode.AV_ERR_TIMEOUT) {
      // GME reports 1005 when the SDK's own timer gives up on a silent server, and every operation
      // it names is asynchronous with such a timer; so silence is the faithful injection, and the
      // event then says 30 000 ms elapsed, as GME's does.
      return rule.noReply();
    }
    return rule.error(code);
  }

  /** Returns the annotation as its user wrote it, default attributes left out: {@code @InjectGmeError(7006, times = 1)}. */
  static String render(InjectGmeError a) {
    List<String> parts = new ArrayList<>();
    parts.add(String.valueOf(a.value()));
    if (a.operations().length == 1) {
      parts.add("operations = " + a.operations()[0].name());
    } else if (a.operations().length > 1) {
      parts.add("operations = " + Arrays.stream(a.operations()).map(Operation::name)
          .collect(Collectors.joining(", ", "{", "}")));
    }
    renderBudget(parts, a.times(), a.after(), a.probability(), a.seed(), a.delay());
    if (!a.openId().isEmpty()) {
      parts.add("openId = \"" + a.openId() + "\"");
    }
    if (!a.roomId().isEmpty()) {
      parts.add("roomId = \"" + a.roomId() + "\"");
    }
    return "@InjectGmeError(" + String.join(", ", parts) + ")";
  }

  /** Adds the budget attributes that differ from their defaults, as an annotation's user wrote them. */
  static void renderBudget(List<String> parts, int times, int after, double probability, long seed, String delay) {
    if (times != 0) {
      parts.add("times = " + times);
    }
    if (after != 0) {
      parts.add("after = " + after);
    }
    if (probability != 1.0) {
      parts.add("probability = " + probability);
    }
    if (seed != 0) {
      parts.add("seed = " + seed);
    }
    if (!delay.isEmpty()) {
      parts.add("delay = \"" + delay + "\"");
    }
  }

  /** Parses a delay in the one grammar of {@link Durations#parse}: {@code 250ms}, {@code 2s}, {@code 1m} or {@code PT0.25S}. */
  static Duration parseDelay(String text, String alias, String where) {
    Duration delay;
    try {
      delay = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      delay = null;
    }
    if (delay == null || delay.isNegative()) {
      throw bad(alias, where, "delay \"" + text + "\" is not a duration; " + Durations.FORMS);
    }
    return delay;
  }

  /**
   * The budget an annotation asks for, checked by the core's {@link FaultRule.Budget}: a bad
   * attribute reads {@code @InjectGmeError(7006, times = -1): times -1 is negative; ...}. The
   * annotation's {@code times = 0}, its default, sets no limit.
   */
  static FaultRule.Budget budget(int times, int after, double probability, long seed, String alias, String where) {
    return checked(() -> new FaultRule.Budget(times == 0 ? Integer.MAX_VALUE : times, after, probability, seed, null),
        alias, where);
  }

  /** Makes one of the core's fault values, naming its first problem after the annotation as written. */
  static <T> T checked(Supplier<T> make, String alias, String where) {
    try {
      return make.get();
    } catch (InvalidFaultRuleException e) {
      InvalidFaultRuleException.Problem first = e.problems().get(0);
      throw bad(alias, where, first.field() + " " + first.message());
    }
  }

  /** An annotation's string attribute, whose empty default means "not set". */
  static String unlessEmpty(String attribute) {
    return attribute.isEmpty() ? null : attribute;
  }

  private static ExtensionConfigurationException bad(String alias, Declared d, String problem) {
    return bad(alias, d.where(), problem);
  }

  /** A configuration failure naming the annotation as written, the problem with its fix, and where it was found. */
  static ExtensionConfigurationException bad(String alias, String where, String problem) {
    return new ExtensionConfigurationException(alias + ": " + problem + " [on " + where + "]");
  }

  /**
   * Collects the annotations declared on one element, directly, in a container, or through
   * meta-annotations (whose name is kept, so a message can say {@code via @TokenExpired}).
   */
  private static <A extends Annotation> void collect(AnnotatedElement element, String where, String via, Class<A> type,
      List<Found<A>> out, Set<Class<? extends Annotation>> seen) {
    Class<? extends Annotation> container = type.getAnnotation(Repeatable.class).value();
    for (Annotation annotation : element.getDeclaredAnnotations()) {
      if (type.isInstance(annotation)) {
        out.add(new Found<>(type.cast(annotation), via + where));
      } else if (container.isInstance(annotation)) {
        for (Annotation single : repeated(annotation)) {
          out.add(new Found<>(type.cast(single), via + where));
        }
      } else {
        Class<? extends Annotation> meta = annotation.annotationType();
        if (!meta.getName().startsWith("java.") && seen.add(meta)) {
          collect(meta, where, via + "@" + meta.getSimpleName() + " on ", type, out, seen);
        }
      }
    }
  }

  /** The annotations a container annotation holds, from its {@code value()}. */
  private static Annotation[] repeated(Annotation container) {
    try {
      return (Annotation[]) container.annotationType().getMethod("value").invoke(container);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + container.annotationType().getName() + ".value()", e);
    }
  }

  private static boolean isInner(Class<?> c) {
    return c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers()) && !c.isLocalClass()
        && !c.isAnonymousClass();
  }

  /** Returns a class's name as tests show it: {@code Outer.Inner}. */
  static String simpleName(Class<?> c) {
    StringBuilder name = new StringBuilder(c.getSimpleName());
    for (Class<?> e = c.getEnclosingClass(); e != null; e = e.getEnclosingClass()) {
      name.insert(0, e.getSimpleName() + ".");
    }
    return name.toString();
  }
}
