package dev.gmesim.core.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GlobTest {

  @Test
  void edgeCasesMatchAsDocumented() {
    assertThat(Glob.of("*").matches("")).isTrue();
    assertThat(Glob.of("*").matches("anything")).isTrue();
    assertThat(Glob.of("?").matches("")).isFalse();
    assertThat(Glob.of("a*a").matches("a")).isFalse();
    assertThat(Glob.of("a*a").matches("aa")).isTrue();
    assertThat(Glob.of("ab*ab").matches("ab")).isFalse();
    assertThat(Glob.of("ab*ab").matches("abab")).isTrue();
    assertThat(Glob.of("**").matches("")).isTrue();
    assertThat(Glob.of("").matches("")).isTrue();
    assertThat(Glob.of("").matches("a")).isFalse();
    assertThat(Glob.of("lobby").matches("lobby")).isTrue();
    assertThat(Glob.of("lobby").matches(null)).isFalse();
    assertThat(Glob.of(null)).isNull();
  }

  @Test
  void agreesWithARegexOnManyGeneratedPatterns() {
    SplittableRandom random = new SplittableRandom(2024);
    String patternAlphabet = "ab*?";
    for (int i = 0; i < 20_000; i++) {
      String pattern = randomString(random, patternAlphabet, 6);
      String text = randomString(random, "ab", 7);
      boolean expected = Pattern.matches(toRegex(pattern), text);

      assertThat(Glob.of(pattern).matches(text)).as("'%s' against '%s'", pattern, text).isEqualTo(expected);
    }
  }

  private static String randomString(SplittableRandom random, String alphabet, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return regex.toString();
  }
}
