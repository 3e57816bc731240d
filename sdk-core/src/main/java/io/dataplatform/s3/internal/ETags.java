package io.dataplatform.s3.internal;

/** S3 returns entity tags in quotes; the SDK's values carry them without. */
final class ETags {
    private ETags() {
    }

    static String strip(String eTag) {
        if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag;
    }
}
