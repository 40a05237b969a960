package dev.gmesim.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The package rules of DESIGN.md ("Modules"): the API packages are a thin layer over
 * {@code dev.gmesim.core.internal..}, the SDK knows only the wire, and nothing but the CLI and the
 * JUnit extension imports the server. JPMS would do part of this with {@code module-info.java}, but
 * the shaded jar relocates Netty and Jackson into it and WireMock's standalone jar is an automatic
 * module with split packages, so the rules are kept here instead (see PublicApiSurfaceTest for the
 * signatures).
 */
class ArchitectureTest {
  static final String INTERNAL = "dev.gmesim.core.internal..";
  static final String WORLD = "dev.gmesim.core.internal.world..";
  static final String PROTOCOL = "dev.gmesim.core.internal.protocol..";
  static final String ENGINE = "dev.gmesim.core.internal.fault..";
  static final String GATEWAYS = "dev.gmesim.core.internal.server..";
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
              "dev.gmesim.core.server..", WORLD, ENGINE, GATEWAYS, "dev.gmesim.core.internal.http..",
              "dev.gmesim.core.internal.cloud..", "dev.gmesim.core.fault..", "dev.gmesim.cli..")
          .check(classes);
    }
  }

  @Nested
  class Layers {
    @Test
    void onlyTheCliTheExtensionAndTheServersAccessorImportTheServer() {
      noClasses().that().resideOutsideOfPackages("dev.gmesim.core.server..", "dev.gmesim.cli..", "dev.gmesim.junit5..")
          .and().doNotHaveFullyQualifiedName("dev.gmesim.core.internal.server.SimulatorInternals")
          .should().dependOnClassesThat().resideInAPackage("dev.gmesim.core.server..")
          .check(classes);
    }

    @Test
    void theWorldDependsOnlyOnTheCatalogAndTheApiValues() {
      noClasses().that().resideInAPackage(WORLD)
          .should().dependOnClassesThat().resideInAnyPackage("dev.gmesim.core.server..", ENGINE, GATEWAYS,
              PROTOCOL, "dev.gmesim.core.fault..", "dev.gmesim.core.sdk..", "io.netty..")
          .check(classes);
    }

    @Test
    void faultsDependOnlyOnTheCatalog() {
      noClasses().that().resideInAnyPackage("dev.gmesim.core.fault..", ENGINE)
          .should().dependOnClassesThat().resideInAnyPackage("dev.gmesim.core.server..", WORLD, GATEWAYS,
              PROTOCOL, "dev.gmesim.core.sdk..", "io.netty..")
          .check(classes);
    }

    @Test
    void theCatalogAndTheClockDependOnNothingOfOurs() {
      noClasses().that().resideInAnyPackage("dev.gmesim.core.catalog..", "dev.gmesim.core.time..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.gmesim.core.server..", INTERNAL,
              "dev.gmesim.core.fault..", "dev.gmesim.core.sdk..")
          .check(classes);
    }

    @Test
    void authBuffersDependOnNothingOfOurs() {
      // Teams mint buffers with dev.gmesim.core.auth in their own tests; it must stay a plain JDK library.
      noClasses().that().resideInAPackage("dev.gmesim.core.auth..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.gmesim.core.server..", INTERNAL,
              "dev.gmesim.core.fault..", "dev.gmesim.core.sdk..", "dev.gmesim.cli..",
              "io.netty..", "com.github.tomakehurst..", "com.fasterxml..")
          .check(classes);
    }

    @Test
    void onlyTheServerSideTalksToWireMock() {
      // The SDK speaks HTTP with the JDK's client; WireMock is the simulator's side only.
      noClasses().that().resideOutsideOfPackages("dev.gmesim.core.server..", "dev.gmesim.cli..", GATEWAYS,
              "dev.gmesim.core.internal.http..", "dev.gmesim.core.internal.cloud..")
          .should().dependOnClassesThat().resideInAPackage("com.github.tomakehurst.wiremock..")
          .check(classes);
    }

    @Test
    void theProtocolDoesNotKnowTheServerOrTheSdk() {
      noClasses().that().resideInAPackage(PROTOCOL)
          .should().dependOnClassesThat().resideInAnyPackage("dev.gmesim.core.server..", "dev.gmesim.core.sdk..",
              WORLD, ENGINE, GATEWAYS, "dev.gmesim.core.fault..")
          .check(classes);
    }

    @Test
    void theRemoteClientKnowsOnlyTheWireFaultsAndTheCatalog() {
      noClasses().that().resideInAPackage("dev.gmesim.core.remote..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.gmesim.core.server..", "dev.gmesim.core.sdk..",
              WORLD, GATEWAYS, PROTOCOL, "dev.gmesim.core.internal.http..", "dev.gmesim.cli..", "io.netty..",
              "com.github.tomakehurst..", "io.micrometer..")
          .check(classes);
    }

    @Test
    void theFaultCodecStaysFreeOfTheHttpServerAndMetrics() {
      noClasses().that().resideInAnyPackage("dev.gmesim.core.fault..", ENGINE)
          .should().dependOnClassesThat().resideInAnyPackage("com.github.tomakehurst..", "io.micrometer..",
              "dev.gmesim.cli..", "dev.gmesim.core.remote..")
          .check(classes);
    }
  }
}
