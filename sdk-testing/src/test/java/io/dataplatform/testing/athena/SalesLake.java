package io.dataplatform.testing.athena;

import io.dataplatform.glue.DataFormat;
import io.dataplatform.spark.LocalSparkRunner;
import io.dataplatform.testing.FakeAws;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Test data in a fake world: bucket {@code lake}, database {@code sales} with {@code sales} (CSV,
 * partitioned by year and month), {@code regions} (CSV) and, on request, {@code wide} (Parquet) and
 * {@code numbers} (CSV, 2,500 rows).
 */
final class SalesLake {
    static final String HEADER = "id,region,amount\n";
    static final String DEC_2023 = HEADER + "1,eu,10.50\n2,us,20.00\n3,eu,5.00\n";
    static final String JAN_2024 = HEADER + "4,eu,7.25\n5,us,1.75\n6,apac,3.00\n7,eu,2.00\n";
    static final String FEB_2024 = HEADER + "8,us,4.00\n9,apac,6.00\n";
    static final String REGIONS = "region,name\neu,Europe\nus,United States\napac,Asia Pacific\n";

    private final S3Client s3;
    private final GlueClient glue;

    SalesLake(FakeAws aws) {
        this.s3 = aws.s3();
        this.glue = aws.glue();
        s3.createBucket(b -> b.bucket("lake"));
        put("sales/year=2023/month=12/part-0.csv", DEC_2023);
        put("sales/year=2024/month=01/part-0.csv", JAN_2024);
        put("sales/year=2024/month=02/part-0.csv", FEB_2024);
        put("regions/regions.csv", REGIONS);
        glue.createDatabase(d -> d.databaseInput(i -> i.name("sales")));
        table("sales", "s3://lake/sales/", DataFormat.csv(',', true), columns("id", "bigint", "region", "string",
                "amount", "double"), columns("year", "string", "month", "string"));
        partition("sales", "s3://lake/sales/year=2023/month=12/", "2023", "12");
        partition("sales", "s3://lake/sales/year=2024/month=01/", "2024", "01");
        partition("sales", "s3://lake/sales/year=2024/month=02/", "2024", "02");
        table("regions", "s3://lake/regions/", DataFormat.csv(',', true), columns("region", "string", "name", "string"),
                List.of());
    }

    void put(String key, String content) {
        s3.putObject(b -> b.bucket("lake").key(key), RequestBody.fromString(content));
    }

    /** A Parquet table of 3,000 rows whose {@code digest} column is large and incompressible. */
    void wideParquet() {
        LocalSparkRunner.builder().s3Client(s3).build().run((spark, context) -> spark.range(3000)
                .selectExpr("id", "cast(id % 3 as string) AS region", "cast(id AS double) AS amount",
                        "sha2(cast(id AS string), 512) AS digest")
                .coalesce(1).write().parquet("s3://lake/wide/")).orThrow();
        table("wide", "s3://lake/wide/", DataFormat.parquet(), columns("id", "bigint", "region", "string", "amount",
                "double", "digest", "string"), List.of());
    }

    /** A JSON-lines table {@code events}. */
    void jsonEvents(String content) {
        put("events/events.json", content);
        table("events", "s3://lake/events/", DataFormat.json(), columns("kind", "string", "value", "int"), List.of());
    }

    /** A CSV table of {@code rows} numbers. */
    void numbers(int rows) {
        StringBuilder csv = new StringBuilder("n,label\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(",n").append(i).append('\n');
        }
        put("numbers/numbers.csv", csv.toString());
        table("numbers", "s3://lake/numbers/", DataFormat.csv(',', true), columns("n", "int", "label", "string"), List.of());
    }

    /** A CSV table holding one object of {@code bytes} bytes. */
    void big(int bytes) {
        StringBuilder csv = new StringBuilder("line\n");
        while (csv.length() < bytes) {
            csv.append("0123456789012345678901234567890123456789012345678901234567890123456789\n");
        }
        put("big/big.csv", csv.toString());
        table("big", "s3://lake/big/", DataFormat.csv(',', true), columns("line", "string"), List.of());
    }

    long size(String key) {
        return s3.headObject(b -> b.bucket("lake").key(key)).contentLength();
    }

    /** Creates table {@code name} in database {@code sales}. */
    void table(String name, String location, DataFormat format, List<Column> columns, List<Column> keys) {
        Map<String, String> parameters = new LinkedHashMap<>(format.tableParameters());
        glue.createTable(t -> t.databaseName("sales").tableInput(TableInput.builder().name(name)
                .tableType("EXTERNAL_TABLE").parameters(parameters).partitionKeys(keys)
                .storageDescriptor(descriptor(location, format, columns)).build()));
    }

    /** Registers a partition of {@code table} at {@code location}, with the table's storage format. */
    void partition(String table, String location, String... values) {
        StorageDescriptor base = glue.getTable(t -> t.databaseName("sales").name(table)).table().storageDescriptor();
        glue.batchCreatePartition(b -> b.databaseName("sales").tableName(table).partitionInputList(PartitionInput.builder()
                .values(values).storageDescriptor(base.toBuilder().location(location).build()).build()));
    }

    private static StorageDescriptor descriptor(String location, DataFormat format, List<Column> columns) {
        return StorageDescriptor.builder().location(location).columns(columns)
                .inputFormat(format.inputFormat()).outputFormat(format.outputFormat())
                .serdeInfo(s -> s.serializationLibrary(format.serializationLibrary()).parameters(format.serdeParameters()))
                .build();
    }

    /** Columns from "name type" pairs: columns("id", "bigint", "region", "string"). */
    static List<Column> columns(String... nameTypes) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < nameTypes.length; i += 2) {
            columns.add(Column.builder().name(nameTypes[i]).type(nameTypes[i + 1]).build());
        }
        return columns;
    }
}
