package io.dataplatform.glue;

import java.time.Instant;

/**
 * A table as the catalog lists it.
 *
 * @param database   the database name
 * @param name       the table name
 * @param definition schema, location, format and properties
 * @param createTime when the table was created
 * @param updateTime when it was last updated (the create time if never)
 */
public record TableInfo(String database, String name, TableDefinition definition, Instant createTime,
                        Instant updateTime) {

    /** Returns the table's {@code classification} property ({@code csv}, {@code json}, {@code parquet}), or empty. */
    public String classification() {
        return definition.parameters().getOrDefault("classification", "");
    }
}
