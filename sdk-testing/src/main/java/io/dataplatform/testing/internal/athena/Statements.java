package io.dataplatform.testing.internal.athena;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.athena.model.StatementType;

/** What kind of statement a query string holds, read as Athena reads it (comments before it do not count). */
final class Statements {
    private Statements() {
    }

    /** Athena's finer statement type for the queries the fake runs (SELECT, INSERT); null for the others. */
    static String substatementType(String query) {
        List<String> words = leadingWords(query, 1);
        String first = words.isEmpty() ? "" : words.get(0);
        return switch (first) {
            case "SELECT", "WITH", "VALUES", "TABLE" -> "SELECT";
            case "INSERT" -> "INSERT";
            default -> null;
        };
    }

    /**
     * The statement type as the API reference defines it (API_QueryExecution): DML for queries and statements that
     * change data, "such as CREATE TABLE AS SELECT"; UTILITY for "statements other than DDL and DML, such as SHOW
     * CREATE TABLE, or DESCRIBE TABLE"; DDL otherwise. Comments and parentheses before the statement do not count.
     */
    static StatementType statementType(String query) {
        List<String> words = leadingWords(query, 1);
        String first = words.isEmpty() ? "" : words.get(0);
        return switch (first) {
            case "SELECT", "WITH", "VALUES", "TABLE", "INSERT", "DELETE", "UPDATE", "MERGE", "UNLOAD" -> StatementType.DML;
            case "SHOW", "DESCRIBE", "DESC" -> StatementType.UTILITY;
            case "CREATE" -> CTAS.matcher(withoutComments(query)).find() ? StatementType.DML : StatementType.DDL;
            default -> StatementType.DDL;
        };
    }

    /** Whether {@code query} holds no statement at all: only blanks and comments. */
    static boolean isEmpty(String query) {
        return leadingWords(query, 1).isEmpty();
    }

    /** CREATE TABLE ... AS followed by a query: Athena's CTAS, which it reports as DML. */
    private static final Pattern CTAS = Pattern.compile(
            "^\\s*CREATE\\s+TABLE\\b.*?\\bAS\\s*\\(*\\s*(SELECT|WITH|VALUES|TABLE)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** The first {@code count} words of {@code query}, upper case, after comments and opening parentheses. */
    private static List<String> leadingWords(String query, int count) {
        String text = withoutComments(query).replace('(', ' ').strip();
        List<String> words = new ArrayList<>();
        for (String word : text.split("\\s+", count + 1)) {
            if (words.size() < count && !word.isEmpty()) {
                words.add(word.toUpperCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** {@code query} with its {@code --} and {@code /* *}{@code /} comments blanked (string literals are kept). */
    private static String withoutComments(String query) {
        StringBuilder out = new StringBuilder(query.length());
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\'' || c == '"') {
                int close = query.indexOf(c, i + 1);
                int end = close < 0 ? query.length() : close + 1;
                out.append(query, i, end);
                i = end;
            } else if (query.startsWith("--", i)) {
                int eol = query.indexOf('\n', i);
                i = eol < 0 ? query.length() : eol;
                out.append(' ');
            } else if (query.startsWith("/*", i)) {
                int close = query.indexOf("*/", i + 2);
                i = close < 0 ? query.length() : close + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
