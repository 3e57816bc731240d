package io.dataplatform.s3;

/**
 * What S3 acknowledged for a stored object.
 *
 * @param key       the object key
 * @param versionId the new version's id ({@code "null"} in an unversioned bucket)
 * @param eTag      the entity tag S3 returned, quotes removed
 * @param size      the number of bytes stored
 */
public record PutResult(String key, String versionId, String eTag, long size) {
}
