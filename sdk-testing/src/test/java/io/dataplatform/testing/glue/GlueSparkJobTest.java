package io.dataplatform.testing.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.glue.GlueType;
import io.dataplatform.glue.Job;
import io.dataplatform.glue.JobInfo;
import io.dataplatform.glue.JobRunFailedException;
import io.dataplatform.glue.JobRun;
import io.dataplatform.glue.JobRunState;
import io.dataplatform.glue.JobRunStatus;
import io.dataplatform.glue.Schema;
import io.dataplatform.glue.TableDefinition;
import io.dataplatform.glue.etl.EtlFilter;
import io.dataplatform.glue.etl.EtlFormat;
import io.dataplatform.glue.etl.EtlMapping;
import io.dataplatform.glue.etl.WriteMode;
import io.dataplatform.s3.S3Location;
import io.dataplatform.spark.LocalSparkRunner;
import io.dataplatform.spark.etl.EtlJob;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Glue jobs from SparkJob classes, really run on local Spark by the fake Glue; the declarative ETL mapping. */
class GlueSparkJobTest {
    private static final String SALES = "order_id,amt,region\n1,10.50,eu\n2,-3.00,us\n3,7.25,eu\n4,0.00,apac\n5,20.00,us\n";
    private static final S3Location CODE = S3Location.parse("s3://acme-code/glue/");

    private final FakeAws aws = FakeAws.create();
    private final DataPlatform platform = aws.dataPlatform();

    GlueSparkJobTest() {
        platform.bucket("acme-raw").create().put("sales/sales.csv", SALES);
        platform.bucket("acme-clean").create();
        platform.bucket("acme-code").create();
        platform.glue().database("sales").create();
        platform.glue().database("sales").table("raw_sales").create(t -> t
                .schema(Schema.builder().column("order_id", GlueType.BIGINT).column("amt", GlueType.DOUBLE)
                        .column("region", GlueType.STRING).build())
                .location("s3://acme-raw/sales/").format(DataFormat.csv(',', true)));
    }

    private static EtlMapping mapping(String target) {
        return EtlMapping.builder()
                .source("sales", "raw_sales")
                .map("order_id", "id")
                .map("amt", "amount", GlueType.decimal(10, 2))
                .map("region", "region")
                .filter(EtlFilter.of("amt", EtlFilter.Operator.GREATER_THAN, 0))
                .target(target).format(EtlFormat.PARQUET).partitionBy("region").writeMode(WriteMode.OVERWRITE)
                .build();
    }

    private List<String> rows(String location) {
        AtomicReference<List<String>> rows = new AtomicReference<>();
        LocalSparkRunner.builder().s3Client(aws.s3()).build().run((spark, context) -> rows.set(
                spark.read().parquet(location).orderBy("id").collectAsList().stream().map(Row::mkString).toList()))
                .orThrow();
        return rows.get();
    }

    @Test
    void etlMapping_printsTheSparkSqlItRuns() {
        assertThat(mapping("s3://acme-clean/sales/").sql()).isEqualTo("SELECT `order_id` AS `id`, CAST(`amt` AS"
                + " DECIMAL(10,2)) AS `amount`, `region` AS `region` FROM `source` WHERE `amt` > 0");
    }

    @Test
    void etlMapping_runLocallyAndAsAGlueJob_writesTheSameTable() {
        EtlMapping local = mapping("s3://acme-clean/local/")
                .resolve(platform.glue().database("sales").table("raw_sales").definition());
        LocalSparkRunner.builder().s3Client(aws.s3()).build().run(EtlJob.class, local.argumentArray()).orThrow();

        Job job = platform.glue().job("clean-sales").etl(mapping("s3://acme-clean/glue/"), TestJars.jarOf(EtlJob.class))
                .codeLocation(CODE).role("AWSGlueServiceRole-etl").create();
        assertThat(job.start().await().status().state()).isEqualTo(JobRunState.SUCCEEDED);

        assertThat(rows("s3://acme-clean/glue/")).isEqualTo(rows("s3://acme-clean/local/"))
                .containsExactly("110.50eu", "37.25eu", "520.00us");
        assertThat(aws.s3().listObjectsV2(b -> b.bucket("acme-clean").prefix("glue/region=eu/")).contents())
                .extracting(S3Object::key).anyMatch(k -> k.endsWith(".parquet"));
    }

    @Test
    void sparkJobClass_isDeployedAsAScalaJobWithItsJarAndTheEntryScript() {
        Path jar = TestJars.jarOfClasses(FailingSparkJob.class);
        JobInfo info = platform.glue().job("count").sparkJob(FailingSparkJob.class, jar).codeLocation(CODE)
                .role("AWSGlueServiceRole-etl").create().info();

        List<String> uploaded = aws.s3().listObjectsV2(b -> b.bucket("acme-code").prefix("glue/")).contents().stream()
                .map(S3Object::key).map(k -> k.replaceAll("[0-9a-f]{64}", "<sha256>"))
                .map(k -> k.replaceAll("dataplatform-sdk-spark.*\\.jar", "dataplatform-sdk-spark.jar")).sorted().toList();
        assertThat(uploaded).containsExactlyInAnyOrder("glue/<sha256>/DataPlatformGlueJob.scala", "glue/<sha256>/" + jar.getFileName(),
                "glue/<sha256>/dataplatform-sdk-spark.jar");
        assertThat(info.command()).isEqualTo("glueetl");
        assertThat(info.scriptLocation()).startsWith("s3://acme-code/glue/").endsWith("/DataPlatformGlueJob.scala");
        assertThat(info.defaultArguments()).containsEntry("--job-language", "scala")
                .containsEntry("--class", "DataPlatformGlueJob");
        assertThat(info.defaultArguments().get("--extra-jars").split(",")).hasSize(2)
                .allMatch(j -> j.startsWith("s3://acme-code/glue/") && j.endsWith(".jar"));
        String script = platform.bucket("acme-code").get(S3Location.parse(info.scriptLocation()).key()).string();
        assertThat(script).contains("object DataPlatformGlueJob", "// dataplatform-spark-job: " + FailingSparkJob.class.getName(),
                "io.dataplatform.spark.SparkJobMain.main(Array(\"" + FailingSparkJob.class.getName() + "\") ++ kept)");
    }

    @Test
    void sparkJobClass_createdTwice_uploadsAndChangesNothingTheSecondTime() {
        Path jar = TestJars.jarOfClasses(FailingSparkJob.class);
        platform.glue().job("count").sparkJob(FailingSparkJob.class, jar).codeLocation(CODE).role("r").create();
        aws.calls().clear();

        platform.glue().job("count").sparkJob(FailingSparkJob.class, jar).codeLocation(CODE).role("r").create();

        assertThat(aws.calls().operations(AwsService.GLUE)).containsExactly("GetJob");
        assertThat(aws.calls().operations(AwsService.S3)).doesNotContain("PutObject");
    }

    @Test
    void sparkJobRun_failingJob_failsTheRunWithTheJobsException() {
        Job job = platform.glue().job("count").sparkJob(FailingSparkJob.class, TestJars.jarOfClasses(FailingSparkJob.class))
                .codeLocation(CODE).role("r").defaultArgument("input", "s3://acme-raw/sales/").create();

        assertThat(job.start().await().status().state()).isEqualTo(JobRunState.SUCCEEDED);
        assertThatThrownBy(() -> job.start("--fail", "yes").await())
                .isInstanceOf(JobRunFailedException.class)
                .hasMessageEndingWith("ended FAILED on attempt 0 of 1: java.lang.IllegalStateException: refusing 6 rows");
    }

    @Test
    void sparkJobClass_onGlueFive_isRefusedSayingWhyAndWhatToPick() {
        assertThatThrownBy(() -> platform.glue().job("count").sparkJob(FailingSparkJob.class, TestJars.jarOfClasses(
                FailingSparkJob.class)).glueVersion("5.0").codeLocation(CODE).role("r").create())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Glue 5.0 cannot run SparkJob class " + FailingSparkJob.class.getName() + ": Glue 5.x and"
                        + " older run Spark 3.5 or older on Scala 2.12, and dataplatform-sdk-spark jobs are built for"
                        + " Spark 4 on Scala 2.13. Use glueVersion(\"6.1\") (or \"6.0\"), or deploy a Python script with"
                        + " pythonScript(..) to run on Glue 5.0");
        assertThat(aws.calls().operations(AwsService.GLUE)).doesNotContain("CreateJob");
    }

    @Test
    void sparkJobClass_fromAClassesFolder_isRefusedSayingHowToBuildTheJar() {
        assertThatThrownBy(() -> platform.glue().job("count").sparkJob(FailingSparkJob.class).codeLocation(CODE)
                .role("r").create())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not from a jar: EMR and Glue run jars. Build the jar that holds "
                        + FailingSparkJob.class.getName());
    }

    @Test
    void sparkJobRun_wrappedByAHandler_runsTheRealJobAfterTheFakeTimeItSets() {
        Job job = platform.glue().job("count").sparkJob(FailingSparkJob.class, TestJars.jarOfClasses(FailingSparkJob.class))
                .codeLocation(CODE).role("r").defaultArgument("input", "s3://acme-raw/sales/").maxRetries(1).create();
        aws.glueJobs().handler("count", run -> {
            if (run.attempt() == 0) {
                throw new IllegalStateException("cluster lost");
            }
            run.work(Duration.ofMinutes(20));
            run.proceed();
        });

        JobRun run = job.start().await();
        assertThat(run.attempts()).extracting(JobRunStatus::state).containsExactly(JobRunState.FAILED, JobRunState.SUCCEEDED);
        assertThat(run.status().executionTime()).isEqualTo(Duration.ofMinutes(20));

        assertThatThrownBy(() -> job.start("--fail", "yes").await())
                .isInstanceOf(JobRunFailedException.class)
                .hasMessageEndingWith("ended FAILED on attempt 1 of 2: java.lang.IllegalStateException: refusing 6 rows");
    }
}
