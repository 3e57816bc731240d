package io.dataplatform.testing.athena;

import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * What an AthenaClient answered to one statement, as the conformance files write it: the
 * ColumnInfo types ({@code decimal(p,s)} for decimals) and text rows, or the failure's
 * StateChangeReason (or, for a query that does not parse, StartQueryExecution's refusal).
 */
record AthenaAnswer(List<String> types, List<List<String>> rows, String failure) {
    private static final int MAX_POLLS = 600;
    private static final String REFUSED = "StartQueryExecution refused it: ";

    /** Runs {@code sql} in {@code database} through the raw client, advancing the fake clock until it ends. */
    static AthenaAnswer of(FakeAws aws, String database, String outputLocation, String sql) {
        AthenaClient athena = aws.athena();
        String id;
        try {
            id = athena.startQueryExecution(r -> r.queryString(sql).queryExecutionContext(c -> c.database(database))
                    .resultConfiguration(o -> o.outputLocation(outputLocation))).queryExecutionId();
        } catch (AthenaException e) {
            return new AthenaAnswer(null, null, REFUSED + e.getMessage());
        }
        QueryExecutionStatus status = athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().status();
        for (int poll = 0; poll < MAX_POLLS && !done(status.state()); poll++) {
            aws.clock().advance(Duration.ofSeconds(1));
            status = athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().status();
        }
        if (status.state() != QueryExecutionState.SUCCEEDED) {
            return new AthenaAnswer(null, null, status.state() + " " + status.stateChangeReason());
        }
        List<String> types = null;
        List<List<String>> rows = new ArrayList<>();
        String token = null;
        boolean header = true;
        do {
            String page = token;
            GetQueryResultsResponse response = athena.getQueryResults(r -> r.queryExecutionId(id).nextToken(page));
            if (types == null) {
                types = response.resultSet().resultSetMetadata().columnInfo().stream().map(AthenaAnswer::type).toList();
            }
            for (Row row : response.resultSet().rows()) {
                if (header) {   // a SELECT's first row holds the column names
                    header = false;
                    continue;
                }
                rows.add(row.data().stream().map(Datum::varCharValue).toList());
            }
            token = response.nextToken();
        } while (token != null);
        return new AthenaAnswer(types, rows, null);
    }

    private static boolean done(QueryExecutionState state) {
        return state != QueryExecutionState.QUEUED && state != QueryExecutionState.RUNNING;
    }

    private static String type(ColumnInfo column) {
        String type = column.type();
        return type.equalsIgnoreCase("decimal") ? "decimal(" + column.precision() + "," + column.scale() + ")" : type;
    }

    /** Whether this answer is the one the case expects. */
    boolean matches(ConformanceCase expected) {
        if (expected.expectsError()) {
            int colon = expected.error().indexOf(": ");
            String name = colon < 0 ? expected.error() : expected.error().substring(0, colon);
            String message = colon < 0 ? "" : expected.error().substring(colon + 2);
            if (failure != null && failure.startsWith(REFUSED) && name.equals("SYNTAX_ERROR")) {
                // A query that does not parse is refused by StartQueryExecution itself, with the parser's message.
                return failure.contains(message);
            }
            if (failure == null || !failure.startsWith("FAILED ")) {
                return false;
            }
            String reason = failure.substring("FAILED ".length());
            return reason.startsWith(name + ":") && reason.contains(message);
        }
        if (failure != null || !expected.types().equals(types)) {
            return false;
        }
        return expected.unordered() ? sorted(expected.rows()).equals(sorted(rows)) : expected.rows().equals(rows);
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        Comparator<List<String>> byText = Comparator.comparing(r -> ConformanceCase.formatRow(r));
        return rows.stream().sorted(byText).toList();
    }

    /** The expectation of a case, worded like {@link #toString()}. */
    static String describe(ConformanceCase c) {
        return c.expectsError() ? "error " + c.error()
                : "types " + c.types() + " rows " + c.rows().stream().map(ConformanceCase::formatRow).toList();
    }

    @Override
    public String toString() {
        return failure != null ? Objects.toString(failure)
                : "types " + types + " rows " + rows.stream().map(ConformanceCase::formatRow).toList();
    }
}
