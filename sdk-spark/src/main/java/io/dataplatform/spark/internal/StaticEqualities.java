package io.dataplatform.spark.internal;

import io.dataplatform.athena.tables.PartitionProjection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.catalyst.analysis.PosParameter;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.expressions.And;
import org.apache.spark.sql.catalyst.expressions.EqualTo;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.In;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.Or;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.jdk.javaapi.CollectionConverters;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * The static equality conditions of a statement's WHERE clauses ({@code key = 'a'},
 * {@code key IN ('a', 'b')}, {@code key = 'a' OR key = 'b'}, {@code key = ?}), by column name:
 * the values Athena injects into an {@code injected} partition projection key. Athena requires
 * them: "For the injected projected partition column column_name, the WHERE clause must contain
 * only static equality conditions, and at least one such condition must be present" (Athena User
 * Guide, "Use dynamic ID partitioning").
 *
 * <p>Columns are matched by name, whatever their qualifier, so a same-named column of another
 * table can add values: the extra partitions are read and then filtered out by the query itself,
 * which costs bytes but never changes the answer.
 */
final class StaticEqualities {
    private final Map<String, Set<String>> values = new HashMap<>();
    private final Set<String> otherConditions = new HashSet<>();
    private final Map<Integer, Object> parameters = new HashMap<>();

    private StaticEqualities() {
    }

    /** Returns the equalities of {@code plan}, a parsed statement whose {@code ?} markers take {@code arguments}. */
    static StaticEqualities of(LogicalPlan plan, Object[] arguments) {
        StaticEqualities equalities = new StaticEqualities();
        List<LogicalPlan> nodes = new ArrayList<>();
        collect(plan, nodes, new HashSet<>());
        TreeSet<Integer> markers = new TreeSet<>();
        nodes.forEach(node -> CollectionConverters.asJava(node.expressions()).forEach(e -> markers(e, markers)));
        int index = 0;
        for (Integer position : markers) {
            if (index < arguments.length) {
                equalities.parameters.put(position, arguments[index++]);
            }
        }
        for (LogicalPlan node : nodes) {
            if (node instanceof Filter filter) {
                equalities.conjuncts(filter.condition());
            }
        }
        return equalities;
    }

    /**
     * Returns the values the WHERE clauses give {@code key} of {@code table}.
     *
     * @throws IllegalArgumentException with Athena's CONSTRAINT_VIOLATION if there are none, or if
     *         another kind of condition constrains the key
     */
    Set<String> valuesOf(Table table, String key) {
        String column = key.toLowerCase(Locale.ROOT);
        Set<String> found = values.get(column);
        if (found == null || found.isEmpty() || otherConditions.contains(column)) {
            throw new IllegalArgumentException("CONSTRAINT_VIOLATION: For the injected projected partition column " + key
                    + ", the WHERE clause must contain only static equality conditions, and at least one such condition"
                    + " must be present (table " + PartitionProjection.name(table) + ")");
        }
        return found;
    }

    private void conjuncts(Expression condition) {
        if (condition instanceof And and) {
            conjuncts(and.left());
            conjuncts(and.right());
            return;
        }
        Optional<Map.Entry<String, Set<String>>> equality = equality(condition);
        if (equality.isPresent()) {
            values.computeIfAbsent(equality.get().getKey(), k -> new LinkedHashSet<>()).addAll(equality.get().getValue());
        } else {
            columns(condition, otherConditions);
        }
    }

    /** The column and its values if {@code e} is an equality, an IN list, or an OR of them, on one column. */
    private Optional<Map.Entry<String, Set<String>>> equality(Expression e) {
        if (e instanceof EqualTo equal) {
            Optional<String> column = column(equal.left()).or(() -> column(equal.right()));
            Optional<String> value = value(equal.right()).or(() -> value(equal.left()));
            return column.isPresent() && value.isPresent() ? Optional.of(Map.entry(column.get(), Set.of(value.get())))
                    : Optional.empty();
        }
        if (e instanceof In in && column(in.value()).isPresent()) {
            Set<String> list = new LinkedHashSet<>();
            for (Expression item : CollectionConverters.asJava(in.list())) {
                Optional<String> value = value(item);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                list.add(value.get());
            }
            return Optional.of(Map.entry(column(in.value()).get(), list));
        }
        if (e instanceof Or or) {
            Optional<Map.Entry<String, Set<String>>> left = equality(or.left());
            Optional<Map.Entry<String, Set<String>>> right = equality(or.right());
            if (left.isPresent() && right.isPresent() && left.get().getKey().equals(right.get().getKey())) {
                Set<String> both = new LinkedHashSet<>(left.get().getValue());
                both.addAll(right.get().getValue());
                return Optional.of(Map.entry(left.get().getKey(), both));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> column(Expression e) {
        if (e instanceof UnresolvedAttribute attribute) {
            List<String> parts = CollectionConverters.asJava(attribute.nameParts());
            return Optional.of(parts.get(parts.size() - 1).toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private Optional<String> value(Expression e) {
        Object value = e instanceof Literal literal ? literal.value()
                : e instanceof PosParameter parameter ? parameters.get(parameter.pos()) : null;
        return Optional.ofNullable(value).map(Object::toString);
    }

    private static void columns(Expression e, Set<String> out) {
        column(e).ifPresent(out::add);
        CollectionConverters.asJava(e.children()).forEach(child -> columns(child, out));
    }

    private static void markers(Expression e, Set<Integer> out) {
        if (e instanceof PosParameter parameter) {
            out.add(parameter.pos());
        }
        CollectionConverters.asJava(e.children()).forEach(child -> markers(child, out));
    }

    private static void collect(LogicalPlan plan, List<LogicalPlan> out, Set<LogicalPlan> visited) {
        if (!visited.add(plan)) {
            return;
        }
        out.add(plan);
        CollectionConverters.asJava(plan.children()).forEach(child -> collect(child, out, visited));
        for (Object inner : CollectionConverters.asJava(plan.innerChildren())) {
            if (inner instanceof LogicalPlan innerPlan) {
                collect(innerPlan, out, visited);
            }
        }
        CollectionConverters.asJava(plan.subqueries()).forEach(subquery -> collect(subquery, out, visited));
    }
}
