package io.dataplatform.athena;

import io.dataplatform.cost.DataSize;
import java.util.Optional;

/**
 * A created workgroup.
 *
 * @param name                       its name
 * @param bytesScannedCutoffPerQuery its per-query cutoff, or null when it has none
 * @param outputLocation             its result location ({@code s3://...}), or null
 */
public record Workgroup(String name, DataSize bytesScannedCutoffPerQuery, String outputLocation) {

    /** Returns the cutoff, if set. */
    public Optional<DataSize> cutoff() {
        return Optional.ofNullable(bytesScannedCutoffPerQuery);
    }
}
