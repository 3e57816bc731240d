package io.dataplatform.athena.engine.internal;

import io.dataplatform.athena.sql.AthenaSqlReader;
import io.dataplatform.athena.sql.StatementReads;
import io.dataplatform.athena.sql.StatementReads.KeyCondition;
import io.dataplatform.athena.sql.StatementReads.TableName;
import io.dataplatform.athena.sql.StatementReads.TableRead;
import io.dataplatform.glue.GlueType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One statement's tables: for every catalog table it reads (as {@link AthenaSqlReader} names the
 * reads), the partitions each read may match, their files staged, and a DuckDB view
 * {@code "database"."table"} over the union of those partitions. Bytes scanned are totalled per
 * read, as the cost estimate sizes them.
 */
final class QueryRun implements SqlTranslator.TableLookup {
    private static final String INFORMATION_SCHEMA = "information_schema";

    private final Connection connection;
    private final GlueClient glue;
    private final ObjectStage stage;
    private final ParquetCosts parquet;
    private final Instant now;
    private final String database;
    private final StatementReads reads;
    private final Set<String> referenced;
    private final Map<String, CatalogSource> sources = new HashMap<>();
    private final Map<String, Plan> plans = new LinkedHashMap<>();
    /** The database's views by name, with the definition each was created with (kept across statements). */
    private final Map<String, String> views;
    /** The database's copies of views read again unchanged (kept across statements). */
    private final TableCopies copies;

    /** A table's staging: its partitions, which of them each read selects, and the staged files per partition. */
    private static final class Plan {
        CatalogSource source;
        List<CatalogSource.Part> parts;
        List<Set<Integer>> selectedPerRead = new ArrayList<>();
        /** False when the statement names the table only in a WITH query nothing references: Trino does not run it. */
        boolean billed = true;
        Map<Integer, List<ObjectStage.StagedFile>> files = new HashMap<>();
        FileFormat[] formats;
        SqlTranslator.Relation relation;
        /** The view's definition: its copy, when the statement reads one, holds what it read. */
        String definition;
    }

    QueryRun(Connection connection, GlueClient glue, ObjectStage stage, ParquetCosts parquet, Map<String, String> views,
             TableCopies copies, Instant now, String database, StatementReads reads, String sql) {
        this.connection = connection;
        this.views = views;
        this.copies = copies;
        this.glue = glue;
        this.stage = stage;
        this.parquet = parquet;
        this.now = now;
        this.database = database;
        this.reads = reads;
        this.referenced = reads.selectStar() ? null : Identifiers.of(sql);
    }

    @Override
    public List<List<String>> tablesRead() {
        Set<List<String>> names = new LinkedHashSet<>();
        for (TableRead read : reads.reads()) {
            names.add(List.of(databaseOf(read.name()), read.name().table()));
        }
        return List.copyOf(names);
    }

    @Override
    public SqlTranslator.Relation resolve(List<String> nameParts) {
        List<String> parts = nameParts.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        if (parts.isEmpty() || parts.size() > 3) {
            throw new EngineFailure("SYNTAX_ERROR", "Invalid table name " + String.join(".", nameParts));
        }
        if (parts.size() == 3 && !parts.get(0).equals("awsdatacatalog")) {
            throw new EngineFailure("CATALOG_NOT_FOUND", "Catalog '" + parts.get(0) + "' not found");
        }
        String db = parts.size() == 1 ? database : parts.get(parts.size() - 2);
        String table = parts.get(parts.size() - 1);
        if (db.equals(INFORMATION_SCHEMA)) {
            throw new EngineFailure("NOT_SUPPORTED", "information_schema is not supported by the fake Athena");
        }
        String key = db + "." + table;
        Plan plan = plans.get(key);
        if (plan == null) {
            plan = plan(db, table);
            plans.put(key, plan);
        }
        return plan.relation;
    }

    /** Bytes scanned: every read's selected partitions' files, each read counted (as Athena scans a table per reference). */
    long bytesScanned() {
        long total = 0;
        for (Plan plan : plans.values()) {
            if (!plan.billed) {
                continue;
            }
            for (Set<Integer> selected : plan.selectedPerRead) {
                for (int part : selected) {
                    for (ObjectStage.StagedFile file : plan.files.getOrDefault(part, List.of())) {
                        total = Math.addExact(total, plan.formats[part].kind() == FileFormat.Kind.PARQUET
                                ? parquet.bytes(file.path(), referencedColumns(plan.source)) : file.size());
                    }
                }
            }
        }
        return total;
    }

    /** The definitions of the views this statement reads, in the order it resolved them: what its columns' types depend on. */
    String viewDefinitions() {
        StringBuilder out = new StringBuilder();
        for (Plan plan : plans.values()) {
            String relation = plan.relation == null ? null : plan.relation.duckDbRelation();
            out.append(relation).append(" AS ").append(plan.definition).append('\n');
        }
        return out.toString();
    }

    /** Returns the staged tables' names and the partitions each read selects, for tests: {@code db.t -> [[values]...] per read}. */
    Map<String, List<List<List<String>>>> selections() {
        Map<String, List<List<List<String>>>> out = new LinkedHashMap<>();
        plans.forEach((key, plan) -> {
            List<List<List<String>>> perRead = new ArrayList<>();
            plan.selectedPerRead.forEach(s -> perRead.add(s.stream().sorted().map(i -> plan.parts.get(i).values()).toList()));
            out.put(key, perRead);
        });
        return out;
    }

    private Set<String> referencedColumns(CatalogSource source) {
        if (referenced == null) {
            return new HashSet<>(source.columns());
        }
        Set<String> used = new HashSet<>(source.columns());
        used.retainAll(referenced);
        return used;
    }

    private String databaseOf(TableName name) {
        return name.database() != null ? name.database() : database;
    }

    private CatalogSource source(String db, String table) {
        return sources.computeIfAbsent(db + "." + table, k -> CatalogSource.load(glue, db, table));
    }

    private Plan plan(String db, String table) {
        Plan plan = new Plan();
        plan.source = source(db, table);
        List<TableRead> tableReads = reads.reads().stream()
                .filter(r -> databaseOf(r.name()).equals(db) && r.name().table().equals(table)).toList();
        plan.parts = plan.source.parts(glue, now, (t, key) -> injected(tableReads, key));
        // The translator also resolves the tables of unreferenced WITH queries; the reader (and Trino's planner) skips them.
        plan.billed = !tableReads.isEmpty();
        List<String> keyTypes = plan.source.table().partitionKeys().stream()
                .map(k -> k.type() == null ? "string" : k.type().toLowerCase(Locale.ROOT)).toList();
        for (TableRead read : tableReads.isEmpty() ? List.<TableRead>of(new TableRead(new TableName(null, db, table), List.of(), List.of()))
                : tableReads) {
            Set<String> siblingColumns = new HashSet<>();
            for (TableName sibling : read.siblings()) {
                if (!databaseOf(sibling).equals(INFORMATION_SCHEMA)) {
                    CatalogSource other = source(databaseOf(sibling), sibling.table());
                    siblingColumns.addAll(other.columns());
                    siblingColumns.addAll(other.keys());
                }
            }
            List<KeyCondition> conditions = read.conditions().stream()
                    .filter(c -> plan.source.keys().contains(c.column()) && StatementReads.unambiguous(c, siblingColumns)).toList();
            Set<Integer> selected = new LinkedHashSet<>();
            for (int i = 0; i < plan.parts.size(); i++) {
                if (matches(plan.source, keyTypes, plan.parts.get(i).values(), conditions)) {
                    selected.add(i);
                }
            }
            plan.selectedPerRead.add(selected);
        }
        Set<Integer> union = new LinkedHashSet<>();
        plan.selectedPerRead.forEach(union::addAll);
        plan.formats = new FileFormat[plan.parts.size()];
        for (int i : union) {
            CatalogSource.Part part = plan.parts.get(i);
            plan.formats[i] = FileFormat.of(plan.source.table(), part.descriptor());
            plan.files.put(i, stageFiles(part.location(), plan.formats[i]));
        }
        plan.relation = createView(db, table, plan, union);
        return plan;
    }

    private static boolean matches(CatalogSource source, List<String> keyTypes, List<String> values, List<KeyCondition> conditions) {
        for (KeyCondition condition : conditions) {
            int key = source.keys().indexOf(condition.column());
            String value = key < values.size() ? values.get(key) : null;
            if (!AthenaSqlReader.mayMatch(keyTypes.get(key), value, condition)) {
                return false;
            }
        }
        return true;
    }

    /** The values Athena injects into an injected projection key: every read's static equalities on it. */
    private static Set<String> injected(List<TableRead> tableReads, String key) {
        String column = key.toLowerCase(Locale.ROOT);
        Set<String> values = new LinkedHashSet<>();
        for (TableRead read : tableReads) {
            List<KeyCondition> conditions = read.conditions().stream().filter(c -> c.column().equals(column)).toList();
            if (conditions.isEmpty() || conditions.stream().anyMatch(c -> c.values().isEmpty())) {
                throw new IllegalArgumentException("CONSTRAINT_VIOLATION: For the injected projected partition column " + key
                        + ", the WHERE clause must contain only static equality conditions, and at least one such condition"
                        + " must be present");
            }
            conditions.forEach(c -> c.values().forEach(v -> values.add(v.text())));
        }
        return values;
    }

    private List<ObjectStage.StagedFile> stageFiles(String location, FileFormat format) {
        String bucket = io.dataplatform.s3.S3Location.parse(location).bucket();
        List<ObjectStage.StagedFile> files = new ArrayList<>();
        for (S3Object object : stage.list(location)) {
            if (format.kind() == FileFormat.Kind.JSON) {
                boolean lenient = format.ignoresMalformedJson();
                files.add(stage.stage(bucket, object, lenient ? "json-lowercase-lenient" : "json-lowercase", ".json",
                        bytes -> Transforms.lowercaseJsonKeys(bytes, lenient)));
            } else if (format.kind() == FileFormat.Kind.OPEN_CSV) {
                char separator = format.csvSeparator();
                char quote = format.csvQuote();
                char escape = format.csvEscape();
                files.add(stage.stage(bucket, object, "opencsv-" + (int) separator + "-" + (int) quote + "-" + (int) escape, ".csv",
                        bytes -> Transforms.openCsv(bytes, separator, quote, escape)));
            } else if (format.textEscape() != null) {
                char delimiter = format.textDelimiter();
                char escape = format.textEscape().charAt(0);
                String nullText = "\\N";
                files.add(stage.stage(bucket, object, "unescape-" + (int) delimiter + "-" + (int) escape, ".csv",
                        bytes -> Transforms.unescapeText(bytes, delimiter, escape, nullText)));
            } else {
                files.add(stage.stage(bucket, object, null, null, null));
            }
        }
        return files;
    }

    private SqlTranslator.Relation createView(String db, String table, Plan plan, Set<Integer> parts) {
        CatalogSource source = plan.source;
        List<String> branches = new ArrayList<>();
        for (int i : parts) {
            List<ObjectStage.StagedFile> files = plan.files.get(i);
            if (files.isEmpty()) {
                continue;
            }
            List<java.nio.file.Path> paths = files.stream().map(ObjectStage.StagedFile::path).toList();
            Set<String> present = plan.formats[i].kind() == FileFormat.Kind.PARQUET ? parquet.columns(paths) : Set.of();
            StringBuilder branch = new StringBuilder("SELECT s.*");
            List<String> values = plan.parts.get(i).values();
            if (values.size() != source.keys().size()) {
                throw new EngineFailure("HIVE_INVALID_METADATA", "Partition " + values + " of " + source.name() + " has "
                        + values.size() + " values for " + source.keys().size() + " partition keys");
            }
            for (int k = 0; k < source.keys().size(); k++) {
                branch.append(", TRY_CAST(").append(Sql.string(values.get(k))).append(" AS ")
                        .append(EngineTypes.duckDb(source.keyTypes().get(k))).append(") AS ").append(Sql.identifier(source.keys().get(k)));
            }
            branch.append(" FROM (").append(plan.formats[i].scan(paths, source.columns(), source.columnTypes(), present)).append(") s");
            branches.add(branch.toString());
        }
        List<String> all = new ArrayList<>(source.columns());
        all.addAll(source.keys());
        List<GlueType> types = new ArrayList<>(source.columnTypes());
        types.addAll(source.keyTypes());
        if (branches.isEmpty()) {
            List<String> nulls = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                nulls.add("CAST(NULL AS " + EngineTypes.duckDb(types.get(i)) + ") AS " + Sql.identifier(all.get(i)));
            }
            branches.add("SELECT " + String.join(", ", nulls) + " WHERE false");
        }
        String view = Sql.identifier(db) + "." + Sql.identifier(table);
        String definition = String.join(" UNION ALL ", branches);
        plan.definition = definition;
        String relation = view;
        try {
            if (!definition.equals(views.get(view))) {
                views.remove(view);
                copies.forget(connection, view);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.identifier(db));
                    statement.execute("CREATE OR REPLACE VIEW " + view + " AS " + definition);
                }
                views.put(view, definition);
            } else {
                long staged = 0;
                for (int i : parts) {
                    for (ObjectStage.StagedFile file : plan.files.get(i)) {
                        staged += file.size();
                    }
                }
                relation = copies.relation(connection, view, definition, staged);
            }
        } catch (SQLException e) {
            throw new EngineFailure("GENERIC_INTERNAL_ERROR", "Cannot read " + source.name() + ": " + e.getMessage(), e);
        }
        List<SqlTranslator.Column> columns = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            columns.add(new SqlTranslator.Column(all.get(i), EngineTypes.trino(types.get(i))));
        }
        return new SqlTranslator.Relation(relation, columns);
    }

    /** Identifier-like tokens of a statement, lowercased: the columns it may reference. */
    static final class Identifiers {
        private Identifiers() {
        }

        static Set<String> of(String sql) {
            Set<String> names = new HashSet<>();
            int i = 0;
            int n = sql.length();
            while (i < n) {
                char c = sql.charAt(i);
                if (c == '\'') {
                    i = skipQuoted(sql, i, '\'');
                } else if (c == '"') {
                    int end = skipQuoted(sql, i, '"');
                    names.add(sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\"").toLowerCase(Locale.ROOT));
                    i = end;
                } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                    int end = sql.indexOf('\n', i);
                    i = end < 0 ? n : end;
                } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                    int end = sql.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                        i++;
                    }
                    names.add(sql.substring(start, i).toLowerCase(Locale.ROOT));
                } else {
                    i++;
                }
            }
            return names;
        }

        static int skipQuoted(String sql, int start, char quote) {
            int i = start + 1;
            while (i < sql.length()) {
                if (sql.charAt(i) == quote) {
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i++;
            }
            return sql.length();
        }
    }

}
