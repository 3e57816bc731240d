package io.dataplatform.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The BOM has no parent (importing it must not import the build's Spark and test pins), so it repeats
 * the versions the SDK is built and tested with: they must stay equal to the parent pom's.
 */
class BomVersionsTest {
    private static final Path ROOT = Path.of("..");

    @ParameterizedTest
    @ValueSource(strings = {"awssdk.version", "jackson.version", "slf4j.version", "netty.version"})
    void bomPinsTheVersionTheBuildUses(String property) throws IOException {
        assertThat(property(ROOT.resolve("bom/pom.xml"), property))
                .as("%s in bom/pom.xml vs pom.xml", property)
                .isEqualTo(property(ROOT.resolve("pom.xml"), property));
    }

    @org.junit.jupiter.api.Test
    void bomIsReleasedWithTheModules() throws IOException {
        assertThat(version(ROOT.resolve("bom/pom.xml"), "dataplatform-bom"))
                .isEqualTo(version(ROOT.resolve("pom.xml"), "dataplatform-parent"));
    }

    private static String version(Path pom, String artifactId) throws IOException {
        Matcher matcher = Pattern.compile("<artifactId>" + artifactId + "</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(pom));
        assertThat(matcher.find()).as("version of %s in %s", artifactId, pom).isTrue();
        return matcher.group(1);
    }

    private static String property(Path pom, String name) throws IOException {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
                .matcher(Files.readString(pom));
        assertThat(matcher.find()).as("%s declares %s", pom, name).isTrue();
        return matcher.group(1);
    }
}
