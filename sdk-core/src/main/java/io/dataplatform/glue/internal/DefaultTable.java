package io.dataplatform.glue.internal;

import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.glue.Partitions;
import io.dataplatform.glue.Table;
import io.dataplatform.glue.TableDefinition;
import io.dataplatform.glue.TableInfo;
import java.util.Objects;

/** A table handle. */
final class DefaultTable implements Table {
    private final DefaultGlueCatalog.GlueAccess glue;
    private final String database;
    private final String name;

    DefaultTable(DefaultGlueCatalog.GlueAccess glue, String database, String name) {
        this.glue = glue;
        this.database = database;
        this.name = name;
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Table create(TableDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        glue.create("CreateTable", resource(), "AlreadyExistsException",
                c -> c.createTable(r -> r.databaseName(database).tableInput(GlueMapping.tableInput(name, definition))));
        return this;
    }

    @Override
    public TableInfo info() {
        return GlueMapping.table(glue.call("GetTable", resource(),
                c -> c.getTable(r -> r.databaseName(database).name(name))).table());
    }

    @Override
    public boolean exists() {
        try {
            glue.call("GetTable", resource(), c -> c.getTable(r -> r.databaseName(database).name(name)));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    @Override
    public Table update(TableDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        glue.call("UpdateTable", resource(),
                c -> c.updateTable(r -> r.databaseName(database).tableInput(GlueMapping.tableInput(name, definition))));
        return this;
    }

    @Override
    public void delete() {
        glue.call("DeleteTable", resource(), c -> c.deleteTable(r -> r.databaseName(database).name(name)));
    }

    @Override
    public Partitions partitions() {
        return new DefaultPartitions(glue, this);
    }

    String resource() {
        return database + "." + name;
    }

    @Override
    public String toString() {
        return "Table[" + resource() + "]";
    }
}
