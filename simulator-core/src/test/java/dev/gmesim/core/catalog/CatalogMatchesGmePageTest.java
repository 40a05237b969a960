package dev.gmesim.core.catalog;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Proves that {@link GmeErrorCode} holds exactly the codes of GME's own error-code page, read from
 * the repository's vendored copy {@code docs/gme-error-codes.zh.md}.
 */
class CatalogMatchesGmePageTest {

  private static final String PAGE = "docs/gme-error-codes.zh.md";

  private static Path repositoryRoot;
  private static List<PageRow> page;

  /** One table row of the page, with its cells as GME wrote them (surrounding quotes and blanks removed). */
  record PageRow(ErrorCategory category, String name, int value, List<String> texts) {

    /** The general section has a single 原因及建议方案 column; the others have 含义, 原因, 建议方案. */
    String cause() {
      return category == ErrorCategory.GENERAL ? texts.get(0) : texts.get(1);
    }
  }

  @BeforeAll
  static void readPage() throws IOException {
    repositoryRoot = findRepositoryRoot();
    page = parse(Files.readAllLines(repositoryRoot.resolve(PAGE), StandardCharsets.UTF_8));
  }

  @Nested
  class ThePage {

    @Test
    void listsEightySixCodesInFourSections() {
      assertThat(page).hasSize(86);
      assertThat(countBySection()).containsExactlyInAnyOrderEntriesOf(Map.of(
          ErrorCategory.GENERAL, 13L,
          ErrorCategory.CLIENT, 24L,
          ErrorCategory.SERVER, 11L,
          ErrorCategory.VOICE_MESSAGE, 38L));
    }

    private Map<ErrorCategory, Long> countBySection() {
      return page.stream().collect(toMap(PageRow::category, r -> 1L, Long::sum));
    }
  }

  @Nested
  class TheCatalog {

    @Test
    void holdsExactlyThePagesNamesInThePagesOrder() {
      assertThat(Arrays.stream(GmeErrorCode.values()).map(GmeErrorCode::name))
          .containsExactlyElementsOf(page.stream().map(PageRow::name).toList());
    }

    @Test
    void givesEveryNameThePagesValue() {
      matchesPage(page, "value", GmeErrorCode::value, PageRow::value);
    }

    @Test
    void putsEveryCodeInThePagesSection() {
      matchesPage(page, "section", GmeErrorCode::category, PageRow::category);
    }

    @Test
    void copiesThePagesCauseText() {
      matchesPage(page, "cause", GmeErrorCode::causeZh, PageRow::cause);
    }

    @Test
    void copiesThePagesMeaningAndAdviceOutsideTheGeneralSection() {
      List<PageRow> rows = page.stream().filter(r -> r.category() != ErrorCategory.GENERAL).toList();
      matchesPage(rows, "meaning", GmeErrorCode::meaningZh, r -> r.texts().get(0));
      matchesPage(rows, "advice", GmeErrorCode::adviceZh, r -> r.texts().get(2));
    }

    @Test
    void summarisesEachGeneralCodeFromItsOwnText() {
      for (GmeErrorCode code : GmeErrorCode.inCategory(ErrorCategory.GENERAL)) {
        assertThat(code.meaningZh()).as("meaning of %s", code).isNotBlank();
        assertThat(code.causeZh()).as("cause of %s", code).contains(code.meaningZh());
        assertThat(code.adviceZh()).as("advice of %s", code).isEmpty();
      }
    }

    // One failure per differing row reads better than a diff of two 86-entry maps.
    private <T> void matchesPage(List<PageRow> rows, String field, Function<GmeErrorCode, T> ofCode,
        Function<PageRow, T> ofRow) {
      Map<String, GmeErrorCode> byExactName =
          Arrays.stream(GmeErrorCode.values()).collect(toMap(GmeErrorCode::name, Function.identity()));
      SoftAssertions softly = new SoftAssertions();
      for (PageRow row : rows) {
        GmeErrorCode code = byExactName.get(row.name());
        softly.assertThat(code).as("catalog entry for %s", row.name()).isNotNull();
        if (code != null) {
          softly.assertThat(ofCode.apply(code)).as("%s of %s", field, row.name()).isEqualTo(ofRow.apply(row));
        }
      }
      softly.assertAll();
    }
  }

  @Nested
  class TheVendoredCopy {

    @Test
    void isByteIdenticalToTheSharedPage() throws IOException {
      Path shared = repositoryRoot.resolve("../shared/" + PAGE).normalize();
      Assumptions.assumeTrue(Files.isRegularFile(shared),
          () -> "no shared page at " + shared + "; only the vendored copy is checked");
      assertThat(Files.mismatch(shared, repositoryRoot.resolve(PAGE)))
          .as("%s differs from %s at this byte offset; copy the shared page over it", PAGE, shared)
          .isEqualTo(-1L);
    }
  }

  // Surefire runs in the module directory, but the page belongs to the whole repository, so walk
  // up to the aggregator pom rather than trusting any particular working directory.
  static Path findRepositoryRoot() throws IOException {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(dir.resolve(PAGE)) && Files.isRegularFile(pom)
          && Files.readString(pom).contains("<modules>")) {
        return dir;
      }
    }
    throw new IllegalStateException("no directory from " + start + " upwards holds " + PAGE
        + " beside a pom.xml with <modules>; copy GME's page into the repository's docs/");
  }

  private static List<PageRow> parse(List<String> lines) {
    List<PageRow> rows = new ArrayList<>();
    ErrorCategory section = null;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        section = sectionTitled(line.substring(3).strip());
        continue;
      }
      if (!line.startsWith("|")) {
        continue;
      }
      List<String> cells = cells(line);
      // Header and |---| separator rows have no numeric second cell.
      if (cells.size() < 3 || !cells.get(1).matches("\\d+")) {
        continue;
      }
      if (section == null) {
        fail("code row before any section heading: %s", line);
      }
      rows.add(new PageRow(section, cells.get(0), Integer.parseInt(cells.get(1)),
          cells.subList(2, cells.size())));
    }
    return rows;
  }

  private static ErrorCategory sectionTitled(String title) {
    return Arrays.stream(ErrorCategory.values())
        .filter(c -> c.chineseTitle().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("section '" + title + "' on the page has no ErrorCategory"));
  }

  private static List<String> cells(String line) {
    String inner = line.strip();
    inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
    // The page wraps one cell (1001's cause) in an opening quote it never closes.
    return Arrays.stream(inner.split("\\|", -1))
        .map(cell -> cell.strip().replaceAll("^\"|\"$", "").strip())
        .toList();
  }
}
