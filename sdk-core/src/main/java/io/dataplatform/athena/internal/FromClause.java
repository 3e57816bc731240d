package io.dataplatform.athena.internal;

import io.dataplatform.athena.sql.StatementReads.KeyCondition;
import io.dataplatform.athena.sql.StatementReads.TableName;
import io.dataplatform.athena.sql.StatementReads.TableRead;
import io.trino.sql.tree.AliasedRelation;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Join;
import io.trino.sql.tree.JoinOn;
import io.trino.sql.tree.JoinUsing;
import io.trino.sql.tree.JsonTable;
import io.trino.sql.tree.Lateral;
import io.trino.sql.tree.NaturalJoin;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.PatternRecognitionRelation;
import io.trino.sql.tree.Relation;
import io.trino.sql.tree.SampledRelation;
import io.trino.sql.tree.Table;
import io.trino.sql.tree.TableSubquery;
import io.trino.sql.tree.Unnest;
import io.trino.sql.tree.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The relations of one FROM clause: its catalog tables (with their aliases and whether an outer
 * join may fill them with NULLs), whether any other relation (a subquery, a WITH query, UNNEST)
 * could own an unqualified column, the columns USING or NATURAL joins merge, and the ON conditions
 * of inner joins. Nested queries are handed to the analyzer as they are met.
 */
final class FromClause {
    /** A catalog table of the clause; {@code conditionsApply} is false when its columns are renamed or hidden. */
    record Leaf(TableName name, String alias, boolean nullSupplying, boolean conditionsApply) {
    }

    private final List<Leaf> tables = new ArrayList<>();
    private final List<Expression> innerJoinConditions = new ArrayList<>();
    private final Set<String> mergedColumns = new HashSet<>();
    private boolean natural;
    private boolean opaque;

    private FromClause() {
    }

    /** The clause of a SELECT without FROM. */
    static FromClause none() {
        return new FromClause();
    }

    static FromClause read(Relation relation, SqlAnalyzer analyzer, WithScope scope) {
        FromClause from = new FromClause();
        from.relation(relation, null, true, false, analyzer, scope);
        return from;
    }

    List<Leaf> tables() {
        return tables;
    }

    List<Expression> innerJoinConditions() {
        return innerJoinConditions;
    }

    private void relation(Relation relation, String alias, boolean columnsKept, boolean nullSupplying,
                          SqlAnalyzer analyzer, WithScope scope) {
        if (relation instanceof AliasedRelation aliased) {
            // FROM sales AS s (a, b, y) renames the columns: conditions on them are not the table's names.
            relation(aliased.getRelation(), SqlAnalyzer.lower(aliased.getAlias().getValue()),
                    columnsKept && (aliased.getColumnNames() == null || aliased.getColumnNames().isEmpty()), nullSupplying, analyzer, scope);
        } else if (relation instanceof SampledRelation sampled) {
            analyzer.subqueries(sampled.getSamplePercentage(), scope);
            relation(sampled.getRelation(), alias, columnsKept, nullSupplying, analyzer, scope);
        } else if (relation instanceof Table table) {
            TableName name = SqlAnalyzer.tableName(table);
            WithScope.Cte cte = name.database() == null ? scope.find(name.table()) : null;
            if (cte != null) {
                opaque = true;
                analyzer.inline(cte);
            } else {
                tables.add(new Leaf(name, alias != null ? alias : name.table(), nullSupplying, columnsKept));
            }
        } else if (relation instanceof Join join) {
            join(join, nullSupplying, analyzer, scope);
        } else if (relation instanceof TableSubquery subquery) {
            opaque = true;
            analyzer.query(subquery.getQuery(), scope, false);
        } else if (relation instanceof Lateral lateral) {
            opaque = true;
            analyzer.query(lateral.getQuery(), scope, false);
        } else if (relation instanceof Unnest || relation instanceof Values || relation instanceof JsonTable) {
            // Their expressions may hold subqueries; the relation itself reads no table.
            opaque = true;
            for (Node child : relation.getChildren()) {
                analyzer.subqueries(child, scope);
            }
        } else if (relation instanceof PatternRecognitionRelation match) {
            // MATCH_RECOGNIZE's output columns are its measures: its input is read whole.
            opaque = true;
            FromClause input = read(match.getInput(), analyzer, scope);
            input.tables.forEach(t -> tables.add(new Leaf(t.name(), t.alias(), true, false)));
            for (Node child : match.getChildren()) {
                if (child != match.getInput()) {
                    analyzer.subqueries(child, scope);
                }
            }
        } else {
            throw SqlAnalyzer.unestimable(SqlAnalyzer.describe(relation));
        }
    }

    private void join(Join join, boolean nullSupplying, SqlAnalyzer analyzer, WithScope scope) {
        Join.Type type = join.getType();
        relation(join.getLeft(), null, true, nullSupplying || type == Join.Type.RIGHT || type == Join.Type.FULL,
                analyzer, scope);
        relation(join.getRight(), null, true, nullSupplying || type == Join.Type.LEFT || type == Join.Type.FULL,
                analyzer, scope);
        if (join.getCriteria().isPresent()) {
            var criteria = join.getCriteria().get();
            if (criteria instanceof JoinOn on) {
                analyzer.subqueries(on.getExpression(), scope);
                // Only an inner join's ON filters its inputs; an outer join's keeps the preserved side's rows.
                if (type == Join.Type.INNER) {
                    innerJoinConditions.addAll(KeyConditions.conjuncts(on.getExpression()));
                }
            } else if (criteria instanceof JoinUsing using) {
                using.getColumns().forEach(c -> mergedColumns.add(SqlAnalyzer.lower(c.getValue())));
            } else if (criteria instanceof NaturalJoin) {
                natural = true;
            }
        }
    }

    /**
     * The reads of this clause's tables under {@code conjuncts} (WHERE and inner-join ON conditions):
     * a table on the NULL-filled side of an outer join is read whole; an unqualified column may
     * mean a merged USING/NATURAL column or a column of a subquery, so it prunes only when neither
     * exists and the estimator finds no sibling table with that column.
     */
    List<TableRead> reads(List<Expression> conjuncts, List<Optional<Expression>> parameters) {
        List<KeyConditions.ColumnCondition> conditions = conjuncts.stream()
                .map(c -> KeyConditions.read(c, parameters)).flatMap(Optional::stream).toList();
        List<TableRead> reads = new ArrayList<>();
        for (Leaf leaf : tables) {
            List<TableName> siblings = tables.stream().filter(t -> t != leaf).map(Leaf::name).toList();
            List<KeyCondition> own = new ArrayList<>();
            if (!leaf.nullSupplying() && leaf.conditionsApply()) {
                for (KeyConditions.ColumnCondition condition : conditions) {
                    if (condition.qualifier() != null) {
                        if (condition.qualifier().equals(leaf.alias()) && uniqueAlias(leaf.alias())) {
                            own.add(condition.toKeyCondition(true));
                        }
                    } else if (!opaque && !natural && !mergedColumns.contains(condition.column())) {
                        own.add(condition.toKeyCondition(false));
                    }
                }
            }
            reads.add(new TableRead(leaf.name(), own, siblings));
        }
        return reads;
    }

    private boolean uniqueAlias(String alias) {
        return tables.stream().filter(t -> t.alias().equals(alias)).count() == 1;
    }
}
