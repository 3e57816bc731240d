package io.dataplatform.testing.internal.glue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads what lies under a crawler's S3 targets through an ordinary {@link S3Client} acting as the
 * crawler's role: ListObjectsV2, then one ranged GetObject of the first {@value Classifier#SAMPLE_BYTES}
 * bytes per file (up to {@value Classifier#MAX_SAMPLE_BYTES} when rows are wider than that; Parquet: the
 * footer from the tail instead). So a crawl's cost grows with the number of files, not with their size.
 */
final class S3Crawl {
    private final S3Client s3;

    S3Crawl(S3Client s3) {
        this.s3 = s3;
    }

    /** What one target held. */
    record TargetFiles(String bucket, String prefix, String rootName, List<CrawledFile> files) {
    }

    /**
     * Everything the crawl read: files per target, how many were sampled, per-file errors, and the
     * folders (s3://bucket/prefix/) of files that exist but could not be read.
     */
    record Result(List<TargetFiles> targets, int filesRead, List<String> errors, Set<String> unreadableFolders) {
    }

    /**
     * Crawls the targets.
     *
     * @param targets      the S3 targets: path and exclusion globs
     * @param knownFolders folders (s3://bucket/prefix/) already crawled, skipped by an incremental crawl
     */
    Result crawl(List<software.amazon.awssdk.services.glue.model.S3Target> targets, Set<String> knownFolders) {
        List<TargetFiles> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> unreadable = new HashSet<>();
        int read = 0;
        for (var target : targets) {
            String path = target.path().substring("s3://".length());
            int slash = path.indexOf('/');
            String bucket = slash < 0 ? path : path.substring(0, slash);
            String prefix = slash < 0 ? "" : path.substring(slash + 1);
            if (!prefix.isEmpty() && !prefix.endsWith("/")) {
                prefix = prefix + "/";
            }
            List<Pattern> exclusions = target.exclusions().stream().map(Glob::compile).toList();
            String[] segments = prefix.split("/");
            String rootName = prefix.isEmpty() ? bucket : segments[segments.length - 1];
            List<CrawledFile> files = new ArrayList<>();
            String token = null;
            do {
                String page = token;
                String listPrefix = prefix;
                ListObjectsV2Response response = list(bucket, listPrefix, page);
                for (S3Object object : response.contents()) {
                    String relative = object.key().substring(prefix.length());
                    if (skipped(relative, exclusions)) {
                        continue;
                    }
                    String folder = "s3://" + bucket + "/" + object.key().substring(0, object.key().lastIndexOf('/') + 1);
                    if (knownFolders.contains(folder)) {
                        continue;
                    }
                    read++;
                    try {
                        Optional<FileSchema> schema = sample(bucket, object.key(), object.size());
                        schema.ifPresent(s -> files.add(CrawledFile.of(relative, object.size(), s)));
                    } catch (RuntimeException e) {
                        errors.add("s3://" + bucket + "/" + object.key() + ": " + e.getMessage());
                        unreadable.add(folder);
                    }
                }
                token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
            } while (token != null);
            found.add(new TargetFiles(bucket, prefix, rootName, files));
        }
        return new Result(found, read, errors, unreadable);
    }

    /**
     * Lists one page; a target that cannot be listed (missing bucket, access denied) fails the crawl,
     * not the StartCrawler call or the clock tick that started it: Glue reports it as the last crawl's
     * error.
     */
    private ListObjectsV2Response list(String bucket, String prefix, String token) {
        try {
            return s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).continuationToken(token));
        } catch (AwsServiceException e) {
            String reason = e.awsErrorDetails() == null ? e.getMessage()
                    : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
            throw new IllegalStateException("Unable to list s3://" + bucket + "/" + prefix + ": " + reason, e);
        }
    }

    private static boolean skipped(String relative, List<Pattern> exclusions) {
        if (relative.isEmpty() || relative.endsWith("/") || relative.endsWith("_$folder$")) {
            return true;
        }
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        // Hadoop's hidden files (_SUCCESS, .crc): Athena ignores names starting with '_' or '.', and so do we.
        if (name.startsWith("_") || name.startsWith(".")) {
            return true;
        }
        return exclusions.stream().anyMatch(p -> p.matcher(relative).matches());
    }

    private Optional<FileSchema> sample(String bucket, String key, long size) {
        if (size == 0) {
            return Optional.empty();
        }
        byte[] head = range(bucket, key, 0, (int) Math.min(size, Classifier.SAMPLE_BYTES));
        if (head.length < size && Classifier.needsMore(head)) {
            // Very wide rows: read on (still bounded) so the classifier sees a header and some data rows.
            byte[] rest = range(bucket, key, head.length, (int) Math.min(size, Classifier.MAX_SAMPLE_BYTES) - head.length);
            byte[] joined = Arrays.copyOf(head, head.length + rest.length);
            System.arraycopy(rest, 0, joined, head.length, rest.length);
            head = joined;
        }
        return Classifier.classify(head, size, () -> new RangedInputFile(size, (offset, length) -> range(bucket, key, offset, length)));
    }

    private byte[] range(String bucket, String key, long offset, int length) {
        GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(key)
                .range("bytes=" + offset + "-" + (offset + length - 1)).build();
        byte[] bytes = s3.getObjectAsBytes(request).asByteArray();
        // A server that ignores Range sends the whole object; keep only what was asked for.
        if (bytes.length > length) {
            return Arrays.copyOfRange(bytes, (int) Math.min(offset, bytes.length), (int) Math.min(offset + length, bytes.length));
        }
        return bytes;
    }
}
