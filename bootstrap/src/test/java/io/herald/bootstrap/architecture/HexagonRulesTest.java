package io.herald.bootstrap.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.herald.application.errors.ConflictException;
import io.herald.application.errors.NotFoundException;
import io.herald.application.errors.UnauthenticatedException;
import io.herald.application.support.LogSafe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
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

    /**
     * Adapters and persistence reach the application through its ports, never a service or a helper of a use case.
     * Allowed besides, each for a reason: the errors use cases throw, which the edges turn into their own answers
     * (404, 401, 409), and {@link LogSafe}, the one redaction of addresses in log lines that services and edges share.
     */
    @Test
    void adaptersUseOnlyPorts() {
        DescribedPredicate<JavaClass> beyondThePorts = resideInAPackage("io.herald.application..")
                .and(not(resideInAPackage("io.herald.application.port..")))
                .and(not(belongToAnyOf(
                        NotFoundException.class, UnauthenticatedException.class, ConflictException.class,
                        LogSafe.class)))
                .as("are application classes other than its ports, its errors or LogSafe");
        noClasses().that().resideInAnyPackage("io.herald.adapters..", "io.herald.persistence..")
                .should().dependOnClassesThat(beyondThePorts)
                .check(herald);
    }

    /** Domain packages form layers: routing says why it cannot route in its own terms, which the message maps. */
    @Test
    void domainPackagesAreFreeOfCycles() {
        slices().matching("io.herald.domain.(*)..")
                .should().beFreeOfCycles()
                .check(herald);
    }

    /**
     * Stricter than {@link #domainIsPlainJava()} in what it names: an annotation on a class, member or parameter
     * of the domain comes from the JDK or the domain itself, so no framework configures the model.
     */
    @Test
    void domainCarriesNoFrameworkAnnotations() {
        classes().that().resideInAPackage("io.herald.domain..")
                .should(carryOnlyAnnotationsFrom("java.", "io.herald.domain."))
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

    private static ArchCondition<JavaClass> carryOnlyAnnotationsFrom(String... packagePrefixes) {
        return new ArchCondition<>("carry only annotations from " + String.join(", ", packagePrefixes)) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Map<String, Set<? extends JavaAnnotation<?>>> annotated = new LinkedHashMap<>();
                annotated.put(type.getName(), type.getAnnotations());
                for (JavaMember member : type.getMembers()) {
                    annotated.put(member.getFullName(), member.getAnnotations());
                    if (member instanceof JavaCodeUnit codeUnit) {
                        for (JavaParameter parameter : codeUnit.getParameters()) {
                            annotated.put("parameter " + parameter.getIndex() + " of " + codeUnit.getFullName(),
                                    parameter.getAnnotations());
                        }
                    }
                }
                annotated.forEach((where, annotations) -> annotations.stream()
                        .map(annotation -> annotation.getRawType().getName())
                        .filter(name -> Arrays.stream(packagePrefixes).noneMatch(name::startsWith))
                        .forEach(name -> events.add(SimpleConditionEvent.violated(type, "@" + name + " on " + where))));
            }
        };
    }

    @Test
    void portsAreInterfacesOrRecords() {
        classes().that().resideInAPackage("io.herald.application.port..")
                .and().areTopLevelClasses()
                .should().beInterfaces().orShould().beRecords().orShould().beEnums()
                .check(herald);
    }
}
