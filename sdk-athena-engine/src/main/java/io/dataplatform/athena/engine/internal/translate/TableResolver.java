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

    /**
     * Called for each column of a resolved table the statement reads (a column may be reported more than
     * once), with the table's name parts as given to {@link #resolve}: what Athena scans of a columnar
     * file. A {@code count(*)} reads no column. Does nothing unless the engine overrides it.
     */
    default void columnRead(List<String> nameParts, String column) {
    }
}
