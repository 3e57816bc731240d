package io.dataplatform.athena.internal;

import io.dataplatform.athena.QueryResult;
import io.dataplatform.athena.QueryStatistics;
import io.dataplatform.athena.ResultColumn;
import io.dataplatform.athena.Row;
import io.dataplatform.cost.Money;
import io.dataplatform.internal.Checks;
import io.dataplatform.internal.Lazy;
import io.dataplatform.internal.Pages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;

/**
 * Rows read from GetQueryResults, 1,000 per page (Athena's maximum). For a SELECT the first row of
 * the first page holds the column labels, not data ("the first row of the results contains the
 * column headers"), and is skipped.
 */
final class DefaultQueryResult implements QueryResult {
    static final int PAGE_SIZE = 1000;

    private final AthenaContext context;
    private final RowMapper mapper;
    private final String id;
    private final boolean headerRow;
    private final QueryStatistics statistics;
    private final Money cost;
    private final Lazy<GetQueryResultsResponse> firstPage;
    private final Lazy<DefaultRow.Columns> columns;

    DefaultQueryResult(AthenaContext context, RowMapper mapper, String id, boolean headerRow,
                       QueryStatistics statistics, Money cost) {
        this.context = context;
        this.mapper = mapper;
        this.id = id;
        this.headerRow = headerRow;
        this.statistics = statistics;
        this.cost = cost;
        this.firstPage = Lazy.of(() -> fetch(null));
        this.columns = Lazy.of(() -> columnsOf(firstPage.get()));
    }

    @Override
    public String queryExecutionId() {
        return id;
    }

    @Override
    public List<ResultColumn> columns() {
        return columns.get().list();
    }

    @Override
    public Stream<Row> rows() {
        return defaultRows().map(Row.class::cast);
    }

    private Stream<DefaultRow> defaultRows() {
        return Pages.<String, DefaultRow>stream(token -> token == null ? page(firstPage.get(), true) : page(fetch(token), false));
    }

    @Override
    public <T> List<T> as(Class<T> type) {
        try (Stream<T> rows = stream(type)) {
            return rows.toList();
        }
    }

    @Override
    public <T> Stream<T> stream(Class<T> type) {
        Checks.notNull(type, "type");
        return defaultRows().map(row -> mapper.map(row, type));
    }

    @Override
    public QueryStatistics statistics() {
        return statistics;
    }

    @Override
    public Money cost() {
        return cost;
    }

    private GetQueryResultsResponse fetch(String token) {
        return context.athenaInvoker().call("GetQueryResults", id, () -> context.athena().get()
                .getQueryResults(r -> r.queryExecutionId(id).nextToken(token).maxResults(PAGE_SIZE)));
    }

    private Pages.Page<String, DefaultRow> page(GetQueryResultsResponse response, boolean first) {
        DefaultRow.Columns cols = columns.get();
        List<DefaultRow> rows = new ArrayList<>();
        List<software.amazon.awssdk.services.athena.model.Row> raw = response.resultSet().rows();
        for (int i = 0; i < raw.size(); i++) {
            List<String> values = raw.get(i).data().stream().map(Datum::varCharValue).toList();
            if (first && i == 0 && headerRow && isHeader(values, cols)) {
                continue;
            }
            rows.add(new DefaultRow(cols, values));
        }
        return new Pages.Page<>(rows, response.nextToken());
    }

    private static boolean isHeader(List<String> values, DefaultRow.Columns columns) {
        return values.equals(columns.list().stream().map(ResultColumn::name).toList());
    }

    private static DefaultRow.Columns columnsOf(GetQueryResultsResponse response) {
        List<ResultColumn> list = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<ColumnInfo> infos = response.resultSet().resultSetMetadata() == null ? List.of()
                : response.resultSet().resultSetMetadata().columnInfo();
        for (ColumnInfo info : infos) {
            String name = info.label() != null ? info.label() : info.name();
            index.putIfAbsent(name.toLowerCase(Locale.ROOT), list.size());
            list.add(new ResultColumn(name, info.type() == null ? "varchar" : info.type().toLowerCase(Locale.ROOT)));
        }
        return new DefaultRow.Columns(List.copyOf(list), Map.copyOf(index));
    }

    @Override
    public String toString() {
        return "QueryResult{id=" + id + ", bytesScanned=" + statistics.bytesScanned() + ", cost=" + cost + "}";
    }
}
