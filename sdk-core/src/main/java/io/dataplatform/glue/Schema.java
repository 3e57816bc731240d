package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a table and its partition keys, in order. Column names are unique across both.
 *
 * <pre>{@code
 * Schema schema = Schema.builder()
 *         .column("id", GlueType.BIGINT)
 *         .column("tags", GlueType.parse("array<string>"))
 *         .partitionKey("year", GlueType.STRING)
 *         .build();
 * }</pre>
 *
 * @param columns       the data columns, in file order
 * @param partitionKeys the partition keys, outermost folder first
 */
public record Schema(List<Column> columns, List<Column> partitionKeys) {

    /** Copies both lists and checks that every name is unique. */
    public Schema {
        columns = Checks.copyOf(columns, "columns");
        partitionKeys = Checks.copyOf(partitionKeys, "partitionKeys");
        Set<String> seen = new HashSet<>();
        for (Column column : columns) {
            if (!seen.add(column.name())) {
                throw new IllegalArgumentException("Duplicate column name '" + column.name() + "': column names must be unique");
            }
        }
        for (Column key : partitionKeys) {
            if (!seen.add(key.name())) {
                throw new IllegalArgumentException("Duplicate column name '" + key.name()
                        + "': a partition key must not repeat a column or another key");
            }
        }
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the data column named {@code name}, if any. */
    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Returns the names of the data columns, in order. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** Returns the names of the partition keys, in order. */
    public List<String> partitionKeyNames() {
        return partitionKeys.stream().map(Column::name).toList();
    }

    /** Builds a {@link Schema}. */
    public static final class Builder {
        private final List<Column> columns = new ArrayList<>();
        private final List<Column> partitionKeys = new ArrayList<>();

        private Builder() {
        }

        /** Adds a data column. */
        public Builder column(String name, GlueType type) {
            columns.add(Column.of(name, type));
            return this;
        }

        /** Adds a data column with a comment. */
        public Builder column(String name, GlueType type, String comment) {
            columns.add(new Column(name, type, comment));
            return this;
        }

        /** Adds a data column. */
        public Builder column(Column column) {
            columns.add(java.util.Objects.requireNonNull(column, "column"));
            return this;
        }

        /** Adds a partition key; keys come in folder order, outermost first. */
        public Builder partitionKey(String name, GlueType type) {
            partitionKeys.add(Column.of(name, type));
            return this;
        }

        /** Builds the schema. */
        public Schema build() {
            if (columns.isEmpty()) {
                throw new IllegalStateException("column is required: call Schema.Builder.column(..) at least once before build()");
            }
            return new Schema(columns, partitionKeys);
        }
    }
}
