package vn.binhdan;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Each capability reaches another only through its top-level API; this fails the build otherwise. */
class ModularityTest {

    /**
     * Test classes left out by their folder, whatever the build directory is called: ArchUnit's own
     * rule only knows target/test-classes, so a build with -DbuildDir=target-x took the tests'
     * support classes for a module of the application.
     */
    static final ApplicationModules MODULES = ApplicationModules.of(BinhdanApplication.class,
            location -> !location.contains("/test-classes/"));

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
