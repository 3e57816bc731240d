package io.dataplatform.testing.internal.s3;

import io.dataplatform.testing.internal.iam.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * All S3 state of one {@code FakeAws} world: its buckets, and the counters that mint version and
 * upload ids. Shared by every {@link FakeS3Client} of the world, whoever it acts as.
 */
public final class S3World {
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
    private static final long SCRAMBLE = 0x9E3779B97F4A7C15L;

    private final Clock clock;
    private final String accountId;
    private final String regionId;
    private final IdentityStore identities;
    private final TreeMap<String, FakeBucket> buckets = new TreeMap<>();
    private final AtomicLong versions = new AtomicLong();
    private final AtomicLong uploads = new AtomicLong();

    /**
     * Creates an empty S3 for the account {@code accountId} in region {@code regionId}, timed by
     * {@code clock}, whose callers' identity policies and origins are in {@code identities}.
     */
    public S3World(Clock clock, String accountId, String regionId, IdentityStore identities) {
        this.clock = clock;
        this.accountId = accountId;
        this.regionId = regionId;
        this.identities = identities;
    }

    IdentityStore identities() {
        return identities;
    }

    /** Returns the clock's time at full precision, for the aws:CurrentTime condition key. */
    Instant clockInstant() {
        return clock.instant();
    }

    String accountId() {
        return accountId;
    }

    String regionId() {
        return regionId;
    }

    /** Returns the current time at S3's millisecond precision. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Mints an opaque, unique version id; deterministic so that test runs repeat exactly. */
    String newVersionId() {
        long n = versions.incrementAndGet();
        // Written straight into the Latin-1 bytes of one string: this runs on every versioned put, and two
        // toHexDigits strings joined by a StringBuilder allocated five objects.
        byte[] id = new byte[32];
        hexDigits(n * SCRAMBLE, id, 0);
        hexDigits(n, id, 16);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    /** Writes the 16 lower-case hex digits of {@code value}, most significant first, at {@code offset}. */
    private static void hexDigits(long value, byte[] into, int offset) {
        for (int i = 15; i >= 0; i--) {
            into[offset + i] = HEX_DIGITS[(int) (value & 0xF)];
            value >>>= 4;
        }
    }

    String newUploadId() {
        long n = uploads.incrementAndGet();
        return String.format("upload-%016x-%d", n * SCRAMBLE, n);
    }

    /** Runs {@code body} on bucket {@code name} while holding its lock; 404 NoSuchBucket if it does not exist. */
    <T> T inBucket(String name, Function<FakeBucket, T> body) {
        FakeBucket bucket;
        synchronized (buckets) {
            bucket = buckets.get(name);
        }
        if (bucket == null) {
            throw S3Errors.noSuchBucket();
        }
        bucket.lock().lock();
        try {
            // A bucket deleted between the lookup and the lock is gone for this call too.
            if (bucket.deleted()) {
                throw S3Errors.noSuchBucket();
            }
            return body.apply(bucket);
        } finally {
            bucket.lock().unlock();
        }
    }

    /** Returns the bucket if it exists. */
    FakeBucket find(String name) {
        synchronized (buckets) {
            return buckets.get(name);
        }
    }

    /** Adds {@code bucket} unless one of that name exists; returns the existing one then, else null. */
    FakeBucket addIfAbsent(FakeBucket bucket) {
        synchronized (buckets) {
            return buckets.putIfAbsent(bucket.name(), bucket);
        }
    }

    /** Removes a bucket; the caller holds the bucket's lock and has checked it is empty. */
    void remove(FakeBucket bucket) {
        synchronized (buckets) {
            bucket.markDeleted();
            buckets.remove(bucket.name());
        }
    }

    /** Returns every bucket in name order. */
    List<FakeBucket> all() {
        synchronized (buckets) {
            return List.copyOf(buckets.values());
        }
    }
}
