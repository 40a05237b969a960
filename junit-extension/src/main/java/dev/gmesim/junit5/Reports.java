package dev.gmesim.junit5;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the run's reports (coverage, exploration) share: indented JSON from maps and lists, and
 * files replaced whole. The extension has no JSON library of its own: the simulator's Jackson is
 * relocated inside simulator-core, and a user's may be any version.
 */
final class Reports {
  private static final Logger LOG = LoggerFactory.getLogger(Reports.class);

  private Reports() {}

  /**
   * Writes a report as {@code name.md} and {@code name.json} into {@code dir}; a failure to write is
   * logged, never thrown, since the tests passed or failed already.
   */
  static void write(Path dir, String name, Supplier<String> markdown, Supplier<Object> model) {
    try {
      Files.createDirectories(dir);
      replace(dir.resolve(name + ".md"), markdown.get());
      replace(dir.resolve(name + ".json"), json(model.get()));
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("could not write the report {} to {}: {}", name, dir.toAbsolutePath(), e.toString());
    }
  }

  /** Returns whether the report switched by {@code property} is on: it is unless the run sets it to {@code false}. */
  static boolean enabled(ExtensionContext root, String property) {
    return !"false".equalsIgnoreCase(root.getConfigurationParameter(property).orElse("true").strip());
  }

  /** Returns the directory the run's reports go to: {@code gmesim.coverage.dir}, else {@code target}. */
  static Path directory(ExtensionContext root) {
    return Paths.get(root.getConfigurationParameter(Coverage.DIR_PROPERTY).orElse("target"));
  }

  /** Returns maps, lists, strings, numbers and booleans as indented JSON, ending with a newline. */
  static String json(Object value) {
    StringBuilder out = new StringBuilder();
    writeJson(out, value, "");
    return out.append('\n').toString();
  }

  /** Writes {@code content} beside {@code target}, then moves it there: a reader never sees half a report. */
  static void replace(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void writeJson(StringBuilder out, Object value, String indent) {
    String inner = indent + "  ";
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      String sep = "\n";
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(sep).append(inner);
        writeJson(out, String.valueOf(e.getKey()), inner);
        out.append(" : ");
        writeJson(out, e.getValue(), inner);
        sep = ",\n";
      }
      out.append(map.isEmpty() ? "" : "\n" + indent).append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      String sep = "\n";
      for (Object item : list) {
        out.append(sep).append(inner);
        writeJson(out, item, inner);
        sep = ",\n";
      }
      out.append(list.isEmpty() ? "" : "\n" + indent).append(']');
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value == null) {
      out.append("null");
    } else {
      out.append('"');
      for (char ch : String.valueOf(value).toCharArray()) {
        switch (ch) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (ch < 0x20) {
              out.append(String.format("\\u%04x", (int) ch));
            } else {
              out.append(ch);
            }
          }
        }
      }
      out.append('"');
    }
  }
}
