package io.dataplatform.testing.classpath;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.glue.GlueCatalog;
import io.dataplatform.s3.Bucket;
import io.dataplatform.testing.FakeAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a user of sdk-testing does without Spark, run by {@link RuntimeClasspathTest} in a child JVM
 * on sdk-testing's runtime classpath only: S3 puts and gets, the Glue catalog and a crawler over a
 * Parquet file, then (after {@link #ATHENA}) one Athena query and an EMR Spark step, which fails for want of sdk-spark.
 */
public final class LeanScenario {
    /** Printed between the storage part and the first Athena query. */
    static final String ATHENA = "=== athena ===";

    private LeanScenario() {
    }

    /** Takes the path of a Parquet file with columns {@code id bigint, name string}. */
    public static void main(String[] args) throws Exception {
        byte[] parquet = Files.readAllBytes(Path.of(args[0]));
        try (FakeAws aws = FakeAws.create(); DataPlatform platform = aws.dataPlatform()) {
            Bucket raw = platform.bucket("acme-raw").create();
            raw.put("sales/part-0.parquet", parquet);
            boolean same = Arrays.equals(parquet, raw.get("sales/part-0.parquet").bytes());
            GlueCatalog glue = platform.glue();
            glue.database("sales").create();
            glue.crawler("sales-crawler").target("s3://acme-raw/sales/").database("sales")
                    .role("AWSGlueServiceRole-sales").create().start().await();
            String columns = glue.database("sales").table("sales").info().definition().schema().columns().stream()
                    .map(c -> c.name() + " " + c.type().toGlueString()).collect(Collectors.joining(", "));
            System.out.println("s3: " + (same ? "same bytes" : "different bytes") + "; glue: " + columns);
            System.out.println(ATHENA);
            System.out.flush();
            QueryResult result = platform.athena().query("SELECT count(*) AS n, sum(id) AS total FROM sales")
                    .database("sales").run();
            String row = result.rows().map(r -> "n=" + r.bigint("n") + " total=" + r.bigint("total"))
                    .collect(Collectors.joining("; "));
            System.out.println("athena: " + row);
            // A Spark step without sdk-spark on the classpath fails, naming the artifact to add.
            raw.put("jobs/job.jar", new byte[] {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            String cluster = aws.emr().runJobFlow(r -> r.name("lean").releaseLabel("emr-spark-8.0.0")
                    .serviceRole("EMR_DefaultRole").jobFlowRole("EMR_EC2_DefaultRole")
                    .instances(i -> i.keepJobFlowAliveWhenNoSteps(true).instanceGroups(
                            g -> g.instanceRole("MASTER").instanceType("m5.xlarge").instanceCount(1)))
                    .steps(s -> s.name("job").actionOnFailure("CONTINUE").hadoopJarStep(h -> h.jar("command-runner.jar")
                            .args("spark-submit", "--class", "io.dataplatform.spark.SparkJobMain",
                                    "s3://acme-raw/jobs/job.jar", "com.acme.Job")))).jobFlowId();
            aws.clock().advance(java.time.Duration.ofMinutes(10));
            var step = aws.emr().listSteps(r -> r.clusterId(cluster)).steps().get(0).status();
            System.out.println("emr: " + step.state() + " " + step.failureDetails().reason());
            System.out.flush();
        }
    }
}
