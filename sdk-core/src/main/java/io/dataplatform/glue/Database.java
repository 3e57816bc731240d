package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A handle on one catalog database. Methods call Glue; the handle itself holds no state. */
public interface Database {

    /** Returns the database name. */
    String name();

    /**
     * Creates the database.
     *
     * @throws io.dataplatform.ResourceAlreadyExistsException if it exists
     */
    Database create(DatabaseOptions options);

    /** Creates the database with options set on a builder. */
    default Database create(Consumer<DatabaseOptions.Builder> options) {
        Checks.notNull(options, "options");
        DatabaseOptions.Builder builder = DatabaseOptions.builder();
        options.accept(builder);
        return create(builder.build());
    }

    /** Creates the database without description or location. */
    default Database create() {
        return create(DatabaseOptions.defaults());
    }

    /**
     * Returns the database's details.
     *
     * @throws io.dataplatform.ResourceNotFoundException if it does not exist
     */
    DatabaseInfo info();

    /** Returns true if the database exists. */
    boolean exists();

    /** Deletes the database and, as Glue does, all its tables and partitions. */
    void delete();

    /**
     * Returns a handle on the table {@code name} in this database.
     *
     * @throws IllegalArgumentException if the name breaks Glue's naming rules
     */
    Table table(String name);

    /** Returns the database's tables, fetching pages of GetTables lazily as the stream is consumed. */
    Stream<TableInfo> tables();
}
