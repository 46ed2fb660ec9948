package io.pyredis.archtests;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dependency table of the design, enforced. Classes are imported from the modules'
 * main jars/classes on this module's test class path, without any test code.
 */
@AnalyzeClasses(packages = "io.pyredis", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    static final ArchRule INTERNAL_RULE = classes()
            .that().resideInAPackage("..internal..")
            .should(onlyBeUsedFromTheirOwnModule())
            .because("internal packages are not exported: another module using them compiles on"
                    + " the class path but fails at run time on the module path");

    @ArchTest
    static final ArchRule apiDependsOnlyOnTheJdk = classes()
            .that().resideInAPackage("io.pyredis.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.pyredis.api..", "java..")
            .because("the api is all a third-party plugin compiles against: anything it pulled in"
                    + " would be forced on every plugin and could clash with the plugin's own libraries");

    @ArchTest
    static final ArchRule supportDependsOnlyOnApi = classes()
            .that().resideInAPackage("io.pyredis.support..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.pyredis.support..", "io.pyredis.api..", "java..")
            .because("the packs' shared helpers sit right above the SPI: everything else may use"
                    + " them, so they must not pull in the network, the keyspace or a library");

    @ArchTest
    static final ArchRule protocolDependsOnlyOnApi = classes()
            .that().resideInAPackage("io.pyredis.protocol..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.pyredis.protocol..", "io.pyredis.api..",
                    "io.pyredis.support..", "java..")
            .because("the wire format is shared by the server and the CLI and must stay free of"
                    + " transport, storage and logging so it can be tested byte by byte on its own");

    @ArchTest
    static final ArchRule storageDependsOnlyOnApiAndSlf4j = classes()
            .that().resideInAPackage("io.pyredis.storage..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.pyredis.storage..", "io.pyredis.api..", "io.pyredis.support..", "org.slf4j..", "java..")
            .because("the keyspace must not know about the network or the commands, so that"
                    + " it can be embedded and tested without a server");

    @ArchTest
    static final ArchRule coreKnowsNoTransportNorConfigFiles = classes()
            .that().resideInAPackage("io.pyredis.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.pyredis.core..", "io.pyredis.api..",
                    "io.pyredis.support..", "io.pyredis.protocol..", "io.pyredis.storage..", "org.slf4j..", "java..")
            .because("the execution core (clients, the call unit, MULTI, blocking, pub/sub) must run"
                    + " without a network or a config file, so that the testkit, scripts and"
                    + " replication drive the very same code a socket does");

    @ArchTest
    static final ArchRule corePackagesAreFreeOfCycles = slices()
            .matching("io.pyredis.core.(**)")
            .should().beFreeOfCycles()
            .because("each layer of the core (loop, commands, clients, pub/sub, execution) builds on"
                    + " the ones below it only; a cycle would make them impossible to test apart");

    @ArchTest
    static final ArchRule serverPackagesAreFreeOfCycles = slices()
            .matching("io.pyredis.server.(**)")
            .should().beFreeOfCycles()
            .because("the server's parts (config, persistence, commands, network) layer on each"
                    + " other one way; a cycle is how a transport detail ends up inside persistence");

    @ArchTest
    static final ArchRule persistenceKnowsNoTransport = noClasses()
            .that().resideInAPackage("io.pyredis.server.internal.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "io.pyredis.server.internal.net..")
            .because("snapshots and the AOF are driven through the core's loop and clients, so they"
                    + " work (and are tested) the same with or without a socket");

    @ArchTest
    static final ArchRule onlyTheNetworkPackageUsesNetty = noClasses()
            .that().resideOutsideOfPackage("io.pyredis.server.internal.net..")
            .should().dependOnClassesThat().resideInAPackage("io.netty..")
            .because("the transport is one replaceable part: everything else sees clients as plain"
                    + " objects and the loop through the core's Loop interface");

    @ArchTest
    static final ArchRule commandPacksDependOnlyOnApiAndSupport = classes()
            .that().resideInAPackage("io.pyredis.commands..")
            .and().resideOutsideOfPackage("io.pyredis.commands.scripting..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.pyredis.commands..", "io.pyredis.api..",
                    "io.pyredis.support..", "java..")
            .because("a command pack is a plugin like any other: it is loaded through the SPI and"
                    + " gets everything (keyspace, replies, config) through io.pyredis.api, with"
                    + " only the shared helpers of io.pyredis.support beside it");

    @ArchTest
    static final ArchRule scriptingPackDependsOnlyOnApiSupportAndLuaj = classes()
            .that().resideInAPackage("io.pyredis.commands.scripting..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.pyredis.commands..", "io.pyredis.api..",
                    "io.pyredis.support..", "org.luaj.vm2..", "com.sun.management..", "java..")
            .because("the scripting pack is a pack like the others, which runs its Lua on LuaJ"
                    + " (module pyredis-luaj) and bounds a script's allocations with HotSpot's"
                    + " per-thread counter (com.sun.management)");

    @ArchTest
    static final ArchRule commandPacksAreIndependent = slices()
            .matching("io.pyredis.commands.(*)..")
            .should().notDependOnEachOther()
            .because("packs can be left out or replaced one by one; shared logic belongs in the"
                    + " support module");

    @ArchTest
    static final ArchRule examplePluginDependsOnlyOnApi = classes()
            .that().resideInAPackage("io.pyredis.example..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.pyredis.example..", "io.pyredis.api..", "java..")
            .because("the example plugin shows what a third party can build with pyredis-api"
                    + " alone, which is all it gets at compile time");

    @ArchTest
    static final ArchRule cliDependsOnlyOnProtocolApiAndJline = classes()
            .that().resideInAPackage("io.pyredis.cli..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.pyredis.cli..", "io.pyredis.protocol..", "io.pyredis.api..", "org.jline..", "java..")
            .because("the CLI is a client: it talks RESP over a socket and must not embed the server");

    @ArchTest
    static final ArchRule serverDoesNotDependOnPacks = noClasses()
            .that().resideInAPackage("io.pyredis.server..")
            .should().dependOnClassesThat().resideInAnyPackage("io.pyredis.commands..", "io.pyredis.example..")
            .because("the server finds command packs through ServiceLoader on the module path and"
                    + " in the plugins directory; a compile-time link would make a pack impossible"
                    + " to leave out or replace");

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles = slices()
            .matching("io.pyredis.(*)..")
            .should().beFreeOfCycles()
            .because("JPMS forbids cycles between modules, and the build order depends on their absence");

    @ArchTest
    static final ArchRule noStandardStreamsOutsideCliAndMain = noClasses()
            .that().resideOutsideOfPackage("io.pyredis.cli..")
            .and().doNotHaveSimpleName("Main")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("a server logs through SLF4J, where the operator's configuration decides"
                    + " level and destination; stray prints bypass it and cost on hot paths");

    @ArchTest
    static final ArchRule internalPackagesStayInsideTheirModule = INTERNAL_RULE
            // a module may have no internal package (yet)
            .allowEmptyShould(true);

    /**
     * A class in {@code a.b.internal.c} may be used only by classes in {@code a.b..}, the
     * module whose internals they are.
     */
    private static ArchCondition<JavaClass> onlyBeUsedFromTheirOwnModule() {
        return new ArchCondition<>("only be used from their own module") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String pkg = item.getPackageName();
                int at = pkg.indexOf(".internal");
                String module = at < 0 ? pkg : pkg.substring(0, at);
                for (Dependency d : item.getDirectDependenciesToSelf()) {
                    String from = d.getOriginClass().getPackageName();
                    if (!from.equals(module) && !from.startsWith(module + ".")) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    /** The rules above must not pass for want of classes: every module has to be imported. */
    @Test
    void everyModuleIsImported() {
        JavaClasses imported = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("io.pyredis");
        for (String pkg : List.of("io.pyredis.api", "io.pyredis.support", "io.pyredis.core", "io.pyredis.protocol", "io.pyredis.storage",
                "io.pyredis.commands.strings", "io.pyredis.server", "io.pyredis.cli", "io.pyredis.example.ratelimit")) {
            assertTrue(imported.containPackage(pkg), pkg + " was not imported");
        }
        assertTrue(imported.stream().noneMatch(c -> c.getPackageName().startsWith("io.pyredis.archtests")),
                "test classes must not be analysed");
    }

    /** The hand-written condition catches what it is for, and lets a module use its own internals. */
    @Test
    void internalRuleFlagsUseFromAnotherModuleOnly() {
        JavaClasses fixtures = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .importPackages("fixture");
        var result = INTERNAL_RULE.evaluate(fixtures);
        assertTrue(result.hasViolation());
        List<String> violations = result.getFailureReport().getDetails();
        assertTrue(violations.stream().anyMatch(v -> v.contains("fixture.other.Intruder")), violations.toString());
        assertTrue(violations.stream().noneMatch(v -> v.contains("fixture.mod.Owner")), violations.toString());
    }
}
