package io.dataplatform.testing.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTableResponse;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * A Data Catalog served from maps, for the SQL engine's tests until FakeAws has its Glue fake:
 * GetTable, GetTables and GetPartitions (one partition per page, so paging is exercised) only.
 */
final class MapGlueClient implements GlueClient {
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, List<Partition>> partitions = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();

    MapGlueClient table(Table table) {
        tables.put(table.databaseName() + "." + table.name(), table);
        return this;
    }

    MapGlueClient partition(String database, String table, Partition partition) {
        partitions.computeIfAbsent(database + "." + table, k -> new ArrayList<>())
                .add(partition.toBuilder().databaseName(database).tableName(table).build());
        return this;
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public GetTableResponse getTable(GetTableRequest request) {
        calls.add("GetTable " + request.databaseName() + "." + request.name());
        Table table = tables.get(request.databaseName() + "." + request.name());
        if (table == null) {
            throw EntityNotFoundException.builder().message("Table " + request.name() + " not found.").build();
        }
        return GetTableResponse.builder().table(table).build();
    }

    @Override
    public GetTablesResponse getTables(GetTablesRequest request) {
        calls.add("GetTables " + request.databaseName());
        return GetTablesResponse.builder().tableList(tables.values().stream()
                .filter(t -> t.databaseName().equals(request.databaseName())).toList()).build();
    }

    @Override
    public GetPartitionsResponse getPartitions(GetPartitionsRequest request) {
        calls.add("GetPartitions " + request.databaseName() + "." + request.tableName());
        List<Partition> all = partitions.getOrDefault(request.databaseName() + "." + request.tableName(), List.of());
        int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        GetPartitionsResponse.Builder page = GetPartitionsResponse.builder()
                .partitions(all.subList(Math.min(from, all.size()), Math.min(from + 1, all.size())));
        return from + 1 < all.size() ? page.nextToken(Integer.toString(from + 1)).build() : page.build();
    }

    @Override
    public String serviceName() {
        return "glue";
    }

    @Override
    public void close() {
    }
}
