package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.get;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.s3.Principal;
import io.dataplatform.testing.FakeAws;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.InvalidObjectStateException;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The standard object headers (Cache-Control, Content-Encoding, Content-Disposition, Content-Language,
 * Expires, x-amz-website-redirect-location) and the storage class: stored by the writes, returned by
 * the reads, and GetObject's response-* overrides (PutObject, GetObject, HeadObject, CopyObject API references).
 */
class FakeS3ObjectHeadersTest {
    private static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");
    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();

    private void putWithHeaders(String key, StorageClass storageClass) {
        s3.putObject(b -> b.bucket("acme-web").key(key).cacheControl("max-age=60").contentEncoding("gzip")
                .contentDisposition("attachment; filename=\"report.csv\"").contentLanguage("de-DE").expires(EXPIRES)
                .websiteRedirectLocation("/other.html").storageClass(storageClass), RequestBody.fromString("body"));
    }

    @Test
    void putObject_headersComeBackFromHeadAndGet() {
        createBucket(s3, "acme-web");
        putWithHeaders("report.csv", StorageClass.STANDARD_IA);

        HeadObjectResponse head = s3.headObject(b -> b.bucket("acme-web").key("report.csv"));
        assertThat(head.cacheControl()).isEqualTo("max-age=60");
        assertThat(head.contentEncoding()).isEqualTo("gzip");
        assertThat(head.contentDisposition()).isEqualTo("attachment; filename=\"report.csv\"");
        assertThat(head.contentLanguage()).isEqualTo("de-DE");
        assertThat(head.expires()).isEqualTo(EXPIRES);
        assertThat(head.websiteRedirectLocation()).isEqualTo("/other.html");
        assertThat(head.storageClass()).isEqualTo(StorageClass.STANDARD_IA);

        GetObjectResponse got = s3.getObjectAsBytes(b -> b.bucket("acme-web").key("report.csv")).response();
        assertThat(got.cacheControl()).isEqualTo("max-age=60");
        assertThat(got.contentEncoding()).isEqualTo("gzip");
        assertThat(got.contentDisposition()).isEqualTo("attachment; filename=\"report.csv\"");
        assertThat(got.contentLanguage()).isEqualTo("de-DE");
        assertThat(got.expires()).isEqualTo(EXPIRES);
        assertThat(got.websiteRedirectLocation()).isEqualTo("/other.html");
        assertThat(got.storageClass()).isEqualTo(StorageClass.STANDARD_IA);
    }

    @Test
    void expires_travelsInWholeSeconds() {
        createBucket(s3, "acme-web");
        s3.putObject(b -> b.bucket("acme-web").key("k").expires(EXPIRES.plusMillis(750)), RequestBody.fromString("x"));
        assertThat(s3.headObject(b -> b.bucket("acme-web").key("k")).expires()).isEqualTo(EXPIRES);
    }

    @Test
    void standardStorageClass_isNotReportedByReadsButListedByListings() {
        createBucket(s3, "acme-web");
        put(s3, "acme-web", "plain", "x");
        putWithHeaders("cold", StorageClass.ONEZONE_IA);

        // S3 sends x-amz-storage-class only for classes other than STANDARD.
        assertThat(s3.headObject(b -> b.bucket("acme-web").key("plain")).storageClass()).isNull();
        assertThat(s3.headObject(b -> b.bucket("acme-web").key("plain")).cacheControl()).isNull();
        assertThat(s3.listObjectsV2(b -> b.bucket("acme-web")).contents()).extracting(S3Object::storageClassAsString)
                .containsExactly("ONEZONE_IA", "STANDARD");
        assertThat(s3.listObjects(b -> b.bucket("acme-web")).contents()).extracting(S3Object::storageClassAsString)
                .containsExactly("ONEZONE_IA", "STANDARD");
        assertThat(s3.listObjectVersions(b -> b.bucket("acme-web")).versions())
                .extracting(v -> v.storageClassAsString()).containsExactly("ONEZONE_IA", "STANDARD");
        assertThat(s3.getObjectAttributes(b -> b.bucket("acme-web").key("cold")
                .objectAttributes(ObjectAttributes.STORAGE_CLASS)).storageClass()).isEqualTo(StorageClass.ONEZONE_IA);
        assertThat(s3.getObjectAttributes(b -> b.bucket("acme-web").key("plain")
                .objectAttributes(ObjectAttributes.STORAGE_CLASS)).storageClass()).isEqualTo(StorageClass.STANDARD);
    }

    @Test
    void unknownStorageClass_isInvalidStorageClass() {
        createBucket(s3, "acme-web");
        expectS3Error(() -> s3.putObject(b -> b.bucket("acme-web").key("k").storageClass("COLD_AS_ICE"),
                RequestBody.fromString("x")), 400, "InvalidStorageClass", "The storage class you specified is not valid");
        expectS3Error(() -> s3.createMultipartUpload(b -> b.bucket("acme-web").key("k").storageClass("OUTPOSTS")),
                400, "InvalidStorageClass", "The storage class you specified is not valid");
        expectS3Error(() -> s3.headObject(b -> b.bucket("acme-web").key("k")), 404, "NotFound", null);
    }

    @Test
    void multipartUpload_completedObjectKeepsTheHeadersOfCreate() {
        createBucket(s3, "acme-web");
        String uploadId = s3.createMultipartUpload(b -> b.bucket("acme-web").key("big").cacheControl("no-cache")
                .contentLanguage("fr").storageClass(StorageClass.INTELLIGENT_TIERING)).uploadId();
        assertThat(s3.listMultipartUploads(b -> b.bucket("acme-web")).uploads().get(0).storageClass())
                .isEqualTo(StorageClass.INTELLIGENT_TIERING);
        assertThat(s3.listParts(b -> b.bucket("acme-web").key("big").uploadId(uploadId)).storageClass())
                .isEqualTo(StorageClass.INTELLIGENT_TIERING);
        String etag = s3.uploadPart(b -> b.bucket("acme-web").key("big").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("part")).eTag();
        s3.completeMultipartUpload(b -> b.bucket("acme-web").key("big").uploadId(uploadId)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));

        HeadObjectResponse head = s3.headObject(b -> b.bucket("acme-web").key("big"));
        assertThat(head.cacheControl()).isEqualTo("no-cache");
        assertThat(head.contentLanguage()).isEqualTo("fr");
        assertThat(head.storageClass()).isEqualTo(StorageClass.INTELLIGENT_TIERING);
    }

    @Test
    void copyObject_copyKeepsTheSourceHeadersReplaceTakesTheRequests_storageClassAlwaysFromTheRequest() {
        createBucket(s3, "acme-web");
        putWithHeaders("src", StorageClass.STANDARD_IA);

        s3.copyObject(b -> b.sourceBucket("acme-web").sourceKey("src").destinationBucket("acme-web").destinationKey("kept")
                .cacheControl("ignored-with-copy"));
        HeadObjectResponse kept = s3.headObject(b -> b.bucket("acme-web").key("kept"));
        assertThat(kept.cacheControl()).isEqualTo("max-age=60");
        assertThat(kept.contentDisposition()).isEqualTo("attachment; filename=\"report.csv\"");
        assertThat(kept.expires()).isEqualTo(EXPIRES);
        assertThat(kept.storageClass()).as("a copy without x-amz-storage-class is STANDARD").isNull();

        s3.copyObject(b -> b.sourceBucket("acme-web").sourceKey("src").destinationBucket("acme-web").destinationKey("replaced")
                .metadataDirective(MetadataDirective.REPLACE).cacheControl("no-store").storageClass(StorageClass.GLACIER_IR));
        HeadObjectResponse replaced = s3.headObject(b -> b.bucket("acme-web").key("replaced"));
        assertThat(replaced.cacheControl()).isEqualTo("no-store");
        assertThat(replaced.contentDisposition()).isNull();
        assertThat(replaced.contentEncoding()).isNull();
        assertThat(replaced.expires()).isNull();
        assertThat(replaced.storageClass()).isEqualTo(StorageClass.GLACIER_IR);

        // Changing only the storage class is a legal copy of an object onto itself.
        s3.copyObject(b -> b.sourceBucket("acme-web").sourceKey("src").destinationBucket("acme-web").destinationKey("src")
                .storageClass(StorageClass.ONEZONE_IA));
        HeadObjectResponse self = s3.headObject(b -> b.bucket("acme-web").key("src"));
        assertThat(self.storageClass()).isEqualTo(StorageClass.ONEZONE_IA);
        assertThat(self.cacheControl()).isEqualTo("max-age=60");
    }

    @Test
    void archivedObject_cannotBeReadOrCopiedButHeadReportsItsClass() {
        createBucket(s3, "acme-web");
        for (StorageClass archive : new StorageClass[] {StorageClass.GLACIER, StorageClass.DEEP_ARCHIVE}) {
            s3.putObject(b -> b.bucket("acme-web").key("old").storageClass(archive), RequestBody.fromString("cold"));

            InvalidObjectStateException e = (InvalidObjectStateException) expectS3Error(
                    () -> get(s3, "acme-web", "old"), 403, "InvalidObjectState",
                    "The operation is not valid for the object's storage class");
            assertThat(e).isNotNull();
            expectS3Error(() -> s3.copyObject(b -> b.sourceBucket("acme-web").sourceKey("old")
                    .destinationBucket("acme-web").destinationKey("copy")), 403, "InvalidObjectState",
                    "The operation is not valid for the object's storage class");
            assertThat(s3.headObject(b -> b.bucket("acme-web").key("old")).storageClass()).isEqualTo(archive);
        }
        s3.putObject(b -> b.bucket("acme-web").key("instant").storageClass(StorageClass.GLACIER_IR),
                RequestBody.fromString("warm"));
        assertThat(get(s3, "acme-web", "instant")).as("Glacier Instant Retrieval needs no restore").isEqualTo("warm");
    }

    @Test
    void getObject_responseOverridesSetTheResponseHeaders() {
        createBucket(s3, "acme-web");
        put(s3, "acme-web", "data.bin", "payload");
        Instant expires = Instant.parse("2031-05-06T07:08:09Z");

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("acme-web").key("data.bin")
                .responseContentType("application/json").responseContentLanguage("en").responseExpires(expires)
                .responseCacheControl("no-cache").responseContentDisposition("inline").responseContentEncoding("identity"));
        assertThat(got.asUtf8String()).isEqualTo("payload");
        assertThat(got.response().contentType()).isEqualTo("application/json");
        assertThat(got.response().contentLanguage()).isEqualTo("en");
        assertThat(got.response().expires()).isEqualTo(expires);
        assertThat(got.response().cacheControl()).isEqualTo("no-cache");
        assertThat(got.response().contentDisposition()).isEqualTo("inline");
        assertThat(got.response().contentEncoding()).isEqualTo("identity");
        // The override answers this request only.
        assertThat(s3.headObject(b -> b.bucket("acme-web").key("data.bin")).contentType()).isEqualTo("text/plain; charset=UTF-8");
    }

    @Test
    void getObject_responseOverridesNeedASignedRequest() {
        createBucket(s3, "acme-web");
        put(s3, "acme-web", "public.txt", "hello");
        s3.deletePublicAccessBlock(b -> b.bucket("acme-web"));
        s3.putBucketPolicy(b -> b.bucket("acme-web").policy(Policies.document(
                Policies.allow("\"*\"", "s3:GetObject", "arn:aws:s3:::acme-web/*"))));
        S3Client anonymous = aws.s3(Principal.anyone());

        assertThat(get(anonymous, "acme-web", "public.txt")).isEqualTo("hello");
        expectS3Error(() -> anonymous.getObjectAsBytes(b -> b.bucket("acme-web").key("public.txt")
                .responseContentType("text/html")), 400, "InvalidRequest",
                "Request specific response headers cannot be used for anonymous GET requests.");
    }
    @Test
    void objectLockOnAWrite_isRefusedBecauseNoBucketHasObjectLock() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "source.csv", "x");
        Instant until = Instant.parse("2030-01-01T00:00:00Z");
        String message = "Bucket is missing ObjectLockConfiguration";

        expectS3Error(() -> s3.putObject(b -> b.bucket("acme-raw").key("locked.csv").objectLockMode("GOVERNANCE")
                .objectLockRetainUntilDate(until), RequestBody.fromString("x")), 400, "InvalidRequest", message);
        expectS3Error(() -> s3.putObject(b -> b.bucket("acme-raw").key("held.csv").objectLockLegalHoldStatus("ON"),
                RequestBody.fromString("x")), 400, "InvalidRequest", message);
        expectS3Error(() -> s3.copyObject(b -> b.sourceBucket("acme-raw").sourceKey("source.csv")
                .destinationBucket("acme-raw").destinationKey("locked.csv").objectLockMode("COMPLIANCE")
                .objectLockRetainUntilDate(until)), 400, "InvalidRequest", message);
        expectS3Error(() -> s3.createMultipartUpload(b -> b.bucket("acme-raw").key("locked.csv")
                .objectLockLegalHoldStatus("ON")), 400, "InvalidRequest", message);

        assertThat(s3.listObjectsV2(b -> b.bucket("acme-raw")).contents()).extracting(S3Object::key)
                .containsExactly("source.csv");
        assertThat(s3.listMultipartUploads(b -> b.bucket("acme-raw")).uploads()).isEmpty();
    }
}
