package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.createVersionedBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.s3.BucketPolicy;
import io.dataplatform.s3.Principal;
import io.dataplatform.testing.FakeAws;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;

class FakeS3AttributesAndListObjectsTest {
    private static final int MIB5 = 5 * 1024 * 1024;
    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();

    @Test
    void getObjectAttributes_returnsOnlyTheRequestedAttributes_withTheETagUnquoted() {
        createVersionedBucket(s3, "acme-raw");
        var put = s3.putObject(r -> r.bucket("acme-raw").key("a.csv").checksumAlgorithm(ChecksumAlgorithm.SHA256),
                RequestBody.fromString("hello"));

        GetObjectAttributesResponse all = s3.getObjectAttributes(r -> r.bucket("acme-raw").key("a.csv")
                .objectAttributes(ObjectAttributes.E_TAG, ObjectAttributes.CHECKSUM, ObjectAttributes.OBJECT_SIZE,
                        ObjectAttributes.STORAGE_CLASS, ObjectAttributes.OBJECT_PARTS));
        GetObjectAttributesResponse sizeOnly = s3.getObjectAttributes(r -> r.bucket("acme-raw").key("a.csv")
                .objectAttributes(ObjectAttributes.OBJECT_SIZE));

        assertThat('"' + all.eTag() + '"').isEqualTo(put.eTag());
        assertThat(all.checksum().checksumSHA256()).isEqualTo("LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");
        assertThat(all.checksum().checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
        assertThat(all.objectSize()).isEqualTo(5);
        assertThat(all.storageClass()).isEqualTo(StorageClass.STANDARD);
        assertThat(all.objectParts()).as("a single-part object has no parts").isNull();
        assertThat(all.versionId()).isEqualTo(put.versionId());
        assertThat(all.lastModified()).isEqualTo(aws.clock().instant());
        assertThat(sizeOnly.objectSize()).isEqualTo(5);
        assertThat(sizeOnly.eTag()).isNull();
        assertThat(sizeOnly.storageClass()).isNull();
        assertThat(sizeOnly.checksum()).isNull();
    }

    @Test
    void getObjectAttributes_multipartWithChecksum_pagesTheParts() {
        createBucket(s3, "acme-raw");
        String uploadId = s3.createMultipartUpload(r -> r.bucket("acme-raw").key("big.bin")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            int number = n;
            byte[] data = new byte[n < 3 ? MIB5 : 10];
            String etag = s3.uploadPart(r -> r.bucket("acme-raw").key("big.bin").uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(data)).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        s3.completeMultipartUpload(r -> r.bucket("acme-raw").key("big.bin").uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));

        GetObjectAttributesResponse first = s3.getObjectAttributes(r -> r.bucket("acme-raw").key("big.bin")
                .objectAttributes(ObjectAttributes.OBJECT_PARTS, ObjectAttributes.CHECKSUM).maxParts(2));
        GetObjectAttributesResponse second = s3.getObjectAttributes(r -> r.bucket("acme-raw").key("big.bin")
                .objectAttributes(ObjectAttributes.OBJECT_PARTS).maxParts(2)
                .partNumberMarker(first.objectParts().nextPartNumberMarker()));

        assertThat(first.objectParts().totalPartsCount()).isEqualTo(3);
        assertThat(first.objectParts().isTruncated()).isTrue();
        assertThat(first.objectParts().nextPartNumberMarker()).isEqualTo(2);
        assertThat(first.objectParts().parts()).extracting(ObjectPart::partNumber, ObjectPart::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, (long) MIB5),
                        org.assertj.core.groups.Tuple.tuple(2, (long) MIB5));
        assertThat(first.objectParts().parts()).allSatisfy(p -> assertThat(p.checksumCRC32()).isNotNull());
        assertThat(first.checksum().checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        assertThat(first.checksum().checksumCRC32()).endsWith("-3");
        assertThat(second.objectParts().isTruncated()).isFalse();
        assertThat(second.objectParts().parts()).extracting(ObjectPart::partNumber).containsExactly(3);
    }

    @Test
    void getObjectAttributes_multipartWithoutChecksum_countsThePartsButListsNone() {
        createBucket(s3, "acme-raw");
        String uploadId = s3.createMultipartUpload(r -> r.bucket("acme-raw").key("big.bin")).uploadId();
        String etag = s3.uploadPart(r -> r.bucket("acme-raw").key("big.bin").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("only part")).eTag();
        s3.completeMultipartUpload(r -> r.bucket("acme-raw").key("big.bin").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));

        GetObjectAttributesResponse response = s3.getObjectAttributes(r -> r.bucket("acme-raw").key("big.bin")
                .objectAttributes(ObjectAttributes.OBJECT_PARTS, ObjectAttributes.E_TAG));

        assertThat(response.objectParts().totalPartsCount()).isEqualTo(1);
        assertThat(response.objectParts().hasParts()).isFalse();
        assertThat(response.eTag()).endsWith("-1");
    }

    @Test
    void getObjectAttributes_ofADeleteMarker_is404NoSuchKeyWithTheDeleteMarkerHeader() {
        createVersionedBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.csv", "1");
        String markerId = s3.deleteObject(r -> r.bucket("acme-raw").key("a.csv")).versionId();

        S3Exception e = expectS3Error(() -> s3.getObjectAttributes(r -> r.bucket("acme-raw").key("a.csv")
                .objectAttributes(ObjectAttributes.E_TAG)), 404, "NoSuchKey", "The specified key does not exist.");

        assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker")).hasValue("true");
        assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-version-id")).hasValue(markerId);
    }

    @Test
    void getObjectAttributes_needsTheAttributesActions() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.csv", "1");
        aws.dataPlatform().bucket("acme-raw").policy(BucketPolicy.builder()
                .allowRead(Principal.role("analyst"), "*").build());

        expectS3Error(() -> aws.s3(Principal.role("analyst")).getObjectAttributes(r -> r.bucket("acme-raw").key("a.csv")
                .objectAttributes(ObjectAttributes.OBJECT_SIZE)), 403, "AccessDenied", "Access Denied");
    }

    @Test
    void listObjects_pagesByMarker_withNextMarkerOnlyWhenADelimiterIsGiven() {
        createBucket(s3, "acme-raw");
        for (String key : List.of("a.csv", "b.csv", "dir/x.csv", "dir/y.csv", "e.csv")) {
            put(s3, "acme-raw", key, "x");
        }

        ListObjectsResponse flat = s3.listObjects(r -> r.bucket("acme-raw").maxKeys(2));
        ListObjectsResponse flatNext = s3.listObjects(r -> r.bucket("acme-raw").maxKeys(2).marker("b.csv"));
        ListObjectsResponse grouped = s3.listObjects(r -> r.bucket("acme-raw").delimiter("/").maxKeys(3));
        ListObjectsResponse groupedNext = s3.listObjects(r -> r.bucket("acme-raw").delimiter("/").maxKeys(3)
                .marker(grouped.nextMarker()));

        assertThat(flat.contents()).extracting(S3Object::key).containsExactly("a.csv", "b.csv");
        assertThat(flat.isTruncated()).isTrue();
        assertThat(flat.nextMarker()).isNull();
        assertThat(flat.maxKeys()).isEqualTo(2);
        assertThat(flat.contents()).allSatisfy(o -> assertThat(o.owner().id()).isEqualTo(aws.accountId()));
        assertThat(flatNext.contents()).extracting(S3Object::key).containsExactly("dir/x.csv", "dir/y.csv");
        assertThat(flatNext.marker()).isEqualTo("b.csv");
        assertThat(grouped.contents()).extracting(S3Object::key).containsExactly("a.csv", "b.csv");
        assertThat(grouped.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("dir/");
        assertThat(grouped.isTruncated()).isTrue();
        assertThat(grouped.nextMarker()).isEqualTo("dir/");
        assertThat(groupedNext.contents()).extracting(S3Object::key).containsExactly("e.csv");
        assertThat(groupedNext.isTruncated()).isFalse();
        assertThat(groupedNext.nextMarker()).isNull();
    }

    @Test
    void listObjects_defaultsTo1000Keys_andEchoesTheEncodingType() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a b.csv", "x");

        ListObjectsResponse response = s3.listObjects(r -> r.bucket("acme-raw").encodingType(EncodingType.URL));

        assertThat(response.maxKeys()).isEqualTo(1000);
        assertThat(response.isTruncated()).isFalse();
        assertThat(response.encodingType()).isEqualTo(EncodingType.URL);
        // The SDK decodes url-encoded keys before the caller sees them, so they arrive as stored.
        assertThat(response.contents()).extracting(S3Object::key).containsExactly("a b.csv");
    }

    @Test
    void listObjects_asAPrincipalWithoutListBucket_isDenied() {
        createBucket(s3, "acme-raw");
        aws.dataPlatform().bucket("acme-raw").policy(BucketPolicy.builder()
                .allowRead(Principal.role("analyst"), "*").build());

        expectS3Error(() -> aws.s3(Principal.role("analyst")).listObjects(r -> r.bucket("acme-raw")),
                403, "AccessDenied", "Access Denied");
    }
}
