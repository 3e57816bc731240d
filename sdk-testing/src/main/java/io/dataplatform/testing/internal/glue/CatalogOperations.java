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
        lookup.catalog(request.catalogId(), "CreateDatabase");
        DatabaseInput input = lookup.require(request.databaseInput(), "databaseInput");
        refuseLinks(input, "CreateDatabase");
        GlueTags.check(request.tags(), errors);
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
        lookup.catalog(request.catalogId(), "GetDatabase");
        return GetDatabaseResponse.builder().database(lookup.database(request.name()).database).build();
    }

    /**
     * The account's databases. ResourceShareType FOREIGN or FEDERATED lists the databases shared with the
     * account, of which the fake has none (it models no Lake Formation sharing); ALL adds them to the
     * account's own. AttributesToGet NAME returns only the names (API_GetDatabases).
     */
    GetDatabasesResponse getDatabases(GetDatabasesRequest request) {
        lookup.catalog(request.catalogId(), "GetDatabases");
        boolean onlyNames = attributes(request.hasAttributesToGet() ? request.attributesToGetAsStrings() : null,
                List.of("NAME", "TARGET_DATABASE"));
        String share = request.resourceShareTypeAsString();
        if (share != null && !List.of("FOREIGN", "ALL", "FEDERATED").contains(share)) {
            throw errors.invalid("1 validation error detected: Value '" + share + "' at 'resourceShareType' failed to "
                    + "satisfy constraint: Member must satisfy enum value set: [FEDERATED, FOREIGN, ALL]");
        }
        List<Database> all = "FOREIGN".equals(share) || "FEDERATED".equals(share) ? List.of()
                : world.catalog().databases().stream().map(d -> d.database).toList();
        Paging.Page<Database> page = Paging.pageByKey(all, Database::name, request.nextToken(), request.maxResults(), 100,
                errors);
        // No database of the fake is a resource link, so TARGET_DATABASE adds nothing to the name.
        List<Database> items = onlyNames
                ? page.items().stream().map(d -> Database.builder().name(d.name()).build()).toList() : page.items();
        return GetDatabasesResponse.builder().databaseList(items).nextToken(page.nextToken()).build();
    }

    DeleteDatabaseResponse deleteDatabase(DeleteDatabaseRequest request) {
        lookup.catalog(request.catalogId(), "DeleteDatabase");
        world.catalog().removeDatabase(lookup.database(request.name()).database.name());
        return DeleteDatabaseResponse.builder().build();
    }

    CreateTableResponse createTable(CreateTableRequest request) {
        lookup.catalog(request.catalogId(), "CreateTable");
        // Governed tables' transactions and Glue-created Iceberg tables: neither is modelled, and the table
        // created without them would differ from Glue's.
        lookup.refuse(request.transactionId(), "CreateTable", "a TransactionId (governed tables)");
        lookup.refuse(request.openTableFormatInput(), "CreateTable", "OpenTableFormatInput (Glue-created Iceberg tables)");
        CatalogStore.DatabaseEntry db = lookup.database(request.databaseName());
        TableInput input = lookup.require(request.tableInput(), "tableInput");
        String name = lookup.name(input.name(), "tableInput.name");
        sameName(request.name(), name, "CreateTable");
        refuseLinks(input, "CreateTable");
        columns(input, "table");
        if (db.tables.containsKey(name)) {
            throw errors.alreadyExists("Table already exists.");
        }
        world.catalog().putTable(table(db.database.name(), input, now(), now()));
        return CreateTableResponse.builder().build();
    }

    GetTableResponse getTable(GetTableRequest request) {
        lookup.catalog(request.catalogId(), "GetTable");
        refuseTimeTravel(request.transactionId(), request.queryAsOfTime(), "GetTable");
        // GetTable's AttributesToGet includes LATEST_ICEBERG_METADATA, read from the table's Iceberg metadata file.
        lookup.refuse(request.hasAttributesToGet() ? request.attributesToGetAsStrings() : null, "GetTable",
                "AttributesToGet");
        return GetTableResponse.builder().table(lookup.table(request.databaseName(), request.name()).table).build();
    }

    /**
     * The database's tables whose names match Expression ({@link TableNamePattern}), paged; AttributesToGet
     * NAME returns only the names, NAME and TABLE_TYPE the names and types (API_GetTables).
     */
    GetTablesResponse getTables(GetTablesRequest request) {
        lookup.catalog(request.catalogId(), "GetTables");
        refuseTimeTravel(request.transactionId(), request.queryAsOfTime(), "GetTables");
        // The fake shares nothing through Lake Formation; ALL (own and shared tables) is the default answer.
        if (request.resourceShareType() != null && !"ALL".equals(request.resourceShareTypeAsString())) {
            throw lookup.unsupported("GetTables", "ResourceShareType " + request.resourceShareTypeAsString()
                    + " (tables shared through Lake Formation)");
        }
        boolean onlyNames = attributes(request.hasAttributesToGet() ? request.attributesToGetAsStrings() : null,
                List.of("NAME", "TABLE_TYPE"));
        boolean withType = onlyNames && request.attributesToGetAsStrings().contains("TABLE_TYPE");
        java.util.function.Predicate<String> matches = name -> true;
        if (request.expression() != null) {
            try {
                matches = TableNamePattern.parse(request.expression());
            } catch (java.util.regex.PatternSyntaxException e) {
                throw errors.invalid("Expression " + request.expression() + " is not a valid regular expression: "
                        + e.getDescription());
            }
        }
        java.util.function.Predicate<String> filter = matches;
        List<Table> all = lookup.database(request.databaseName()).tables.values().stream().map(t -> t.table)
                .filter(t -> filter.test(t.name())).toList();
        Paging.Page<Table> page = Paging.pageByKey(all, Table::name, request.nextToken(), request.maxResults(), 100, errors);
        List<Table> items = onlyNames ? page.items().stream().map(t -> Table.builder().name(t.name())
                .tableType(withType ? t.tableType() : null).build()).toList() : page.items();
        return GetTablesResponse.builder().tableList(items).nextToken(page.nextToken()).build();
    }

    UpdateTableResponse updateTable(UpdateTableRequest request) {
        lookup.catalog(request.catalogId(), "UpdateTable");
        lookup.refuse(request.viewUpdateAction(), "UpdateTable", "ViewUpdateAction (multi-dialect views)");
        lookup.refuse(request.updateOpenTableFormatInput(), "UpdateTable",
                "UpdateOpenTableFormatInput (Glue-managed Iceberg tables)");
        TableInput input = lookup.require(request.tableInput(), "tableInput");
        sameName(request.name(), lookup.name(input.name(), "tableInput.name"), "UpdateTable");
        refuseLinks(input, "UpdateTable");
        columns(input, "tableInput");
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
        lookup.catalog(request.catalogId(), "DeleteTable");
        lookup.refuse(request.transactionId(), "DeleteTable", "a TransactionId (governed tables)");
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
        lookup.catalog(request.catalogId(), "UpdateDatabase");
        CatalogStore.DatabaseEntry db = lookup.database(request.name());
        DatabaseInput input = lookup.require(request.databaseInput(), "databaseInput");
        refuseLinks(input, "UpdateDatabase");
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
        lookup.catalog(request.catalogId(), "BatchDeleteTable");
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
        // Glue refuses Parameters on a partition key column: "InvalidInputException: Parameters not supported for
        // partition columns" (real response quoted in apache/incubator-xtable#697).
        for (Column key : input.partitionKeys()) {
            if (key.hasParameters() && !key.parameters().isEmpty()) {
                throw errors.invalid("Parameters not supported for partition columns");
            }
        }
        return Table.builder().name(lookup.name(input.name(), "tableInput.name")).databaseName(database)
                .description(input.description()).owner(input.owner()).createTime(created).updateTime(updated)
                .lastAccessTime(input.lastAccessTime()).lastAnalyzedTime(input.lastAnalyzedTime()).retention(input.retention())
                .viewOriginalText(input.viewOriginalText()).viewExpandedText(input.viewExpandedText())
                .storageDescriptor(input.storageDescriptor()).partitionKeys(input.partitionKeys())
                .tableType(input.tableType()).parameters(input.parameters()).catalogId(world.accountId())
                .isRegisteredWithLakeFormation(false).build();
    }

    /**
     * Checks the columns and partition keys against API_Column: Name 1-255 characters, Name, Type and Comment of
     * the single-line string pattern. Glue reports every violation at once with 1-based member paths, as in its
     * CreateTable answer "at 'table.storageDescriptor.columns.24.member.type' failed to satisfy constraint: Member must
     * satisfy regular expression pattern" (LBHackney-IT/Data-Platform#2369, moj-analytical-services/etl_manager#90).
     */
    private void columns(TableInput input, String prefix) {
        List<String> problems = new ArrayList<>();
        if (input.storageDescriptor() != null) {
            columns(input.storageDescriptor().columns(), prefix + ".storageDescriptor.columns", problems);
        }
        columns(input.partitionKeys(), prefix + ".partitionKeys", problems);
        if (!problems.isEmpty()) {
            throw lookup.validationErrors(problems);
        }
    }

    private static void columns(List<Column> columns, String path, List<String> problems) {
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String member = path + "." + (i + 1) + ".member.";
            String length = io.dataplatform.testing.internal.RequestConstraints.lengthProblem(member + "name",
                    column.name(), 1, 255);
            if (length != null) {
                problems.add(length);
            }
            for (String problem : new String[] {CatalogLookup.singleLineProblem(column.name(), member + "name"),
                    CatalogLookup.singleLineProblem(column.type(), member + "type"),
                    CatalogLookup.singleLineProblem(column.comment(), member + "comment")}) {
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
    }

    /**
     * Checks AttributesToGet: not empty, NAME among them, each one of {@code valid} (API_GetTables,
     * API_GetDatabases). Returns whether the caller asked for names (and types) rather than whole entries.
     */
    private boolean attributes(List<String> requested, List<String> valid) {
        if (requested == null) {
            return false;
        }
        for (String attribute : requested) {
            if (!valid.contains(attribute)) {
                throw errors.invalid("1 validation error detected: Value '" + requested + "' at 'attributesToGet' failed "
                        + "to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: "
                        + valid + "]");
            }
        }
        if (!requested.contains("NAME")) {
            throw errors.invalid("AttributesToGet must include NAME, but was " + requested);
        }
        return true;
    }

    /** Governed tables' reads at a transaction or a point in time, which the fake does not keep. */
    private void refuseTimeTravel(String transactionId, Instant queryAsOfTime, String operation) {
        lookup.refuse(transactionId, operation, "a TransactionId (governed tables)");
        lookup.refuse(queryAsOfTime, operation, "QueryAsOfTime (governed tables)");
    }

    /**
     * Resource links, federated entries and multi-dialect views make Glue answer from somewhere else or
     * with a different shape; stored as plain entries they would answer as the fake's own.
     */
    private void refuseLinks(DatabaseInput input, String operation) {
        lookup.refuse(input.targetDatabase(), operation, "DatabaseInput.TargetDatabase (resource links)");
        lookup.refuse(input.federatedDatabase(), operation, "DatabaseInput.FederatedDatabase (federated databases)");
    }

    private void refuseLinks(TableInput input, String operation) {
        lookup.refuse(input.targetTable(), operation, "TableInput.TargetTable (resource links)");
        lookup.refuse(input.federatedTable(), operation, "TableInput.FederatedTable (federated tables)");
        lookup.refuse(input.viewDefinition(), operation, "TableInput.ViewDefinition (multi-dialect views)");
    }

    /** The request's Name names the table too; one that differs from TableInput.Name would be a second table name. */
    private void sameName(String requestName, String inputName, String operation) {
        if (requestName != null && !CatalogLookup.lower(requestName).equals(inputName)) {
            throw lookup.unsupported(operation, "Name '" + requestName + "' differing from TableInput.Name '" + inputName
                    + "'");
        }
    }

    private Instant now() {
        return world.clock().instant();
    }
}
