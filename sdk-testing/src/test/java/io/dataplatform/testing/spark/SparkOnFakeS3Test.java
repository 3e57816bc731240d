package io.dataplatform.testing.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.spark.JobResult;
import io.dataplatform.spark.JobStatus;
import io.dataplatform.spark.LocalSparkRunner;
import io.dataplatform.spark.SparkJob;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Spark jobs reading and writing a fake bucket through s3:// and s3a://; one Spark session for the JVM. */
class SparkOnFakeS3Test {
    private static final String SALES = "id,region,amount\n1,eu,10.50\n2,us,-3.00\n3,eu,7.25\n4,apac,0.00\n5,us,20.00\n";

    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();
    private final LocalSparkRunner runner = LocalSparkRunner.builder().s3Client(s3).build();

    @BeforeEach
    void createBuckets() {
        s3.createBucket(b -> b.bucket("acme-raw"));
        s3.createBucket(b -> b.bucket("acme-clean"));
        s3.putObject(b -> b.bucket("acme-raw").key("sales/date=2024-01-31/sales.csv"), RequestBody.fromString(SALES));
    }

    private List<S3Object> objects(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().toList();
    }

    @Test
    void cleanSales_readsCsvFromS3_writesParquetBack() {
        JobResult result = runner.run(CleanSales.class, "--date", "2024-01-31",
                "--input", "s3://acme-raw/sales/", "--output", "s3a://acme-clean/sales/").orThrow();

        List<S3Object> written = objects("acme-clean", "sales/date=2024-01-31/");
        List<S3Object> parts = written.stream().filter(o -> o.key().endsWith(".parquet")).toList();
        assertThat(written.stream().map(S3Object::key)).contains("sales/date=2024-01-31/_SUCCESS")
                .noneMatch(key -> key.contains("_temporary"));
        assertThat(result.status()).isEqualTo(JobStatus.SUCCEEDED);
        // Spark pushes "amount > 0" into the CSV parser, which counts only the three rows that pass.
        assertThat(result.metrics().recordsRead()).isEqualTo(3);
        assertThat(result.metrics().bytesRead()).isEqualTo(SALES.length());
        assertThat(result.metrics().recordsWritten()).isEqualTo(3);
        assertThat(result.metrics().bytesWritten()).isEqualTo(parts.stream().mapToLong(S3Object::size).sum());
    }

    @Test
    void parquetWrittenToS3_readsBackInTheNextRun() {
        runner.run(CleanSales.class, "--date", "2024-01-31",
                "--input", "s3://acme-raw/sales/", "--output", "s3://acme-clean/sales/").orThrow();
        AtomicReference<String> totals = new AtomicReference<>();

        JobResult read = runner.run((spark, context) -> totals.set(spark.read().parquet("s3://acme-clean/sales/")
                .groupBy("region").sum("amount").orderBy("region").collectAsList().stream()
                .map(Row::mkString).collect(Collectors.joining(";")))).orThrow();

        // Partition discovery turns date=2024-01-31 into a column, as Athena and Glue expect.
        assertThat(totals).hasValue("eu17.75;us20.00");
        assertThat(read.metrics().recordsRead()).isEqualTo(3);
    }

    @Test
    void csvWrite_andSqlOverTheFakeBucket_work() {
        AtomicReference<List<String>> lines = new AtomicReference<>();

        runner.run((spark, context) -> {
            spark.read().option("header", "true").schema(CleanSales.SCHEMA).csv("s3://acme-raw/sales/")
                    .createOrReplaceTempView("sales");
            spark.sql("SELECT region, count(*) AS n FROM sales GROUP BY region ORDER BY region")
                    .coalesce(1).write().option("header", "true").csv("s3://acme-clean/counts/");
        }).orThrow();
        runner.run((spark, context) -> lines.set(spark.read().text("s3://acme-clean/counts/").collectAsList().stream()
                .map(row -> row.getString(0)).toList())).orThrow();

        assertThat(lines.get()).containsExactly("region,n", "apac,1", "eu,2", "us,2");
    }

    @Test
    void overwrite_replacesPreviousOutput() {
        String[] args = {"--date", "2024-01-31", "--input", "s3://acme-raw/sales/", "--output", "s3://acme-clean/sales/"};
        runner.run(CleanSales.class, args).orThrow();
        List<String> first = objects("acme-clean", "sales/").stream().map(S3Object::key).toList();

        runner.run(CleanSales.class, args).orThrow();

        assertThat(objects("acme-clean", "sales/").stream().filter(o -> o.key().endsWith(".parquet")).count())
                .isEqualTo(first.stream().filter(key -> key.endsWith(".parquet")).count());
    }

    @Test
    void missingInput_failsTheRunWithSparksReason() {
        JobResult result = runner.run(CleanSales.class, "--date", "2024-02-01",
                "--input", "s3://acme-raw/sales/", "--output", "s3://acme-clean/sales/");

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.failureReason()).contains("[PATH_NOT_FOUND] Path does not exist: s3://acme-raw/sales/date=2024-02-01");
        assertThat(objects("acme-clean", "")).isEmpty();
    }

    @Test
    void twoWorlds_sameBucketNames_eachRunSeesItsOwn() {
        FakeAws other = FakeAws.create();
        other.s3().createBucket(b -> b.bucket("acme-raw"));
        other.s3().putObject(b -> b.bucket("acme-raw").key("sales/date=2024-01-31/sales.csv"),
                RequestBody.fromString("id,region,amount\n9,latam,1.00\n"));
        LocalSparkRunner otherRunner = LocalSparkRunner.builder().s3Client(other.s3()).build();
        AtomicReference<Long> here = new AtomicReference<>();
        AtomicReference<Long> there = new AtomicReference<>();

        runner.run((spark, context) -> here.set(spark.read().option("header", "true").csv("s3://acme-raw/sales/").count()))
                .orThrow();
        otherRunner.run((spark, context) -> there.set(spark.read().option("header", "true").csv("s3://acme-raw/sales/")
                .count())).orThrow();

        assertThat(here).hasValue(5L);
        assertThat(there).hasValue(1L);
        assertThat(other.calls().count(AwsService.S3, "GetObject")).isPositive();
    }

    @Test
    void twoWorlds_runningConcurrently_keepTheirClientsAndMetricsApart() {
        FakeAws other = FakeAws.create();
        other.s3().createBucket(b -> b.bucket("acme-raw"));
        other.s3().putObject(b -> b.bucket("acme-raw").key("sales/date=2024-01-31/sales.csv"),
                RequestBody.fromString("id,region,amount\n9,latam,1.00\n"));
        LocalSparkRunner otherRunner = LocalSparkRunner.builder().s3Client(other.s3()).build();
        SparkJob count = (spark, context) -> spark.read().option("header", "true").schema(CleanSales.SCHEMA)
                .csv("s3://acme-raw/sales/").collectAsList();

        CompletableFuture<JobResult> here = CompletableFuture.supplyAsync(() -> runner.run(count));
        CompletableFuture<JobResult> there = CompletableFuture.supplyAsync(() -> otherRunner.run(count));

        assertThat(here.join().orThrow().metrics().recordsRead()).isEqualTo(5);
        assertThat(there.join().orThrow().metrics().recordsRead()).isEqualTo(1);
        assertThat(there.join().metrics().bytesRead()).isEqualTo("id,region,amount\n9,latam,1.00\n".length());
    }
}
