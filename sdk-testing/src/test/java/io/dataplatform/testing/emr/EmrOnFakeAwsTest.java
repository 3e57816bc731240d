package io.dataplatform.testing.emr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.OperationTimeoutException;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.CostLimit;
import io.dataplatform.cost.CostLimitExceededException;
import io.dataplatform.cost.LedgerEntry;
import io.dataplatform.cost.Money;
import io.dataplatform.emr.ActionOnFailure;
import io.dataplatform.emr.Cluster;
import io.dataplatform.emr.ClusterState;
import io.dataplatform.emr.ClusterStatus;
import io.dataplatform.emr.ClusterTerminatedException;
import io.dataplatform.emr.CommandStep;
import io.dataplatform.emr.InstanceGroup;
import io.dataplatform.emr.InstanceType;
import io.dataplatform.emr.SparkStep;
import io.dataplatform.emr.StepFailedException;
import io.dataplatform.emr.StepRun;
import io.dataplatform.emr.StepState;
import io.dataplatform.emr.StepStatus;
import io.dataplatform.s3.S3Location;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EMR through the SDK on FakeAws: clusters on the fake clock, Spark steps that really run from their jars. */
class EmrOnFakeAwsTest {
    private static final String SALES = "id,region,amount\n1,eu,10.50\n2,us,-3.00\n3,eu,7.25\n4,apac,0.00\n5,us,20.00\n";
    private static final S3Location CODE = S3Location.parse("s3://acme-code/jobs/");
    private static final S3Location LOGS = S3Location.parse("s3://acme-logs/emr/");

    @TempDir
    Path dir;

    private final FakeAws aws = FakeAws.create();
    private final DataPlatform platform = aws.dataPlatform();
    private Path jar;

    @BeforeEach
    void setUp() {
        for (String bucket : List.of("acme-raw", "acme-clean", "acme-code", "acme-logs")) {
            platform.bucket(bucket).create();
        }
        platform.bucket("acme-raw").put("sales/date=2024-01-31/sales.csv", SALES);
        jar = TestJars.jarOf(dir, "sales-jobs-1.0.jar", CountingCleanSales.class, FailingJob.class);
    }

    @AfterEach
    void close() {
        platform.close();
        aws.close();
    }

    private SparkStep cleanSales() {
        return SparkStep.of(CountingCleanSales.class, jar)
                .args("--date", "2024-01-31", "--input", "s3://acme-raw/sales/", "--output", "s3://acme-clean/sales/");
    }

    private SparkStep failing() {
        return SparkStep.of(FailingJob.class, jar).args("--date", "2024-01-31");
    }

    private Cluster waitingCluster(String name) {
        return platform.emr().cluster(name).codeLocation(CODE).logUri(LOGS).create().await();
    }

    @Test
    void cluster_goesThroughEmrStates_andIdleAutoTerminationFiresOnTheFakeClock() {
        Instant created = aws.clock().instant();
        List<ClusterState> seen = new ArrayList<>();

        Cluster cluster = platform.emr().cluster("nightly").idleTimeout(Duration.ofMinutes(30)).create()
                .onProgress(s -> seen.add(s.state())).await();
        ClusterStatus ready = cluster.status();

        assertThat(seen).containsExactly(ClusterState.STARTING, ClusterState.BOOTSTRAPPING, ClusterState.WAITING);
        assertThat(ready.readyAt()).isEqualTo(created.plus(Duration.ofMinutes(7)));
        assertThat(ready.releaseLabel()).isEqualTo("emr-spark-8.0.0");
        assertThat(aws.emr().getAutoTerminationPolicy(r -> r.clusterId(cluster.id())).autoTerminationPolicy().idleTimeout())
                .isEqualTo(1800L);

        aws.clock().advance(Duration.between(aws.clock().instant(), ready.readyAt().plus(Duration.ofMinutes(29))));
        assertThat(cluster.status().state()).isEqualTo(ClusterState.WAITING);

        aws.clock().advance(Duration.ofMinutes(2));
        ClusterStatus ended = cluster.status();
        assertThat(ended.state()).isEqualTo(ClusterState.TERMINATED);
        assertThat(ended.reason()).hasValueSatisfying(r -> assertThat(r).contains("idle for 1800 seconds"));
        assertThat(ended.endedAt()).isEqualTo(ready.readyAt().plus(Duration.ofMinutes(31)));
        // 1 + 3 m5.xlarge at $0.24 an hour each, for 7 + 30 + 1 minutes: 38/60 x $0.96.
        LedgerEntry entry = platform.costLedger().entries().get(0);
        assertThat(entry.operation()).isEqualTo("EMR cluster");
        assertThat(entry.reference()).isEqualTo(cluster.id());
        assertThat(entry.settled()).isTrue();
        assertThat(entry.actualCost()).isEqualTo(Money.usd("0.608"));
        assertThatThrownBy(cluster::await).isInstanceOf(ClusterTerminatedException.class)
                .hasMessageContaining("shut down instead of becoming ready: TERMINATED")
                .hasMessageContaining("auto-termination policy");
    }

    @Test
    void sparkStep_runsTheJobFromTheUploadedJar_andAthenaReadsWhatItWrote() {
        Cluster cluster = waitingCluster("nightly");
        List<StepState> states = new ArrayList<>();

        StepRun run = cluster.submit(cleanSales()).onProgress(s -> states.add(s.state())).await();

        assertThat(states).containsExactly(StepState.PENDING, StepState.RUNNING, StepState.COMPLETED);
        assertThat(run.status().endedAt()).isEqualTo(run.status().startedAt().plus(Duration.ofMinutes(1)));
        // The copy of the class inside the uploaded jar ran, with its own statics, not the test's copy.
        assertThat(CountingCleanSales.RUNS).hasValue(0);
        assertThat(platform.bucket("acme-clean").list("sales/date=2024-01-31/").map(o -> o.key()))
                .anyMatch(k -> k.endsWith(".parquet"));

        platform.glue().database("sales").create();
        platform.glue().crawler("clean-sales").target(S3Location.parse("s3://acme-clean/sales/")).database("sales")
                .role("AWSGlueServiceRole-sales")
                .create().start().await();
        QueryResult result = platform.athena().query("SELECT region, sum(amount) AS total FROM sales"
                + " WHERE \"date\" = '2024-01-31' GROUP BY region ORDER BY region").database("sales")
                .allowFullScan().run();   // the day is the table's only partition so far

        assertThat(result.rows().map(r -> r.string("region") + "=" + r.decimal("total").toPlainString()))
                .containsExactly("eu=17.75", "us=20.00");
        assertThat(cluster.status().state()).isEqualTo(ClusterState.WAITING);
    }

    @Test
    void sparkStep_uploadsAnUnchangedJarOnce_contentAddressed() {
        Cluster cluster = waitingCluster("nightly");
        aws.calls().clear();

        StepRun first = cluster.submit(cleanSales());
        StepRun second = cluster.submit(cleanSales());
        first.await();
        second.await();

        List<String> code = platform.bucket("acme-code").list("jobs/").map(o -> o.key()).toList();
        // The job's jar and the sdk-spark jar (the job jar is not shaded), each once, under its SHA-256.
        assertThat(code).hasSize(2).anyMatch(k -> k.matches("jobs/[0-9a-f]{64}/sales-jobs-1.0.jar"));
        assertThat(aws.calls().count(AwsService.S3, "HeadObject")).isEqualTo(4);
        assertThat(aws.calls().count(AwsService.S3, "PutObject")).isEqualTo(2);
        assertThat(aws.emr().describeStep(r -> r.clusterId(cluster.id()).stepId(first.id())).step().config().args())
                .startsWith("spark-submit", "--deploy-mode", "cluster", "--class", "io.dataplatform.spark.SparkJobMain",
                        "--jars")
                .endsWith(CountingCleanSales.class.getName(), "--date", "2024-01-31", "--input", "s3://acme-raw/sales/",
                        "--output", "s3://acme-clean/sales/");
    }

    @Test
    void failingStep_withContinue_failsWithTheJobsException_andTheNextStepRuns() {
        Cluster cluster = waitingCluster("etl");

        StepRun failed = cluster.submit(failing());
        StepRun next = cluster.submit(cleanSales());

        assertThatThrownBy(failed::await).isInstanceOf(StepFailedException.class)
                .hasMessageContaining("ended FAILED")
                .hasMessageContaining("java.lang.IllegalStateException: no sales files for --date 2024-01-31")
                .hasMessageContaining("(log: s3://acme-logs/emr/" + cluster.id() + "/steps/" + failed.id() + "/stderr.gz)");
        StepStatus failure = failed.status();
        assertThat(failure.failureReason()).isEqualTo("java.lang.IllegalStateException: no sales files for --date 2024-01-31");
        assertThat(next.await().status().state()).isEqualTo(StepState.COMPLETED);
        assertThat(cluster.status().state()).isEqualTo(ClusterState.WAITING);
        assertThat(cluster.steps()).extracting(StepStatus::id).containsExactly(next.id(), failed.id());
    }

    @Test
    void failingStep_withTerminateCluster_cancelsTheRest_andEndsTheClusterWithErrors() {
        Cluster cluster = waitingCluster("etl");

        StepRun failed = cluster.submit(failing().actionOnFailure(ActionOnFailure.TERMINATE_CLUSTER));
        StepRun next = cluster.submit(cleanSales());

        assertThatThrownBy(failed::await).isInstanceOf(StepFailedException.class)
                .hasMessageContaining("no sales files for --date 2024-01-31");
        assertThatThrownBy(next::await).isInstanceOf(StepFailedException.class).hasMessageContaining("ended CANCELLED");
        ClusterStatus ended = cluster.awaitTermination(Duration.ofMinutes(10));
        assertThat(ended.state()).isEqualTo(ClusterState.TERMINATED_WITH_ERRORS);
        assertThat(ended.stateChangeCode()).isEqualTo("STEP_FAILURE");
        assertThat(platform.costLedger().entries().get(0).settled()).isTrue();
    }

    @Test
    void clusterCreatedWithSteps_terminatesAfterThem_unlessKeptAlive() {
        Cluster cluster = platform.emr().cluster("one-shot").codeLocation(CODE).step(cleanSales()).create();

        ClusterStatus ended = cluster.awaitTermination(Duration.ofHours(1));

        assertThat(ended.state()).isEqualTo(ClusterState.TERMINATED);
        assertThat(ended.stateChangeCode()).isEqualTo("ALL_STEPS_COMPLETED");
        assertThat(platform.bucket("acme-clean").list("sales/").map(o -> o.key())).anyMatch(k -> k.endsWith(".parquet"));

        Cluster kept = platform.emr().cluster("kept").codeLocation(CODE).step(cleanSales()).keepAlive().create();
        aws.clock().advance(Duration.ofMinutes(20));
        assertThat(kept.status().state()).isEqualTo(ClusterState.WAITING);
    }

    @Test
    void awaitWithATimeout_handsTheClusterBack_andAPendingStepCanBeCancelled() {
        Cluster cluster = platform.emr().cluster("slow").codeLocation(CODE).keepAlive().create();

        assertThatThrownBy(() -> cluster.await(Duration.ofMinutes(2)))
                .isInstanceOf(OperationTimeoutException.class)
                .hasMessageContaining("was not ready within PT2M")
                .satisfies(e -> assertThat(((OperationTimeoutException) e).handle(Cluster.class)).isSameAs(cluster));
        StepRun pending = cluster.submit(cleanSales());
        pending.cancel();

        assertThatThrownBy(pending::await).isInstanceOf(StepFailedException.class).hasMessageContaining("ended CANCELLED");
        assertThat(CountingCleanSales.RUNS).hasValue(0);
        assertThat(cluster.await().status().state()).isEqualTo(ClusterState.WAITING);
        assertThat(platform.bucket("acme-clean").list("sales/").count()).isZero();
    }

    @Test
    void runJobFlowWhoseResponseWasLost_isNotRetriedIntoASecondCluster() {
        // EMR started the cluster, but the caller saw a 500: RunJobFlow has no client token to make a retry safe.
        aws.faults().on(AwsService.EMR, "RunJobFlow").loseResponse(500, 1);

        Cluster cluster = platform.emr().cluster("nightly").create();

        assertThat(aws.emr().listClusters(r -> r.clusterStatesWithStrings("STARTING", "BOOTSTRAPPING", "WAITING",
                "RUNNING")).clusters())
                .singleElement().satisfies(summary -> assertThat(summary.id()).isEqualTo(cluster.id()));
        assertThat(aws.calls().count(AwsService.EMR, "RunJobFlow")).isEqualTo(1);
    }

    @Test
    void hourlyCostGuard_refusesTheClusterBeforeAnyCall() {
        DataPlatform guarded = aws.dataPlatformBuilder()
                .costGuard(CostGuard.builder().maxClusterHourlyCost(Money.usd("0.50")).build()).build();

        assertThatThrownBy(() -> guarded.emr().cluster("nightly").create())
                .isInstanceOf(CostLimitExceededException.class)
                .hasMessageContaining("1 x m5.xlarge + 3 x m5.xlarge")
                .hasMessageContaining("estimated at $0.96 an hour")
                .hasMessageContaining("maxClusterHourlyCost of $0.50")
                .satisfies(e -> assertThat(((CostLimitExceededException) e).limit()).isEqualTo(CostLimit.MAX_CLUSTER_HOURLY_COST));
        assertThatThrownBy(() -> platform.emr().cluster("nightly").workers(10, InstanceType.R5_4XLARGE)
                .addTaskGroup(InstanceGroup.spot(InstanceType.M5_2XLARGE, 4).withBidPrice(Money.usd("0.10")))
                .maxHourlyCost(Money.usd(4)).create())
                .isInstanceOf(CostLimitExceededException.class)
                .hasMessageContaining("over its maxHourlyCost of $4.00");

        assertThat(aws.calls().count(AwsService.EMR, "RunJobFlow")).isZero();
        assertThat(guarded.costLedger().entries()).isEmpty();
    }

    @Test
    void olderRelease_isRefusedForSparkJobs_withWhyAndWhatToPick_butCommandStepsStayAllowed() {
        assertThatThrownBy(() -> platform.emr().cluster("old").releaseLabel("emr-7.10.0").codeLocation(CODE)
                .step(cleanSales()).create())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EMR release emr-7.10.0 runs Spark 3.5 on Scala 2.12, but SparkJob "
                        + CountingCleanSales.class.getName() + " is built with dataplatform-sdk-spark on Spark 4.0 / Scala"
                        + " 2.13 (JDK 17) and cannot run there: pick release emr-spark-8.0.0 (the default) or later, or, for"
                        + " a jar built for that release's Spark, submit it as a CommandStep");
        assertThat(aws.calls().count(AwsService.EMR, "RunJobFlow")).isZero();

        Cluster old = platform.emr().cluster("old").releaseLabel("emr-7.10.0").create().await();
        assertThatThrownBy(() -> old.submit(cleanSales())).hasMessageContaining("EMR release emr-7.10.0 runs Spark 3.5");
        StepRun legacy = old.submit(CommandStep.of("spark-submit", "--class", "io.dataplatform.spark.SparkJobMain",
                "s3://acme-code/legacy/spark35.jar", "com.acme.Legacy").name("legacy"));
        assertThat(legacy.status().name()).isEqualTo("legacy");
    }

    @Test
    void jobClassOutsideAJar_isRefusedBeforeAnyCall_sayingHowToBuildTheJar() {
        assertThatThrownBy(() -> SparkStep.of(CountingCleanSales.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Job class " + CountingCleanSales.class.getName() + " was loaded from the directory")
                .hasMessageContaining("not from a jar")
                .hasMessageContaining("Build the jar that holds " + CountingCleanSales.class.getName() + " with 'mvn package'");
        assertThatThrownBy(() -> SparkStep.of(String.class))
                .hasMessageContaining("does not implement io.dataplatform.spark.SparkJob");
        assertThat(aws.calls().all()).noneMatch(c -> c.service() == AwsService.EMR);
    }
}
