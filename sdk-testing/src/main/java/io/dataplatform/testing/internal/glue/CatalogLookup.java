package io.dataplatform.testing.internal.glue;

import java.util.Locale;

/**
 * Finds catalog entries and checks names the way Glue does, shared by the database/table and the
 * partition operations so they word a missing database or table alike. Callers hold the world's lock.
 */
final class CatalogLookup {
    private final GlueWorld world;
    private final GlueErrors errors;

    CatalogLookup(GlueWorld world) {
        this.world = world;
        this.errors = world.errors();
    }

    /** Looks a database up the way Glue does: case-insensitively, since names are stored lower-cased. */
    CatalogStore.DatabaseEntry database(String name) {
        return world.catalog().database(lower(name))
                .orElseThrow(() -> errors.notFound("Database " + name + " not found."));
    }

    CatalogStore.TableEntry table(String database, String name) {
        database(database);
        return world.catalog().table(lower(database), lower(name))
                .orElseThrow(() -> errors.notFound("Table " + name + " not found."));
    }

    /**
     * Checks a request's CatalogId: 1-255 characters, as the API reference constrains it, and this world's
     * account, whose catalog is the only one the fake holds. Another account's catalog is refused rather
     * than answered from this one (which would show a caller its own tables under someone else's id).
     */
    void catalog(String catalogId, String operation) {
        if (catalogId == null) {
            return;
        }
        if (catalogId.isEmpty() || catalogId.length() > 255) {
            throw errors.validation(io.dataplatform.testing.internal.RequestConstraints.message(java.util.List.of(
                    io.dataplatform.testing.internal.RequestConstraints.lengthProblem("catalogId", catalogId, 1, 255))));
        }
        if (!catalogId.equals(world.accountId())) {
            throw unsupported(operation, "CatalogId '" + catalogId + "' (another account's Data Catalog; the fake holds only "
                    + "account " + world.accountId() + "'s)");
        }
    }

    /** Refuses a request member the fake cannot honour, when it is set: answering without it would differ from Glue. */
    void refuse(Object value, String operation, String member) {
        if (value != null) {
            throw unsupported(operation, member);
        }
    }

    /** The 501 for a request member the fake does not model, naming the operation and the member. */
    RuntimeException unsupported(String operation, String member) {
        return errors.error(501, "NotImplemented", operation + " with " + member + " is not supported by the fake Glue");
    }

    static String lower(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    /**
     * The "single-line string pattern" of Glue's NameString (API_DatabaseInput, API_TableInput and API_Column Name):
     * no line breaks or other control characters but tab.
     */
    static final String SINGLE_LINE = "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*";
    private static final java.util.regex.Pattern SINGLE_LINE_PATTERN =
            java.util.regex.Pattern.compile("[\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}\\t]*");

    /**
     * Glue stores catalog names in lower case (Hive semantics) and requires 1-255 characters of the
     * single-line string pattern.
     */
    String name(String name, String field) {
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw errors.validation(io.dataplatform.testing.internal.RequestConstraints.message(java.util.List.of(
                    io.dataplatform.testing.internal.RequestConstraints.lengthProblem(field, name, 1, 255))));
        }
        singleLine(name, field);
        return name.toLowerCase(Locale.ROOT);
    }

    /** Rejects a value outside the single-line string pattern, worded as Glue's request validation. */
    void singleLine(String value, String field) {
        String problem = singleLineProblem(value, field);
        if (problem != null) {
            throw validationErrors(java.util.List.of(problem));
        }
    }

    /** The validation error of a value outside the single-line string pattern, or null when it matches. */
    static String singleLineProblem(String value, String field) {
        if (value == null || SINGLE_LINE_PATTERN.matcher(value).matches()) {
            return null;
        }
        return "Value '" + value + "' at '" + field + "' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: " + SINGLE_LINE;
    }

    /** Glue's ValidationException listing every problem: "2 validation errors detected: ...; ...". */
    RuntimeException validationErrors(java.util.List<String> problems) {
        return errors.validation(problems.size() + (problems.size() == 1 ? " validation error" : " validation errors")
                + " detected: " + String.join("; ", problems));
    }

    <T> T require(T value, String field) {
        if (value == null) {
            throw errors.invalid("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    /** Rejects a list longer than the operation's documented maximum, worded as Glue's request validation. */
    void atMost(java.util.List<?> list, int max, String field) {
        if (list.size() > max) {
            throw errors.invalid("1 validation error detected: Value at '" + field + "' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + max);
        }
    }

    /** Rejects an empty list where the operation requires at least one member. */
    void notEmpty(java.util.List<?> list, String field) {
        if (list.isEmpty()) {
            throw errors.invalid("1 validation error detected: Value at '" + field + "' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1");
        }
    }
}
