package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import java.util.function.Consumer;

/**
 * A handle on one catalog table.
 *
 * <pre>{@code
 * Table sales = platform.glue().database("sales").table("sales");
 * sales.schema().columns();
 * sales.partitions().list("year = '2024' AND month IN ('01','02')");
 * }</pre>
 */
public interface Table {

    /** Returns the database name. */
    String database();

    /** Returns the table name. */
    String name();

    /**
     * Creates the table.
     *
     * @throws io.dataplatform.ResourceAlreadyExistsException if it exists
     * @throws io.dataplatform.ResourceNotFoundException if the database does not exist
     */
    Table create(TableDefinition definition);

    /** Creates the table from a definition set on a builder. */
    default Table create(Consumer<TableDefinition.Builder> definition) {
        Checks.notNull(definition, "definition");
        TableDefinition.Builder builder = TableDefinition.builder();
        definition.accept(builder);
        return create(builder.build());
    }

    /** Returns the table as stored, with its create and update times. */
    TableInfo info();

    /** Returns the table's definition. */
    default TableDefinition definition() {
        return info().definition();
    }

    /** Returns the table's columns and partition keys. */
    default Schema schema() {
        return definition().schema();
    }

    /** Returns true if the table exists. */
    boolean exists();

    /** Replaces the table's definition. */
    Table update(TableDefinition definition);

    /** Changes the current definition with {@code change} and stores it. */
    default Table update(Consumer<TableDefinition.Builder> change) {
        Checks.notNull(change, "change");
        TableDefinition.Builder builder = definition().toBuilder();
        change.accept(builder);
        return update(builder.build());
    }

    /** Deletes the table and its partitions. */
    void delete();

    /** Returns the table's partitions. */
    Partitions partitions();
}
