package io.dataplatform.testing.spark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

/** Writes table definitions into a (fake) Glue catalog as a crawler or Athena DDL would. */
final class CatalogTables {
    static final String LAZY_SIMPLE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    static final String OPEN_CSV = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
    static final String JSON = "org.openx.data.jsonserde.JsonSerDe";
    static final String PARQUET = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";

    private final GlueClient glue;
    private final Set<String> databases = new HashSet<>();

    CatalogTables(GlueClient glue) {
        this.glue = glue;
    }

    /** Columns from "name type" pairs: columns("id", "int", "region", "string"). */
    static List<Column> columns(String... nameTypes) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < nameTypes.length; i += 2) {
            columns.add(Column.builder().name(nameTypes[i]).type(nameTypes[i + 1]).build());
        }
        return columns;
    }

    CatalogTables table(String database, String name, String location, String serde, Map<String, String> serdeParameters,
            Map<String, String> tableParameters, List<Column> columns, List<Column> partitionKeys) {
        if (databases.add(database)) {
            glue.createDatabase(b -> b.databaseInput(d -> d.name(database)));
        }
        String inputFormat = serde.equals(PARQUET) ? "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat"
                : "org.apache.hadoop.mapred.TextInputFormat";
        TableInput input = TableInput.builder().name(name).tableType("EXTERNAL_TABLE").parameters(tableParameters)
                .partitionKeys(partitionKeys)
                .storageDescriptor(StorageDescriptor.builder().location(location).inputFormat(inputFormat).columns(columns)
                        .serdeInfo(SerDeInfo.builder().serializationLibrary(serde).parameters(serdeParameters).build())
                        .build())
                .build();
        glue.createTable(b -> b.databaseName(database).tableInput(input));
        return this;
    }

    /** A crawler-style CSV table: comma-delimited LazySimpleSerDe with one header line. */
    CatalogTables csv(String database, String name, String location, List<Column> columns) {
        return table(database, name, location, LAZY_SIMPLE, Map.of("field.delim", ","),
                Map.of("skip.header.line.count", "1"), columns, List.of());
    }

    /** Adds a partition with its own location (and no SerDe of its own, so the table's applies). */
    CatalogTables partition(String database, String table, String location, String... values) {
        PartitionInput input = PartitionInput.builder().values(values)
                .storageDescriptor(StorageDescriptor.builder().location(location).build()).build();
        glue.batchCreatePartition(b -> b.databaseName(database).tableName(table).partitionInputList(input));
        return this;
    }
}
