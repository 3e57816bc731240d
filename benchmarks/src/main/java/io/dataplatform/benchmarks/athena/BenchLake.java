package io.dataplatform.benchmarks.athena;

import io.dataplatform.testing.FakeAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * The small lake every engine in the comparison queries: one CSV table {@code bench.sales} of
 * {@value #ROWS} rows in the fake S3 and catalog, and the same bytes in a local file for DuckDB run
 * directly, so every engine reads exactly the same data.
 */
public final class BenchLake {
    static final int ROWS = 10_000;
    public static final String SQL = "SELECT region, count(*) AS orders, sum(amount) AS total FROM sales GROUP BY region ORDER BY region";

    private BenchLake() {
    }

    static String csv() {
        StringBuilder csv = new StringBuilder("id,region,amount\n");
        String[] regions = {"eu", "us", "apac", "latam"};
        for (int i = 0; i < ROWS; i++) {
            // No String.format: a cold Formatter would be charged to the first query the harness times.
            int cents = i % 100;
            csv.append(i).append(',').append(regions[i % regions.length]).append(',')
                    .append(i % 997).append('.').append(cents < 10 ? "0" : "").append(cents).append('\n');
        }
        return csv.toString();
    }

    /** Creates the lake in {@code aws}: bucket {@code bench-lake}, database {@code bench}, table {@code sales}. */
    public static void create(FakeAws aws) {
        aws.s3().createBucket(b -> b.bucket("bench-lake"));
        aws.s3().putObject(b -> b.bucket("bench-lake").key("sales/part-0.csv"), RequestBody.fromString(csv()));
        aws.glue().createDatabase(d -> d.databaseInput(i -> i.name("bench")));
        aws.glue().createTable(t -> t.databaseName("bench").tableInput(TableInput.builder().name("sales")
                .tableType("EXTERNAL_TABLE").parameters(java.util.Map.of("skip.header.line.count", "1"))
                .storageDescriptor(sd -> sd.location("s3://bench-lake/sales/")
                        .columns(Column.builder().name("id").type("bigint").build(),
                                Column.builder().name("region").type("string").build(),
                                Column.builder().name("amount").type("decimal(10,2)").build())
                        .inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                        .outputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                        .serdeInfo(s -> s.serializationLibrary("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe")
                                .parameters(java.util.Map.of("field.delim", ",", "serialization.format", ","))))
                .build()));
    }

    /** Writes the table's bytes to a local file for DuckDB run directly. */
    static Path localCopy() throws java.io.IOException {
        Path file = Files.createTempFile("bench-sales", ".csv");
        Files.writeString(file, csv(), StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }
}
