package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.testing.FakeAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Range headers S3 ignores (serving the whole object with 200) versus those it refuses with 416. */
class FakeS3RangeReadsTest {
    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();

    @BeforeEach
    void objects() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "abc.txt", "abc");
        put(s3, "acme-raw", "empty.txt", "");
    }

    @Test
    void rangeEndingBeforeItsStart_isIgnored_evenWhenItStartsPastTheEnd() {
        for (String range : new String[] {"bytes=2-1", "bytes=5-2"}) {
            var get = s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("abc.txt").range(range));
            var head = s3.headObject(b -> b.bucket("acme-raw").key("abc.txt").range(range));

            assertThat(get.asUtf8String()).as(range).isEqualTo("abc");
            assertThat(get.response().sdkHttpResponse().statusCode()).as(range).isEqualTo(200);
            assertThat(get.response().contentRange()).as(range).isNull();
            assertThat(get.response().contentLength()).as(range).isEqualTo(3L);
            assertThat(head.sdkHttpResponse().statusCode()).as(range).isEqualTo(200);
            assertThat(head.contentLength()).as(range).isEqualTo(3L);
        }
        var emptyGet = s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("empty.txt").range("bytes=5-2"));
        assertThat(emptyGet.response().sdkHttpResponse().statusCode()).isEqualTo(200);
    }

    @Test
    void suffixRangeOfAnEmptyObject_servesItWhole_whereRangesFromAnOffsetAre416() {
        var get = s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("empty.txt").range("bytes=-5"));
        var head = s3.headObject(b -> b.bucket("acme-raw").key("empty.txt").range("bytes=-5"));

        assertThat(get.asByteArray()).isEmpty();
        assertThat(get.response().sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(get.response().contentRange()).isNull();
        assertThat(get.response().contentLength()).isZero();
        assertThat(head.sdkHttpResponse().statusCode()).isEqualTo(200);
        for (String range : new String[] {"bytes=0-0", "bytes=0-"}) {
            expectS3Error(() -> s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("empty.txt").range(range)),
                    416, "InvalidRange", "The requested range is not satisfiable");
        }
        expectS3Error(() -> s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("abc.txt").range("bytes=-0")),
                416, "InvalidRange", "The requested range is not satisfiable");
    }

    @Test
    void multipleOrNonByteRanges_areIgnored() {
        for (String range : new String[] {"bytes=0-1,2-2", "items=0-1", "bytes=a-b"}) {
            var get = s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("abc.txt").range(range));

            assertThat(get.asUtf8String()).as(range).isEqualTo("abc");
            assertThat(get.response().sdkHttpResponse().statusCode()).as(range).isEqualTo(200);
            assertThat(get.response().contentRange()).as(range).isNull();
        }
    }
}
