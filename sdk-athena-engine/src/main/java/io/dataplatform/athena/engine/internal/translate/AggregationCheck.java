package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.ExpressionFormatter;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.LambdaExpression;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.SubqueryExpression;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Trino's rule for aggregation queries: outside aggregate functions, a select item or HAVING may only
 * use expressions of the GROUP BY clause (EXPRESSION_NOT_AGGREGATE), checked before DuckDB sees it.
 */
final class AggregationCheck {
    private AggregationCheck() {
    }

    /** True when {@code node} holds a window function (outside subqueries). */
    static boolean containsWindow(Node node) {
        if (node instanceof FunctionCall f && f.getWindow().isPresent()) {
            return true;
        }
        if (node instanceof SubqueryExpression || node instanceof LambdaExpression) {
            return false;
        }
        for (Node child : node.getChildren()) {
            if (containsWindow(child)) {
                return true;
            }
        }
        return false;
    }

    /** Trino's EXPRESSION_NOT_SCALAR: no aggregate or window function where a clause works row by row. */
    static void requireScalar(Expression e, String clause) {
        List<String> found = new java.util.ArrayList<>();
        collectAggregatesAndWindows(e, found);
        if (!found.isEmpty()) {
            throw Errors.at("EXPRESSION_NOT_SCALAR", e, clause + " clause cannot contain aggregations, window functions or "
                    + "grouping operations: [" + String.join(", ", found) + "]");
        }
    }

    private static void collectAggregatesAndWindows(Node node, List<String> found) {
        if (node instanceof FunctionCall f && (f.getWindow().isPresent()
                || Aggregates.isAggregate(f.getName().getSuffix().toLowerCase(Locale.ROOT)))) {
            found.add(ExpressionFormatter.formatExpression(f));
            return;
        }
        if (node instanceof SubqueryExpression || node instanceof LambdaExpression) {
            return;
        }
        for (Node child : node.getChildren()) {
            collectAggregatesAndWindows(child, found);
        }
    }

    static boolean containsAggregate(Node node) {
        if (node instanceof FunctionCall f && f.getWindow().isEmpty()
                && Aggregates.isAggregate(f.getName().getSuffix().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (node instanceof SubqueryExpression || node instanceof LambdaExpression) {
            return false;
        }
        for (Node child : node.getChildren()) {
            if (containsAggregate(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fails unless every column {@code node} uses outside an aggregate is in {@code grouped}; an
     * expression is grouped when it is written, or translates, as a GROUP BY expression does.
     */
    static void check(Node node, List<Expression> grouped, Set<String> groupedSql, ExpressionTranslator tr) {
        Scope scope = tr.scope;
        if (node instanceof Expression e && (grouped.contains(e) || groupedSql.contains(tr.translate(e).sql()))) {
            return;
        }
        if (node instanceof FunctionCall f && f.getWindow().isEmpty()
                && Aggregates.isAggregate(f.getName().getSuffix().toLowerCase(Locale.ROOT))) {
            return;
        }
        if (node instanceof SubqueryExpression || node instanceof LambdaExpression) {
            return;
        }
        if (node instanceof Identifier id && isLocalColumn(List.of(), id.getValue().toLowerCase(Locale.ROOT), scope)) {
            throw notAggregate(id);
        }
        if (node instanceof DereferenceExpression d && d.getBase() instanceof Identifier base
                && scope.fields.stream().anyMatch(f -> f.qualifiedBy(List.of(base.getValue().toLowerCase(Locale.ROOT)))
                && !f.qualifier().isEmpty())) {
            throw notAggregate(d);
        }
        for (Node child : node.getChildren()) {
            check(child, grouped, groupedSql, tr);
        }
    }

    private static boolean isLocalColumn(List<String> qualifier, String name, Scope scope) {
        return scope.fields.stream().anyMatch(f -> f.name().equals(name) && f.qualifiedBy(qualifier));
    }

    private static AthenaSqlException notAggregate(Expression e) {
        return Errors.at("EXPRESSION_NOT_AGGREGATE", e, "'" + ExpressionFormatter.formatExpression(e)
                + "' must be an aggregate expression or appear in GROUP BY clause");
    }
}
