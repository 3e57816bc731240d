package io.dataplatform.testing.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/** Glue table definitions as a crawler or Athena DDL would write them. */
final class CatalogTables {
    static final String LAZY_SIMPLE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    static final String OPEN_CSV = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
    static final String JSON = "org.openx.data.jsonserde.JsonSerDe";
    static final String PARQUET = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";

    private CatalogTables() {
    }

    /** Columns from "name type" pairs: columns("id", "int", "region", "string"). */
    static List<Column> columns(String... nameTypes) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < nameTypes.length; i += 2) {
            columns.add(Column.builder().name(nameTypes[i]).type(nameTypes[i + 1]).build());
        }
        return columns;
    }

    static Table table(String database, String name, String location, String serde, Map<String, String> serdeParameters,
            Map<String, String> tableParameters, List<Column> columns, List<Column> partitionKeys) {
        String inputFormat = serde.equals(PARQUET) ? "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat"
                : "org.apache.hadoop.mapred.TextInputFormat";
        return Table.builder().databaseName(database).name(name).tableType("EXTERNAL_TABLE")
                .parameters(tableParameters).partitionKeys(partitionKeys)
                .storageDescriptor(StorageDescriptor.builder().location(location).inputFormat(inputFormat)
                        .columns(columns)
                        .serdeInfo(SerDeInfo.builder().serializationLibrary(serde).parameters(serdeParameters).build())
                        .build())
                .build();
    }

    static Table csv(String database, String name, String location, List<Column> columns) {
        return table(database, name, location, LAZY_SIMPLE, Map.of("field.delim", ","),
                Map.of("skip.header.line.count", "1"), columns, List.of());
    }

    static Partition partition(String location, String... values) {
        return Partition.builder().values(values).storageDescriptor(StorageDescriptor.builder().location(location).build())
                .build();
    }
}
