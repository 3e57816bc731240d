package io.dataplatform.testing.internal.glue;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.*;

/**
 * GetTableVersions, GetTableVersion and DeleteTableVersion over the versions {@link CatalogStore}
 * keeps: version 0 from CreateTable, one more per UpdateTable (or crawler update) unless SkipArchive.
 * Callers hold the world's lock.
 */
final class TableVersionOperations {
    /** GetTableVersions' MaxResults range is 1-100 (API_GetTableVersions). */
    static final int MAX_RESULTS = 100;

    private final GlueErrors errors;
    private final CatalogLookup lookup;

    TableVersionOperations(GlueWorld world, CatalogLookup lookup) {
        this.errors = world.errors();
        this.lookup = lookup;
    }

    /** Lists the kept versions oldest first, the current one last. */
    GetTableVersionsResponse getTableVersions(GetTableVersionsRequest request) {
        lookup.catalog(request.catalogId(), "GetTableVersions");
        CatalogStore.TableEntry table = lookup.table(request.databaseName(), request.tableName());
        List<TableVersion> all = table.versions.entrySet().stream().map(TableVersionOperations::version).toList();
        Paging.Page<TableVersion> page = Paging.pageByKey(all, v -> String.format("%010d", Integer.parseInt(v.versionId())),
                request.nextToken(), request.maxResults(), MAX_RESULTS, errors);
        return GetTableVersionsResponse.builder().tableVersions(page.items()).nextToken(page.nextToken()).build();
    }

    /** Returns the version asked for, or the current one when no VersionId is given. */
    GetTableVersionResponse getTableVersion(GetTableVersionRequest request) {
        lookup.catalog(request.catalogId(), "GetTableVersion");
        CatalogStore.TableEntry table = lookup.table(request.databaseName(), request.tableName());
        if (request.versionId() == null) {
            return GetTableVersionResponse.builder().tableVersion(version(Map.entry(
                    Integer.parseInt(table.table.versionId()), table.table))).build();
        }
        int id = number(request.versionId());
        return GetTableVersionResponse.builder().tableVersion(version(Map.entry(id, existing(table, id)))).build();
    }

    /** Deletes an archived version; the current version is refused, as what Glue then returns is not documented. */
    DeleteTableVersionResponse deleteTableVersion(DeleteTableVersionRequest request) {
        lookup.catalog(request.catalogId(), "DeleteTableVersion");
        CatalogStore.TableEntry table = lookup.table(request.databaseName(), request.tableName());
        int id = number(lookup.require(request.versionId(), "versionId"));
        existing(table, id);
        if (request.versionId().equals(table.table.versionId())) {
            throw errors.error(501, "NotImplemented", "Deleting the current version of a table is not supported by the "
                    + "fake Glue (version " + id + " of " + table.table.databaseName() + "." + table.table.name() + ")");
        }
        table.versions.remove(id);
        return DeleteTableVersionResponse.builder().build();
    }

    private Table existing(CatalogStore.TableEntry table, int id) {
        Table version = table.versions.get(id);
        if (version == null) {
            throw errors.notFound("Version not found.");
        }
        return version;
    }

    /** A VersionId is "a string representation of an integer" (API_DeleteTableVersion); anything else is invalid. */
    private int number(String versionId) {
        try {
            return Integer.parseInt(versionId);
        } catch (NumberFormatException e) {
            throw errors.invalid("Invalid VersionId '" + versionId + "': must be a string representation of an integer");
        }
    }

    private static TableVersion version(Map.Entry<Integer, Table> entry) {
        return TableVersion.builder().versionId(Integer.toString(entry.getKey())).table(entry.getValue()).build();
    }
}
