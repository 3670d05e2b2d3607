package org.onewindow.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules every module runs: implement this in one test class per module and name
 * the module's base package. Fail-on-empty stays on, so a misspelt package fails rather than passes.
 */
public interface ArchitectureRules {

    /** The module's base package, e.g. {@code org.onewindow.kernel}. */
    String basePackage();

    private JavaClasses classes() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage());
    }

    @Test
    default void domainModelIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage(basePackage() + "..model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.camunda..",
                        "org.operaton..",
                        "org.apache.kafka..",
                        "jakarta.persistence..",
                        "javax.persistence..",
                        "java.sql..",
                        "javax.sql..",
                        "com.fasterxml.jackson..")
                .because("domain logic is plain Java, tested by fast unit tests")
                .check(classes());
    }

    @Test
    default void noLayerPackages() {
        noClasses()
                .should()
                .resideInAnyPackage(
                        "..controller..", "..controllers..", "..service..", "..services..", "..util..", "..utils..")
                .because("packages are named after the domain, not after layers")
                .allowEmptyShould(true)
                .check(classes());
    }

    @Test
    default void domainModelDoesNotReachIntoInfrastructure() {
        noClasses()
                .that()
                .resideInAPackage(basePackage() + "..model..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(basePackage() + "..infrastructure..")
                .check(classes());
    }

    @Test
    default void featurePackagesHaveNoCycles() {
        slices().matching(basePackage() + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("a feature depends on features below it, never round in a circle")
                .check(classes());
    }
}
