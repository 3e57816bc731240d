package io.dataplatform.glue.internal;

import io.dataplatform.internal.Checks;
import io.dataplatform.internal.Pages;
import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.glue.Database;
import io.dataplatform.glue.DatabaseInfo;
import io.dataplatform.glue.DatabaseOptions;
import io.dataplatform.glue.Table;
import io.dataplatform.glue.TableInfo;
import java.util.stream.Stream;
import software.amazon.awssdk.services.glue.model.DatabaseInput;

/** A database handle. */
final class DefaultDatabase implements Database {
    private final DefaultGlueCatalog.GlueAccess glue;
    private final String name;

    DefaultDatabase(DefaultGlueCatalog.GlueAccess glue, String name) {
        this.glue = glue;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Database create(DatabaseOptions options) {
        Checks.notNull(options, "options");
        DatabaseInput input = DatabaseInput.builder()
                .name(name)
                .description(options.description().isEmpty() ? null : options.description())
                .locationUri(options.locationUri().isEmpty() ? null : options.locationUri())
                .build();
        glue.create("CreateDatabase", name, "AlreadyExistsException", c -> c.createDatabase(r -> r.databaseInput(input)));
        return this;
    }

    @Override
    public DatabaseInfo info() {
        return GlueMapping.database(glue.call("GetDatabase", name, c -> c.getDatabase(r -> r.name(name))).database());
    }

    @Override
    public boolean exists() {
        try {
            info();
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    @Override
    public void delete() {
        glue.call("DeleteDatabase", name, c -> c.deleteDatabase(r -> r.name(name)));
    }

    @Override
    public Table table(String table) {
        return new DefaultTable(glue, name, GlueNames.checkTable(table));
    }

    @Override
    public Stream<TableInfo> tables() {
        return Pages.<String, TableInfo>stream(token -> {
            var response = glue.call("GetTables", name,
                    c -> c.getTables(r -> r.databaseName(name).maxResults(DefaultGlueCatalog.PAGE_SIZE).nextToken(token)));
            return new Pages.Page<>(response.tableList().stream().map(GlueMapping::table).toList(), GlueMapping.token(response.nextToken()));
        });
    }

    @Override
    public String toString() {
        return "Database[" + name + "]";
    }
}
