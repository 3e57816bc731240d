package io.dataplatform.s3;

import io.dataplatform.internal.Checks;
import java.util.List;

/**
 * The outcome of {@link Bucket#deleteAll(java.util.Collection)}: which keys were deleted and which failed.
 *
 * @param deleted the keys deleted (in a versioned bucket: given a delete marker)
 * @param failed  the keys S3 refused, with its reason
 */
public record BatchDeleteResult(List<String> deleted, List<DeleteFailure> failed) {
    /** Copies the lists. */
    public BatchDeleteResult {
        deleted = Checks.copyOf(deleted, "deleted");
        failed = Checks.copyOf(failed, "failed");
    }

    /** Returns true if every key was deleted. */
    public boolean allDeleted() {
        return failed.isEmpty();
    }
}
