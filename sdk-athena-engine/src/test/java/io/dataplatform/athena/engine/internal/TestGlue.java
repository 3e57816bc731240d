package io.dataplatform.athena.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTableResponse;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/** A minimal in-memory GlueClient: GetTable and GetPartitions (one page). */
final class TestGlue implements GlueClient {
    static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
    final Map<String, Table> tables = new HashMap<>();
    final Map<String, List<Partition>> partitions = new HashMap<>();

    /** Adds {@code db.name} at {@code location}; columns "name type" pairs; keys likewise. */
    TestGlue table(String db, String name, String location, String serde, Map<String, String> serdeParameters,
                   Map<String, String> parameters, List<String> columns, List<String> keys) {
        tables.put(db + "." + name, Table.builder().databaseName(db).name(name).tableType("EXTERNAL_TABLE")
                .parameters(parameters).partitionKeys(columns(keys))
                .storageDescriptor(sd -> sd.location(location).columns(columns(columns))
                        .inputFormat(serde.contains("Parquet") ? "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat" : TEXT_INPUT)
                        .serdeInfo(s -> s.serializationLibrary(serde).parameters(serdeParameters)))
                .build());
        return this;
    }

    TestGlue partition(String db, String name, List<String> values, String location) {
        partitions.computeIfAbsent(db + "." + name, k -> new ArrayList<>()).add(Partition.builder().values(values)
                .storageDescriptor(sd -> sd.location(location)).build());
        return this;
    }

    private static List<Column> columns(List<String> specs) {
        return specs.stream().map(s -> Column.builder().name(s.split(" ", 2)[0]).type(s.split(" ", 2)[1]).build()).toList();
    }

    @Override
    public GetTableResponse getTable(GetTableRequest request) {
        Table table = tables.get(request.databaseName() + "." + request.name());
        if (table == null) {
            throw EntityNotFoundException.builder().message("Table " + request.name() + " not found.").build();
        }
        return GetTableResponse.builder().table(table).build();
    }

    @Override
    public GetPartitionsResponse getPartitions(GetPartitionsRequest request) {
        return GetPartitionsResponse.builder()
                .partitions(partitions.getOrDefault(request.databaseName() + "." + request.tableName(), List.of())).build();
    }

    @Override
    public String serviceName() {
        return "glue";
    }

    @Override
    public void close() {
    }
}
