package io.dataplatform.benchmarks;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * What every small-object benchmark writes and reads: 1 KiB under fixed keys of one bucket, so the
 * three columns of the table do the same work per operation.
 */
final class SmallObject {
    /** The object size the targets are stated for. */
    static final int SIZE = 1024;
    static final String BUCKET = "bench-small-objects";
    /** Every put overwrites this key; the bucket is unversioned, so memory stays flat however long a run is. */
    static final String PUT_KEY = "bench/put-1k.bin";
    /** Stored once before measuring; every get reads it. */
    static final String GET_KEY = "bench/get-1k.bin";

    private SmallObject() {
    }

    /** Returns {@value #SIZE} bytes of a fixed, non-constant pattern. */
    static byte[] payload() {
        byte[] bytes = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    /** Puts {@code payload} under {@link #PUT_KEY} with a raw {@code S3Client}: the same request for every client. */
    static PutObjectResponse put(S3Client s3, byte[] payload) {
        return s3.putObject(r -> r.bucket(BUCKET).key(PUT_KEY), RequestBody.fromBytes(payload));
    }

    /** Gets {@link #GET_KEY} as bytes with a raw {@code S3Client}. */
    static byte[] get(S3Client s3) {
        return s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(GET_KEY)).asByteArray();
    }
}
