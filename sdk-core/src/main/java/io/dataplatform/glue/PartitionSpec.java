package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * A partition to add: its values (one per partition key, in key order) and optionally its own
 * location; without one it lives under the table's location, Hive style ({@code year=2024/month=01/}).
 *
 * @param values   the partition values
 * @param location the S3 location, empty for the Hive-style default
 */
public record PartitionSpec(List<String> values, String location) {

    /** Copies the values; requires at least one. */
    public PartitionSpec {
        values = Checks.copyOf(values, "values");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("partition values must not be empty");
        }
        location = location == null ? "" : location;
    }

    /** Returns a spec at the Hive-style default location. */
    public static PartitionSpec of(String... values) {
        return new PartitionSpec(java.util.Arrays.asList(Checks.notNull(values, "values")), "");
    }

    /** Returns a spec at the Hive-style default location. */
    public static PartitionSpec of(List<String> values) {
        return new PartitionSpec(values, "");
    }

    /** Returns a copy with the given location. */
    public PartitionSpec withLocation(String location) {
        return new PartitionSpec(values, io.dataplatform.glue.internal.GlueNames.checkS3Location(location, "location"));
    }

    /** Returns the explicit location, if one was given. */
    public Optional<String> explicitLocation() {
        return location.isEmpty() ? Optional.empty() : Optional.of(location);
    }
}
