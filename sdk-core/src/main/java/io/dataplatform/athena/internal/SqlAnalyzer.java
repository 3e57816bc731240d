package io.dataplatform.athena.internal;

import io.dataplatform.athena.internal.ScopedTokens.Scoped;
import io.dataplatform.athena.internal.SqlAnalysis.Predicate;
import io.dataplatform.athena.internal.SqlAnalysis.TableRef;
import io.dataplatform.athena.internal.SqlToken.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds what a statement reads and which partition predicates narrow it. Deliberately conservative:
 * whatever it cannot read with certainty (OR, NOT, CASE, expressions, join conditions, predicates
 * on derived tables) prunes nothing, so the estimate stays an upper bound.
 */
final class SqlAnalyzer {
    /** Words that end a table reference rather than alias it. */
    private static final Set<String> NOT_ALIASES = Set.of("where", "join", "left", "right", "full", "inner", "cross",
            "outer", "natural", "on", "using", "group", "order", "limit", "union", "intersect", "except", "having",
            "window", "tablesample", "offset", "fetch", "for", "lateral", "set");
    private static final Set<String> WHERE_ENDS = Set.of("group", "having", "order", "limit", "union", "intersect",
            "except", "window", "offset", "fetch");
    private static final Set<String> COMPARISONS = Set.of("=", "<", "<=", ">", ">=");

    private final List<String> parameters;
    private final List<TableRef> tables = new ArrayList<>();
    private final List<Predicate> predicates = new ArrayList<>();
    private final List<Integer> tablePositions = new ArrayList<>();
    private final List<Cte> ctes = new ArrayList<>();
    private boolean selectStar;
    private boolean limited;
    private int blocks;

    private SqlAnalyzer(List<String> parameters) {
        this.parameters = parameters;
    }

    /**
     * Analyzes {@code sql}; {@code parameters} are the plain values of its {@code ?} placeholders in
     * order (used to prune partitions), possibly fewer than the placeholders.
     */
    static SqlAnalysis analyze(String sql, List<String> parameters) {
        List<SqlToken> tokens = SqlLexer.tokenize(sql);
        SqlAnalyzer analyzer = new SqlAnalyzer(parameters);
        List<List<Scoped>> scopes = ScopedTokens.split(tokens);
        for (int s = 0; s < scopes.size(); s++) {
            analyzer.collectCtes(scopes.get(s), s == 0);
        }
        for (int s = 0; s < scopes.size(); s++) {
            analyzer.scope(scopes.get(s), s == 0);
        }
        int placeholders = (int) tokens.stream().filter(t -> t.kind() == Kind.PARAM).count();
        List<TableRef> tables = new ArrayList<>();
        for (int t = 0; t < analyzer.tables.size(); t++) {
            TableRef ref = analyzer.tables.get(t);
            if (analyzer.cteOf(t) == null) {
                // A WITH query is inlined at each reference (not materialized), so its tables are read once per reference.
                for (int n = analyzer.multiplicity(analyzer.tablePositions.get(t), new HashSet<>()); n > 0; n--) {
                    tables.add(ref);
                }
            }
        }
        return new SqlAnalysis(tables, analyzer.predicates, analyzer.selectStar, analyzer.limited, placeholders);
    }

    /**
     * A WITH query's name and the SQL positions where it can be referenced: from the end of its own
     * definition (a non-recursive WITH query cannot see itself, so {@code WITH t AS (SELECT * FROM t)}
     * reads catalog table t) or from its start if recursive, to the end of the scope holding the WITH.
     */
    private record Cte(String name, int from, int to, int bodyFrom, int bodyTo) {
    }

    /** Returns the WITH query table reference {@code t} names, or null for a catalog table. */
    private Cte cteOf(int t) {
        TableRef ref = tables.get(t);
        int position = tablePositions.get(t);
        return ref.database() != null ? null : ctes.stream()
                .filter(c -> c.name().equals(ref.table()) && c.from() <= position && position <= c.to())
                .max(Comparator.comparingInt(Cte::from)).orElse(null);
    }

    /** How often the SQL at {@code position} runs: once, or once per reference to each WITH query around it. */
    private int multiplicity(int position, Set<Cte> visiting) {
        Cte around = ctes.stream().filter(c -> c.bodyFrom() < position && position < c.bodyTo())
                .max(Comparator.comparingInt(Cte::bodyFrom)).orElse(null);
        if (around == null || !visiting.add(around)) {
            return 1;
        }
        int uses = 0;
        for (int t = 0; t < tables.size(); t++) {
            int at = tablePositions.get(t);
            if (around.equals(cteOf(t)) && !(around.bodyFrom() < at && at < around.bodyTo())) {
                uses += multiplicity(at, visiting);
            }
        }
        visiting.remove(around);
        // An unreferenced WITH query is not run; counting it once keeps the estimate an upper bound.
        return Math.max(1, uses);
    }

    private void collectCtes(List<Scoped> scope, boolean outermost) {
        int end = outermost || scope.isEmpty() ? Integer.MAX_VALUE : scope.get(scope.size() - 1).token().position();
        for (int i = 0; i < scope.size(); i++) {
            if (!scope.get(i).token().isWord("with") || scope.get(i).depth() != 0) {
                continue;
            }
            int j = i + 1;
            boolean recursive = j < scope.size() && scope.get(j).token().isWord("recursive");
            if (recursive) {
                j++;
            }
            while (j < scope.size() && scope.get(j).token().isIdentifier()) {
                String name = scope.get(j).token().text();
                j++;
                if (j < scope.size() && scope.get(j).token().isSymbol("(")) {
                    j = matching(scope, j) + 1;
                }
                if (j < scope.size() && scope.get(j).token().isWord("as")) {
                    j++;
                }
                if (j < scope.size() && scope.get(j).token().isSymbol("(")) {
                    int open = j;
                    j = matching(scope, j) + 1;
                    int close = scope.get(j - 1).token().position();
                    int from = recursive ? scope.get(open).token().position() : close;
                    ctes.add(new Cte(name, from, end, scope.get(open).token().position(), close));
                } else {
                    ctes.add(new Cte(name, 0, end, -1, -1));
                }
                if (j < scope.size() && scope.get(j).token().isSymbol(",")) {
                    j++;
                } else {
                    break;
                }
            }
        }
    }

    private void scope(List<Scoped> scope, boolean outermost) {
        int block = blocks++;
        boolean merge = !scope.isEmpty() && scope.get(0).token().isWord("merge");
        boolean inFrom = false;
        for (int i = 0; i < scope.size(); i++) {
            Scoped at = scope.get(i);
            SqlToken token = at.token();
            // JOIN also inside a parenthesised join: FROM (a JOIN b ON ..) JOIN c.
            if (at.depth() != 0 && !(token.isWord("join") && at.callDepth() == 0)) {
                continue;
            }
            if (at.depth() == 0 && token.kind() == Kind.WORD && (token.isWord("where") || WHERE_ENDS.contains(token.text()))) {
                inFrom = false;
            }
            if (token.isWord("union") || token.isWord("intersect") || token.isWord("except")) {
                block = blocks++;
            } else if (token.isWord("select") && outermost) {
                // Every branch of an outermost UNION/INTERSECT/EXCEPT returns its rows.
                selectStar |= startsWithStar(scope, i + 1);
            } else if (token.isWord("from") || token.isWord("join")) {
                inFrom |= token.isWord("from") && at.depth() == 0;
                i = tableRefs(scope, i + 1, block, token.isWord("from"));
            } else if (inFrom && token.isSymbol(",")) {
                // A comma after a join or a parenthesised join adds another table: FROM a JOIN b ON .., c.
                i = tableRefs(scope, i + 1, block, true);
            } else if (token.isWord("update") && i == 0 || merge && (token.isWord("into") || token.isWord("using"))) {
                // UPDATE t and MERGE INTO t USING s read their tables (Iceberg DML) without a FROM.
                i = tableRefs(scope, i + 1, block, false);
            } else if (token.isWord("where")) {
                i = where(scope, i + 1, block);
            } else if (outermost && (token.isWord("limit") || token.isWord("fetch"))) {
                // LIMIT ALL bounds nothing.
                limited |= !(token.isWord("limit") && i + 1 < scope.size() && scope.get(i + 1).token().isWord("all"));
            }
        }
    }

    private static boolean startsWithStar(List<Scoped> scope, int i) {
        if (i < scope.size() && (scope.get(i).token().isWord("distinct") || scope.get(i).token().isWord("all"))) {
            i++;
        }
        if (i < scope.size() && scope.get(i).token().isSymbol("*")) {
            return true;
        }
        return i + 2 < scope.size() && scope.get(i).token().isIdentifier() && scope.get(i + 1).token().isSymbol(".")
                && scope.get(i + 2).token().isSymbol("*");
    }

    /** Reads table references from {@code i}; returns the index of the last token consumed. */
    private int tableRefs(List<Scoped> scope, int i, int block, boolean commaList) {
        while (i < scope.size()) {
            SqlToken token = scope.get(i).token();
            if (token.isSymbol("(") && i + 1 < scope.size()
                    && (scope.get(i + 1).token().isIdentifier() || scope.get(i + 1).token().isSymbol("("))) {
                // A parenthesised join (a subquery's parenthesis holds no tokens of this scope): read its first table.
                return tableRefs(scope, i + 1, block, true);
            } else if (token.isSymbol("(")) {
                i = matching(scope, i) + 1;
            } else if (token.isWord("unnest") || token.isWord("lateral") || token.isWord("table")) {
                i++;
                if (i < scope.size() && scope.get(i).token().isSymbol("(")) {
                    i = matching(scope, i) + 1;
                }
            } else if (token.isIdentifier()) {
                int position = token.position();
                List<String> parts = new ArrayList<>(List.of(token.text()));
                i++;
                while (i + 1 < scope.size() && scope.get(i).token().isSymbol(".") && scope.get(i + 1).token().isIdentifier()) {
                    parts.add(scope.get(i + 1).token().text());
                    i += 2;
                }
                if (i < scope.size() && scope.get(i).token().isSymbol("(")) {
                    i = matching(scope, i) + 1;   // a table function: reads nothing we can size
                    parts = null;
                }
                String alias = null;
                if (i < scope.size() && scope.get(i).token().isWord("as")) {
                    i++;
                }
                if (i < scope.size() && isAlias(scope.get(i).token())) {
                    alias = scope.get(i).token().text();
                    i++;
                }
                if (parts != null) {
                    String table = parts.get(parts.size() - 1);
                    String database = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
                    String catalog = parts.size() >= 3 ? parts.get(parts.size() - 3) : null;
                    tables.add(new TableRef(catalog, database, table, alias, block));
                    tablePositions.add(position);
                }
            } else {
                return i - 1;
            }
            if (commaList && i < scope.size() && scope.get(i).token().isSymbol(",") && scope.get(i).depth() == 0) {
                i++;
            } else {
                return i - 1;
            }
        }
        return i - 1;
    }

    private static boolean isAlias(SqlToken token) {
        return token.kind() == Kind.QUOTED_ID || (token.kind() == Kind.WORD && !NOT_ALIASES.contains(token.text()));
    }

    /** Reads a WHERE clause from {@code i}; returns the index of its last token. */
    private int where(List<Scoped> scope, int i, int block) {
        int end = i;
        while (end < scope.size() && !(scope.get(end).depth() == 0 && scope.get(end).token().kind() == Kind.WORD
                && WHERE_ENDS.contains(scope.get(end).token().text()))) {
            end++;
        }
        List<Scoped> clause = scope.subList(i, end);
        if (prunable(clause)) {
            new PredicateReader(clause, parameters, block, predicates).read();
        }
        return end - 1;
    }

    /** Only a pure conjunction can prune: one OR, NOT or CASE and a "predicate" may not restrict anything. */
    private static boolean prunable(List<Scoped> clause) {
        for (int k = 0; k < clause.size(); k++) {
            SqlToken token = clause.get(k).token();
            boolean notAfterIs = token.isWord("not") && k > 0 && clause.get(k - 1).token().isWord("is");
            if (token.isWord("or") || token.isWord("case") || (token.isWord("not") && !notAfterIs)) {
                return false;
            }
        }
        return true;
    }

    /** Returns the index of the parenthesis closing the one at {@code open}. */
    static int matching(List<Scoped> scope, int open) {
        int depth = scope.get(open).depth();
        for (int k = open + 1; k < scope.size(); k++) {
            if (scope.get(k).token().isSymbol(")") && scope.get(k).depth() == depth) {
                return k;
            }
        }
        return scope.size() - 1;
    }

    static boolean isComparison(SqlToken token) {
        return token.kind() == Kind.SYMBOL && COMPARISONS.contains(token.text());
    }
}
