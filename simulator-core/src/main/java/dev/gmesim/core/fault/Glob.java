package dev.gmesim.core.fault;

/** A compiled glob where {@code *} matches any run of characters and {@code ?} exactly one. */
final class Glob {

  private final String pattern;
  private final boolean literal;
  /** The text before the first wildcard and after the last one: every match starts and ends with them. */
  private final String prefix;
  private final String suffix;
  /** Characters every match needs: all but the stars. */
  private final int minLength;

  private Glob(String pattern) {
    this.pattern = pattern;
    int first = firstWildcard(pattern);
    this.literal = first < 0;
    int last = Math.max(pattern.lastIndexOf('*'), pattern.lastIndexOf('?'));
    this.prefix = literal ? pattern : pattern.substring(0, first);
    this.suffix = literal ? "" : pattern.substring(last + 1);
    this.minLength = pattern.length() - (int) pattern.chars().filter(c -> c == '*').count();
  }

  private static int firstWildcard(String pattern) {
    int star = pattern.indexOf('*');
    int one = pattern.indexOf('?');
    return star < 0 ? one : one < 0 ? star : Math.min(star, one);
  }

  /** Compiles a pattern, or returns null for null, which callers read as "any value". */
  static Glob of(String pattern) {
    return pattern == null ? null : new Glob(pattern);
  }

  /** Returns true if the whole text matches; null text never matches, since an unknown value cannot be in scope. */
  boolean matches(String text) {
    if (text == null) {
      return false;
    }
    if (literal) {
      return pattern.equals(text);
    }
    // Most non-matching ids already differ at either end; reject those without scanning.
    if (text.length() < minLength || !text.startsWith(prefix) || !text.endsWith(suffix)) {
      return false;
    }
    // Greedy scan that backtracks only to the last '*': linear for typical patterns, no regex, no allocation.
    int p = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    int plen = pattern.length();
    while (t < text.length()) {
      char pc = p < plen ? pattern.charAt(p) : 0;
      if (p < plen && pc == '*') {
        star = p++;
        resume = t;
      } else if (p < plen && (pc == '?' || pc == text.charAt(t))) {
        p++;
        t++;
      } else if (star >= 0) {
        p = star + 1;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (p < plen && pattern.charAt(p) == '*') {
      p++;
    }
    return p == plen;
  }

  /** Returns the pattern as written. */
  String pattern() {
    return pattern;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
