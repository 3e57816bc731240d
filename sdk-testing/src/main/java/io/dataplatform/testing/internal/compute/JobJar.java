package io.dataplatform.testing.internal.compute;

import java.util.Objects;

/**
 * One jar a fake service read from the fake S3 to run a job from.
 *
 * @param location where it was read from, e.g. {@code s3://acme-code/jobs/<sha256>/jobs.jar} (for messages)
 * @param bytes    its bytes
 */
public record JobJar(String location, byte[] bytes) {

    /** Validates the fields. */
    public JobJar {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(bytes, "bytes");
    }
}
