package io.dataplatform.athena.internal;

import io.dataplatform.athena.sql.StatementReads;

import io.dataplatform.DataPlatformException;
import io.dataplatform.athena.sql.StatementReads.TableName;
import io.dataplatform.athena.sql.StatementReads.TableRead;
import io.trino.sql.tree.AllColumns;
import io.trino.sql.tree.AllRows;
import io.trino.sql.tree.CreateTableAsSelect;
import io.trino.sql.tree.Delete;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.FetchFirst;
import io.trino.sql.tree.Insert;
import io.trino.sql.tree.Limit;
import io.trino.sql.tree.Merge;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.Parameter;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.QueryBody;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.Relation;
import io.trino.sql.tree.SetOperation;
import io.trino.sql.tree.Statement;
import io.trino.sql.tree.SubqueryExpression;
import io.trino.sql.tree.Table;
import io.trino.sql.tree.TableSubquery;
import io.trino.sql.tree.Update;
import io.trino.sql.tree.Values;
import io.trino.sql.tree.With;
import io.trino.sql.tree.WithQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds every catalog table a statement reads, once per time Athena reads it, with the conditions
 * that may prune its partitions. It reads Trino's AST of the statement (Athena engine v3's grammar)
 * and is sound by construction: whatever it cannot name with certainty (a prepared statement, a
 * table function, a construct it does not know) makes the statement unestimable, and a condition
 * it cannot attribute to one table with certainty prunes nothing, so an estimate is an upper bound.
 */
final class SqlAnalyzer {
    /** WITH queries inlined into each other beyond this are not sized (the expansion grows exponentially). */
    private static final int MAX_INLINED = 10_000;

    private final List<Optional<Expression>> parameters;
    private final List<TableRead> reads = new ArrayList<>();
    private final Set<WithScope.Cte> expanding = new HashSet<>();
    private boolean selectStar;
    private boolean limited;
    private int inlined;

    private SqlAnalyzer(List<String> renderedParameters) {
        this.parameters = renderedParameters.stream().map(AthenaSql::expression).toList();
    }

    /**
     * Analyzes {@code sql}; {@code renderedParameters} are the SQL literals of its {@code ?}
     * execution parameters in order (used to prune partitions). Throws {@link DataPlatformException}
     * when the statement's reads cannot be named with certainty.
     */
    static StatementReads analyze(String sql, List<String> renderedParameters) {
        AthenaSql.Parsed parsed = AthenaSql.parse(sql);
        if (parsed instanceof AthenaSql.HiveDdl) {
            return new StatementReads(List.of(), false, false, 0);
        }
        Statement statement = ((AthenaSql.Trino) parsed).statement();
        SqlAnalyzer analyzer = new SqlAnalyzer(renderedParameters);
        analyzer.statement(statement);
        return new StatementReads(analyzer.reads, analyzer.selectStar, analyzer.limited, placeholders(statement));
    }

    private void statement(Statement statement) {
        if (statement instanceof Query query) {
            query(query, WithScope.NONE, true);
        } else if (statement instanceof Insert insert) {
            query(insert.getQuery(), WithScope.NONE, false);
        } else if (statement instanceof CreateTableAsSelect ctas) {
            if (ctas.isWithData()) {
                query(ctas.getQuery(), WithScope.NONE, false);
            }
        } else if (statement instanceof io.trino.sql.tree.ExplainAnalyze explain) {
            // EXPLAIN ANALYZE runs the statement (and Athena bills what it scans); plain EXPLAIN reads no data.
            statement(explain.getStatement());
        } else if (statement instanceof Delete delete) {
            // Iceberg DML rewrites data files: the whole table is an upper bound of what it reads.
            fullRead(delete.getTable());
            delete.getWhere().ifPresent(where -> subqueries(where, WithScope.NONE));
        } else if (statement instanceof Update update) {
            fullRead(update.getTable());
            update.getAssignments().forEach(a -> subqueries(a.getValue(), WithScope.NONE));
            update.getWhere().ifPresent(where -> subqueries(where, WithScope.NONE));
        } else if (statement instanceof Merge merge) {
            fullRead(merge.getTargetTable());
            FromClause source = FromClause.read(merge.getSource(), this, WithScope.NONE);
            source.tables().forEach(t -> reads.add(new TableRead(t.name(), List.of(), List.of())));
            subqueries(merge.getPredicate(), WithScope.NONE);
            merge.getMergeCases().forEach(c -> subqueries(c, WithScope.NONE));
        } else if (!FreeStatements.scansNothing(statement)) {
            throw unestimable("a " + kind(statement) + " statement: what it reads is not known before it runs");
        }
    }

    private void fullRead(Table table) {
        reads.add(new TableRead(tableName(table), List.of(), List.of()));
    }

    /** Analyzes a query; {@code returnsRows} is true for the statement's outermost query, whose rows come back. */
    void query(Query query, WithScope outer, boolean returnsRows) {
        WithScope scope = outer;
        if (query.getWith().isPresent()) {
            With with = query.getWith().get();
            for (WithQuery withQuery : with.getQueries()) {
                scope = scope.define(lower(withQuery.getName().getValue()), withQuery.getQuery(), with.isRecursive());
            }
        }
        body(query.getQueryBody(), scope, returnsRows);
        if (query.getOrderBy().isPresent()) {
            subqueries(query.getOrderBy().get(), scope);
        }
        if (returnsRows) {
            limited |= bounds(query.getLimit());
        }
    }

    private void body(QueryBody body, WithScope scope, boolean returnsRows) {
        if (body instanceof QuerySpecification specification) {
            specification(specification, scope, returnsRows);
        } else if (body instanceof SetOperation set) {
            for (Relation branch : set.getRelations()) {
                if (!(branch instanceof QueryBody branchBody)) {
                    throw unestimable("a set operation over " + describe(branch));
                }
                body(branchBody, scope, returnsRows);
            }
        } else if (body instanceof Table table) {
            // TABLE t is SELECT * FROM t.
            selectStar |= returnsRows;
            FromClause.read(table, this, scope).tables().forEach(t -> reads.add(new TableRead(t.name(), List.of(), List.of())));
        } else if (body instanceof TableSubquery subquery) {
            query(subquery.getQuery(), scope, returnsRows);
        } else if (body instanceof Values values) {
            subqueries(values, scope);
        } else {
            throw unestimable(describe(body));
        }
    }

    private void specification(QuerySpecification specification, WithScope scope, boolean returnsRows) {
        if (returnsRows) {
            // SELECT *, SELECT x, * and SELECT t.* all return every column of what they read.
            selectStar |= specification.getSelect().getSelectItems().stream().anyMatch(AllColumns.class::isInstance);
            limited |= bounds(specification.getLimit());
        }
        FromClause from = specification.getFrom().map(r -> FromClause.read(r, this, scope)).orElseGet(FromClause::none);
        List<Expression> conjuncts = new ArrayList<>(from.innerJoinConditions());
        specification.getWhere().ifPresent(where -> conjuncts.addAll(KeyConditions.conjuncts(where)));
        reads.addAll(from.reads(conjuncts, parameters));
        subqueries(specification.getSelect(), scope);
        specification.getWhere().ifPresent(where -> subqueries(where, scope));
        specification.getGroupBy().ifPresent(groupBy -> subqueries(groupBy, scope));
        specification.getHaving().ifPresent(having -> subqueries(having, scope));
        specification.getWindows().forEach(window -> subqueries(window, scope));
        specification.getOrderBy().ifPresent(order -> subqueries(order, scope));
    }

    /** Analyzes the queries nested anywhere in an expression (scalar, IN, EXISTS and quantified subqueries). */
    void subqueries(Node node, WithScope scope) {
        if (node instanceof SubqueryExpression subquery) {
            query(subquery.getQuery(), scope, false);
        } else if (node instanceof Query query) {
            query(query, scope, false);
        } else if (node instanceof Relation relation && !(node instanceof QueryBody)) {
            throw unestimable(describe(relation) + " inside an expression");
        } else {
            for (Node child : node.getChildren()) {
                subqueries(child, scope);
            }
        }
    }

    /** Inlines a WITH query at one reference to it, as Athena does: its tables are read once per reference. */
    void inline(WithScope.Cte cte) {
        if (++inlined > MAX_INLINED) {
            throw unestimable("WITH queries that reference each other more than " + MAX_INLINED + " times");
        }
        if (!expanding.add(cte)) {
            return;   // a recursive WITH query's reference to itself: checked below
        }
        int before = reads.size();
        query(cte.body(), cte.scope(), false);
        expanding.remove(cte);
        if (cte.recursive() && reads.size() > before) {
            throw unestimable("WITH RECURSIVE query '" + cte.name() + "', which reads " + reads.get(before).name()
                    + " once per iteration, and the iterations are not known before it runs");
        }
    }

    private static boolean bounds(Optional<Node> limit) {
        if (limit.isEmpty()) {
            return false;
        }
        if (limit.get() instanceof Limit l) {
            return !(l.getRowCount() instanceof AllRows);
        }
        return limit.get() instanceof FetchFirst;
    }

    static TableName tableName(Table table) {
        List<String> parts = table.getName().getOriginalParts().stream().map(p -> lower(p.getValue())).toList();
        int n = parts.size();
        return new TableName(n >= 3 ? parts.get(n - 3) : null, n >= 2 ? parts.get(n - 2) : null, parts.get(n - 1));
    }

    /** Athena resolves catalog names case-insensitively, quoted or not. */
    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static int placeholders(Node node) {
        int count = node instanceof Parameter ? 1 : 0;
        for (Node child : node.getChildren()) {
            count += placeholders(child);
        }
        return count;
    }

    /** The construct's name as SQL spells it: {@code TableFunctionInvocation} is TABLE FUNCTION INVOCATION. */
    private static String kind(Node node) {
        return node.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    static String describe(Node node) {
        return kind(node) + node.getLocation().map(l -> " (line " + l.getLineNumber() + ":" + l.getColumnNumber() + ")").orElse("");
    }

    static DataPlatformException unestimable(String what) {
        return new DataPlatformException("the estimate cannot size " + what);
    }
}
