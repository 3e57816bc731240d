package io.dataplatform.glue;

import io.dataplatform.glue.internal.GlueNames;
import io.dataplatform.internal.Checks;
import java.util.Objects;

/**
 * Optional settings of a new database.
 *
 * @param description a description, empty if none
 * @param locationUri the default S3 location of its tables, empty if none
 */
public record DatabaseOptions(String description, String locationUri) {

    /** Requires both values; empty means none. */
    public DatabaseOptions {
        Checks.notNull(description, "description");
        Checks.notNull(locationUri, "locationUri");
    }

    /** Returns options with no description and no location. */
    public static DatabaseOptions defaults() {
        return new DatabaseOptions("", "");
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DatabaseOptions}. */
    public static final class Builder {
        private String description = "";
        private String locationUri = "";

        private Builder() {
        }

        /** Sets the description (at most 2048 characters). */
        public Builder description(String description) {
            Objects.requireNonNull(description, "description");
            if (description.length() > 2048) {
                throw new IllegalArgumentException("description must be at most 2048 characters, but was "
                        + description.length());
            }
            this.description = description;
            return this;
        }

        /** Sets the default S3 location of the database's tables, {@code s3://bucket/prefix/}. */
        public Builder locationUri(String locationUri) {
            this.locationUri = GlueNames.checkS3Location(locationUri, "locationUri");
            return this;
        }

        /** Builds the options. */
        public DatabaseOptions build() {
            return new DatabaseOptions(description, locationUri);
        }
    }
}
