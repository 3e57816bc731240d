package io.dataplatform.athena.engine.internal.translate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement Athena (Trino) rejects, with Athena's error name and position. The message has Athena's
 * shape: {@code "<ERROR_TYPE>: line L:C: <Trino's message>"}, or {@code "<ERROR_TYPE>: <message>"} for
 * errors raised while the query runs (Trino gives those no position).
 */
public final class AthenaSqlException extends RuntimeException {
    private static final Pattern RAISED = Pattern.compile("([A-Z_]+): (.*)", Pattern.DOTALL);
    private static final Pattern OVERFLOW = Pattern.compile(
            "Overflow in (addition|subtraction|multiplication) of (INT64|INT32|INT16|INT8) \\((.*?)\\)");
    private static final Pattern SUM_OVERFLOW = Pattern.compile(
            "Type INT128 with value -?[0-9]+ can't be cast because the value is out of range for the destination type INT64");
    private static final long serialVersionUID = 1L;

    private final String errorType;
    private final int line;
    private final int column;

    /** Creates the error; {@code line} and {@code column} are 1-based, or 0 when the error has no position. */
    public AthenaSqlException(String errorType, int line, int column, String message) {
        super(errorType + ": " + (line > 0 ? "line " + line + ":" + column + ": " : "") + message);
        this.errorType = errorType;
        this.line = line;
        this.column = column;
    }

    /** Athena's error name: SYNTAX_ERROR, COLUMN_NOT_FOUND, TABLE_NOT_FOUND, TYPE_MISMATCH, ... */
    public String errorType() {
        return errorType;
    }

    /** The 1-based line of the offending text, or 0. */
    public int line() {
        return line;
    }

    /** The 1-based column of the offending text, or 0. */
    public int column() {
        return column;
    }

    /**
     * Recognises an error the translated SQL raised while running on DuckDB (the translation raises
     * Trino's runtime errors with DuckDB's {@code error('<ERROR_TYPE>: message')}); empty for any other
     * DuckDB error, which the engine must report as an internal error, never as Athena's.
     */
    public static Optional<AthenaSqlException> fromDuckDbMessage(String duckDbMessage) {
        if (duckDbMessage == null) {
            return Optional.empty();
        }
        Matcher overflow = OVERFLOW.matcher(duckDbMessage);
        if (overflow.find()) {
            String type = overflow.group(2).equals("INT64") ? "bigint" : overflow.group(2).equals("INT32") ? "integer"
                    : overflow.group(2).equals("INT16") ? "smallint" : "tinyint";
            return Optional.of(new AthenaSqlException("NUMERIC_VALUE_OUT_OF_RANGE", 0, 0, type + " " + overflow.group(1)
                    + " overflow: " + overflow.group(3)));
        }
        if (SUM_OVERFLOW.matcher(duckDbMessage).find()) {
            // sum(bigint) runs on 128-bit integers in DuckDB; Trino's bigint sum overflows.
            return Optional.of(new AthenaSqlException("NUMERIC_VALUE_OUT_OF_RANGE", 0, 0, "bigint addition overflow"));
        }
        if (duckDbMessage.contains("Out of Range Error: Overflow in ") && duckDbMessage.contains(" of DECIMAL(")) {
            return Optional.of(new AthenaSqlException("NUMERIC_VALUE_OUT_OF_RANGE", 0, 0, "Decimal overflow"));
        }
        int range = duckDbMessage.indexOf("Out of Range Error: ");
        if (range >= 0) {
            return Optional.of(new AthenaSqlException("NUMERIC_VALUE_OUT_OF_RANGE", 0, 0,
                    duckDbMessage.substring(range + "Out of Range Error: ".length()).strip()));
        }
        int start = duckDbMessage.indexOf("Invalid Input Error: ");
        if (start < 0) {
            return Optional.empty();
        }
        String raised = duckDbMessage.substring(start + "Invalid Input Error: ".length()).strip();
        Matcher m = RAISED.matcher(raised);
        if (!m.matches() || !Errors.RUNTIME_TYPES.contains(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(new AthenaSqlException(m.group(1), 0, 0, m.group(2)));
    }
}
