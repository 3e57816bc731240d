package io.dataplatform.testing.internal.glue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.glue.model.*;

/** The Data Catalog operations of the fake Glue: databases, tables, partitions. Callers hold the world's lock. */
final class CatalogOperations {
    /** Documented batch limits: BatchCreatePartition 100, BatchDeletePartition 25. */
    static final int CREATE_PARTITION_LIMIT = 100;
    static final int DELETE_PARTITION_LIMIT = 25;

    private final GlueWorld world;
    private final GlueErrors errors;

    CatalogOperations(GlueWorld world) {
        this.world = world;
        this.errors = world.errors();
    }

    CreateDatabaseResponse createDatabase(CreateDatabaseRequest request) {
        DatabaseInput input = require(request.databaseInput(), "databaseInput");
        String name = name(input.name(), "name");
        if (world.catalog().database(name).isPresent()) {
            throw errors.alreadyExists("Database already exists.");
        }
        world.catalog().putDatabase(Database.builder().name(name).description(input.description())
                .locationUri(input.locationUri()).parameters(input.parameters()).createTime(now())
                .catalogId(world.accountId()).build());
        return CreateDatabaseResponse.builder().build();
    }

    GetDatabaseResponse getDatabase(GetDatabaseRequest request) {
        return GetDatabaseResponse.builder().database(database(request.name()).database).build();
    }

    GetDatabasesResponse getDatabases(GetDatabasesRequest request) {
        List<Database> all = world.catalog().databases().stream().map(d -> d.database).toList();
        Paging.Page<Database> page = Paging.pageByKey(all, Database::name, request.nextToken(), request.maxResults(), 100,
                errors);
        return GetDatabasesResponse.builder().databaseList(page.items()).nextToken(page.nextToken()).build();
    }

    DeleteDatabaseResponse deleteDatabase(DeleteDatabaseRequest request) {
        world.catalog().removeDatabase(database(request.name()).database.name());
        return DeleteDatabaseResponse.builder().build();
    }

    CreateTableResponse createTable(CreateTableRequest request) {
        CatalogStore.DatabaseEntry db = database(request.databaseName());
        TableInput input = require(request.tableInput(), "tableInput");
        String name = name(input.name(), "tableInput.name");
        if (db.tables.containsKey(name)) {
            throw errors.alreadyExists("Table already exists.");
        }
        world.catalog().putTable(table(db.database.name(), input, now(), now()));
        return CreateTableResponse.builder().build();
    }

    GetTableResponse getTable(GetTableRequest request) {
        return GetTableResponse.builder().table(table(request.databaseName(), request.name()).table).build();
    }

    GetTablesResponse getTables(GetTablesRequest request) {
        List<Table> all = database(request.databaseName()).tables.values().stream().map(t -> t.table).toList();
        Paging.Page<Table> page = Paging.pageByKey(all, Table::name, request.nextToken(), request.maxResults(), 100, errors);
        return GetTablesResponse.builder().tableList(page.items()).nextToken(page.nextToken()).build();
    }

    UpdateTableResponse updateTable(UpdateTableRequest request) {
        TableInput input = require(request.tableInput(), "tableInput");
        CatalogStore.TableEntry existing = table(request.databaseName(), input.name());
        world.catalog().putTable(table(existing.table.databaseName(), input, existing.table.createTime(), now()));
        return UpdateTableResponse.builder().build();
    }

    DeleteTableResponse deleteTable(DeleteTableRequest request) {
        Table table = table(request.databaseName(), request.name()).table;
        world.catalog().removeTable(table.databaseName(), table.name());
        return DeleteTableResponse.builder().build();
    }

    BatchCreatePartitionResponse batchCreatePartition(BatchCreatePartitionRequest request) {
        CatalogStore.TableEntry table = table(request.databaseName(), request.tableName());
        List<PartitionInput> inputs = request.partitionInputList();
        if (inputs.size() > CREATE_PARTITION_LIMIT) {
            throw errors.invalid("1 validation error detected: Value at 'partitionInputList' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + CREATE_PARTITION_LIMIT);
        }
        List<PartitionError> failures = new ArrayList<>();
        for (PartitionInput input : inputs) {
            if (input.values().size() != table.table.partitionKeys().size()) {
                failures.add(error(input.values(), "InvalidInputException", "The number of partition keys do not match the number of partition values"));
            } else if (table.partitions.containsKey(input.values())) {
                failures.add(error(input.values(), "AlreadyExistsException", "Partition already exists."));
            } else {
                table.partitions.put(input.values(), Partition.builder().databaseName(request.databaseName())
                        .tableName(request.tableName()).values(input.values()).creationTime(now()).lastAccessTime(now())
                        .storageDescriptor(input.storageDescriptor()).parameters(input.parameters())
                        .catalogId(world.accountId()).build());
            }
        }
        return BatchCreatePartitionResponse.builder().errors(failures).build();
    }

    GetPartitionsResponse getPartitions(GetPartitionsRequest request) {
        CatalogStore.TableEntry table = table(request.databaseName(), request.tableName());
        Predicate<List<String>> filter = v -> true;
        if (request.expression() != null && !request.expression().isBlank()) {
            try {
                filter = PartitionExpression.parse(request.expression(), table.table.partitionKeys());
            } catch (IllegalArgumentException e) {
                throw errors.invalid(e.getMessage());
            }
        }
        Predicate<List<String>> matches = filter;
        List<Partition> all = table.partitions.values().stream().filter(p -> matches.test(p.values())).toList();
        Paging.Page<Partition> page = Paging.pageByKey(all, table::addedKey, request.nextToken(), request.maxResults(), 1000,
                errors);
        return GetPartitionsResponse.builder().partitions(page.items()).nextToken(page.nextToken()).build();
    }

    BatchDeletePartitionResponse batchDeletePartition(BatchDeletePartitionRequest request) {
        CatalogStore.TableEntry table = table(request.databaseName(), request.tableName());
        if (request.partitionsToDelete().size() > DELETE_PARTITION_LIMIT) {
            throw errors.invalid("1 validation error detected: Value at 'partitionsToDelete' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + DELETE_PARTITION_LIMIT);
        }
        List<PartitionError> failures = new ArrayList<>();
        for (PartitionValueList values : request.partitionsToDelete()) {
            if (table.partitions.remove(values.values()) == null) {
                failures.add(error(values.values(), "EntityNotFoundException", "Partition not found."));
            }
        }
        return BatchDeletePartitionResponse.builder().errors(failures).build();
    }

    /** Looks a database up the way Glue does: case-insensitively, since names are stored lower-cased. */
    private CatalogStore.DatabaseEntry database(String name) {
        return world.catalog().database(lower(name))
                .orElseThrow(() -> errors.notFound("Database " + name + " not found."));
    }

    private CatalogStore.TableEntry table(String database, String name) {
        database(database);
        return world.catalog().table(lower(database), lower(name))
                .orElseThrow(() -> errors.notFound("Table " + name + " not found."));
    }

    private static String lower(String name) {
        return name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
    }

    private Table table(String database, TableInput input, Instant created, Instant updated) {
        return Table.builder().name(name(input.name(), "tableInput.name")).databaseName(database)
                .description(input.description()).owner(input.owner()).createTime(created).updateTime(updated)
                .lastAccessTime(input.lastAccessTime()).retention(input.retention())
                .storageDescriptor(input.storageDescriptor()).partitionKeys(input.partitionKeys())
                .tableType(input.tableType()).parameters(input.parameters()).catalogId(world.accountId())
                .isRegisteredWithLakeFormation(false).build();
    }

    private static PartitionError error(List<String> values, String code, String message) {
        return PartitionError.builder().partitionValues(values)
                .errorDetail(ErrorDetail.builder().errorCode(code).errorMessage(message).build()).build();
    }

    /** Glue stores catalog names in lower case (Hive semantics) and requires 1-255 characters. */
    private String name(String name, String field) {
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw errors.invalid("1 validation error detected: Value '" + name + "' at '" + field
                    + "' failed to satisfy constraint: Member must have length between 1 and 255");
        }
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    private <T> T require(T value, String field) {
        if (value == null) {
            throw errors.invalid("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    private Instant now() {
        return world.clock().instant();
    }
}
