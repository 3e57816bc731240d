package io.dataplatform.athena.engine.internal.translate;

import java.util.List;

/** Finds the tables a statement reads; supplied by the engine. */
public interface TableResolver {
    /**
     * Maps a table reference (its catalog/database/table parts as written, lowercased) to the DuckDB
     * relation to read and the table's columns; throws {@link AthenaSqlException} TABLE_NOT_FOUND
     * ({@code "Table 'awsdatacatalog.sales.nope' does not exist"}) when there is no such table.
     */
    ResolvedTable resolve(List<String> nameParts);
}
