package io.dataplatform.glue.internal;

import java.util.regex.Pattern;

/**
 * Glue's naming rules, checked before any call. Glue itself lower-cases database, table and column
 * names (Hive metastore semantics) and Athena accepts only lowercase letters, digits and '_', so the
 * SDK rejects anything else rather than letting a name silently change.
 */
public final class GlueNames {
    private static final Pattern CATALOG_NAME = Pattern.compile("[a-z0-9_]{1,255}");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9_]{0,128}");
    private static final Pattern CRAWLER_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,255}");
    private static final Pattern ROLE_NAME = Pattern.compile("(/[\\w+=,.@-]+)*/?[\\w+=,.@-]{1,64}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern S3_URI = Pattern.compile("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?");

    private GlueNames() {
    }

    /** Checks a database name. */
    public static String checkDatabase(String name) {
        return check(name, "database name");
    }

    /** Checks a table name. */
    public static String checkTable(String name) {
        return check(name, "table name");
    }

    /** Checks a column or partition key name. */
    public static String checkColumn(String name) {
        return check(name, "column name");
    }

    /** Checks a crawler's table prefix (may be empty). */
    public static String checkTablePrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Invalid table prefix '" + prefix
                    + "': must be 0-128 characters of lowercase letters, digits and '_'");
        }
        return prefix;
    }

    /** Checks a crawler name. */
    public static String checkCrawler(String name) {
        if (name == null || !CRAWLER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid crawler name '" + name
                    + "': must be 1-255 characters of letters, digits, '_', '.' and '-'");
        }
        return name;
    }

    /** Checks an IAM role given by name ({@code AWSGlueServiceRole-sales}) or ARN. */
    /** Checks a job name: 1 to 255 characters, no control characters but tab (Glue's name pattern). */
    public static String checkJob(String name) {
        io.dataplatform.internal.Checks.notNull(name, "job name");
        io.dataplatform.internal.Checks.require(!name.isEmpty() && name.length() <= 255
                        && name.chars().noneMatch(c -> c < 0x20 && c != '\t'),
                "Invalid job name '%s': must be 1-255 characters without control characters", name);
        return name;
    }

    public static String checkRole(String role) {
        if (role == null || !(ROLE_ARN.matcher(role).matches() || (!role.startsWith("arn:") && ROLE_NAME.matcher(role).matches()))) {
            throw new IllegalArgumentException("Invalid role '" + role
                    + "': must be an IAM role name (1-64 characters of letters, digits and '+=,.@_-') "
                    + "or a role ARN (arn:aws:iam::<12-digit account>:role/<name>)");
        }
        return role;
    }

    /** Checks an S3 location {@code s3://bucket[/prefix]} for the named field. */
    public static String checkS3Location(String location, String field) {
        if (location == null || !S3_URI.matcher(location).matches()) {
            throw new IllegalArgumentException("Invalid " + field + " '" + location
                    + "': must be an S3 URI s3://<bucket>/<prefix> with a valid bucket name");
        }
        return location;
    }

    /** Fails with {@link IllegalStateException} naming a required builder field that was not set. */
    public static <T> T required(T value, String field, String builder) {
        if (value == null) {
            throw new IllegalStateException(field + " is required: call " + builder + "." + field + "(..) before build()");
        }
        return value;
    }

    private static String check(String name, String what) {
        if (name == null || !CATALOG_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid " + what + " '" + name
                    + "': must be 1-255 characters of lowercase letters, digits and '_'");
        }
        return name;
    }
}
