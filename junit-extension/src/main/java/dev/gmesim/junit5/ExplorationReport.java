package dev.gmesim.junit5;

import dev.gmesim.core.catalog.Operation;
import dev.gmesim.junit5.ExplorationPlan.Call;
import dev.gmesim.junit5.ExplorationPlan.Cell;
import dev.gmesim.junit5.ExplorationPlan.Cells;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the run's {@link ExploreGmeErrors} tests found, kept in the root store and written as
 * {@code gme-error-exploration.md} and {@code .json} when the run ends, beside the coverage report
 * (the {@code gmesim.coverage.dir} directory, {@code target} by default); nothing is written when no
 * test explored, and {@code gmesim.exploration.report=false} turns it off.
 */
final class ExplorationReport implements StoreResource {
  static final String ENABLED_PROPERTY = "gmesim.exploration.report";
  static final String NAME = "gme-error-exploration";
  static final String MARKDOWN = NAME + ".md";
  static final String JSON = NAME + ".json";

  private final Path dir;
  private final boolean enabled;
  /** By test name, so the report reads the same however parallel runs interleave. */
  private final Map<String, Explored> tests = new TreeMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  ExplorationReport(Path dir, boolean enabled) {
    this.dir = dir;
    this.enabled = enabled;
  }

  /** Returns the run's report, created in the root store on first use. */
  static ExplorationReport of(ExtensionContext context) {
    ExtensionContext root = context.getRoot();
    return root.getStore(GmeSimulatorExtension.NAMESPACE).getOrComputeIfAbsent(ExplorationReport.class,
        k -> new ExplorationReport(Reports.directory(root), Reports.enabled(root, ENABLED_PROPERTY)),
        ExplorationReport.class);
  }

  /** Starts the entry of one explored test; a test explored twice in a run (a rerun) replaces its entry. */
  synchronized Explored explored(String test, ExplorationPlan plan) {
    Explored e = new Explored(test, plan.alias());
    tests.put(test, e);
    return e;
  }

  /** How one run ended; the names are the report's words. */
  enum Outcome {
    PASS("pass"), FAIL("fail"), ERROR("error"), HANG("hang"), NOT_REACHED("notReached"), SKIPPED("skipped"),
    EXCLUDED("excluded"), NOT_RUN("notRun");

    private final String word;

    Outcome(String word) {
      this.word = word;
    }

    String word() {
      return word;
    }

    /** Whether this is a run the code under test did not survive. */
    boolean failed() {
      return this == FAIL || this == ERROR || this == HANG || this == NOT_REACHED;
    }
  }

  /**
   * One run's end.
   *
   * @param outcome how it ended
   * @param firstLine the failure's first line, empty for a pass
   * @param millis its wall time, beforeEach to the end
   */
  record Result(Outcome outcome, String firstLine, long millis) {}

  /** One explored test: its clean run, its plan, and the result of each run. */
  static final class Explored {
    private final String test;
    private final String alias;
    private Result clean;
    private Cells cells;
    private final Map<Cell, Result> results = new LinkedHashMap<>();

    private Explored(String test, String alias) {
      this.test = test;
      this.alias = alias;
    }

    synchronized void planned(Cells planned) {
      this.cells = planned;
    }

    synchronized void cleanRan(Result result) {
      this.clean = result;
    }

    synchronized void ran(Cell cell, Result result) {
      results.put(cell, result);
    }

    /** Returns the summary lines, one per explored operation: {@code ENTER_ROOM: 24 of 26 survived; fails on 1002, 7013}. */
    synchronized List<String> summary() {
      if (cells == null || cells.run().isEmpty()) {
        return List.of("nothing explored; clean run: " + (clean == null ? "did not finish"
            : clean.outcome().word() + (clean.firstLine().isEmpty() ? "" : ": " + clean.firstLine())));
      }
      List<String> out = new ArrayList<>();
      for (Operation op : operations()) {
        List<Row> rows = rows().stream().filter(r -> r.cell().call().operation() == op).toList();
        boolean severalCalls = rows.stream().map(r -> r.cell().call()).distinct().count() > 1;
        List<Row> ran = rows.stream().filter(r -> r.result().outcome().failed()
            || r.result().outcome() == Outcome.PASS).toList();
        StringBuilder line = new StringBuilder(op.name()).append(": ")
            .append(ran.stream().filter(r -> r.result().outcome() == Outcome.PASS).count()).append(" of ")
            .append(ran.size()).append(" survived");
        append(line, "fails on ", rows, Outcome::failed, severalCalls);
        append(line, "excluded ", rows, o -> o == Outcome.EXCLUDED, severalCalls);
        long skipped = rows.stream().filter(r -> r.result().outcome() == Outcome.SKIPPED).count();
        if (skipped > 0) {
          line.append("; ").append(skipped).append(" skipped");
        }
        long notRun = rows.stream().filter(r -> r.result().outcome() == Outcome.NOT_RUN).count();
        if (notRun > 0) {
          line.append("; ").append(notRun).append(" not run (maxInvocations)");
        }
        out.add(line.toString());
      }
      return out;
    }

    private static void append(StringBuilder line, String label, List<Row> rows,
        Predicate<Outcome> which, boolean severalCalls) {
      List<String> named = rows.stream().filter(r -> which.test(r.result().outcome()))
          .map(r -> (severalCalls ? "#" + r.cell().call().index() + " " : "") + r.cell().shortFault()).toList();
      if (!named.isEmpty()) {
        line.append("; ").append(label).append(String.join(", ", named));
      }
    }

    /** The operations explored, in the order the clean run first called them. */
    private Set<Operation> operations() {
      Set<Operation> ops = new LinkedHashSet<>();
      for (Row r : rows()) {
        ops.add(r.cell().call().operation());
      }
      return ops;
    }

    /** Every documented failure of the explored calls with how it ended, by call, then codes before causes. */
    private List<Row> rows() {
      List<Row> rows = new ArrayList<>();
      for (Cell c : cells.run()) {
        rows.add(new Row(c, results.getOrDefault(c, new Result(Outcome.NOT_RUN, "", 0))));
      }
      cells.notRun().forEach(c -> rows.add(new Row(c, new Result(Outcome.NOT_RUN, "", 0))));
      cells.excluded().forEach(c -> rows.add(new Row(c, new Result(Outcome.EXCLUDED, "", 0))));
      List<Call> order = cells.calls();
      rows.sort(Comparator.comparingInt((Row r) -> order.indexOf(r.cell().call()))
          .thenComparingInt(r -> r.cell().code() != null ? r.cell().code().value()
              : Integer.MAX_VALUE - ExplorationPlan.CAUSES.size() + ExplorationPlan.CAUSES.indexOf(r.cell().cause())));
      return rows;
    }

    /** The wall time of the runs with a failure, in all; the clean run also pays for the JVM's and the class's warm-up. */
    private long runMillis() {
      return results.values().stream().mapToLong(Result::millis).sum();
    }

    synchronized Map<String, Object> model() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("test", test);
      m.put("annotation", alias);
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("outcome", clean == null ? Outcome.NOT_RUN.word() : clean.outcome().word());
      c.put("firstLine", clean == null ? "" : clean.firstLine());
      c.put("calls", cells == null ? List.of() : cells.calls().stream().map(Call::label).toList());
      m.put("cleanRun", c);
      m.put("runs", results.size());
      m.put("survived", results.values().stream().filter(r -> r.outcome() == Outcome.PASS).count());
      m.put("wallTimeMs", runMillis());
      m.put("summary", summary());
      List<Object> cellList = new ArrayList<>();
      if (cells != null) {
        for (Row r : rows()) {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("call", r.cell().call().label());
          e.put("operation", r.cell().call().operation().name());
          e.put("callIndex", r.cell().call().index());
          e.put("failure", r.cell().fault());
          e.put("code", r.cell().code() == null ? null : r.cell().code().value());
          e.put("cause", r.cell().cause() == null ? null : r.cell().cause().wireName());
          e.put("outcome", r.result().outcome().word());
          e.put("firstLine", r.result().firstLine());
          cellList.add(e);
        }
      }
      m.put("cells", cellList);
      return m;
    }

    synchronized void markdown(StringBuilder md) {
      md.append("\n## `").append(test).append("`\n\n`").append(alias).append("`: ");
      if (cells == null || cells.run().isEmpty()) {
        md.append(summary().get(0)).append('\n');
        return;
      }
      md.append("the clean run called ")
          .append(cells.calls().stream().map(Call::label).collect(Collectors.joining(", ")))
          .append(" and ").append(clean == null ? "did not finish" : clean.outcome() == Outcome.PASS ? "passed"
              : "ended " + clean.outcome().word())
          .append("; ").append(results.size()).append(" runs with a failure took ").append(runMillis())
          .append(" ms of wall time in all.\n");
      md.append("\n| call | failure | outcome | first line |\n|---|---|---|---|\n");
      for (Row r : rows()) {
        md.append("| ").append(r.cell().call().label()).append(" | ").append(r.cell().fault()).append(" | ")
            .append(r.result().outcome().word()).append(" | ").append(cellText(r.result().firstLine())).append(" |\n");
      }
    }

    private record Row(Cell cell, Result result) {}
  }

  /** Writes both files, unless the report is off or no test explored. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && enabled) {
      synchronized (this) {
        if (!tests.isEmpty()) {
          Reports.write(dir, NAME, this::markdown,
              () -> Map.of("tests", tests.values().stream().map(Explored::model).toList()));
        }
      }
    }
  }

  private String markdown() {
    long runs = 0;
    long survived = 0;
    for (Explored e : tests.values()) {
      synchronized (e) {
        runs += e.results.size();
        survived += e.results.values().stream().filter(r -> r.outcome() == Outcome.PASS).count();
      }
    }
    StringBuilder md = new StringBuilder("# GME error exploration\n\n");
    md.append(tests.size()).append(tests.size() == 1 ? " test" : " tests").append(" explored, ").append(runs)
        .append(" runs with a failure: ").append(survived).append(" survived, ").append(runs - survived)
        .append(" did not.\n\n");
    for (Explored e : tests.values()) {
      md.append("- `").append(e.test).append("`\n");
      e.summary().forEach(line -> md.append("  - ").append(line).append('\n'));
    }
    tests.values().forEach(e -> e.markdown(md));
    return md.toString();
  }

  /** Makes a first line safe inside a table cell. */
  private static String cellText(String line) {
    String one = line.length() > 200 ? line.substring(0, 199) + "…" : line;
    return one.replace("|", "\\|");
  }
}
