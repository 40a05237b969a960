package dev.gmesim.core.catalog;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name closest to a mistyped one, so that error messages can name the fix:
 * {@code unknown field 'tims'; nearest: times}.
 *
 * <pre>{@code
 * NearestName.of("ENTER_ROM", List.of("ENTER_ROOM", "EXIT_ROOM"));   // Optional[ENTER_ROOM]
 * NearestName.hint("colour", List.of("color"));                       // "; nearest: color"
 * }</pre>
 *
 * @since 0.1
 */
public final class NearestName {

  private NearestName() {}

  /**
   * Returns the candidate closest to {@code wanted} (case-insensitive edit distance), if it is close
   * enough to be a plausible typo: at most a third of the candidate's length, and at least 1 edit.
   */
  public static Optional<String> of(String wanted, Collection<String> candidates) {
    String w = wanted.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null || bestDistance > Math.max(2, best.length() / 3)) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /** Returns {@code "; nearest: X"} when a plausible candidate exists, else an empty string. */
  public static String hint(String wanted, Collection<String> candidates) {
    return of(wanted, candidates).map(n -> "; nearest: " + n).orElse("");
  }

  /**
   * Returns the optimal string alignment distance (Levenshtein plus swapping two neighbours) between
   * {@code a} and {@code b}, case-sensitively.
   */
  // Swaps count as one edit because swapped digits (7060 for 7006) and letters (FIALD) are the commonest slips.
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
