package io.dataplatform.s3;

import java.time.Instant;

/**
 * A bucket as listed by {@code DataPlatform.buckets()}.
 *
 * @param name      the bucket name
 * @param createdAt when the bucket was created
 */
public record BucketSummary(String name, Instant createdAt) {
}
