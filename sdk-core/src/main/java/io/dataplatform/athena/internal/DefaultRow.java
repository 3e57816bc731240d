package io.dataplatform.athena.internal;

import io.dataplatform.athena.ResultColumn;
import io.dataplatform.athena.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** A row of GetQueryResults: the column list is shared by every row of a result. */
final class DefaultRow implements Row {
    private final Columns columns;
    private final List<String> values;

    /** The columns of a result and their positions by lowercase name. */
    record Columns(List<ResultColumn> list, Map<String, Integer> index) {
    }

    DefaultRow(Columns columns, List<String> values) {
        this.columns = columns;
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    @Override
    public List<ResultColumn> columns() {
        return columns.list();
    }

    @Override
    public boolean isNull(String column) {
        return values.get(position(column)) == null;
    }

    @Override
    public String string(String column) {
        return values.get(position(column));
    }

    @Override
    public String string(int index) {
        if (index < 0 || index >= values.size()) {
            throw new IllegalArgumentException("index must be between 0 and " + (values.size() - 1) + ", but was " + index);
        }
        return values.get(index);
    }

    @Override
    public Integer integer(String column) {
        return read(column, "integer()", AthenaValues.INTEGERS, Integer::valueOf);
    }

    @Override
    public Long bigint(String column) {
        return read(column, "bigint()", AthenaValues.LONGS, Long::valueOf);
    }

    @Override
    public Double doubleValue(String column) {
        return read(column, "doubleValue()", union(AthenaValues.FLOATS, AthenaValues.LONGS, Set.of("decimal")),
                Double::valueOf);
    }

    @Override
    public BigDecimal decimal(String column) {
        return read(column, "decimal()", union(AthenaValues.FLOATS, AthenaValues.LONGS, Set.of("decimal")),
                BigDecimal::new);
    }

    @Override
    public Boolean booleanValue(String column) {
        return read(column, "booleanValue()", Set.of("boolean"), Boolean::valueOf);
    }

    @Override
    public LocalDate date(String column) {
        return read(column, "date()", Set.of("date"), AthenaValues::date);
    }

    @Override
    public LocalDateTime timestamp(String column) {
        return read(column, "timestamp()", Set.of("timestamp"), AthenaValues::timestamp);
    }

    @Override
    public List<String> array(String column) {
        return read(column, "array()", Set.of("array"), AthenaValues::array);
    }

    /** Returns the raw values in column order (for record mapping). */
    List<String> values() {
        return values;
    }

    private <T> T read(String column, String getter, Set<String> accepted, Function<String, T> parse) {
        int position = position(column);
        ResultColumn info = columns.list().get(position);
        String type = AthenaValues.baseType(info.type());
        if (!accepted.contains(type)) {
            throw new IllegalArgumentException("Column '" + info.name() + "' is " + info.type() + "; " + getter
                    + " reads " + String.join(", ", accepted.stream().sorted().toList()));
        }
        String text = values.get(position);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalStateException("Column '" + info.name() + "' (" + info.type() + ") holds '" + text
                    + "', which " + getter + " cannot read", e);
        }
    }

    private int position(String column) {
        Integer position = columns.index().get(column == null ? null : column.toLowerCase(Locale.ROOT));
        if (position == null) {
            throw new IllegalArgumentException("No column '" + column + "' in the result; columns are "
                    + columns.list().stream().map(ResultColumn::name).toList());
        }
        return position;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        TreeSet<String> all = new TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    @Override
    public String toString() {
        return "Row" + values;
    }
}
