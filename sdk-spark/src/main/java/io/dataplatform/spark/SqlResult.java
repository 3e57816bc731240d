package io.dataplatform.spark;

import io.dataplatform.spark.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The answer to one statement run by {@link SqlEngine}: the columns, the rows as Athena's text
 * values ({@code null} for SQL NULL), and what the scan cost.
 *
 * @param columns the result columns, in order
 * @param rows the rows; each has one value per column, Athena's text form or {@code null}
 * @param bytesScanned the bytes Spark read from S3 (see {@link SqlEngine} for how it is measured)
 * @param executionTime how long the statement took on the engine's clock
 */
public record SqlResult(List<SqlColumn> columns, List<List<String>> rows, long bytesScanned, Duration executionTime) {
    /** Copies the lists (rows may hold nulls) and validates the shape. */
    public SqlResult {
        columns = List.copyOf(columns);
        List<List<String>> copies = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            Checks.require(row.size() == columns.size(), "Invalid row %s: must have %d values, one per column",
                    row, columns.size());
            copies.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copies);
        Checks.nonNegative(bytesScanned, "bytesScanned");
        Checks.notNull(executionTime, "executionTime");
    }

    /** Returns the column names, in order. */
    public List<String> columnNames() {
        return columns.stream().map(SqlColumn::name).toList();
    }
}
