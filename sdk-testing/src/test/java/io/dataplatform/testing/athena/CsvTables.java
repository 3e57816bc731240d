package io.dataplatform.testing.athena;

import io.dataplatform.testing.FakeAws;
import java.util.ArrayList;
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
 * Headerless comma-separated tables in bucket {@code data} and database {@code lake} of a fake
 * world, created through the raw S3 and Glue clients as Athena DDL or a script would.
 */
final class CsvTables {
    private final S3Client s3;
    private final GlueClient glue;

    CsvTables(FakeAws aws) {
        this.s3 = aws.s3();
        this.glue = aws.glue();
        s3.createBucket(b -> b.bucket("data"));
        glue.createDatabase(d -> d.databaseInput(i -> i.name("lake")));
    }

    /** Stores {@code content} under {@code key} in bucket {@code data} and returns its size. */
    long put(String key, String content) {
        s3.putObject(b -> b.bucket("data").key(key), RequestBody.fromString(content));
        return content.length();
    }

    /** Creates table {@code name} with columns {@code id int, name string}, the given keys ("name type" pairs) and parameters. */
    void table(String name, String location, Map<String, String> parameters, String... keys) {
        List<Column> partitionKeys = new ArrayList<>();
        for (int i = 0; i < keys.length; i += 2) {
            partitionKeys.add(Column.builder().name(keys[i]).type(keys[i + 1]).build());
        }
        TableInput input = TableInput.builder().name(name).tableType("EXTERNAL_TABLE").parameters(parameters)
                .partitionKeys(partitionKeys)
                .storageDescriptor(StorageDescriptor.builder().location(location)
                        .inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                        .columns(Column.builder().name("id").type("int").build(),
                                Column.builder().name("name").type("string").build())
                        .serdeInfo(s -> s.serializationLibrary("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe")
                                .parameters(Map.of("field.delim", ",")))
                        .build())
                .build();
        glue.createTable(b -> b.databaseName("lake").tableInput(input));
    }

    /** Registers a partition of {@code table} at {@code location}, as BatchCreatePartition does. */
    void partition(String table, String location, String... values) {
        PartitionInput input = PartitionInput.builder().values(values)
                .storageDescriptor(StorageDescriptor.builder().location(location).build()).build();
        glue.batchCreatePartition(b -> b.databaseName("lake").tableName(table).partitionInputList(input));
    }
}
