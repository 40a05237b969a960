package dev.gmesim.junit5;

import dev.gmesim.core.catalog.ErrorCategory;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.cloud.ApiErrorCode;
import dev.gmesim.core.cloud.CloudApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which of GME's documented codes the run injected, kept in the root store and written as
 * {@code gme-error-coverage.md} and {@code .json} when the run ends, so a team sees the failures
 * its tests have never rehearsed. The directory is {@code target} under the working directory
 * unless the {@code gmesim.coverage.dir} configuration parameter or system property names
 * another; {@code gmesim.coverage=false} turns the report off.
 */
final class Coverage implements StoreResource {
  static final String DIR_PROPERTY = "gmesim.coverage.dir";
  static final String ENABLED_PROPERTY = "gmesim.coverage";
  static final String NAME = "gme-error-coverage";
  static final String MARKDOWN = NAME + ".md";
  static final String JSON = NAME + ".json";

  private final Path dir;
  private final boolean enabled;
  private final Map<GmeErrorCode, Tally> tallies = new EnumMap<>(GmeErrorCode.class);
  private final Map<ApiErrorCode, Tally> apiTallies = new EnumMap<>(ApiErrorCode.class);
  private final AtomicBoolean closed = new AtomicBoolean();

  Coverage(Path dir, boolean enabled) {
    this.dir = dir;
    this.enabled = enabled;
  }

  /** Returns the run's coverage, created in the root store on first use. */
  static Coverage of(ExtensionContext context) {
    ExtensionContext root = context.getRoot();
    return root.getStore(GmeSimulatorExtension.NAMESPACE).getOrComputeIfAbsent(Coverage.class,
        k -> new Coverage(Reports.directory(root), Reports.enabled(root, ENABLED_PROPERTY)), Coverage.class);
  }

  /** Counts one installed rule that injects {@code code}, naming the test that installed it. */
  synchronized void injected(GmeErrorCode code, String test) {
    tallies.computeIfAbsent(code, c -> new Tally()).install(test);
  }

  /** Adds how often such a rule actually failed a call. */
  synchronized void fired(GmeErrorCode code, long times) {
    tallies.computeIfAbsent(code, c -> new Tally()).fired += times;
  }

  /** Counts one installed rule that answers server API requests with {@code code}, naming the test that installed it. */
  synchronized void injected(ApiErrorCode code, String test) {
    apiTallies.computeIfAbsent(code, c -> new Tally()).install(test);
  }

  /** Adds how often such a server API rule actually failed a request. */
  synchronized void fired(ApiErrorCode code, long times) {
    apiTallies.computeIfAbsent(code, c -> new Tally()).fired += times;
  }

  /** Writes both files, unless the report is off. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && enabled) {
      synchronized (this) {
        Reports.write(dir, NAME, this::markdown, this::model);
      }
    }
  }

  private Map<String, Object> model() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("documentedCodes", GmeErrorCode.values().length);
    m.put("injectedCodes", tallies.size());
    m.put("neverInjectedCodes", GmeErrorCode.values().length - tallies.size());
    List<Object> categories = new ArrayList<>();
    for (ErrorCategory category : ErrorCategory.values()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("category", category.name());
      c.put("title", category.englishTitle());
      c.put("titleZh", category.chineseTitle());
      List<Object> injected = new ArrayList<>();
      List<Object> never = new ArrayList<>();
      for (GmeErrorCode code : GmeErrorCode.inCategory(category)) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code.value());
        e.put("name", code.name());
        e.put("operations", code.operations().stream().map(Operation::name).toList());
        sort(e, tallies.get(code), injected, never);
      }
      c.put("injected", injected);
      c.put("neverInjected", never);
      categories.add(c);
    }
    m.put("categories", categories);
    m.put("serverApi", serverApiModel());
    return m;
  }

  /** Adds a code's entry to the injected list, with its counts, or to the never-injected one. */
  private static void sort(Map<String, Object> e, Tally t, List<Object> injected, List<Object> never) {
    if (t == null) {
      never.add(e);
    } else {
      e.put("installs", t.installs);
      e.put("fired", t.fired);
      e.put("tests", List.copyOf(t.tests));
      injected.add(e);
    }
  }

  /** The server API (API 3.0) codes the simulator's actions can return: injected, with counts, and never injected. */
  private Map<String, Object> serverApiModel() {
    List<ApiErrorCode> served = servedApiCodes();
    List<Object> injected = new ArrayList<>();
    List<Object> never = new ArrayList<>();
    for (ApiErrorCode code : served) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("code", code.code());
      e.put("common", code.common());
      e.put("actions", actions(code));
      sort(e, apiTallies.get(code), injected, never);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("documentedCodes", served.size());
    m.put("injectedCodes", injected.size());
    m.put("neverInjectedCodes", never.size());
    m.put("injected", injected);
    m.put("neverInjected", never);
    return m;
  }

  /** The API codes at least one served action can return, in catalog order (common codes first). */
  private static List<ApiErrorCode> servedApiCodes() {
    return java.util.Arrays.stream(ApiErrorCode.values()).filter(c -> !c.operations().isEmpty()).toList();
  }

  private static List<String> actions(ApiErrorCode code) {
    return code.common() ? List.of("any") : code.operations().stream().sorted()
        .map(op -> CloudApi.actionOf(op).orElse(op.name())).toList();
  }

  private String markdown() {
    int total = GmeErrorCode.values().length;
    StringBuilder md = new StringBuilder("# GME error-code coverage\n\n");
    md.append("This run injected ").append(tallies.size()).append(" of GME's ").append(total)
        .append(" documented error codes. The ").append(total - tallies.size())
        .append(" it never injected are failures the code under test has not rehearsed.\n\n");
    md.append("| category | injected | never injected |\n|---|---:|---:|\n");
    for (ErrorCategory category : ErrorCategory.values()) {
      List<GmeErrorCode> codes = GmeErrorCode.inCategory(category);
      long injected = codes.stream().filter(tallies::containsKey).count();
      md.append("| ").append(category.englishTitle()).append(" (").append(category.chineseTitle()).append(") | ")
          .append(injected).append(" of ").append(codes.size()).append(" | ").append(codes.size() - injected)
          .append(" |\n");
    }
    for (ErrorCategory category : ErrorCategory.values()) {
      List<GmeErrorCode> codes = GmeErrorCode.inCategory(category);
      md.append("\n## ").append(category.englishTitle()).append(" (").append(category.chineseTitle()).append(")\n\n");
      List<GmeErrorCode> injected = codes.stream().filter(tallies::containsKey).toList();
      List<GmeErrorCode> never = codes.stream().filter(c -> !tallies.containsKey(c)).toList();
      if (injected.isEmpty()) {
        md.append("Injected: none.\n");
      } else {
        md.append("Injected:\n\n| code | name | rules installed | calls failed | by |\n|---:|---|---:|---:|---|\n");
        for (GmeErrorCode code : injected) {
          Tally t = tallies.get(code);
          md.append("| ").append(code.value()).append(" | `").append(code.name()).append("` | ").append(t.installs)
              .append(" | ").append(t.fired).append(" | ").append(String.join(", ", t.tests)).append(" |\n");
        }
      }
      if (never.isEmpty()) {
        md.append("\nNever injected: none.\n");
      } else {
        md.append("\nNever injected:\n\n| code | name | raised on |\n|---:|---|---|\n");
        for (GmeErrorCode code : never) {
          md.append("| ").append(code.value()).append(" | `").append(code.name()).append("` | ")
              .append(code.operations().stream().map(Operation::name).collect(Collectors.joining(", ")))
              .append(" |\n");
        }
      }
    }
    serverApiMarkdown(md);
    return md.toString();
  }

  private void serverApiMarkdown(StringBuilder md) {
    List<ApiErrorCode> served = servedApiCodes();
    List<ApiErrorCode> injected = served.stream().filter(apiTallies::containsKey).toList();
    List<ApiErrorCode> never = served.stream().filter(c -> !apiTallies.containsKey(c)).toList();
    md.append("\n## Server API (TencentCloud API 3.0)\n\n").append("This run injected ").append(injected.size())
        .append(" of the ").append(served.size()).append(" API error codes the simulator's actions can return.\n\n");
    if (injected.isEmpty()) {
      md.append("Injected: none.\n");
    } else {
      md.append("Injected:\n\n| code | actions | rules installed | requests failed | by |\n|---|---|---:|---:|---|\n");
      for (ApiErrorCode code : injected) {
        Tally t = apiTallies.get(code);
        md.append("| `").append(code.code()).append("` | ").append(String.join(", ", actions(code))).append(" | ")
            .append(t.installs).append(" | ").append(t.fired).append(" | ").append(String.join(", ", t.tests))
            .append(" |\n");
      }
    }
    if (never.isEmpty()) {
      md.append("\nNever injected: none.\n");
    } else {
      md.append("\nNever injected:\n\n| code | actions |\n|---|---|\n");
      for (ApiErrorCode code : never) {
        md.append("| `").append(code.code()).append("` | ").append(String.join(", ", actions(code))).append(" |\n");
      }
    }
  }

  private static final class Tally {
    long installs;
    long fired;
    final List<String> tests = new ArrayList<>();

    /** Counts one installed rule and keeps the first five tests that installed one. */
    void install(String test) {
      installs++;
      if (tests.size() < 5 && !tests.contains(test)) {
        tests.add(test);
      }
    }
  }
}
