package io.dataplatform.testing.classpath;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.testing.glue.TestFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test that fakes only S3, the catalog or Athena gets neither Spark, Hadoop nor Scala: sdk-testing's
 * runtime classpath (written by maven-dependency-plugin's build-classpath at generate-test-resources)
 * holds none of them, the fakes work on that classpath alone, S3 alone loads no other service's fake,
 * and S3 and Glue do not even load the query engine, which starts with the first Athena query.
 */
class RuntimeClasspathTest {
    private static final Path RUNTIME_CLASSPATH = Path.of("target", "runtime-classpath.txt");
    /** A class-load line of {@code -verbose:class}: {@code [0.1s][info][class,load] a.b.C source: ...}. */
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) ");
    private static final List<String> ENGINE_PACKAGES = List.of("org.duckdb.", "io.dataplatform.athena.engine.",
            "io.trino.", "org.apache.spark.", "org.apache.hadoop.", "scala.");
    /** The fakes of the services other than S3, and those services' request and response classes. */
    private static final List<String> OTHER_SERVICE_PACKAGES = List.of("io.dataplatform.testing.internal.glue.",
            "io.dataplatform.testing.internal.athena.", "io.dataplatform.testing.internal.emr.",
            "io.dataplatform.testing.internal.ses.", "io.dataplatform.testing.internal.compute.",
            "software.amazon.awssdk.services.glue.model.", "software.amazon.awssdk.services.athena.model.",
            "software.amazon.awssdk.services.emr.model.", "software.amazon.awssdk.services.sesv2.model.");

    @Test
    void runtimeClasspath_hasNoSparkHadoopScalaOrParquetHadoop() throws IOException {
        List<String> entries = runtimeClasspath();

        List<String> offenders = entries.stream().filter(RuntimeClasspathTest::isOffender).toList();

        assertThat(offenders).as("Spark, Hadoop, Scala or parquet-hadoop on sdk-testing's runtime classpath (%s): "
                + "a user of the fakes would get them; keep them in test scope", RUNTIME_CLASSPATH).isEmpty();
        // The file is the real classpath: the engine and the footer reader are on it.
        assertThat(entries).anyMatch(e -> fileName(e).startsWith("duckdb_jdbc-"))
                .anyMatch(e -> fileName(e).startsWith("parquet-format-structures-"));
    }

    @Test
    @Timeout(120)
    void s3GlueAndCrawler_loadNoQueryEngine_andAthenaRunsWithoutSpark(@TempDir Path dir) throws Exception {
        Path parquet = dir.resolve("sales.parquet");
        Files.write(parquet, TestFiles.parquet("message sale { required int64 id; optional binary name (STRING); }", 3,
                (row, i) -> row.append("id", (long) i + 1).append("name", "n" + i)));
        List<String> classpath = new ArrayList<>(List.of(Path.of("target", "test-classes").toString(),
                Path.of("target", "classes").toString()));
        classpath.addAll(runtimeClasspath());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        Process child = new ProcessBuilder(java.toString(), "-verbose:class", "-cp", String.join(File.pathSeparator, classpath),
                LeanScenario.class.getName(), parquet.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as("the scenario failed:%n%s", tail(output)).isZero();
        int glue = output.indexOf(LeanScenario.GLUE);
        int athena = output.indexOf(LeanScenario.ATHENA);
        assertThat(glue).as("the scenario's output:%n%s", tail(output)).isPositive();
        assertThat(athena).as("the scenario's output:%n%s", tail(output)).isPositive();
        // A world is lazy: creating it, a platform over it and S3 calls build (and load) no other service.
        assertThat(classesIn(output.substring(0, glue), OTHER_SERVICE_PACKAGES))
                .as("classes of Glue, Athena, EMR, SES or Spark fakes loaded by an S3-only use of FakeAws").isEmpty();
        assertThat(classesIn(output.substring(0, glue), List.of("software.amazon.awssdk.services.s3.internal.signing.",
                "software.amazon.awssdk.auth.credentials.")))
                .as("a presigner (about 100 ms cold) built for a platform that never presigns").isEmpty();
        assertThat(classesIn(output.substring(glue), OTHER_SERVICE_PACKAGES))
                .as("the check sees a service when it is used").contains("io.dataplatform.testing.internal.glue.GlueWorld");
        assertThat(engineClasses(output.substring(0, athena)))
                .as("classes of a query engine, Spark, Hadoop or Scala loaded by FakeAws.create(), S3 and Glue").isEmpty();
        assertThat(output).contains("s3: same bytes; glue: id bigint, name string").contains("athena: n=3 total=6")
                .contains("emr: FAILED Cannot run com.acme.Job: FakeAws cannot run Spark jobs")
                .contains("Add the test dependency io.dataplatform:dataplatform-sdk-spark");
        // The check sees the engine when it does start: the first query loads DuckDB.
        assertThat(engineClasses(output.substring(athena))).anyMatch(c -> c.startsWith("org.duckdb."))
                .noneMatch(c -> c.startsWith("org.apache.spark.") || c.startsWith("scala."));
    }

    private static List<String> runtimeClasspath() throws IOException {
        assertThat(RUNTIME_CLASSPATH).as("written by maven-dependency-plugin:build-classpath at generate-test-resources; "
                + "run the test through Maven").exists();
        String content = Files.readString(RUNTIME_CLASSPATH).trim();
        return Arrays.stream(content.split(Pattern.quote(File.pathSeparator))).filter(s -> !s.isBlank()).toList();
    }

    private static boolean isOffender(String entry) {
        String name = fileName(entry);
        return name.startsWith("spark-") || name.startsWith("hadoop-") || name.contains("scala")
                || name.startsWith("parquet-hadoop") || entry.contains("sdk-spark");
    }

    private static String fileName(String entry) {
        Path name = Path.of(entry).getFileName();
        return name == null ? entry : name.toString();
    }

    private static List<String> engineClasses(String verboseOutput) {
        return classesIn(verboseOutput, ENGINE_PACKAGES);
    }

    private static List<String> classesIn(String verboseOutput, List<String> packages) {
        List<String> classes = new ArrayList<>();
        for (String line : verboseOutput.lines().toList()) {
            Matcher loaded = LOADED.matcher(line);
            if (loaded.find() && packages.stream().anyMatch(loaded.group(1)::startsWith)) {
                classes.add(loaded.group(1));
            }
        }
        return classes;
    }

    private static String tail(String output) {
        List<String> lines = output.lines().filter(l -> !l.contains("[class,load]")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
