package io.dataplatform.spark.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAlias;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedStar;
import org.apache.spark.sql.catalyst.expressions.Alias;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.Distinct;
import org.apache.spark.sql.catalyst.analysis.UnresolvedHaving;
import org.apache.spark.sql.catalyst.plans.logical.GlobalLimit;
import org.apache.spark.sql.catalyst.plans.logical.LocalLimit;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Offset;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.Sort;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Athena (Trino) habits Spark SQL does not share that the engine bridges: {@code varchar}
 * without a length in casts, and Athena's names for unaliased select expressions
 * ({@code _col0}, {@code _col1} ... by position; Spark would name them after the expression).
 */
public final class AthenaDialect {
    private AthenaDialect() {
    }

    /**
     * Returns {@code sql} with each bare {@code varchar} type (no length) written as Spark's
     * {@code string}; string literals, quoted identifiers and comments are left as they are.
     */
    public static String translate(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end = skipQuotedOrComment(sql, i);
            if (end > i) {
                out.append(sql, i, end);
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                String word = sql.substring(start, i);
                out.append(word.equalsIgnoreCase("varchar") && !followedByParenthesis(sql, i) ? "string" : word);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Returns the number of {@code ?} parameter markers outside literals, quoted identifiers and comments. */
    public static int parameterMarkers(String sql) {
        int markers = 0;
        int i = 0;
        while (i < sql.length()) {
            int end = skipQuotedOrComment(sql, i);
            if (end > i) {
                i = end;
            } else {
                markers += sql.charAt(i) == '?' ? 1 : 0;
                i++;
            }
        }
        return markers;
    }

    private static int skipQuotedOrComment(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < sql.length()) {
                if (sql.charAt(j) == c) {
                    if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return sql.length();
        }
        if (sql.startsWith("--", i)) {
            int newline = sql.indexOf('\n', i);
            return newline < 0 ? sql.length() : newline;
        }
        if (sql.startsWith("/*", i)) {
            int close = sql.indexOf("*/", i + 2);
            return close < 0 ? sql.length() : close + 2;
        }
        return i;
    }

    private static boolean followedByParenthesis(String sql, int i) {
        int j = i;
        while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '(';
    }

    /**
     * Returns Athena's column names for the statement parsed as {@code plan}: null where Spark's
     * name is Athena's too (aliases and plain column references), {@code _colN} for other
     * expressions. Empty when the select list cannot be matched to output columns (a {@code *}$
     * or a statement shape such as a set operation whose names Spark already takes from the first branch).
     */
    public static Optional<List<String>> columnNames(LogicalPlan plan) {
        LogicalPlan node = plan;
        while (node instanceof UnresolvedWith || node instanceof Sort || node instanceof GlobalLimit
                || node instanceof LocalLimit || node instanceof Offset || node instanceof Distinct
                || node instanceof UnresolvedHaving) {
            node = node.children().head();
        }
        List<?> selected;
        if (node instanceof Project project) {
            selected = CollectionConverters.asJava(project.projectList());
        } else if (node instanceof Aggregate aggregate) {
            selected = CollectionConverters.asJava(aggregate.aggregateExpressions());
        } else {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (Object expression : selected) {
            if (expression instanceof UnresolvedStar) {
                return Optional.empty();
            }
            boolean bare = expression instanceof UnresolvedAlias alias && !(alias.child() instanceof UnresolvedAttribute);
            names.add(bare && !(expression instanceof Alias) ? "_col" + names.size() : null);
        }
        return Optional.of(names);
    }
}
