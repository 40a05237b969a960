package dev.gmesim.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published jar relocates Netty, Jackson, SnakeYAML and picocli under {@code dev.gmesim.shaded}, so no public
 * signature of the packages users call may mention them: a user could not pass or receive such a value.
 * What the API may expose on purpose is listed in README.md, "Add it to your build".
 */
class PublicApiSurfaceTest {
  /** The packages a user's code calls; {@code ..internal..} below them is excluded. */
  static final List<String> API_PACKAGES = List.of(
      "dev.gmesim.core.api", "dev.gmesim.core.auth", "dev.gmesim.core.catalog", "dev.gmesim.core.cloud",
      "dev.gmesim.core.fault", "dev.gmesim.core.server", "dev.gmesim.core.remote", "dev.gmesim.core.sdk",
      "dev.gmesim.core.time");

  /** Third-party packages that the published jar relocates. */
  static final List<String> RELOCATED = List.of("io.netty.", "com.fasterxml.", "org.yaml.", "picocli.");

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(API_PACKAGES);
  }

  @Test
  void noPublicSignatureMentionsARelocatedType() {
    assertThat(exposures(RELOCATED)).isEmpty();
  }

  @Test
  void noPublicSignatureMentionsAnInternalType() {
    // Internal packages carry no promise, so a user must never have to name one of their types.
    assertThat(exposures(List.of("dev.gmesim.core.internal.", "dev.gmesim.core.sdk.internal.",
        "dev.gmesim.core.api.internal."))).isEmpty();
  }

  @Test
  void everyPublicTypeIsInAnApiPackageOrAnInternalOne() {
    // A public type elsewhere would be API by accident: a user could import it and we could never move it.
    Set<String> stray = new TreeSet<>();
    for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.gmesim.core")) {
      boolean api = API_PACKAGES.contains(c.getPackageName());
      if (c.getModifiers().contains(JavaModifier.PUBLIC) && !c.getPackageName().contains(".internal") && !api) {
        stray.add(c.getName());
      }
    }
    assertThat(stray).isEmpty();
  }

  static Set<String> exposures(List<String> prefixes) {
    Set<String> found = new TreeSet<>();
    for (JavaClass c : classes) {
      if (!isApi(c)) {
        continue;
      }
      List<JavaType> supertypes = new ArrayList<>(c.getInterfaces());
      c.getSuperclass().ifPresent(supertypes::add);
      for (JavaType t : supertypes) {
        among(t, prefixes).forEach(r -> found.add(c.getName() + " extends: " + r));
      }
      for (JavaField f : c.getFields()) {
        if (visible(f.getModifiers())) {
          among(f.getType(), prefixes).forEach(r -> found.add(c.getName() + "#" + f.getName() + ": " + r));
        }
      }
      for (JavaCodeUnit m : c.getCodeUnits()) {
        if (!visible(m.getModifiers())) {
          continue;
        }
        List<JavaType> types = new ArrayList<>(m.getParameterTypes());
        types.add(m.getReturnType());
        m.getThrowsClause().getTypes().forEach(types::add);
        for (JavaType t : types) {
          among(t, prefixes).forEach(r -> found.add(c.getName() + "#" + m.getName() + ": " + r));
        }
      }
    }
    return found;
  }

  private static boolean isApi(JavaClass c) {
    if (c.getPackageName().contains(".internal") || !c.getModifiers().contains(JavaModifier.PUBLIC)) {
      return false;
    }
    // A nested type is reachable only through public enclosing types.
    return c.getEnclosingClass().map(PublicApiSurfaceTest::isApi).orElse(true);
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static Stream<String> among(JavaType type, List<String> prefixes) {
    return type.getAllInvolvedRawTypes().stream()
        .map(JavaClass::getName)
        .filter(n -> prefixes.stream().anyMatch(n::startsWith));
  }
}
