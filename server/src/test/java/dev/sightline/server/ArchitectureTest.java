package dev.sightline.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.sightline");

  @Test
  void connectorsShouldNotSeeSpringThePlatformOrTheServer() {
    noClasses().that().resideInAPackage("dev.sightline.connector..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
            "dev.sightline.platform..", "dev.sightline.server..", "dev.sightline.mapping..")
        .because("connectors are plug-ins behind the SPI and must run anywhere")
        .check(CLASSES);
  }

  @Test
  void thePlatformAndMappingShouldStayFrameworkFree() {
    noClasses().that().resideInAnyPackage("dev.sightline.platform..", "dev.sightline.mapping..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
            "dev.sightline.server..")
        .because("the platform is usable from the CLI, benchmarks and tests without Spring")
        .check(CLASSES);
  }

  @Test
  void thePlatformShouldNeverNameAVendor() {
    noClasses().that().resideInAPackage("dev.sightline.platform..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.sightline.connector.crowdstrike..",
            "dev.sightline.simulators..")
        .because("everything vendor-specific lives in the connector's module")
        .check(CLASSES);
  }

  @Test
  void theWebLayerShouldNotTouchTheDatabase() {
    noClasses().that().resideInAPackage("dev.sightline.server.api..")
        .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
        .orShould().dependOnClassesThat().haveSimpleName("Jdbc")
        .because("controllers speak to services; persistence rows are not API payloads")
        .check(CLASSES);
  }

  @Test
  void timeShouldComeFromAnInjectedClock() {
    noClasses().that().resideInAnyPackage("dev.sightline.platform..", "dev.sightline.connector..",
            "dev.sightline.server..")
        .should().callMethod(Instant.class, "now")
        .because("an injected Clock keeps time testable")
        .check(CLASSES);
  }
}
