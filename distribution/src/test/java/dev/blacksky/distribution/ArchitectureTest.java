package dev.blacksky.distribution;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.blacksky.api.event.BotEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries between api, core and plugins, as rules that fail the build when crossed. */
class ArchitectureTest {

    private static final String[] WHAT_PLUGINS_MAY_SEE = {
        "java..", "dev.blacksky.api..", "org.pf4j..", "org.slf4j..", "com.typesafe.config..", "jakarta.inject.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // core's test jar (a real PostgreSQL)
                .importPackages("dev.blacksky");
    }

    @Test
    void the_api_depends_only_on_the_jdk_and_the_libraries_in_its_signatures() {
        ArchRule rule = classes().that().resideInAPackage("dev.blacksky.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(WHAT_PLUGINS_MAY_SEE)
                .because("plugins compile against blacksky-api alone: no core, Guice or Cobalt types in it");
        rule.check(classes);
    }

    @Test
    void plugins_depend_only_on_the_api() {
        ArchRule rule = classes().that().resideInAPackage("dev.blacksky.plugins..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        java.util.stream.Stream.concat(java.util.Arrays.stream(WHAT_PLUGINS_MAY_SEE),
                                // The JDK, and libraries a plugin bundles in its own JAR (the media plugin's ZXing).
                                java.util.stream.Stream.of("dev.blacksky.plugins..", "javax..", "com.google.zxing.."))
                                .toArray(String[]::new))
                .because("a plugin's class loader sees nothing else of the host");
        rule.check(classes);
    }

    @Test
    void plugins_do_not_reach_the_apis_internals() {
        noClasses().that().resideInAPackage("dev.blacksky.plugins..")
                .should().dependOnClassesThat().resideInAPackage("dev.blacksky.api.internal..")
                .because("how the host parses arguments is not part of the api plugins build on")
                .check(classes);
    }

    @Test
    void nothing_outside_core_reaches_into_core() {
        noClasses().that().resideOutsideOfPackages("dev.blacksky.core..", "dev.blacksky.testkit..", "dev.blacksky.bench..")
                .should().dependOnClassesThat().resideInAPackage("dev.blacksky.core..")
                .check(classes);
    }

    @Test
    void core_feature_packages_have_no_cycles() {
        slices().matching("dev.blacksky.core.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void events_are_records_named_subject_past_verb_event() {
        classes().that().implement(BotEvent.class).should().beRecords()
                .andShould().haveSimpleNameEndingWith("Event")
                .check(classes);
    }

    @Test
    void no_manager_or_util_grab_bags() {
        noClasses().that().resideInAPackage("dev.blacksky..")
                .and().doNotHaveSimpleName("HostPluginManager") // the PF4J PluginManager role, by PF4J's name
                .should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils")
                .check(classes);
    }
}
