package dev.sightline.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The walls docs/architecture.md says the code keeps, each checked here. A rule that no longer
 * holds fails the build with the classes that broke it and why the wall is there.
 */
class ArchitectureTest {
  private static final String CROWDSTRIKE = "dev.sightline.connector.crowdstrike..";
  private static final String CORTEX = "dev.sightline.connector.cortex..";
  private static final String SIMULATORS = "dev.sightline.simulators..";

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.sightline");

  @Test
  void connectorsShouldNotSeeSpringThePlatformTheMappingEngineOrTheServer() {
    noClasses()
        .that()
        .resideInAnyPackage(CROWDSTRIKE, CORTEX, "dev.sightline.connector")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "io.micrometer..",
            "io.prometheus..",
            "dev.sightline.platform..",
            "dev.sightline.server..",
            "dev.sightline.mapping..",
            "dev.sightline.bench..")
        .because(
            "connectors are plug-ins behind the SPI and must run anywhere; they report vendor"
                + " calls through the SPI's CallObserver, which the server turns into metrics")
        .check(CLASSES);
  }

  @Test
  void theCrowdStrikeConnectorShouldNotSeeTheCortexConnectorOrTheSimulators() {
    noClasses()
        .that()
        .resideInAPackage(CROWDSTRIKE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CORTEX, SIMULATORS)
        .because("each vendor's meaning lives in its own connector, which talks to the real API")
        .check(CLASSES);
  }

  @Test
  void theCortexConnectorShouldNotSeeTheCrowdStrikeConnectorOrTheSimulators() {
    noClasses()
        .that()
        .resideInAPackage(CORTEX)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CROWDSTRIKE, SIMULATORS)
        .because("each vendor's meaning lives in its own connector, which talks to the real API")
        .check(CLASSES);
  }

  @Test
  void theSimulatorsShouldImportNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage(SIMULATORS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.sightline.connector..",
            "dev.sightline.mapping..",
            "dev.sightline.platform..",
            "dev.sightline.server..",
            "dev.sightline.bench..")
        .because("a simulator follows the vendor's API, not our code, or it would test nothing")
        .check(CLASSES);
  }

  @Test
  void thePlatformAndMappingShouldStayFrameworkFree() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.sightline.platform..", "dev.sightline.mapping..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "io.micrometer..", "io.prometheus..", "dev.sightline.server..")
        .because(
            "the platform is usable from the CLI, benchmarks and tests without Spring; metrics are"
                + " the server's")
        .check(CLASSES);
  }

  @Test
  void theQueryLanguageShouldKnowNoTableNoFrameworkAndNothingElseOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("dev.sightline.query..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "java.sql..",
            "dev.sightline.connector..",
            "dev.sightline.mapping..",
            "dev.sightline.platform..",
            "dev.sightline.server..")
        .because(
            "the language is text to a syntax tree; what a token means in SQL is the platform's"
                + " catalogue, in one place")
        .check(CLASSES);
  }

  @Test
  void thePlatformAndMappingShouldNeverDependOnAVendor() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.sightline.platform..", "dev.sightline.mapping..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CROWDSTRIKE, CORTEX, SIMULATORS)
        .because("everything vendor-specific lives in the connector's module, behind the SPI")
        .check(CLASSES);
  }

  @Test
  void theWebLayerShouldNotTouchTheDatabase() {
    noClasses()
        .that()
        .areAnnotatedWith(RestController.class)
        .or()
        .areAnnotatedWith(RestControllerAdvice.class)
        .should()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Repository")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("Jdbc")
        .because("controllers speak to services; persistence rows are not API payloads")
        .check(CLASSES);
  }

  @Test
  void endpointsShouldAnswerWithTheApisOwnShapes() {
    methods()
        .that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(RestController.class)
        .and()
        .areMetaAnnotatedWith(RequestMapping.class)
        .should(answerWithoutPlatformTypesOrMaps())
        .because(
            "an answer's JSON is a contract; a platform row, an SPI type or a map would change it"
                + " whenever they change")
        .check(CLASSES);
  }

  private static ArchCondition<JavaMethod> answerWithoutPlatformTypesOrMaps() {
    return new ArchCondition<>("answer with no platform or SPI type and no Map") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        for (JavaClass type : method.getReturnType().getAllInvolvedRawTypes()) {
          boolean foreign =
              type.getPackageName().startsWith("dev.sightline.platform")
                  || type.getPackageName().startsWith("dev.sightline.connector")
                  || type.isAssignableTo(Map.class);
          if (foreign) {
            events.add(
                SimpleConditionEvent.violated(
                    method, method.getFullName() + " answers with " + type.getName()));
          }
        }
      }
    };
  }

  @Test
  void timeShouldComeFromAnInjectedClock() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.sightline.platform..", "dev.sightline.connector..", "dev.sightline.server..")
        .should()
        .callMethod(Instant.class, "now")
        .because("an injected Clock keeps time testable")
        .check(CLASSES);
  }

  @Test
  void noModuleShouldHavePackageCycles() {
    for (String module :
        new String[] {"platform", "mapping", "query", "server", "simulators", "connector"}) {
      slices()
          .matching("dev.sightline." + module + ".(*)..")
          .should()
          .beFreeOfCycles()
          .allowEmptyShould(true) // mapping is one package: nothing to slice, nothing to cycle
          .because(
              "a package cycle makes two concerns one; the "
                  + module
                  + " module's packages each hold one concern")
          .check(CLASSES);
    }
  }
}
