package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import io.dataplatform.glue.internal.GlueNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An S3 path a crawler crawls, with glob patterns of keys to leave out. Patterns are relative to
 * the path, as in Glue: {@code *} matches within one folder level, {@code **} across levels,
 * {@code ?} one character, {@code {a,b}} alternatives, {@code [..]} a character class.
 *
 * <pre>{@code
 * S3Target.of("s3://acme-raw/sales/").exclude("**.tmp", "_staging/**");
 * }</pre>
 *
 * @param path       {@code s3://bucket/prefix/}
 * @param exclusions glob patterns of keys (relative to the path) to skip
 */
public record S3Target(String path, List<String> exclusions) {

    /** Validates the path and copies the exclusions. */
    public S3Target {
        GlueNames.checkS3Location(path, "S3 target path");
        // Checked before List.copyOf, which would reject a null pattern with a bare NullPointerException.
        for (String pattern : exclusions) {
            if (pattern == null || pattern.isBlank()) {
                throw new IllegalArgumentException("Invalid exclusion pattern '" + pattern + "': must not be blank");
            }
        }
        exclusions = Checks.copyOf(exclusions, "exclusions");
    }

    /** Returns a target without exclusions. */
    public static S3Target of(String path) {
        return new S3Target(path, List.of());
    }

    /** Returns a copy that also excludes keys matching {@code patterns}. */
    public S3Target exclude(String... patterns) {
        List<String> all = new ArrayList<>(exclusions);
        all.addAll(Arrays.asList(patterns));
        return new S3Target(path, all);
    }
}
