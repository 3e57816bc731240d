package io.dataplatform.samples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md, on the compiled classes of every module: dependencies point one way
 * (samples -> sdk-testing -> sdk-core, sdk-spark -> sdk-core, sdk-athena-engine -> sdk-core), no module
 * reads another module's internal packages, and sdk-core, sdk-athena-engine and sdk-testing use no
 * Spark, Hadoop or Scala class (sdk-testing reaches Spark only through its compute package, which
 * refuses clearly when sdk-spark is absent).
 */
class ModuleBoundariesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.dataplatform");
    }

    @Test
    void sdkCore_dependsOnNoOtherModule_andNoEngine() {
        noClasses().that(inModule("sdk-core")).should().dependOnClassesThat(
                        inModule("sdk-spark").or(inModule("sdk-testing")).or(inModule("sdk-athena-engine"))
                                .or(inModule("samples")).or(engineClasses()))
                .check(classes);
    }

    @Test
    void athenaEngine_usesNoSparkHadoopOrScala_andNoOtherModuleButCore() {
        noClasses().that(inModule("sdk-athena-engine")).should().dependOnClassesThat(
                        inModule("sdk-spark").or(inModule("sdk-testing")).or(inModule("samples")).or(engineClasses()))
                .check(classes);
    }

    @Test
    void sdkSpark_knowsNeitherTheFakesNorTheSamples() {
        noClasses().that(inModule("sdk-spark")).should().dependOnClassesThat(
                        inModule("sdk-testing").or(inModule("sdk-athena-engine")).or(inModule("samples")))
                .check(classes);
    }

    @Test
    void sdkTesting_touchesSparkOnlyInItsComputePackage() {
        noClasses().that(inModule("sdk-testing"))
                .and().resideOutsideOfPackage("io.dataplatform.testing.internal.compute..")
                .should().dependOnClassesThat(inModule("sdk-spark").or(engineClasses()))
                .check(classes);
        noClasses().that(inModule("sdk-testing")).should().dependOnClassesThat(inModule("samples")).check(classes);
    }

    @Test
    void noModuleReadsAnotherModulesInternals() {
        for (String module : new String[] {"sdk-core", "sdk-spark", "sdk-athena-engine", "sdk-testing", "samples"}) {
            noClasses().that(inModule(module)).should().dependOnClassesThat(internalOfAnotherModuleThan(module))
                    .because("an internal package is not a promise to other modules (Automatic-Module-Name makes "
                            + "packages public API)")
                    .check(classes);
        }
    }

    private static DescribedPredicate<JavaClass> engineClasses() {
        return DescribedPredicate.describe("Spark, Hadoop or Scala classes", c -> c.getPackageName().startsWith("org.apache.spark")
                || c.getPackageName().startsWith("org.apache.hadoop") || c.getPackageName().startsWith("scala"));
    }

    private static DescribedPredicate<JavaClass> inModule(String module) {
        return DescribedPredicate.describe("in " + module, c -> module.equals(moduleOf(c.getPackageName())));
    }

    private static DescribedPredicate<JavaClass> internalOfAnotherModuleThan(String module) {
        return DescribedPredicate.describe("in an internal package of a module other than " + module, c -> {
            String owner = moduleOf(c.getPackageName());
            return owner != null && !owner.equals(module)
                    && (c.getPackageName().contains(".internal.") || c.getPackageName().endsWith(".internal"));
        });
    }

    /** The module a package belongs to, by the layout DESIGN.md fixes; null outside the SDK. */
    static String moduleOf(String pkg) {
        if (!pkg.startsWith("io.dataplatform")) {
            return null;
        }
        if (pkg.startsWith("io.dataplatform.spark")) {
            return "sdk-spark";
        }
        if (pkg.startsWith("io.dataplatform.testing")) {
            return "sdk-testing";
        }
        if (pkg.startsWith("io.dataplatform.athena.engine")) {
            return "sdk-athena-engine";
        }
        if (pkg.startsWith("io.dataplatform.samples")) {
            return "samples";
        }
        if (pkg.startsWith("io.dataplatform.benchmarks")) {
            return "benchmarks";
        }
        return "sdk-core";
    }
}
