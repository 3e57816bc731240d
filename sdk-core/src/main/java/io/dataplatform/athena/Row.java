package io.dataplatform.athena;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One result row. Getters take a column name (case-insensitive) and return null for SQL NULL; each
 * typed getter accepts the Athena types it can read without loss and fails naming the column and its
 * type otherwise.
 *
 * <pre>{@code
 * result.rows().forEach(row -> System.out.println(row.string("region") + " " + row.decimal("total")));
 * }</pre>
 */
public interface Row {

    /** Returns the result's columns. */
    List<ResultColumn> columns();

    /** Returns true if the value of {@code column} is SQL NULL. */
    boolean isNull(String column);

    /** Returns the value as Athena printed it, whatever its type. */
    String string(String column);

    /** Returns the value of column number {@code index} (0-based) as Athena printed it. */
    String string(int index);

    /** Reads a {@code tinyint}, {@code smallint} or {@code integer}. */
    Integer integer(String column);

    /** Reads any integer type up to {@code bigint}. */
    Long bigint(String column);

    /** Reads a {@code double}, {@code real}/{@code float}, {@code decimal} or integer type. */
    Double doubleValue(String column);

    /** Reads a {@code decimal}, integer, {@code double} or {@code real} exactly as printed. */
    BigDecimal decimal(String column);

    /** Reads a {@code boolean}. */
    Boolean booleanValue(String column);

    /** Reads a {@code date} ({@code 2024-01-31}). */
    LocalDate date(String column);

    /** Reads a {@code timestamp} ({@code 2024-01-31 12:34:56.789}). */
    LocalDateTime timestamp(String column);

    /** Reads an {@code array} ({@code [a, b, c]}) as its elements' text. */
    List<String> array(String column);
}
