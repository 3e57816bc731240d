package io.dataplatform.s3;

import io.dataplatform.internal.Checks;

/**
 * A place in S3: a bucket and a key or key prefix, written {@code s3://bucket/key}.
 *
 * <pre>{@code
 * S3Location sales = S3Location.parse("s3://acme-raw/sales/");
 * S3Location same = raw.prefix("sales/");
 * }</pre>
 *
 * @param bucket the bucket name
 * @param key    the key or prefix; empty for the whole bucket
 */
public record S3Location(String bucket, String key) {

    /** Validates the bucket name. */
    public S3Location {
        Checks.notEmpty(bucket, "bucket");
        Checks.notNull(key, "key");
    }

    /**
     * Parses {@code s3://bucket/key}; {@code s3a://} is accepted too.
     *
     * @throws IllegalArgumentException if {@code uri} is not an S3 URI
     */
    public static S3Location parse(String uri) {
        Checks.notNull(uri, "uri");
        String rest;
        if (uri.startsWith("s3://")) {
            rest = uri.substring(5);
        } else if (uri.startsWith("s3a://")) {
            rest = uri.substring(6);
        } else {
            throw new IllegalArgumentException("Invalid S3 URI '" + uri + "': must start with s3:// (e.g. s3://bucket/prefix/)");
        }
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        Checks.require(!bucket.isEmpty(), "Invalid S3 URI '%s': no bucket name after s3://", uri);
        return new S3Location(bucket, slash < 0 ? "" : rest.substring(slash + 1));
    }

    /** Returns the location {@code child} below this one (joined with a {@code /} if needed). */
    public S3Location resolve(String child) {
        Checks.notNull(child, "child");
        if (key.isEmpty() || key.endsWith("/")) {
            return new S3Location(bucket, key + child);
        }
        return new S3Location(bucket, key + "/" + child);
    }

    /** Returns {@code s3://bucket/key}. */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return uri();
    }
}
