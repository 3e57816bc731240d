package io.dataplatform.s3;

import io.dataplatform.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How an object is stored: its content type and user metadata.
 *
 * <pre>{@code
 * bucket.put("report.csv", ObjectContent.of(path), o -> o.contentType("text/csv").metadata("source", "erp"));
 * }</pre>
 */
public final class PutOptions {
    private static final int MAX_METADATA_BYTES = 2048;
    private static final PutOptions DEFAULTS = builder().build();

    private final String contentType;
    private final Map<String, String> metadata;

    private PutOptions(Builder builder) {
        this.contentType = builder.contentType;
        this.metadata = Map.copyOf(builder.metadata);
    }

    /** Returns the defaults: no content type (S3 stores {@code binary/octet-stream}), no metadata. */
    public static PutOptions defaults() {
        return DEFAULTS;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder initialised from these options. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.contentType = contentType;
        builder.metadata.putAll(metadata);
        return builder;
    }

    /** Returns the content type, or null to let S3 decide. */
    public String contentType() {
        return contentType;
    }

    /** Returns the user metadata, keys in lower case. */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "PutOptions{contentType=" + contentType + ", metadata=" + metadata.keySet() + "}";
    }

    /** Builds {@link PutOptions}. */
    public static final class Builder {
        private String contentType;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets the MIME type, e.g. {@code text/csv}. */
        public Builder contentType(String contentType) {
            Checks.notEmpty(contentType, "contentType");
            Checks.require(contentType.indexOf('/') > 0, "contentType must look like 'type/subtype', but was '%s'",
                    contentType);
            this.contentType = contentType;
            return this;
        }

        /** Adds one user metadata entry; S3 lower-cases the name. */
        public Builder metadata(String name, String value) {
            Checks.notEmpty(name, "metadata name");
            Checks.notNull(value, "metadata value");
            Checks.require(name.chars().allMatch(c -> c > 32 && c < 127 && c != ':'),
                    "metadata name must be printable ASCII without spaces or ':', but was '%s'", name);
            metadata.put(name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        /** Adds every entry of {@code entries} as user metadata. */
        public Builder metadata(Map<String, String> entries) {
            Checks.notNull(entries, "metadata");
            entries.forEach(this::metadata);
            return this;
        }

        /** Returns the options; fails if the metadata exceeds S3's 2 KB limit. */
        public PutOptions build() {
            int bytes = metadata.entrySet().stream()
                    .mapToInt(e -> (e.getKey() + e.getValue()).getBytes(StandardCharsets.UTF_8).length).sum();
            Checks.require(bytes <= MAX_METADATA_BYTES,
                    "metadata must be at most 2 KB (S3's limit on user metadata), but was %s bytes", bytes);
            return new PutOptions(this);
        }
    }
}
