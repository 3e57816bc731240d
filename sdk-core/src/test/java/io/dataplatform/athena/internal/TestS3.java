package io.dataplatform.athena.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A minimal in-memory S3Client for estimates: object sizes and ListObjectsV2 with 2-key pages. */
final class TestS3 implements S3Client {
    final Map<String, Long> objects = new TreeMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();

    TestS3 put(String uri, long size) {
        objects.put(uri, size);
        return this;
    }

    @Override
    public ListObjectsV2Response listObjectsV2(ListObjectsV2Request request) {
        calls.add("ListObjectsV2 " + request.bucket() + "/" + request.prefix());
        String base = "s3://" + request.bucket() + "/" + request.prefix();
        List<S3Object> all = objects.entrySet().stream().filter(e -> e.getKey().startsWith(base))
                .map(e -> S3Object.builder().key(e.getKey().substring(("s3://" + request.bucket() + "/").length()))
                        .size(e.getValue()).build()).toList();
        int from = request.continuationToken() == null ? 0 : Integer.parseInt(request.continuationToken());
        int to = Math.min(all.size(), from + 2);
        boolean more = to < all.size();
        return ListObjectsV2Response.builder().contents(all.subList(from, to)).isTruncated(more)
                .nextContinuationToken(more ? String.valueOf(to) : null).build();
    }

    @Override
    public String serviceName() {
        return "s3";
    }

    @Override
    public void close() {
    }
}
