package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.createVersionedBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.dataplatform.testing.FakeAws;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;

class FakeS3DeleteObjectsTest {
    private final S3Client s3 = FakeAws.create().s3();

    private static List<ObjectIdentifier> ids(String... keys) {
        return java.util.Arrays.stream(keys).map(k -> ObjectIdentifier.builder().key(k).build()).toList();
    }

    @Test
    void deleteObjects_over1000Keys_fails400MalformedXml() {
        createBucket(s3, "acme-raw");
        List<ObjectIdentifier> keys = IntStream.range(0, 1001).mapToObj(i -> ObjectIdentifier.builder().key("k" + i).build()).toList();
        expectS3Error(() -> s3.deleteObjects(b -> b.bucket("acme-raw").delete(d -> d.objects(keys))), 400, "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    @Test
    void deleteObjects_anEmptyKey_failsTheWholeRequest400UserKeyMustBeSpecified() {
        createVersionedBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a", "1");

        expectS3Error(() -> s3.deleteObjects(b -> b.bucket("acme-raw").delete(d -> d.objects(ids("a", "")).quiet(true))),
                400, "UserKeyMustBeSpecified", "User key must be specified.");

        assertThat(s3.listObjectVersions(b -> b.bucket("acme-raw")).deleteMarkers()).isEmpty();
        assertThat(s3.listObjectsV2(b -> b.bucket("acme-raw")).contents()).extracting(S3Object::key).containsExactly("a");
    }

    @Test
    void deleteObjects_versioned_reportsDeleteMarkers() {
        createVersionedBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a", "1");
        put(s3, "acme-raw", "b", "2");

        var response = s3.deleteObjects(b -> b.bucket("acme-raw").delete(d -> d.objects(ids("a", "b", "never"))));

        assertThat(response.deleted()).extracting(DeletedObject::key, DeletedObject::deleteMarker)
                .containsExactly(tuple("a", true), tuple("b", true), tuple("never", true));
        assertThat(response.deleted()).allSatisfy(d -> assertThat(d.deleteMarkerVersionId()).isNotBlank());
        assertThat(response.errors()).isEmpty();
        assertThat(s3.listObjectsV2(b -> b.bucket("acme-raw")).contents()).isEmpty();
    }

    @Test
    void deleteObjects_quietWithDeniedKey_reportsOnlyTheError() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "keep/a", "1");
        put(s3, "acme-raw", "tmp/b", "2");
        s3.putBucketPolicy(b -> b.bucket("acme-raw").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::acme-raw/keep/*\"}]}"));

        var response = s3.deleteObjects(b -> b.bucket("acme-raw").delete(d -> d.objects(ids("keep/a", "tmp/b")).quiet(true)));

        assertThat(response.deleted()).isEmpty();
        assertThat(response.errors()).extracting(S3Error::key, S3Error::code, S3Error::message)
                .containsExactly(tuple("keep/a", "AccessDenied", "Access Denied"));
        assertThat(s3.listObjectsV2(b -> b.bucket("acme-raw")).contents()).extracting(S3Object::key).containsExactly("keep/a");
    }
}
