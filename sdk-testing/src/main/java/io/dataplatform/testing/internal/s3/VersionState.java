package io.dataplatform.testing.internal.s3;

import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** A bucket's versioning state: never enabled, enabled, or suspended (it can never go back to unversioned). */
enum VersionState {
    UNVERSIONED(null),
    ENABLED(BucketVersioningStatus.ENABLED),
    SUSPENDED(BucketVersioningStatus.SUSPENDED);

    private final BucketVersioningStatus status;

    VersionState(BucketVersioningStatus status) {
        this.status = status;
    }

    /** Returns the status GetBucketVersioning reports; none for a bucket never versioned. */
    BucketVersioningStatus status() {
        return status;
    }

    /** Returns the version id a response reports: none while unversioned, as S3 sends no x-amz-version-id then. */
    String reported(String versionId) {
        return this == UNVERSIONED ? null : versionId;
    }
}
