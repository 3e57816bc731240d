package com.example.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.glue.GlueType;
import io.dataplatform.glue.Schema;
import io.dataplatform.glue.TableDefinition;
import io.dataplatform.s3.Bucket;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.FakeAwsTest;
import org.junit.jupiter.api.Test;

/** An Athena test with dataplatform-sdk-athena-engine added, as the README says. */
@FakeAwsTest
class SalesAthenaTest {

    @Test
    void sumsSalesPerRegion(DataPlatform platform, FakeAws aws) {
        Bucket raw = platform.bucket("acme-raw").create();
        raw.put("sales/part-1.csv", "eu,10\nus,5\neu,7\n");
        platform.glue().database("sales").create();
        platform.glue().database("sales").table("sales").create(TableDefinition.builder()
                .schema(Schema.builder().column("region", GlueType.STRING).column("amount", GlueType.BIGINT).build())
                .location("s3://acme-raw/sales/")
                .format(DataFormat.csv(',', false))
                .build());

        QueryResult result = platform.athena()
                .query("SELECT region, sum(amount) AS total FROM sales GROUP BY region ORDER BY region")
                .database("sales").run();

        assertEquals("eu=17,us=5", String.join(",", result.rows()
                .map(row -> row.string("region") + "=" + row.string("total")).toList()));
    }
}
