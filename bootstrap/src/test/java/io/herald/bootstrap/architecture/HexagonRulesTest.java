package io.herald.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules of DESIGN.md §1, checked on the compiled code of every module. Maven's module graph
 * already forbids most wrong imports; these rules also catch what Maven cannot see (a package that
 * strays into another module's namespace, a framework type in the core).
 */
class HexagonRulesTest {

    private static JavaClasses herald;

    @BeforeAll
    static void importHerald() {
        herald = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.herald");
    }

    @Test
    void layersDependInwardsOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy("io.herald.domain..")
                .layer("Application").definedBy("io.herald.application..")
                .layer("Adapters").definedBy("io.herald.adapters..")
                .layer("Persistence").definedBy("io.herald.persistence..")
                .layer("Bootstrap").definedBy("io.herald.bootstrap..")
                .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Adapters", "Persistence", "Bootstrap")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Adapters", "Persistence", "Bootstrap")
                .check(herald);
    }

    @Test
    void adaptersNeverDependOnEachOther() {
        slices().matching("io.herald.adapters.(*).(*)..")
                .should().notDependOnEachOther()
                .check(herald);
    }

    @Test
    void domainIsPlainJava() {
        classes().that().resideInAPackage("io.herald.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.herald.domain..", "java..")
                .check(herald);
    }

    @Test
    void applicationIsFrameworkFree() {
        noClasses().that().resideInAPackage("io.herald.application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "jakarta..", "javax.inject..", "javax.sql..", "java.sql..",
                        "com.github.kagkarlsson..", "org.flywaydb..", "com.twilio..", "com.sendgrid..",
                        "com.segment..")
                .check(herald);
    }

    @Test
    void portsAreInterfacesOrRecords() {
        classes().that().resideInAPackage("io.herald.application.port..")
                .and().areTopLevelClasses()
                .should().beInterfaces().orShould().beRecords().orShould().beEnums()
                .check(herald);
    }
}
