package io.dataplatform.s3;

import io.dataplatform.cost.DataSize;
import io.dataplatform.internal.Checks;

/**
 * When and how uploads go multipart. Objects at or above {@link #multipartThreshold()} are sent as
 * parts of {@link #partSize()}, up to {@link #concurrency()} at a time; a failed multipart upload is
 * aborted so no orphaned parts are left to be billed.
 *
 * <pre>{@code
 * TransferSettings.builder().multipartThreshold(DataSize.ofMebibytes(64)).partSize(DataSize.ofMebibytes(16)).build();
 * }</pre>
 */
public final class TransferSettings {
    /** S3's smallest part size for every part but the last: 5 MiB. */
    public static final DataSize MIN_PART_SIZE = DataSize.ofMebibytes(5);
    /** S3's largest part size: 5 GiB. */
    public static final DataSize MAX_PART_SIZE = DataSize.ofMebibytes(5 * 1024);

    private final DataSize multipartThreshold;
    private final DataSize partSize;
    private final int concurrency;

    private TransferSettings(Builder builder) {
        this.multipartThreshold = builder.multipartThreshold;
        this.partSize = builder.partSize;
        this.concurrency = builder.concurrency;
    }

    /** Returns the defaults: multipart from 16 MiB, 8 MiB parts, 4 parts in flight. */
    public static TransferSettings defaults() {
        return builder().build();
    }

    /** Returns a builder with the default values. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder initialised from these settings. */
    public Builder toBuilder() {
        return new Builder().multipartThreshold(multipartThreshold).partSize(partSize).concurrency(concurrency);
    }

    /** Returns the size from which uploads go multipart. */
    public DataSize multipartThreshold() {
        return multipartThreshold;
    }

    /** Returns the size of each part but the last. */
    public DataSize partSize() {
        return partSize;
    }

    /** Returns how many parts are uploaded at once. */
    public int concurrency() {
        return concurrency;
    }

    @Override
    public String toString() {
        return "TransferSettings{multipartThreshold=" + multipartThreshold + ", partSize=" + partSize
                + ", concurrency=" + concurrency + "}";
    }

    /** Builds {@link TransferSettings}. */
    public static final class Builder {
        private DataSize multipartThreshold = DataSize.ofMebibytes(16);
        private DataSize partSize = DataSize.ofMebibytes(8);
        private int concurrency = 4;

        private Builder() {
        }

        /** Sets the size from which uploads go multipart (>= the part size). */
        public Builder multipartThreshold(DataSize multipartThreshold) {
            this.multipartThreshold = Checks.notNull(multipartThreshold, "multipartThreshold");
            return this;
        }

        /** Sets the part size: between 5 MiB and 5 GiB, as S3 requires. */
        public Builder partSize(DataSize partSize) {
            Checks.notNull(partSize, "partSize");
            Checks.require(partSize.compareTo(MIN_PART_SIZE) >= 0 && partSize.compareTo(MAX_PART_SIZE) <= 0,
                    "partSize must be between 5 MiB and 5 GiB (S3's part limits), but was %s bytes", partSize.bytes());
            this.partSize = partSize;
            return this;
        }

        /** Sets how many parts are uploaded at once (1-64). */
        public Builder concurrency(int concurrency) {
            Checks.require(concurrency >= 1 && concurrency <= 64, "concurrency must be between 1 and 64, but was %s",
                    concurrency);
            this.concurrency = concurrency;
            return this;
        }

        /** Returns the settings; fails if the threshold is below the part size. */
        public TransferSettings build() {
            Checks.require(multipartThreshold.compareTo(partSize) >= 0,
                    "multipartThreshold must be >= partSize (%s bytes), but was %s bytes", partSize.bytes(),
                    multipartThreshold.bytes());
            return new TransferSettings(this);
        }
    }
}
