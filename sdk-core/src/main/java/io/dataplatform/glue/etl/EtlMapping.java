package io.dataplatform.glue.etl;

import io.dataplatform.glue.Column;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.glue.GlueType;
import io.dataplatform.glue.TableDefinition;
import io.dataplatform.glue.internal.GlueNames;
import io.dataplatform.internal.Checks;
import io.dataplatform.s3.S3Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A declarative ETL job, as the scripts Glue Studio generates: read a catalog table, keep the rows a
 * filter lets through, rename and cast columns, write them to S3 in a format, partitioned by target
 * columns. It runs as the {@code SparkJob} {@value #JOB_CLASS} of dataplatform-sdk-spark, so the same
 * mapping runs in-process on {@code LocalSparkRunner}, as an EMR step and as a Glue job; {@link #sql()}
 * is the Spark SQL that job executes over the source, registered as the view {@code source}.
 *
 * <p>A mapping is {@linkplain #resolve(TableDefinition) resolved} against its source table's definition
 * (location, format, columns) before it runs: the job reads the files directly, so it needs S3 but no
 * catalog access. Immutable.
 *
 * <pre>{@code
 * EtlMapping mapping = EtlMapping.builder()
 *         .source("sales", "raw_sales")
 *         .map("order_id", "id", GlueType.BIGINT)
 *         .map("amt", "amount", GlueType.decimal(10, 2))
 *         .map("region", "region")
 *         .filter(EtlFilter.of("amt", EtlFilter.Operator.GREATER_THAN, 0))
 *         .target("s3://acme-clean/sales/").format(EtlFormat.PARQUET).partitionBy("region")
 *         .writeMode(WriteMode.OVERWRITE)
 *         .build();
 * mapping.sql();   // SELECT CAST(`order_id` AS BIGINT) AS `id`, ... FROM `source` WHERE `amt` > 0
 * }</pre>
 */
public final class EtlMapping {
    /** The sdk-spark {@code SparkJob} class that runs a mapping. */
    public static final String JOB_CLASS = "io.dataplatform.spark.etl.EtlJob";
    /** The view the source is registered as for {@link #sql()}. */
    public static final String SOURCE_VIEW = "source";

    private final String database;
    private final String table;
    private final List<ColumnMapping> columns;
    private final List<EtlFilter> filters;
    private final S3Location target;
    private final EtlFormat format;
    private final WriteMode writeMode;
    private final List<String> partitionBy;
    private final Map<String, String> resolved;

    private EtlMapping(Builder b, Map<String, String> resolved) {
        this.database = b.database;
        this.table = b.table;
        this.columns = List.copyOf(b.columns);
        this.filters = List.copyOf(b.filters);
        this.target = b.target;
        this.format = b.format;
        this.writeMode = b.writeMode;
        this.partitionBy = List.copyOf(b.partitionBy);
        this.resolved = resolved;
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the source table's database. */
    public String database() {
        return database;
    }

    /** Returns the source table's name. */
    public String table() {
        return table;
    }

    /** Returns the column mappings, in target order. */
    public List<ColumnMapping> columns() {
        return columns;
    }

    /** Returns the row filters; a row must pass all of them. */
    public List<EtlFilter> filters() {
        return filters;
    }

    /** Returns where the mapping writes. */
    public S3Location target() {
        return target;
    }

    /** Returns the format it writes. */
    public EtlFormat format() {
        return format;
    }

    /** Returns what it does with data already at the target. */
    public WriteMode writeMode() {
        return writeMode;
    }

    /** Returns the target columns the output is partitioned by ({@code col=value/} folders). */
    public List<String> partitionBy() {
        return partitionBy;
    }

    /** Returns true once the mapping knows its source's location, format and columns. */
    public boolean resolved() {
        return resolved != null;
    }

    /** Returns the Spark SQL the job runs over the view {@value #SOURCE_VIEW}. */
    public String sql() {
        StringBuilder sql = new StringBuilder("SELECT ");
        List<String> selected = new ArrayList<>();
        for (ColumnMapping c : columns) {
            String source = quote(c.source());
            String value = c.cast().map(t -> "CAST(" + source + " AS " + t.toGlueString().toUpperCase(Locale.ROOT) + ")")
                    .orElse(source);
            selected.add(value + " AS " + quote(c.target()));
        }
        sql.append(String.join(", ", selected)).append(" FROM ").append(quote(SOURCE_VIEW));
        if (!filters.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", filters.stream().map(EtlFilter::sql).toList()));
        }
        return sql.toString();
    }

    /**
     * Returns this mapping bound to its source table's definition: its location, format and columns
     * (partition keys last), checking that every mapped and filtered column exists there.
     *
     * @throws IllegalArgumentException naming a column the table does not have, or a format the job cannot read
     */
    public EtlMapping resolve(TableDefinition source) {
        Checks.notNull(source, "source");
        List<Column> all = new ArrayList<>(source.schema().columns());
        all.addAll(source.schema().partitionKeys());
        Set<String> names = new LinkedHashSet<>(all.stream().map(Column::name).toList());
        List<String> used = new ArrayList<>(columns.stream().map(ColumnMapping::source).toList());
        used.addAll(filters.stream().map(EtlFilter::column).toList());
        for (String name : used) {
            Checks.require(names.contains(name), "Invalid ETL mapping of %s.%s: the table has no column '%s' (it has %s)",
                    database, table, name, names);
        }
        DataFormat dataFormat = source.format();
        String classification = dataFormat.classification();
        Checks.require(List.of("csv", "json", "parquet").contains(classification),
                "Invalid ETL source %s.%s: its format '%s' cannot be read; csv, json and parquet can", database, table,
                classification);
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("etl-source-location", Checks.notEmpty(source.location(), "source location"));
        arguments.put("etl-source-format", classification);
        arguments.put("etl-source-schema", String.join(", ",
                all.stream().map(c -> quote(c.name()) + " " + sparkType(c.type())).toList()));
        if (classification.equals("csv")) {
            String delimiter = dataFormat.serdeParameters().getOrDefault("field.delim",
                    dataFormat.serdeParameters().getOrDefault("separatorChar", ","));
            arguments.put("etl-csv-delimiter", delimiter);
            arguments.put("etl-csv-header",
                    String.valueOf("1".equals(dataFormat.tableParameters().get("skip.header.line.count"))));
        }
        Builder copy = toBuilder();
        return new EtlMapping(copy, java.util.Collections.unmodifiableMap(arguments));
    }

    /**
     * Returns the arguments {@value #JOB_CLASS} runs with (names without "--"): the source as resolved,
     * the SQL, the target.
     *
     * @throws IllegalStateException if the mapping has not been resolved against its source table
     */
    public Map<String, String> arguments() {
        if (resolved == null) {
            throw new IllegalStateException("ETL mapping of " + database + "." + table + " is not resolved: call"
                    + " resolve(platform.glue().database(\"" + database + "\").table(\"" + table + "\").definition())");
        }
        Map<String, String> arguments = new LinkedHashMap<>(resolved);
        arguments.put("etl-sql", sql());
        arguments.put("etl-target", target.uri());
        arguments.put("etl-target-format", format.sparkName());
        arguments.put("etl-write-mode", writeMode.sparkName());
        if (!partitionBy.isEmpty()) {
            arguments.put("etl-partition-by", String.join(",", partitionBy));
        }
        return arguments;
    }

    /** Returns {@link #arguments()} as {@code --name value} strings, for {@code LocalSparkRunner.run}. */
    public String[] argumentArray() {
        List<String> list = new ArrayList<>();
        arguments().forEach((k, v) -> {
            list.add("--" + k);
            list.add(v);
        });
        return list.toArray(String[]::new);
    }

    /** Returns a builder holding this mapping's settings (unresolved). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.database = database;
        b.table = table;
        b.columns.addAll(columns);
        b.filters.addAll(filters);
        b.target = target;
        b.format = format;
        b.writeMode = writeMode;
        b.partitionBy.addAll(partitionBy);
        return b;
    }

    @Override
    public String toString() {
        return "EtlMapping{" + database + "." + table + " -> " + target.uri() + " (" + format + ", " + writeMode
                + (partitionBy.isEmpty() ? "" : ", partitioned by " + partitionBy) + "): " + sql() + "}";
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static String sparkType(GlueType type) {
        return type.toGlueString().toUpperCase(Locale.ROOT);
    }

    /** Builds an {@link EtlMapping}; {@code build()} checks that the source, a column and the target are set. */
    public static final class Builder {
        private String database;
        private String table;
        private final List<ColumnMapping> columns = new ArrayList<>();
        private final List<EtlFilter> filters = new ArrayList<>();
        private S3Location target;
        private EtlFormat format = EtlFormat.PARQUET;
        private WriteMode writeMode = WriteMode.ERROR_IF_EXISTS;
        private final List<String> partitionBy = new ArrayList<>();

        private Builder() {
        }

        /** Sets the catalog table read (required). */
        public Builder source(String database, String table) {
            this.database = GlueNames.checkDatabase(database);
            this.table = GlueNames.checkTable(table);
            return this;
        }

        /** Keeps {@code source} as the target column {@code target}, with the source's type. */
        public Builder map(String source, String target) {
            return column(new ColumnMapping(source, target, null));
        }

        /** Keeps {@code source} as the target column {@code target}, cast to {@code type}. */
        public Builder map(String source, String target, GlueType type) {
            return column(new ColumnMapping(source, target, Checks.notNull(type, "type")));
        }

        /** Adds a column mapping; target names must be unique. */
        public Builder column(ColumnMapping mapping) {
            Checks.notNull(mapping, "mapping");
            Checks.require(columns.stream().noneMatch(c -> c.target().equals(mapping.target())),
                    "Invalid ETL mapping: target column '%s' is mapped twice", mapping.target());
            columns.add(mapping);
            return this;
        }

        /** Adds a row filter on a source column. */
        public Builder filter(EtlFilter filter) {
            filters.add(Checks.notNull(filter, "filter"));
            return this;
        }

        /** Sets where the output goes, {@code s3://bucket/prefix/} (required). */
        public Builder target(String s3Uri) {
            this.target = S3Location.parse(Checks.notNull(s3Uri, "target"));
            return this;
        }

        /** Sets the output format; Parquet by default. */
        public Builder format(EtlFormat format) {
            this.format = Checks.notNull(format, "format");
            return this;
        }

        /** Sets what happens to data already at the target; {@link WriteMode#ERROR_IF_EXISTS} by default. */
        public Builder writeMode(WriteMode writeMode) {
            this.writeMode = Checks.notNull(writeMode, "writeMode");
            return this;
        }

        /** Partitions the output by these target columns, in this order. */
        public Builder partitionBy(String... targetColumns) {
            List<String> checked = new ArrayList<>();
            for (String column : Checks.notNull(targetColumns, "targetColumns")) {
                checked.add(GlueNames.checkColumn(column));
            }
            partitionBy.clear();
            partitionBy.addAll(checked);
            return this;
        }

        /**
         * Builds the mapping.
         *
         * @throws IllegalStateException naming what is missing, or a partition column that is not a target column
         */
        public EtlMapping build() {
            Checks.required(database, "source", "EtlMapping.builder()");
            Checks.required(target, "target", "EtlMapping.builder()");
            if (columns.isEmpty()) {
                throw new IllegalStateException("EtlMapping of " + database + "." + table + " maps no column: call"
                        + " map(\"source_column\", \"target_column\") at least once");
            }
            for (String key : partitionBy) {
                if (columns.stream().noneMatch(c -> c.target().equals(key))) {
                    throw new IllegalStateException("EtlMapping partitionBy column '" + key + "' is not a target column"
                            + " (targets: " + columns.stream().map(ColumnMapping::target).toList() + ")");
                }
            }
            Checks.require(partitionBy.size() < columns.size(), "EtlMapping partitions by every column %s: at least one"
                    + " column must remain in the files", partitionBy);
            return new EtlMapping(this, null);
        }
    }
}
