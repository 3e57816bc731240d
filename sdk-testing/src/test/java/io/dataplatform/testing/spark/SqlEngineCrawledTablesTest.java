package io.dataplatform.testing.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.DataPlatform;
import io.dataplatform.glue.GlueCatalog;
import io.dataplatform.s3.Bucket;
import io.dataplatform.spark.SqlEngine;
import io.dataplatform.spark.SqlResult;
import io.dataplatform.testing.FakeAws;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables a fake Glue crawler put in the catalog are queryable as discovered, partitions included. */
class SqlEngineCrawledTablesTest {
    private static final String JAN = "id,amount,sold_on\n1,9.5,2024-01-02\n2,10,2024-01-03\n";
    private static final String FEB = "id,amount,sold_on\n3,4.25,2024-02-01\n";

    private final FakeAws aws = FakeAws.create();
    private final DataPlatform platform = aws.dataPlatform();
    private final GlueCatalog glue = platform.glue();
    private final Bucket raw = platform.bucket("acme-raw").create();
    private final SqlEngine engine = SqlEngine.builder().s3Client(aws.s3()).glueClient(aws.glue()).build();

    @Test
    void crawledPartitionedCsv_aggregatesByPartition_andPrunes() {
        raw.put("sales/month=2024-01/sales.csv", JAN);
        raw.put("sales/month=2024-02/sales.csv", FEB);
        glue.database("sales").create();
        glue.crawler("sales-crawler").target("s3://acme-raw/sales/").database("sales").role("AWSGlueServiceRole-sales")
                .create().start().await();

        SqlResult all = engine.execute("SELECT month, count(*) AS n, sum(amount) AS total FROM sales"
                + " GROUP BY month ORDER BY month", "sales");
        SqlResult february = engine.execute("SELECT id, sold_on FROM sales WHERE month = '2024-02'", "sales");

        assertThat(all.rows()).containsExactly(List.of("2024-01", "2", "19.5"), List.of("2024-02", "1", "4.25"));
        assertThat(all.columns().get(2).type()).isEqualTo("double");
        assertThat(all.bytesScanned()).isEqualTo(JAN.length() + FEB.length());
        assertThat(february.rows()).containsExactly(List.of("3", "2024-02-01"));
        assertThat(february.bytesScanned()).isEqualTo(FEB.length());
    }
}
