package dev.gmesim.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.gmesim.core.world.RoomSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The package rules of DESIGN.md: the SDK knows only the wire, and nothing but the CLI reaches into the server. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.gmesim");
  }

  @Nested
  class Sdk {
    @Test
    void sdkKnowsOnlyTheWireAndTheCatalog() {
      noClasses().that().resideInAPackage("dev.gmesim.core.sdk..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "dev.gmesim.core.server..", "dev.gmesim.core.world..", "dev.gmesim.core.fault..", "dev.gmesim.cli..")
          .check(classes);
    }
  }

  @Nested
  class Layers {
    @Test
    void onlyTheCliAndTheExtensionImportTheServer() {
      noClasses().that().resideOutsideOfPackages("dev.gmesim.core.server..", "dev.gmesim.cli..", "dev.gmesim.junit5..")
          .should().dependOnClassesThat().resideInAPackage("dev.gmesim.core.server..")
          .check(classes);
    }

    @Test
    void theWorldDependsOnlyOnTheCatalog() {
      noClasses().that().resideInAPackage("dev.gmesim.core.world..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.gmesim.core.server..", "dev.gmesim.core.fault..",
              "dev.gmesim.core.protocol..", "dev.gmesim.core.sdk..", "io.netty..")
          .check(classes);
    }

    @Test
    void faultsDependOnlyOnTheCatalog() {
      noClasses().that().resideInAPackage("dev.gmesim.core.fault..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.gmesim.core.server..", "dev.gmesim.core.world..",
              "dev.gmesim.core.protocol..", "dev.gmesim.core.sdk..", "io.netty..")
          .check(classes);
    }

    @Test
    void theCatalogAndTheClockDependOnNothingOfOurs() {
      noClasses().that().resideInAnyPackage("dev.gmesim.core.catalog..", "dev.gmesim.core.time..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.gmesim.core.server..", "dev.gmesim.core.world..",
              "dev.gmesim.core.fault..", "dev.gmesim.core.protocol..", "dev.gmesim.core.sdk..")
          .check(classes);
    }

    @Test
    void authBuffersDependOnNothingOfOurs() {
      // Teams mint buffers with dev.gmesim.core.auth in their own tests; it must stay a plain JDK library.
      noClasses().that().resideInAPackage("dev.gmesim.core.auth..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.gmesim.core.server..", "dev.gmesim.core.world..",
              "dev.gmesim.core.fault..", "dev.gmesim.core.protocol..", "dev.gmesim.core.sdk..", "dev.gmesim.cli..",
              "io.netty..", "com.github.tomakehurst..", "com.fasterxml..")
          .check(classes);
    }

    @Test
    void onlyTheServerTalksToWireMock() {
      // The SDK speaks HTTP with the JDK's client; WireMock is the simulator's side only.
      noClasses().that().resideOutsideOfPackages("dev.gmesim.core.server..", "dev.gmesim.cli..")
          .should().dependOnClassesThat().resideInAPackage("com.github.tomakehurst.wiremock..")
          .check(classes);
    }

    @Test
    void theProtocolDoesNotKnowTheServerOrTheSdk() {
      noClasses().that().resideInAPackage("dev.gmesim.core.protocol..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.gmesim.core.server..", "dev.gmesim.core.sdk..",
              "dev.gmesim.core.world..", "dev.gmesim.core.fault..")
          .check(classes);
    }
  }

  @Nested
  class RemoteClient {
    @Test
    void theRemoteClientKnowsOnlyTheWireFaultsAndTheCatalog() {
      noClasses().that().resideInAPackage("dev.gmesim.core.remote..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.gmesim.core.server..", "dev.gmesim.core.sdk..",
              "dev.gmesim.core.protocol..", "dev.gmesim.cli..", "io.netty..", "com.github.tomakehurst..",
              "io.micrometer..")
          .check(classes);
    }

    @Test
    void fromTheWorldTheRemoteClientUsesOnlyRoomSnapshots() {
      noClasses().that().resideInAPackage("dev.gmesim.core.remote..")
          .should().dependOnClassesThat(resideInAPackage("dev.gmesim.core.world..")
              .and(not(belongToAnyOf(RoomSnapshot.class))))
          .check(classes);
    }

    @Test
    void theFaultCodecStaysFreeOfTheHttpServerAndMetrics() {
      noClasses().that().resideInAPackage("dev.gmesim.core.fault..")
          .should().dependOnClassesThat().resideInAnyPackage("com.github.tomakehurst..", "io.micrometer..",
              "dev.gmesim.cli..", "dev.gmesim.core.remote..")
          .check(classes);
    }
  }
}
