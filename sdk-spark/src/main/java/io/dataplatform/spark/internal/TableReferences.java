package io.dataplatform.spark.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The catalog tables a SQL statement names, found with Spark's own parser (so string literals,
 * comments and column names are never mistaken for tables), and the statement rewritten so each
 * reference names the temporary view that stands for the table.
 *
 * <p>Why rewrite: temporary views have one-part names, so {@code sales.orders} cannot name one;
 * each reference's text span (from the parser's origin) is replaced by a quoted view name.
 * Names of common table expressions ({@code WITH x AS ...}) are left alone where they are visible:
 * after their definition and in later WITH queries, not in their own body, so in
 * {@code WITH big AS (SELECT * FROM big)} the inner {@code big} is the catalog table, as in Athena.
 */
public final class TableReferences {
    private final String sql;
    private final List<Reference> references;
    private final Set<String> cteNames;

    private TableReferences(String sql, List<Reference> references, Set<String> cteNames) {
        this.sql = sql;
        this.references = List.copyOf(references);
        this.cteNames = Set.copyOf(cteNames);
    }

    /**
     * One table reference: its database and table (lower case, as Glue stores them) and where it is in the SQL text.
     *
     * @param database the database, the default one when the reference is unqualified
     * @param table the table name
     * @param start index of the first character of the reference
     * @param stop index of the last character of the reference
     */
    public record Reference(String database, String table, int start, int stop) {
    }

    /**
     * Returns the references in {@code plan}, which Spark's parser made of {@code sql}; unqualified
     * names belong to {@code defaultDatabase}.
     */
    public static TableReferences of(LogicalPlan plan, String sql, String defaultDatabase) {
        Set<String> cteNames = new HashSet<>();
        List<UnresolvedRelation> relations = new ArrayList<>();
        // By identity: two references to one table are equal plans, and both must be found.
        collect(plan, relations, Set.of(), cteNames, Collections.newSetFromMap(new IdentityHashMap<>()));
        List<Reference> references = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (UnresolvedRelation relation : relations) {
            List<String> parts = CollectionConverters.asJava(relation.multipartIdentifier());
            if (relation.origin().startIndex().isEmpty() || !seen.add((Integer) relation.origin().startIndex().get())) {
                continue;
            }
            int start = (Integer) relation.origin().startIndex().get();
            int stop = (Integer) relation.origin().stopIndex().get();
            String table = parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
            if (parts.size() == 1) {
                references.add(new Reference(defaultDatabase.toLowerCase(Locale.ROOT), table, start, stop));
            } else if (parts.size() == 2 || (parts.size() == 3 && parts.get(0).equalsIgnoreCase("awsdatacatalog"))) {
                references.add(new Reference(parts.get(parts.size() - 2).toLowerCase(Locale.ROOT), table, start, stop));
            }
        }
        return new TableReferences(sql, references, cteNames);
    }

    /**
     * Collects the relations of {@code plan} that name catalog tables: unresolved relations whose
     * one-part name is not a WITH query visible in {@code scope}.
     */
    private static void collect(LogicalPlan plan, List<UnresolvedRelation> relations, Set<String> scope,
            Set<String> cteNames, Set<LogicalPlan> visited) {
        if (!visited.add(plan)) {
            return;
        }
        if (plan instanceof UnresolvedRelation relation) {
            List<String> parts = CollectionConverters.asJava(relation.multipartIdentifier());
            if (parts.size() != 1 || !scope.contains(parts.get(0).toLowerCase(Locale.ROOT))) {
                relations.add(relation);
            }
        }
        Set<String> inner = scope;
        if (plan instanceof UnresolvedWith with) {
            // Each WITH query sees the ones before it, not itself; the body sees them all.
            Set<String> visible = new HashSet<>(scope);
            for (Tuple2<String, ?> cte : CollectionConverters.asJava(with.cteRelations())) {
                if (cte._2() instanceof LogicalPlan body) {
                    collect(body, relations, Set.copyOf(visible), cteNames, visited);
                }
                String name = cte._1().toLowerCase(Locale.ROOT);
                visible.add(name);
                cteNames.add(name);
            }
            inner = visible;
        }
        for (LogicalPlan child : CollectionConverters.asJava(plan.children())) {
            collect(child, relations, inner, cteNames, visited);
        }
        for (Object innerChild : CollectionConverters.asJava(plan.innerChildren())) {
            if (innerChild instanceof LogicalPlan innerPlan) {
                collect(innerPlan, relations, inner, cteNames, visited);
            }
        }
        for (LogicalPlan subquery : CollectionConverters.asJava(plan.subqueries())) {
            collect(subquery, relations, inner, cteNames, visited);
        }
    }

    /** Returns the names of the statement's WITH queries, which a view must not take. */
    public Set<String> cteNames() {
        return cteNames;
    }

    /** Returns the references in the order they appear in the statement. */
    public List<Reference> references() {
        return references.stream().sorted(Comparator.comparingInt(Reference::start)).toList();
    }

    /**
     * Returns the statement with each reference for which {@code viewName} gives a name changed to
     * that name (quoted); other references stay as written.
     */
    public String rewrite(Function<Reference, String> viewName) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Reference reference : references()) {
            String view = viewName.apply(reference);
            if (view == null) {
                continue;
            }
            out.append(sql, at, reference.start()).append('`').append(view.replace("`", "``")).append('`');
            at = reference.stop() + 1;
        }
        return out.append(sql.substring(at)).toString();
    }
}
