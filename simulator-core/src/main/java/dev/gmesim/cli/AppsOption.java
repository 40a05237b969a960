package dev.gmesim.cli;

import dev.gmesim.core.auth.AppCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@code --app APPID:KEY} (or {@code GMESIM_APPS}) and {@code --apps-file FILE} into apps,
 * refusing a bad AppID, a key that is not 16 bytes and an AppID given twice. Messages name the
 * flag or file line and the AppID, never a key.
 */
final class AppsOption {
  private AppsOption() {}

  /** Returns every app, in order; {@code bad} turns a message into the exception to throw. */
  static List<AppCredentials> parse(List<String> flags, Path file,
      Function<String, ? extends RuntimeException> bad) {
    List<AppCredentials> out = new ArrayList<>();
    Map<String, String> origin = new HashMap<>();
    if (flags != null) {
      int n = 0;
      for (String spec : flags) {
        n++;
        if (spec.isBlank()) {
          continue;
        }
        add(out, origin, spec, "--app #" + n, bad);
      }
    }
    if (file != null) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw bad.apply("--apps-file " + file + " cannot be read (" + e.getClass().getSimpleName()
            + "); give a readable file with one APPID:KEY per line");
      }
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          add(out, origin, line, "--apps-file " + file + " line " + (i + 1), bad);
        }
      }
    }
    return out;
  }

  private static void add(List<AppCredentials> out, Map<String, String> origin, String spec, String where,
      Function<String, ? extends RuntimeException> bad) {
    AppCredentials app;
    try {
      app = AppCredentials.parse(spec.strip());
    } catch (IllegalArgumentException e) {
      throw bad.apply(where + ": " + e.getMessage());
    }
    String first = origin.putIfAbsent(app.appId(), where);
    if (first != null) {
      throw bad.apply(where + ": AppID " + app.appId() + " is given twice (first by " + first
          + "); give each app once, with its current key");
    }
    out.add(app);
  }
}
