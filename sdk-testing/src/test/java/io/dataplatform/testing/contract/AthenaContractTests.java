package io.dataplatform.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.QueryFailedException;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.athena.QueryState;
import io.dataplatform.cost.CostEstimate;
import io.dataplatform.cost.CostLimit;
import io.dataplatform.cost.CostLimitExceededException;
import io.dataplatform.cost.DataSize;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.glue.GlueType;
import io.dataplatform.glue.PartitionSpec;
import io.dataplatform.glue.Schema;
import io.dataplatform.glue.Table;
import io.dataplatform.glue.TableDefinition;
import io.dataplatform.s3.Bucket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Athena behaviour of the SDK, written once: {@link FakeAthenaContractTest} runs it on FakeAws
 * in every build, {@link AwsAthenaContractIT} against real Athena with {@code -Paws}. What only a
 * fake can show (exact bytes, the clock, faults) is in {@code io.dataplatform.testing.athena}.
 */
abstract class AthenaContractTests {
    static final String DEC_2023 = "id,region,amount\n1,eu,10.50\n2,us,20.00\n3,eu,5.00\n";
    static final String JAN_2024 = "id,region,amount\n4,eu,7.25\n5,us,1.75\n6,apac,3.00\n7,eu,2.00\n";

    /** A row of the aggregate. */
    record RegionTotal(String region, double total, long orders) {
    }

    protected DataPlatform platform;
    protected String bucket;
    protected String db;

    /** Returns the platform under test, writing Athena results to {@code s3://bucket/athena-results/}. */
    protected abstract DataPlatform createPlatform(String bucket);

    /** Returns a bucket name no other test uses. */
    protected abstract String bucketName(String base);

    /** Returns a database name no other test uses. */
    protected abstract String databaseName(String base);

    /** Removes the bucket and every version in it. */
    protected abstract void removeBucket(String name);

    @BeforeEach
    void setUp() {
        bucket = bucketName("athena-contract");
        db = databaseName("athena_contract");
        platform = createPlatform(bucket);
        Bucket data = platform.bucket(bucket).create();
        data.put("sales/year=2023/month=12/part-0.csv", DEC_2023);
        data.put("sales/year=2024/month=01/part-0.csv", JAN_2024);
        platform.glue().database(db).create();
        Table sales = platform.glue().database(db).table("sales").create(TableDefinition.builder()
                .schema(Schema.builder().column("id", GlueType.BIGINT).column("region", GlueType.STRING)
                        .column("amount", GlueType.DOUBLE).partitionKey("year", GlueType.STRING)
                        .partitionKey("month", GlueType.STRING).build())
                .location("s3://" + bucket + "/sales/")
                .format(DataFormat.csv(',', true))
                .build());
        sales.partitions().add(PartitionSpec.of("2023", "12").withLocation("s3://" + bucket + "/sales/year=2023/month=12/"));
        sales.partitions().add(PartitionSpec.of("2024", "01").withLocation("s3://" + bucket + "/sales/year=2024/month=01/"));
    }

    @AfterEach
    void tearDown() {
        try {
            if (platform.glue().database(db).exists()) {
                platform.glue().database(db).delete();
            }
            removeBucket(bucket);
        } finally {
            platform.close();
        }
    }

    @Test
    void aggregate_overOnePartition_returnsItsRows_withinTheEstimate() {
        String sql = "SELECT region, sum(amount) AS total, count(*) AS orders FROM sales WHERE year = ? AND month = ? "
                + "GROUP BY region ORDER BY region";
        CostEstimate estimate = platform.athena().query(sql).parameters("2024", "01").database(db).estimate();

        QueryResult result = platform.athena().query(sql).parameters("2024", "01").database(db).run();

        assertThat(result.as(RegionTotal.class)).containsExactly(new RegionTotal("apac", 3.0, 1),
                new RegionTotal("eu", 9.25, 2), new RegionTotal("us", 1.75, 1));
        assertThat(result.columns()).extracting(c -> c.name() + ":" + c.type())
                .containsExactly("region:varchar", "total:double", "orders:bigint");
        assertThat(estimate.bytesScanned()).isEqualTo(DataSize.ofBytes(JAN_2024.length()));
        assertThat(result.statistics().bytesScanned().bytes()).isBetween(1L, estimate.bytesScanned().bytes());
        assertThat(platform.costLedger().entries()).singleElement()
                .satisfies(e -> assertThat(e.reference()).isEqualTo(result.queryExecutionId()));
    }

    @Test
    void parameters_areLiterals_soAnInjectionAttemptMatchesNothing() {
        QueryResult result = platform.athena()
                .query("SELECT count(*) AS n FROM sales WHERE year = '2023' AND region = ?")
                .parameters("eu' OR '1'='1").database(db).run();

        assertThat(result.rows().findFirst().orElseThrow().bigint("n")).isZero();
    }

    @Test
    void preview_returnsTheTablesRows_atMostTwenty() {
        assertThat(platform.athena().preview(db, "sales").rows().map(r -> r.bigint("id")).sorted().toList())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void unknownColumn_failsWithAthenasReason() {
        assertThatThrownBy(() -> platform.athena().query("SELECT nope FROM sales WHERE year = '2024'").database(db).run())
                .isInstanceOfSatisfying(QueryFailedException.class, e -> {
                    assertThat(e.state()).isEqualTo(QueryState.FAILED);
                    assertThat(e.reason()).startsWith("COLUMN_NOT_FOUND").contains("nope");
                });
    }

    @Test
    void guard_refusesAFullScanOfThePartitionedTable_beforeAnythingStarts() {
        assertThatThrownBy(() -> platform.athena().query("SELECT count(*) FROM sales").database(db).run())
                .isInstanceOfSatisfying(CostLimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(CostLimit.FULL_SCAN));
        assertThat(platform.costLedger().entries()).isEmpty();
    }
}
