package io.dataplatform.testing.athena;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates SQL statements over {@link GuardLake} from a seed: projections with and without
 * {@code *}, joins of every kind, subqueries in FROM and in predicates, set operations, WITH
 * queries (shadowing a catalog table, referenced twice, unreferenced), {@code TABLE t}, partition
 * predicates of string, integer and date keys with typed literals and casts, comments and quoted
 * identifiers. The statements are Athena's (Trino's) dialect that the fake's engine also runs; the
 * exception is NATURAL JOIN, which Trino parses but refuses to analyze, kept because a user can
 * send it and the guard must still not under-estimate it.
 *
 * <p>Deterministic: the same seed gives the same statement, so a failing case replays from its seed.
 */
final class GuardStatements {
    private static final String[] COMMENTS = {"/* FROM big */", "/* WHERE year = '2023' */", "/* TABLE big */"};
    private static final String[] LINE_COMMENTS = {"-- big", "-- WHERE year = '2024'", "-- FROM sales s"};

    private final Random random;
    private int aliases;

    GuardStatements(long seed) {
        this.random = new Random(seed);
    }

    /** A FROM item: its SQL (with alias), the name that qualifies its columns, and the table whose columns it has. */
    private record Source(String sql, String qualifier, LakeTable table) {
    }

    /** Returns the next statement. */
    String next() {
        aliases = 0;
        int kind = random.nextInt(100);
        String sql;
        if (kind < 30) {
            sql = select(List.of(source(1, null)), 1, null);
        } else if (kind < 52) {
            sql = join(1);
        } else if (kind < 62) {
            sql = setOperation(1);
        } else if (kind < 80) {
            sql = with();
        } else if (kind < 88) {
            sql = tableStatement();
        } else {
            sql = mergedKeyJoin();
        }
        return decorate(sql);
    }

    // ---- statements -------------------------------------------------------------------------

    /** SELECT over {@code sources} (already joined in the first one's SQL when {@code from} is given). */
    private String select(List<Source> sources, int depth, String from) {
        boolean aggregateOnly = from != null && from.contains("CROSS JOIN");
        String projection = aggregateOnly ? "count(*)" : projection(sources);
        StringBuilder sql = new StringBuilder("SELECT ").append(projection).append(" FROM ")
                .append(from != null ? from : sources.get(0).sql());
        String where = where(sources, depth, sources.size() == 1);
        if (where != null) {
            sql.append(" WHERE ").append(where);
        }
        if (projection.contains(" AS g,")) {
            sql.append(" GROUP BY 1");
        }
        return sql.append(tail()).toString();
    }

    private String join(int depth) {
        List<Source> sources = new ArrayList<>();
        Source left = source(depth, null);
        Source right = source(depth, partner(left.table()));
        sources.add(left);
        sources.add(right);
        int shape = random.nextInt(100);
        String from;
        if (shape < 45) {
            from = left.sql() + " " + pick("JOIN", "INNER JOIN", "LEFT JOIN", "LEFT OUTER JOIN", "RIGHT JOIN", "FULL JOIN",
                    "FULL OUTER JOIN") + " " + right.sql() + " ON " + on(left, right);
        } else if (shape < 55) {
            from = left.sql() + " CROSS JOIN " + right.sql();
        } else if (shape < 68) {
            // A comma join, its condition in WHERE.
            String sql = "SELECT count(*) FROM " + left.sql() + ", " + right.sql() + " WHERE " + on(left, right);
            String more = where(sources, depth, false);
            return sql + (more != null ? " AND (" + more + ")" : "") + tail();
        } else if (shape < 76) {
            from = left.sql() + " NATURAL " + pick("", "INNER ", "LEFT ", "FULL ") + "JOIN " + right.sql();
            return "SELECT " + pick("*", "count(*)") + " FROM " + from + naturalWhere(left, right) + tail();
        } else {
            // A parenthesised join, then a third table.
            Source third = source(depth, partner(right.table()));
            sources.add(third);
            String inner = "(" + left.sql() + " " + pick("JOIN", "LEFT JOIN", "FULL JOIN") + " " + right.sql() + " ON "
                    + on(left, right) + ")";
            from = random.nextBoolean()
                    ? inner + " " + pick("JOIN", "LEFT JOIN", "RIGHT JOIN") + " " + third.sql() + " ON " + on(right, third)
                    : third.sql() + " " + pick("JOIN", "LEFT JOIN") + " " + inner + " ON " + on(third, right);
        }
        return select(sources, depth, from);
    }

    /** {@code FULL JOIN .. USING (year)} and NATURAL joins of sales with itself, filtered on the merged column. */
    private String mergedKeyJoin() {
        String a = "a" + (++aliases);
        String b = "b" + (++aliases);
        String join = pick("FULL JOIN", "FULL OUTER JOIN", "LEFT JOIN", "RIGHT JOIN", "JOIN");
        String criteria = random.nextInt(4) == 0 ? "USING (year, month)" : "USING (year)";
        String from = random.nextInt(5) == 0
                ? salesName() + " " + a + " NATURAL " + join + " " + salesName() + " " + b
                : salesName() + " " + a + " " + join + " " + salesName() + " " + b + " " + criteria;
        String where = pick(LakeTable.SALES.partitionPredicates).replace("@month", a + ".month").replace("@", "");
        if (criteria.contains("month") || from.contains("NATURAL")) {
            where = where.replace(a + ".month", "month");
        }
        String projection = pick("*", "count(*)", "year, count(*)");
        String group = projection.startsWith("year,") ? " GROUP BY year" : "";
        return "SELECT " + projection + " FROM " + from + " WHERE " + where + group + tail();
    }

    private String setOperation(int depth) {
        int branches = 2 + random.nextInt(2);
        boolean star = random.nextInt(4) == 0;
        LakeTable starTable = table();
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < branches; i++) {
            if (i > 0) {
                sql.append(' ').append(pick("UNION", "UNION ALL", "UNION DISTINCT", "INTERSECT", "EXCEPT")).append(' ');
            }
            String branch;
            if (star) {
                branch = random.nextInt(3) == 0 ? "TABLE " + name(starTable)
                        : "SELECT * FROM " + name(starTable) + optionalWhere(starTable, null, depth);
            } else {
                Source source = source(depth + 1, null);
                String item = source.table().has("id") && random.nextBoolean() ? source.qualifier() + ".id" : "count(*)";
                branch = "SELECT " + item + " FROM " + source.sql() + optionalWhere(source.table(), source.qualifier(), depth);
            }
            sql.append(random.nextInt(5) == 0 ? "(" + branch + ")" : branch);
        }
        return sql.append(tail()).toString();
    }

    private String with() {
        LakeTable table = table();
        int shape = random.nextInt(100);
        if (shape < 20) {
            // The WITH query shadows the catalog table it reads.
            String name = name(table);
            return "WITH " + table.sqlName + " AS (SELECT * FROM " + name + optionalWhere(table, null, 2) + ") SELECT "
                    + pick("count(*)", "*") + " FROM " + table.sqlName + optionalWhere(table, null, 2) + tail();
        }
        if (shape < 30) {
            // An unreferenced WITH query reads nothing.
            return "WITH unused AS (SELECT * FROM " + name(table) + ") " + select(List.of(source(1, null)), 1, null);
        }
        String cte = "c" + (++aliases);
        String body = "SELECT * FROM " + name(table) + optionalWhere(table, null, 2);
        String head;
        String cte2 = null;
        if (random.nextInt(4) == 0) {
            cte2 = "d" + (++aliases);
            head = "WITH " + cte + " AS (" + body + "), " + cte2 + " AS (SELECT * FROM " + cte + optionalWhere(table, null, 2)
                    + ") ";
        } else {
            head = "WITH " + cte + " AS (" + body + ") ";
        }
        String use = cte2 != null ? cte2 : cte;
        int twice = random.nextInt(4);
        if (twice == 0 && table.has("id")) {
            return head + "SELECT count(*) FROM " + use + " x JOIN " + cte + " y ON x.id = y.id" + tail();
        }
        if (twice == 1) {
            return head + "SELECT count(*) FROM " + use + " UNION ALL SELECT count(*) FROM " + cte + tail();
        }
        if (twice == 2 && table.has("id")) {
            Source outer = base(2, LakeTable.BIG);
            return head + "SELECT count(*) FROM " + outer.sql() + " WHERE " + outer.qualifier() + ".id IN (SELECT id FROM "
                    + use + ")" + tail();
        }
        Source source = new Source(use + " " + use + "x", use + "x", table);
        return head + select(List.of(source), 2, null);
    }

    private String tableStatement() {
        LakeTable table = table();
        return switch (random.nextInt(5)) {
            case 0 -> "TABLE " + name(table);
            case 1 -> "SELECT count(*) FROM (TABLE " + name(table) + ")";
            case 2 -> "SELECT * FROM (TABLE " + name(table) + ") t" + optionalWhere(table, "t", 2) + tail();
            case 3 -> "SELECT 1 FROM " + name(table()) + " WHERE EXISTS (TABLE " + name(table) + ")" + tail();
            default -> "TABLE " + name(table) + " UNION ALL TABLE " + name(table);
        };
    }

    // ---- FROM items -------------------------------------------------------------------------

    private Source source(int depth, LakeTable only) {
        int kind = random.nextInt(100);
        if (depth > 1 || kind < 70) {
            return base(depth, only);
        }
        LakeTable table = only != null ? only : table();
        String alias = "s" + (++aliases);
        if (kind < 88) {
            return new Source("(SELECT * FROM " + name(table) + optionalWhere(table, null, depth + 1) + ") " + alias, alias, table);
        }
        return new Source("(TABLE " + name(table) + ") " + alias, alias, table);
    }

    /** A table of the lake; the Parquet one less often, as its 3,000 wide rows make the slowest queries. */
    private LakeTable table() {
        return random.nextInt(16) == 0 ? LakeTable.WIDE : pick(LakeTable.BIG, LakeTable.SALES, LakeTable.REGIONS,
                LakeTable.EVENTS, LakeTable.EVENTS_BY_DATE);
    }

    /** A table that has an equi-join key with {@code table}: an id, or a region when one side is regions. */
    private LakeTable partner(LakeTable table) {
        while (true) {
            LakeTable other = table();
            if (table.has("id") && other.has("id") || table.has("region") && other.has("region")
                    && (table == LakeTable.REGIONS || other == LakeTable.REGIONS) && table != other) {
                return other;
            }
        }
    }

    private Source base(int depth, LakeTable only) {
        LakeTable table = only != null ? only : table();
        String alias = "t" + (++aliases);
        return new Source(name(table) + (random.nextBoolean() ? " AS " : " ") + alias, alias, table);
    }

    /** The table's name as a user may write it: plain, quoted, qualified by its database, or upper case. */
    private String name(LakeTable table) {
        return switch (random.nextInt(10)) {
            case 0 -> "\"" + table.sqlName + "\"";
            case 1 -> GuardLake.DATABASE + "." + table.sqlName;
            case 2 -> "\"" + GuardLake.DATABASE + "\".\"" + table.sqlName + "\"";
            case 3 -> table.sqlName.toUpperCase(Locale.ROOT);
            default -> table.sqlName;
        };
    }

    private String salesName() {
        return name(LakeTable.SALES);
    }

    private String on(Source left, Source right) {
        if (left.table().has("id") && right.table().has("id")) {
            return left.qualifier() + ".id = " + right.qualifier() + ".id";
        }
        if (left.table().has("region") && right.table().has("region")
                && (left.table() == LakeTable.REGIONS || right.table() == LakeTable.REGIONS)) {
            return left.qualifier() + ".region = " + right.qualifier() + ".region";
        }
        throw new IllegalStateException("no join key between " + left + " and " + right);
    }

    // ---- SELECT lists -----------------------------------------------------------------------

    private String projection(List<Source> sources) {
        Source first = sources.get(0);
        String q = first.qualifier();
        return switch (random.nextInt(12)) {
            case 0, 1 -> "*";
            case 2 -> q + ".*";
            case 3 -> q + "." + first.table().columns.get(0) + ", *";
            case 4 -> "1 AS x, *";
            case 5 -> q + "." + first.table().columns.get(0) + ", " + q + ".*";
            case 6, 7 -> "count(*)";
            case 8 -> q + "." + first.table().groupColumn + " AS g, count(*) AS n";
            case 9 -> first.table().numericColumn != null ? "sum(" + q + "." + first.table().numericColumn + ")" : "count(*)";
            case 10 -> q + "." + first.table().columns.get(random.nextInt(first.table().columns.size()));
            default -> sources.size() > 1
                    ? q + ".*, " + sources.get(1).qualifier() + "." + sources.get(1).table().columns.get(0)
                    : "DISTINCT " + q + "." + first.table().groupColumn;
        };
    }

    // ---- predicates -------------------------------------------------------------------------

    private String optionalWhere(LakeTable table, String qualifier, int depth) {
        if (random.nextInt(3) == 0) {
            return "";
        }
        return " WHERE " + predicate(table, qualifier, depth);
    }

    /** A WHERE clause over {@code sources}, or null; columns are qualified unless one source may go bare. */
    private String where(List<Source> sources, int depth, boolean bareAllowed) {
        int conjuncts = random.nextInt(4);
        if (conjuncts == 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < conjuncts; i++) {
            Source source = sources.get(random.nextInt(sources.size()));
            String qualifier = bareAllowed && random.nextBoolean() ? null : source.qualifier();
            parts.add(random.nextInt(4) == 0 && depth < 2 ? subqueryPredicate(source, depth) : predicate(source.table(), qualifier, depth));
        }
        String joiner = random.nextInt(5) == 0 ? " OR " : " AND ";
        String where = String.join(joiner, parts);
        if (joiner.equals(" OR ") || random.nextInt(10) == 0) {
            where = random.nextInt(3) == 0 ? "NOT (" + where + ")" : "(" + where + ")";
        }
        return where;
    }

    /** A predicate on a partition key (mostly) or another column of {@code table}. */
    private String predicate(LakeTable table, String qualifier, int depth) {
        String q = qualifier == null ? "" : qualifier + ".";
        if (table.partitioned() && random.nextInt(4) != 0) {
            return pick(table.partitionPredicates).replace("@", q);
        }
        if (table.has("id") && random.nextBoolean()) {
            return pick(q + "id > 5", q + "id < 150", q + "id BETWEEN 2 AND 40", q + "id IN (1, 2, 3, 101)");
        }
        if (table.has("region")) {
            return pick(q + "region = 'eu'", q + "region <> 'FROM big'", q + "region IN ('us', 'apac')");
        }
        return pick(q + "kind = 'click'", q + "kind LIKE 'v%'");
    }

    private String subqueryPredicate(Source outer, int depth) {
        LakeTable inner = table();
        String alias = "i" + (++aliases);
        String from = name(inner) + " " + alias;
        String where = optionalWhere(inner, alias, depth + 1);
        String q = outer.qualifier();
        switch (random.nextInt(5)) {
            case 0:
                if (outer.table().has("id") && inner.has("id")) {
                    return q + ".id " + pick("IN", "NOT IN") + " (SELECT " + alias + ".id FROM " + from + where + ")";
                }
                return "EXISTS (SELECT 1 FROM " + from + where + ")";
            case 1:
                return pick("EXISTS", "NOT EXISTS") + " (SELECT 1 FROM " + from + where + ")";
            case 2:
                if (outer.table().has("id") && inner.has("id")) {
                    // Correlated.
                    return "EXISTS (SELECT 1 FROM " + from + " WHERE " + alias + ".id = " + q + ".id"
                            + where.replace(" WHERE ", " AND ") + ")";
                }
                return "EXISTS (TABLE " + name(inner) + ")";
            case 3:
                return "EXISTS (TABLE " + name(inner) + ")";
            default:
                if (outer.table().has("id") && inner.has("id")) {
                    return q + ".id <= (SELECT max(" + alias + ".id) FROM " + from + where + ")";
                }
                return "(SELECT count(*) FROM " + from + where + ") >= 0";
        }
    }

    private String naturalWhere(Source left, Source right) {
        return random.nextBoolean() ? "" : " WHERE " + predicate(left.table(), left.qualifier(), 2);
    }

    // ---- decoration -------------------------------------------------------------------------

    private String tail() {
        int r = random.nextInt(10);
        return r < 2 ? " LIMIT " + pick("1", "5", "100") : r == 2 ? " LIMIT ALL" : r == 3 ? " ORDER BY 1 LIMIT 10" : "";
    }

    /** Adds comments where a careless reader would take them for SQL. */
    private String decorate(String sql) {
        int r = random.nextInt(10);
        if (r == 0) {
            return pick(COMMENTS) + " " + sql;
        }
        if (r == 1) {
            return sql + "\n" + pick(LINE_COMMENTS);
        }
        if (r == 2 && sql.contains(" WHERE ")) {
            return sql.replaceFirst(" WHERE ", " " + pick(LINE_COMMENTS) + "\nWHERE ");
        }
        if (r == 3) {
            return sql.replaceFirst(" FROM ", " " + pick(COMMENTS) + " FROM ");
        }
        return sql;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
