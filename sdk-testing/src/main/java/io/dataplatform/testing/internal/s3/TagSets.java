package io.dataplatform.testing.internal.s3;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

/**
 * S3's rules for tag sets (user guide, "Categorizing your storage using tags"): at most 10 tags per
 * object and 50 per bucket, unique keys of 1 to 128 characters, values of up to 256, made of
 * letters, digits, spaces and {@code + - = . _ : / @}.
 */
final class TagSets {
    static final int MAX_OBJECT_TAGS = 10;
    static final int MAX_BUCKET_TAGS = 50;
    private static final int MAX_KEY = 128;
    private static final int MAX_VALUE = 256;
    /**
     * Keys under "aws:" are AWS's own (system tags): S3 refuses them from a requester, with one message for objects
     * and another for buckets (InvalidTag as quoted in cloud-custodian#370 and #2834; the current messages are those
     * LocalStack checks against S3 in its tag validation).
     */
    private static final String SYSTEM_PREFIX = "aws:";
    private static final String OBJECT_SYSTEM_TAG = "Your TagKey cannot be prefixed with aws:";
    private static final String BUCKET_SYSTEM_TAG = "System tags cannot be added/updated by requester";
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}\\p{Zs}+\\-=._:/@]*");

    private TagSets() {
    }

    /** Returns an unmodifiable copy that keeps the order the tags were given in. */
    static Map<String, String> copy(Map<String, String> tags) {
        return tags.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** Checks an object's tag set from PutObjectTagging; 400 BadRequest or InvalidTag as S3 answers. */
    static Map<String, String> objectTags(Tagging tagging) {
        List<Tag> tags = tagSet(tagging);
        if (tags.size() > MAX_OBJECT_TAGS) {
            throw S3Errors.badRequest("BadRequest", "Object tags cannot be greater than 10");
        }
        return check(tags, OBJECT_SYSTEM_TAG);
    }

    /** Checks a bucket's tag set from PutBucketTagging. */
    static Map<String, String> bucketTags(Tagging tagging) {
        List<Tag> tags = tagSet(tagging);
        if (tags.size() > MAX_BUCKET_TAGS) {
            throw S3Errors.badRequest("BadRequest", "Bucket tag count cannot be greater than 50");
        }
        return check(tags, BUCKET_SYSTEM_TAG);
    }

    /**
     * Parses the x-amz-tagging header of PutObject, CopyObject and CreateMultipartUpload: URL query
     * parameters ({@code k1=v1&k2=v2}), URL-encoded; a key without '=' has the empty value.
     */
    static Map<String, String> header(String header) {
        if (header == null || header.isEmpty()) {
            return Map.of();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : header.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (tags.put(key, value) != null) {
                throw S3Errors.badRequest("InvalidArgument", "The header 'x-amz-tagging' shall be encoded as UTF-8 "
                        + "then URLEncoded URL query parameters without tag name duplicates.");
            }
        }
        if (tags.size() > MAX_OBJECT_TAGS) {
            throw S3Errors.badRequest("BadRequest", "Object tags cannot be greater than 10");
        }
        return check(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList(),
                OBJECT_SYSTEM_TAG);
    }

    /** Returns the tags as the SDK's TagSet. */
    static List<Tag> toTagSet(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    private static List<Tag> tagSet(Tagging tagging) {
        if (tagging == null) {
            throw S3Errors.badRequest("MalformedXML", "The XML you provided was not well-formed or did not validate "
                    + "against our published schema");
        }
        return tagging.tagSet();
    }

    /**
     * The length limits count UTF-16 code units, not code points: "Amazon S3 object tags are represented
     * internally in UTF-16. Note that in UTF-16, characters consume either 1 or 2 character positions"
     * (user guide, "Managing object tags"), so an emoji takes two of a key's 128 characters.
     */
    private static Map<String, String> check(List<Tag> tags, String systemTagMessage) {
        Map<String, String> checked = new LinkedHashMap<>();
        for (Tag tag : tags) {
            String key = tag.key();
            String value = tag.value() == null ? "" : tag.value();
            if (key != null && key.startsWith(SYSTEM_PREFIX)) {
                throw S3Errors.badRequest("InvalidTag", systemTagMessage);
            }
            if (key == null || key.isEmpty() || key.length() > MAX_KEY || !ALLOWED.matcher(key).matches()) {
                throw S3Errors.badRequest("InvalidTag", "The TagKey you have provided is invalid");
            }
            if (value.length() > MAX_VALUE || !ALLOWED.matcher(value).matches()) {
                throw S3Errors.badRequest("InvalidTag", "The TagValue you have provided is invalid");
            }
            if (checked.put(key, value) != null) {
                throw S3Errors.badRequest("InvalidTag", "Cannot provide multiple Tags with the same key");
            }
        }
        return copy(checked);
    }
}
