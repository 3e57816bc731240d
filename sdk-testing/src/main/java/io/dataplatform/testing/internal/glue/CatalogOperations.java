package io.dataplatform.testing.internal.glue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.glue.model.*;

/** The Data Catalog operations of the fake Glue on databases and tables (partitions: {@link PartitionOperations}). Callers hold the world's lock. */
final class CatalogOperations {
    /** Documented limit of BatchDeleteTable's TablesToDelete (API_BatchDeleteTable). */
    static final int DELETE_TABLE_LIMIT = 100;

    private final GlueWorld world;
    private final GlueErrors errors;
    private final CatalogLookup lookup;

    CatalogOperations(GlueWorld world, CatalogLookup lookup) {
        this.world = world;
        this.errors = world.errors();
        this.lookup = lookup;
    }

    CreateDatabaseResponse createDatabase(CreateDatabaseRequest request) {
        DatabaseInput input = lookup.require(request.databaseInput(), "databaseInput");
        String name = lookup.name(input.name(), "name");
        if (world.catalog().database(name).isPresent()) {
            throw errors.alreadyExists("Database already exists.");
        }
        world.catalog().putDatabase(Database.builder().name(name).description(input.description())
                .locationUri(input.locationUri()).parameters(input.parameters()).createTime(now())
                .catalogId(world.accountId()).build());
        return CreateDatabaseResponse.builder().build();
    }

    GetDatabaseResponse getDatabase(GetDatabaseRequest request) {
        return GetDatabaseResponse.builder().database(lookup.database(request.name()).database).build();
    }

    GetDatabasesResponse getDatabases(GetDatabasesRequest request) {
        List<Database> all = world.catalog().databases().stream().map(d -> d.database).toList();
        Paging.Page<Database> page = Paging.pageByKey(all, Database::name, request.nextToken(), request.maxResults(), 100,
                errors);
        return GetDatabasesResponse.builder().databaseList(page.items()).nextToken(page.nextToken()).build();
    }

    DeleteDatabaseResponse deleteDatabase(DeleteDatabaseRequest request) {
        world.catalog().removeDatabase(lookup.database(request.name()).database.name());
        return DeleteDatabaseResponse.builder().build();
    }

    CreateTableResponse createTable(CreateTableRequest request) {
        CatalogStore.DatabaseEntry db = lookup.database(request.databaseName());
        TableInput input = lookup.require(request.tableInput(), "tableInput");
        String name = lookup.name(input.name(), "tableInput.name");
        if (db.tables.containsKey(name)) {
            throw errors.alreadyExists("Table already exists.");
        }
        world.catalog().putTable(table(db.database.name(), input, now(), now()));
        return CreateTableResponse.builder().build();
    }

    GetTableResponse getTable(GetTableRequest request) {
        return GetTableResponse.builder().table(lookup.table(request.databaseName(), request.name()).table).build();
    }

    GetTablesResponse getTables(GetTablesRequest request) {
        List<Table> all = lookup.database(request.databaseName()).tables.values().stream().map(t -> t.table).toList();
        Paging.Page<Table> page = Paging.pageByKey(all, Table::name, request.nextToken(), request.maxResults(), 100, errors);
        return GetTablesResponse.builder().tableList(page.items()).nextToken(page.nextToken()).build();
    }

    UpdateTableResponse updateTable(UpdateTableRequest request) {
        TableInput input = lookup.require(request.tableInput(), "tableInput");
        CatalogStore.TableEntry existing = lookup.table(request.databaseName(), input.name());
        // A TransactionId belongs to governed tables, which the fake does not model: ignoring it would drop a check.
        if (request.transactionId() != null) {
            throw errors.error(501, "NotImplemented", "UpdateTable with a TransactionId (governed tables) "
                    + "is not supported by the fake Glue");
        }
        // VersionId is "the version ID at which to update the table contents": the optimistic lock Iceberg's GlueCatalog
        // commits with. An update based on an older version than the current one fails instead of overwriting it.
        if (request.versionId() != null && !request.versionId().equals(existing.table.versionId())) {
            throw errors.error(400, "ConcurrentModificationException", "Update table failed due to concurrent modifications."
                    + " The table " + existing.table.name() + " is at version " + existing.table.versionId()
                    + ", not " + request.versionId() + ".");
        }
        Table updated = table(existing.table.databaseName(), input, existing.table.createTime(), now());
        if (Boolean.TRUE.equals(request.skipArchive())) {
            world.catalog().replaceTable(updated);
        } else {
            world.catalog().putTable(updated);
        }
        return UpdateTableResponse.builder().build();
    }

    DeleteTableResponse deleteTable(DeleteTableRequest request) {
        Table table = lookup.table(request.databaseName(), request.name()).table;
        world.catalog().removeTable(table.databaseName(), table.name());
        return DeleteTableResponse.builder().build();
    }

    /**
     * Replaces the database's definition (description, location, parameters) with {@code databaseInput},
     * keeping its tables and creation time: API_UpdateDatabase calls the input "the new definition".
     * A different DatabaseInput.Name would rename the database, which the fake refuses.
     */
    UpdateDatabaseResponse updateDatabase(UpdateDatabaseRequest request) {
        CatalogStore.DatabaseEntry db = lookup.database(request.name());
        DatabaseInput input = lookup.require(request.databaseInput(), "databaseInput");
        String name = lookup.name(input.name(), "databaseInput.name");
        if (!name.equals(db.database.name())) {
            throw errors.error(501, "NotImplemented", "Renaming a database is not supported by the fake Glue (UpdateDatabase of '"
                    + db.database.name() + "' with DatabaseInput.Name '" + input.name() + "')");
        }
        db.database = db.database.toBuilder().description(input.description()).locationUri(input.locationUri())
                .parameters(input.parameters()).build();
        return UpdateDatabaseResponse.builder().build();
    }

    /**
     * Deletes the named tables with their partitions; a missing database fails the call, a missing
     * table is reported in Errors while the others are still deleted.
     */
    BatchDeleteTableResponse batchDeleteTable(BatchDeleteTableRequest request) {
        CatalogStore.DatabaseEntry db = lookup.database(request.databaseName());
        lookup.atMost(request.tablesToDelete(), DELETE_TABLE_LIMIT, "tablesToDelete");
        if (request.transactionId() != null) {
            throw errors.error(501, "NotImplemented", "Transactions (governed tables) are not supported by the fake Glue");
        }
        List<TableError> failures = new ArrayList<>();
        for (String name : request.tablesToDelete()) {
            if (db.tables.remove(CatalogLookup.lower(name)) == null) {
                failures.add(TableError.builder().tableName(name).errorDetail(ErrorDetail.builder()
                        .errorCode("EntityNotFoundException").errorMessage("Table " + name + " not found.").build()).build());
            }
        }
        return BatchDeleteTableResponse.builder().errors(failures).build();
    }

    private Table table(String database, TableInput input, Instant created, Instant updated) {
        return Table.builder().name(lookup.name(input.name(), "tableInput.name")).databaseName(database)
                .description(input.description()).owner(input.owner()).createTime(created).updateTime(updated)
                .lastAccessTime(input.lastAccessTime()).retention(input.retention())
                .storageDescriptor(input.storageDescriptor()).partitionKeys(input.partitionKeys())
                .tableType(input.tableType()).parameters(input.parameters()).catalogId(world.accountId())
                .isRegisteredWithLakeFormation(false).build();
    }

    private Instant now() {
        return world.clock().instant();
    }
}
