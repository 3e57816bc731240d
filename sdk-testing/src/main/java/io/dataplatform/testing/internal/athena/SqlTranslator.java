package io.dataplatform.testing.internal.athena;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Turns Athena (Trino) SQL into Spark SQL for the fake: {@code ?} become the execution parameters
 * (themselves literals, translated too), {@code 'it''s'} becomes Spark's {@code 'it\'s'},
 * {@code "quoted"} identifiers become {@code `quoted`}, and a qualified table {@code db.table}
 * (optionally {@code awsdatacatalog.db.table}) becomes the temporary view {@code `db__table`} that
 * the engine registers. Unqualified names are left alone; the engine registers a view for each
 * word that names a table of the query's database.
 */
final class SqlTranslator {
    private final String sql;
    private final List<String> parameters;
    private final BiPredicate<String, String> isTable;
    private final StringBuilder out = new StringBuilder();
    private final Set<String> qualified = new LinkedHashSet<>();
    private final Set<String> words = new LinkedHashSet<>();
    private int pos;
    private int nextParameter;

    /** The Spark SQL, the qualified tables it reads ({@code db.table}) and every bare word (candidate tables). */
    record Translation(String sql, Set<String> qualifiedTables, Set<String> words, int placeholders) {
    }

    private SqlTranslator(String sql, List<String> parameters, BiPredicate<String, String> isTable) {
        this.sql = sql;
        this.parameters = parameters;
        this.isTable = isTable;
    }

    /**
     * Translates {@code sql}; {@code isTable} says whether {@code (database, table)} is in the catalog.
     *
     * @throws IllegalArgumentException with Athena's wording when the SQL cannot be read
     */
    static Translation translate(String sql, List<String> parameters, BiPredicate<String, String> isTable) {
        SqlTranslator translator = new SqlTranslator(sql, parameters, isTable);
        translator.run();
        return new Translation(translator.out.toString(), translator.qualified, translator.words, translator.nextParameter);
    }

    private void run() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (sql.startsWith("--", pos)) {
                int end = sql.indexOf('\n', pos);
                pos = end < 0 ? sql.length() : end;
            } else if (sql.startsWith("/*", pos)) {
                int end = sql.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("line 1:" + (pos + 1) + ": unterminated comment");
                }
                pos = end + 2;
                out.append(' ');
            } else if (c == '\'') {
                out.append(sparkString(quoted('\'')));
            } else if (c == '?') {
                pos++;
                if (nextParameter >= parameters.size()) {
                    throw new IllegalArgumentException("Incorrect number of parameters: expected at least "
                            + (nextParameter + 1) + " but found " + parameters.size());
                }
                Translation literal = translate(parameters.get(nextParameter++), List.of(), isTable);
                out.append('(').append(literal.sql()).append(')');
            } else if (c == '"' || c == '`' || Character.isLetter(c) || c == '_') {
                name();
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    /** Reads a (possibly dotted) name and writes it, replacing a catalog table by its view. */
    private void name() {
        List<String> parts = new ArrayList<>();
        List<Boolean> quotedParts = new ArrayList<>();
        while (true) {
            char c = sql.charAt(pos);
            if (c == '"' || c == '`') {
                parts.add(quoted(c).toLowerCase(Locale.ROOT));
                quotedParts.add(true);
            } else {
                int start = pos;
                while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
                    pos++;
                }
                parts.add(sql.substring(start, pos));
                quotedParts.add(false);
            }
            if (pos + 1 < sql.length() && sql.charAt(pos) == '.' && isNameStart(sql.charAt(pos + 1))) {
                pos++;
            } else {
                break;
            }
        }
        int n = parts.size();
        if (n >= 2 && (n == 2 || n == 3 && parts.get(0).equalsIgnoreCase("awsdatacatalog"))
                && isTable.test(parts.get(n - 2).toLowerCase(Locale.ROOT), parts.get(n - 1).toLowerCase(Locale.ROOT))) {
            String table = parts.get(n - 2).toLowerCase(Locale.ROOT) + "." + parts.get(n - 1).toLowerCase(Locale.ROOT);
            qualified.add(table);
            out.append('`').append(viewName(table)).append('`');
            return;
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append('.');
            }
            if (quotedParts.get(i)) {
                out.append('`').append(parts.get(i).replace("`", "``")).append('`');
            } else {
                out.append(parts.get(i));
            }
            words.add(parts.get(i).toLowerCase(Locale.ROOT));
        }
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '"' || c == '`';
    }

    /** Returns the temporary view name of {@code db.table}. */
    static String viewName(String qualifiedTable) {
        return qualifiedTable.replace(".", "__");
    }

    private String quoted(char quote) {
        int start = pos;
        StringBuilder text = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= sql.length()) {
                throw new IllegalArgumentException("line 1:" + (start + 1) + ": mismatched input '" + quote
                        + "': unterminated " + (quote == '\'' ? "string" : "identifier"));
            }
            char c = sql.charAt(pos++);
            if (c == quote && pos < sql.length() && sql.charAt(pos) == quote) {
                text.append(quote);
                pos++;
            } else if (c == quote) {
                return text.toString();
            } else {
                text.append(c);
            }
        }
    }

    /** Spark reads backslash escapes in string literals; Trino does not, so a backslash is doubled. */
    private static String sparkString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
