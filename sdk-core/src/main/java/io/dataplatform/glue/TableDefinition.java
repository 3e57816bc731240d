package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import io.dataplatform.glue.internal.GlueNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a catalog table is: its schema (columns and partition keys), where its files are, their
 * format, and table properties. Immutable; {@link #toBuilder()} makes a changed copy.
 *
 * <pre>{@code
 * TableDefinition sales = TableDefinition.builder()
 *         .schema(Schema.builder().column("id", GlueType.BIGINT).partitionKey("year", GlueType.STRING).build())
 *         .location("s3://acme-raw/sales/")
 *         .format(DataFormat.csv(',', true))
 *         .build();
 * }</pre>
 */
public final class TableDefinition {
    private final Schema schema;
    private final String location;
    private final DataFormat format;
    private final String description;
    private final Map<String, String> parameters;

    private TableDefinition(Builder builder) {
        this.schema = builder.schema;
        this.location = builder.location;
        this.format = builder.format;
        this.description = builder.description;
        this.parameters = Map.copyOf(builder.parameters);
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder preset with this definition's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.schema = schema;
        b.location = location;
        b.format = format;
        b.description = description;
        b.parameters.putAll(parameters);
        return b;
    }

    /** Returns the columns and partition keys. */
    public Schema schema() {
        return schema;
    }

    /** Returns the S3 location of the table's files, e.g. {@code s3://acme-raw/sales/}. */
    public String location() {
        return location;
    }

    /** Returns the storage format. */
    public DataFormat format() {
        return format;
    }

    /** Returns the description, empty when there is none. */
    public String description() {
        return description;
    }

    /**
     * Returns the table properties: the format's ({@code classification}, {@code skip.header.line.count}, ...)
     * merged with the ones set on the builder, which win.
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableDefinition other && schema.equals(other.schema) && location.equals(other.location)
                && format.equals(other.format) && description.equals(other.description)
                && parameters.equals(other.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, location, format, description, parameters);
    }

    @Override
    public String toString() {
        return "TableDefinition[location=" + location + ", format=" + format.classification() + ", schema=" + schema + "]";
    }

    /** Builds a {@link TableDefinition}. */
    public static final class Builder {
        private Schema schema;
        private String location;
        private DataFormat format;
        private String description = "";
        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets the columns and partition keys (required). */
        public Builder schema(Schema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /** Sets the S3 location of the files (required), {@code s3://bucket/prefix/}. */
        public Builder location(String location) {
            this.location = GlueNames.checkS3Location(location, "location");
            return this;
        }

        /** Sets the storage format (required); its table properties are merged into {@link #parameters()}. */
        public Builder format(DataFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Sets a description. */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** Sets one table property. */
        public Builder parameter(String key, String value) {
            if (key == null || key.isEmpty() || key.length() > 255) {
                throw new IllegalArgumentException("Invalid table parameter key '" + key + "': must be 1-255 characters");
            }
            parameters.put(key, Objects.requireNonNull(value, "value of parameter " + key));
            return this;
        }

        /** Sets several table properties. */
        public Builder parameters(Map<String, String> parameters) {
            Checks.notNull(parameters, "parameters").forEach(this::parameter);
            return this;
        }

        /** Builds the definition. */
        public TableDefinition build() {
            GlueNames.required(schema, "schema", "TableDefinition.Builder");
            GlueNames.required(location, "location", "TableDefinition.Builder");
            GlueNames.required(format, "format", "TableDefinition.Builder");
            Map<String, String> merged = new LinkedHashMap<>(format.tableParameters());
            merged.putAll(parameters);
            parameters.clear();
            parameters.putAll(merged);
            return new TableDefinition(this);
        }
    }
}
