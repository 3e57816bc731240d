package io.dataplatform.athena.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A minimal in-memory S3Client: ListObjectsV2 (2-key pages) and GetObject; records the keys read. */
final class TestS3 implements S3Client {
    final Map<String, byte[]> objects = new TreeMap<>();
    final List<String> reads = new ArrayList<>();

    TestS3 put(String uri, byte[] content) {
        objects.put(uri, content);
        return this;
    }

    TestS3 put(String uri, String content) {
        return put(uri, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public ListObjectsV2Response listObjectsV2(ListObjectsV2Request request) {
        String bucket = "s3://" + request.bucket() + "/";
        List<S3Object> all = objects.entrySet().stream().filter(e -> e.getKey().startsWith(bucket + request.prefix()))
                .map(e -> S3Object.builder().key(e.getKey().substring(bucket.length())).size((long) e.getValue().length)
                        .eTag("\"" + java.util.Arrays.hashCode(e.getValue()) + "\"").build()).toList();
        int from = request.continuationToken() == null ? 0 : Integer.parseInt(request.continuationToken());
        int to = Math.min(all.size(), from + 2);
        boolean more = to < all.size();
        return ListObjectsV2Response.builder().contents(all.subList(from, to)).isTruncated(more)
                .nextContinuationToken(more ? String.valueOf(to) : null).build();
    }

    @Override
    public <T> T getObject(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
        String uri = "s3://" + request.bucket() + "/" + request.key();
        byte[] content = objects.get(uri);
        if (content == null) {
            throw NoSuchKeyException.builder().message("no " + uri).build();
        }
        reads.add(uri);
        try {
            return transformer.transform(GetObjectResponse.builder().contentLength((long) content.length).build(),
                    software.amazon.awssdk.http.AbortableInputStream.create(new java.io.ByteArrayInputStream(content)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String serviceName() {
        return "s3";
    }

    @Override
    public void close() {
    }

}
