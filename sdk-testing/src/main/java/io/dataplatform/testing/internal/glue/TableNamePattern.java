package io.dataplatform.testing.internal.glue;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * GetTables' Expression: "a regular expression pattern; if present, only those tables whose names match
 * the pattern are returned" (API_GetTables). Glue reads it as the Hive metastore reads its table patterns:
 * the whole name must match (so {@code sales.*} lists sales_2024 but not old_sales), case-insensitively
 * (names are stored lower-cased), and a {@code *} that does not follow a {@code .} matches any characters:
 * the Athena User Guide (SHOW TABLES) notes that both {@code '*flights*'} and {@code '.*flights.*'} work
 * against the Glue Data Catalog, and getmoto/moto#5533 made the same finding.
 */
final class TableNamePattern {
    private static final Pattern LONE_STAR = Pattern.compile("(?<![.\\\\])\\*");

    private TableNamePattern() {
    }

    /** Returns the names the expression matches; throws {@link PatternSyntaxException} for one that is no pattern. */
    static Predicate<String> parse(String expression) {
        String regex = LONE_STAR.matcher(expression).replaceAll(".*");
        Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return name -> pattern.matcher(name).matches();
    }
}
