package dev.gmesim.junit5;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.annotation.Annotation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The extension uses only the simulator's public API, and shows users a small, flat public package. */
class ExtensionArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.gmesim.junit5");
  }

  @Test
  void theExtensionUsesNoInternalsOfTheSimulator() {
    noClasses().that().resideInAPackage("dev.gmesim.junit5..")
        .should().dependOnClassesThat().resideInAnyPackage("..internal..", "io.netty..", "dev.gmesim.cli..")
        .check(classes);
  }

  @Test
  void theExtensionUsesNoneOfTheLibrariesSimulatorCoreRelocates() {
    // The published simulator-core hides these under dev.gmesim.shaded, and its pom no longer lists them,
    // so they are not on a user's classpath on our behalf; this also keeps them out of every public signature.
    noClasses().that().resideInAPackage("dev.gmesim.junit5..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "com.fasterxml..", "org.yaml..", "picocli..")
        .check(classes);
  }

  @Test
  void onlyTheAnnotationsTheExtensionTheHandleAndTheAssertionsArePublic() {
    classes().that().resideInAPackage("dev.gmesim.junit5").and().arePublic().and().areTopLevelClasses()
        .and().areNotAssignableTo(Annotation.class)
        .should().haveSimpleNameStartingWith("Gme").orShould().haveSimpleName("SimulatorScope")
        .check(classes);
  }
}
