package io.dataplatform.athena.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTableResponse;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;

/** A minimal in-memory GlueClient: GetTable and GetPartitions (one partition per page, to exercise paging). */
final class TestGlue implements GlueClient {
    private final Map<String, Table> tables = new HashMap<>();
    private final Map<String, List<Partition>> partitions = new HashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    /** The NextToken of a listing's last page: null, or "" as Glue may send it. */
    String lastPageToken;

    TestGlue table(String database, String name, String location, List<String> columns, List<String> keys) {
        tables.put(database + "." + name, Table.builder().databaseName(database).name(name).tableType("EXTERNAL_TABLE")
                .storageDescriptor(sd -> sd.location(location).columns(columns.stream().map(c -> Column.builder().name(c).type("string").build()).toList()))
                .partitionKeys(keys.stream().map(k -> Column.builder().name(k).type("string").build()).toList()).build());
        partitions.put(database + "." + name, new ArrayList<>());
        return this;
    }

    TestGlue parameters(String database, String name, Map<String, String> parameters) {
        tables.put(database + "." + name, tables.get(database + "." + name).toBuilder().parameters(parameters).build());
        return this;
    }

    TestGlue view(String database, String name) {
        tables.put(database + "." + name, Table.builder().databaseName(database).name(name).tableType("VIRTUAL_VIEW").build());
        return this;
    }

    TestGlue partition(String database, String table, String location, String... values) {
        partitions.get(database + "." + table).add(Partition.builder().values(values)
                .storageDescriptor(sd -> sd.location(location)).build());
        return this;
    }

    @Override
    public GetTableResponse getTable(GetTableRequest request) {
        calls.add("GetTable " + request.databaseName() + "." + request.name());
        Table table = tables.get(request.databaseName() + "." + request.name());
        if (table == null) {
            throw (EntityNotFoundException) EntityNotFoundException.builder().statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("EntityNotFoundException")
                            .errorMessage("Table " + request.name() + " not found.").build()).build();
        }
        return GetTableResponse.builder().table(table).build();
    }

    @Override
    public GetPartitionsResponse getPartitions(GetPartitionsRequest request) {
        calls.add("GetPartitions " + request.databaseName() + "." + request.tableName());
        List<Partition> all = partitions.get(request.databaseName() + "." + request.tableName());
        int at = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        List<Partition> page = at < all.size() ? List.of(all.get(at)) : List.of();
        return GetPartitionsResponse.builder().partitions(page).nextToken(at + 1 < all.size() ? String.valueOf(at + 1) : lastPageToken)
                .build();
    }

    @Override
    public String serviceName() {
        return "glue";
    }

    @Override
    public void close() {
    }
}
