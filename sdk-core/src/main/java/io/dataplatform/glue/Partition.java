package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A partition of a catalog table.
 *
 * @param values     its values, one per partition key
 * @param location   the S3 location of its files
 * @param createTime when it was added
 * @param parameters its properties
 */
public record Partition(List<String> values, String location, Instant createTime, Map<String, String> parameters) {

    /** Copies the values and parameters. */
    public Partition {
        values = Checks.copyOf(values, "values");
        parameters = Checks.copyOf(parameters, "parameters");
    }
}
