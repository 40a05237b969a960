package dev.gmesim.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of the README and the docs is a region of a test source that compiles, marked
 * {@code // tag::name[]} ... {@code // end::name[]}, so a snippet cannot drift from the API: change
 * the API and the region stops compiling; change the region and this test names the stale block.
 *
 * <p>Regions are compared after removing their common indentation, so a snippet may sit inside a
 * method or a nested class.
 */
class DocSnippetsMatchSourcesTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
  private static final Pattern REGION =
      Pattern.compile("(?m)^[ \\t]*// tag::([\\w.-]+)\\[\\]\\n(.*?)^[ \\t]*// end::\\1\\[\\]", Pattern.DOTALL);

  /** The project's root: surefire runs in the module's directory. */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void everyJavaBlockOfTheDocsIsACompiledRegion() {
    Map<String, String> regions = regions();
    List<String> stale = new ArrayList<>();
    int blocks = 0;
    for (Path doc : docs()) {
      String text = read(doc);
      Matcher m = JAVA_BLOCK.matcher(text);
      while (m.find()) {
        blocks++;
        String block = normalise(m.group(1));
        if (!regions.containsValue(block)) {
          int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
          stale.add(ROOT.relativize(doc) + ":" + line + " matches no // tag:: region of a test source; "
              + "copy it from the region it came from (or add one), starting:\n" + block.lines().findFirst().orElse(""));
        }
      }
    }
    assertThat(blocks).as("Java blocks found in the docs").isGreaterThan(10);
    assertThat(stale).isEmpty();
  }

  @Test
  void theRegionsAreFound() {
    // A broken pattern would find nothing and let every block look unmatched, or, with an empty map, never run.
    assertThat(regions()).containsKeys("readme-embedded-quick-start", "junit-readme-voice-lobby");
  }

  static List<Path> docs() {
    try (Stream<Path> modules = Files.list(ROOT); Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      List<Path> all = new ArrayList<>();
      all.add(ROOT.resolve("README.md"));
      modules.map(m -> m.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(all::add);
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(all::add);
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> regions() {
    Map<String, String> found = new LinkedHashMap<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path tests : modules.map(m -> m.resolve("src/test/java")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> sources = Files.walk(tests)) {
          for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
            Matcher m = REGION.matcher(read(source));
            while (m.find()) {
              found.put(m.group(1), normalise(m.group(2)));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** Drops the common indentation and trailing blanks, so a region inside a method equals its block. */
  static String normalise(String text) {
    List<String> lines = text.lines().map(String::stripTrailing).toList();
    int indent = lines.stream().filter(l -> !l.isEmpty())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return lines.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).collect(Collectors.joining("\n")).strip();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
