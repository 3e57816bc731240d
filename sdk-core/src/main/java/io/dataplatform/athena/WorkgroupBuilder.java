package io.dataplatform.athena;

import io.dataplatform.cost.DataSize;
import io.dataplatform.s3.S3Location;

/**
 * Describes a workgroup to create. Its bytes-scanned cutoff is Athena's server-side belt to the
 * client-side cost guard: Athena cancels any query in the workgroup that scans more.
 *
 * <pre>{@code
 * platform.athena().workgroup("analysts").bytesScannedCutoffPerQuery(DataSize.ofGigabytes(1)).create();
 * }</pre>
 */
public interface WorkgroupBuilder {

    /** Sets the per-query cutoff; Athena's minimum is 10 MB. */
    WorkgroupBuilder bytesScannedCutoffPerQuery(DataSize cutoff);

    /** Sets the default result location of the workgroup's queries. */
    WorkgroupBuilder outputLocation(S3Location location);

    /** Makes the workgroup's settings override those of each query. */
    WorkgroupBuilder enforceConfiguration();

    /** Sets a description (at most 1,024 characters). */
    WorkgroupBuilder description(String description);

    /**
     * Creates the workgroup.
     *
     * @throws io.dataplatform.ResourceAlreadyExistsException if it exists
     */
    Workgroup create();
}
