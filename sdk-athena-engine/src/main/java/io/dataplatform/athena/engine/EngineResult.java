package io.dataplatform.athena.engine;

import io.dataplatform.athena.engine.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The answer to one statement run by {@link AthenaEngine}.
 *
 * @param columns       the result columns, in order
 * @param rows          the rows; each has one value per column, as Athena's GetQueryResults prints it, or
 *                      {@code null} for SQL NULL
 * @param bytesScanned  the bytes Athena bills for the statement's reads (see {@link AthenaEngine}), before
 *                      the 10 MB minimum, which is billing, applied by the caller
 * @param statementType Athena's statement type: {@code DML} for queries
 */
public record EngineResult(List<EngineColumn> columns, List<List<String>> rows, long bytesScanned, String statementType) {
    /** Copies the lists (rows may hold nulls) and validates their shape. */
    public EngineResult {
        columns = List.copyOf(columns);
        List<List<String>> copies = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            Checks.require(row.size() == columns.size(), "Invalid row %s: must have %d values, one per column",
                    row, columns.size());
            copies.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copies);
        Checks.nonNegative(bytesScanned, "bytesScanned");
        Checks.notEmpty(statementType, "statementType");
    }

    /** Returns the column names, in order. */
    public List<String> columnNames() {
        return columns.stream().map(EngineColumn::name).toList();
    }
}
