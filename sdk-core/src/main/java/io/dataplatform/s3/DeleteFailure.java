package io.dataplatform.s3;

/**
 * A key S3 refused to delete in a batch delete.
 *
 * @param key       the object key
 * @param errorCode S3's error code, e.g. {@code AccessDenied}
 * @param message   S3's error message
 */
public record DeleteFailure(String key, String errorCode, String message) {
}
