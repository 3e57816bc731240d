package io.dataplatform.testing.internal.glue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * The Data Catalog of one world: databases, their tables and partitions, held as the AWS SDK's own
 * (immutable) model objects. Not thread-safe by itself: {@link GlueWorld} serialises access.
 */
final class CatalogStore {
    private final Map<String, DatabaseEntry> databases = new TreeMap<>();

    /** A database and its tables by name. */
    static final class DatabaseEntry {
        Database database;
        final Map<String, TableEntry> tables = new TreeMap<>();

        DatabaseEntry(Database database) {
            this.database = database;
        }
    }

    /** A table, its versions and its partitions, in the order they were added. */
    static final class TableEntry {
        /** The current version, also the newest entry of {@link #versions}. */
        Table table;
        /** Every kept version by number, the current one included (GetTableVersions lists it too). */
        final NavigableMap<Integer, Table> versions = new TreeMap<>();
        private final Map<List<String>, Long> added = new HashMap<>();
        private long addedCount;
        /** Partitions by values; a partition new to the map (or added again after a removal) is numbered. */
        final Map<List<String>, Partition> partitions = new LinkedHashMap<>() {
            @Override
            public Partition put(List<String> values, Partition partition) {
                if (!containsKey(values)) {
                    added.put(values, ++addedCount);
                }
                return super.put(values, partition);
            }
        };

        /** A new table is version 0, as GetTable shows for a table no update has touched. */
        TableEntry(Table table) {
            this.table = table.toBuilder().versionId("0").build();
            versions.put(0, this.table);
        }

        /**
         * Makes {@code next} the current version, numbered one above the current; the current one is
         * kept as an archived version unless {@code archive} is false (UpdateTable's SkipArchive).
         */
        void update(Table next, boolean archive) {
            int current = Integer.parseInt(table.versionId());
            if (!archive) {
                versions.remove(current);
            }
            table = next.toBuilder().versionId(Integer.toString(current + 1)).build();
            versions.put(current + 1, table);
        }

        /** Returns a key that orders the partitions as they were added, stable while others come and go. */
        String addedKey(Partition partition) {
            return String.format("%019d", added.get(partition.values()));
        }
    }

    Optional<DatabaseEntry> database(String name) {
        return Optional.ofNullable(databases.get(name));
    }

    List<DatabaseEntry> databases() {
        return new ArrayList<>(databases.values());
    }

    void putDatabase(Database database) {
        databases.put(database.name(), new DatabaseEntry(database));
    }

    void removeDatabase(String name) {
        databases.remove(name);
    }

    Optional<TableEntry> table(String database, String table) {
        return database(database).map(d -> d.tables.get(table));
    }

    /**
     * Stores {@code table}, keeping the partitions of the table it replaces and that table as an
     * archived version, as UpdateTable does by default (and crawler updates, which go through it).
     */
    void putTable(Table table) {
        DatabaseEntry db = databases.get(table.databaseName());
        TableEntry existing = db.tables.get(table.name());
        if (existing == null) {
            db.tables.put(table.name(), new TableEntry(table));
        } else {
            existing.update(table, true);
        }
    }

    /** Replaces the definition of an existing table without archiving the one it replaces (SkipArchive). */
    void replaceTable(Table table) {
        databases.get(table.databaseName()).tables.get(table.name()).update(table, false);
    }

    void removeTable(String database, String table) {
        databases.get(database).tables.remove(table);
    }
}
