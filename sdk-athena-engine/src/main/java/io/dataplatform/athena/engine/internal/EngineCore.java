package io.dataplatform.athena.engine.internal;

import io.dataplatform.DataPlatformException;
import io.dataplatform.athena.engine.EngineColumn;
import io.dataplatform.athena.engine.EngineResult;
import io.dataplatform.athena.sql.AthenaSqlReader;
import io.dataplatform.athena.sql.StatementReads;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The engine: in-memory DuckDB databases and one staging directory, opened on the first statement and
 * closed with the engine. Statements run side by side, each on a database of its own taken from a pool
 * (a query's views, schema and variables live in its database's catalog, so two queries over the same
 * table must not share one); the staged copies are shared, content-addressed by object version.
 */
public final class EngineCore implements AutoCloseable {
    /** Idle databases kept for the next statements; more are opened while more statements run at once. */
    private static final int IDLE_KEPT = 4;
    private final S3Client s3;
    private final GlueClient glue;
    private final Clock clock;
    private final SqlTranslator translator;
    private final java.util.ArrayDeque<Slot> idle = new java.util.ArrayDeque<>();
    private final java.util.Set<Slot> busy = new java.util.HashSet<>();
    private CompletableFuture<Connection> opening;
    private ObjectStage stage;
    private volatile Map<String, List<List<List<String>>>> lastSelections = Map.of();
    private boolean closed;

    private static final int DESCRIBED_KEPT = 256;
    /**
     * Result columns of statements lately run, by the statement's DuckDB text and the definitions of the views
     * it read (which name content-addressed copies, so equal keys bind to equal types): tests run the same
     * statements again and again, and binding one again costs as much as a small query's scan.
     */
    private final Map<String, List<Described>> described = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Described>> eldest) {
                    return size() > DESCRIBED_KEPT;
                }
            });

    /** A result column as DuckDB binds it. */
    private record Described(String name, TrinoType type) {
    }

    private static final int PREPARED_KEPT = 32;
    /** Renders the query's start for DuckDB's TIMESTAMPTZ literal. */
    private static final java.time.format.DateTimeFormatter QUERY_START =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(java.time.ZoneOffset.UTC);

    /**
     * One DuckDB database, what is cached about the Parquet files it read, and its catalog's state: the
     * schema last set and each view's definition. A view is kept after its statement and re-created only
     * when its definition changes (its text names content-addressed staged copies, so equal text reads
     * equal data): creating, binding and dropping the views was a third of a small query's time. A view read
     * again unchanged is read from a copy ({@link TableCopies}).
     */
    private static final class Slot {
        private final Connection connection;
        private final ParquetCosts parquet;
        private final Map<String, String> views = new java.util.HashMap<>();
        private final TableCopies copies = new TableCopies();
        /**
         * Statements prepared lately, by their text and the definitions of the views they read. DuckDB binds a
         * view when it prepares a statement and does not bind it again when the view is replaced, so the key
         * holds the definitions; a statement that reads a variable is never kept (its value is bound too).
         */
        private final Map<String, java.sql.PreparedStatement> prepared = new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, java.sql.PreparedStatement> eldest) {
                if (size() > PREPARED_KEPT) {
                    closeQuietly(eldest.getValue());
                    return true;
                }
                return false;
            }
        };
        private String schema;

        Slot(Connection connection, ParquetCosts parquet) {
            this.connection = connection;
            this.parquet = parquet;
        }

        Connection connection() {
            return connection;
        }

        ParquetCosts parquet() {
            return parquet;
        }
    }

    /** An engine reading tables through {@code glue} and {@code s3}; DuckDB starts with the first statement. */
    public EngineCore(S3Client s3, GlueClient glue, Clock clock, SqlTranslator translator) {
        this.s3 = s3;
        this.glue = glue;
        this.clock = clock;
        this.translator = translator;
    }

    /** Runs one query; failures are thrown as {@link EngineFailure} worded as Athena's. */
    public EngineResult execute(String sql, String database, List<String> parameters) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The Athena engine is closed");
            }
            // DuckDB's native library loads while Trino's parser reads the first statement (each takes about 0.3 s cold).
            startOpening();
        }
        String bound = Parameters.bind(sql, parameters);
        io.trino.sql.tree.Statement statement = translator.parse(bound);
        StatementReads reads;
        try {
            reads = AthenaSqlReader.read(sql, parameters);
        } catch (DataPlatformException e) {
            // The engine reads exactly what the cost estimate would size; what that cannot name, it cannot stage.
            throw new EngineFailure("NOT_SUPPORTED", "The fake Athena cannot tell which tables this statement reads: "
                    + e.getMessage(), e);
        }
        Slot slot = take();
        try {
            return execute(slot, sql, bound, statement, database, reads);
        } finally {
            release(slot);
        }
    }

    private EngineResult execute(Slot slot, String sql, String bound, io.trino.sql.tree.Statement statement, String database,
                                 StatementReads reads) {
        Connection connection = slot.connection();
        java.time.Instant start = clock.instant();
        QueryRun run = new QueryRun(connection, glue, stage, slot.parquet(), slot.views, slot.copies, start, database, reads, sql);
        try {
            SqlTranslator.Translated translated = translator.translate(bound, statement, run);
            // current_date, now() and friends read the query's start on the engine's clock (the fake world's), not DuckDB's;
            // a statement that reads none of them does not pay for setting it.
            if (translated.duckDbSql().contains("athena_query_start")) {
                try (Statement set = connection.createStatement()) {
                    set.execute("SET VARIABLE athena_query_start = TIMESTAMPTZ '" + QUERY_START.format(start) + "+00'");
                }
            }
            EngineResult result = run(slot, translated, database, run);
            lastSelections = run.selections();
            return result;
        } catch (SQLException e) {
            throw translator.failure(e.getMessage());
        }
    }

    /** For tests: the copies of views the idle databases hold. */
    synchronized int copiesHeld() {
        return idle.stream().mapToInt(slot -> slot.copies.size()).sum();
    }

    /** For tests: the partitions each read of each table selected in the last successful statement. */
    Map<String, List<List<List<String>>>> lastSelections() {
        return lastSelections;
    }

    /** An idle database, or a new one: the one started while the statement was parsed, if no one took it. */
    private Slot take() {
        CompletableFuture<Connection> started;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The Athena engine is closed");
            }
            Slot slot = idle.pollFirst();
            if (slot != null) {
                busy.add(slot);
                return slot;
            }
            started = opening;
            opening = null;
        }
        Connection connection;
        if (started == null) {
            connection = connect();
        } else {
            try {
                connection = started.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof EngineFailure failure ? failure
                        : new EngineFailure("GENERIC_INTERNAL_ERROR", "Cannot start DuckDB: " + e.getCause(), e.getCause());
            }
        }
        synchronized (this) {
            if (closed) {
                closeQuietly(connection);
                throw new IllegalStateException("The Athena engine is closed");
            }
            if (stage == null) {
                stage = new ObjectStage(s3);
            }
            Slot slot = new Slot(connection, new ParquetCosts(connection));
            busy.add(slot);
            return slot;
        }
    }

    private synchronized void release(Slot slot) {
        busy.remove(slot);
        if (closed || idle.size() >= IDLE_KEPT) {
            retire(slot);
        } else {
            idle.addFirst(slot);
        }
    }

    /** Empties the database of what this engine's statements left in it and gives it to the JVM's pool. */
    private void retire(Slot slot) {
        slot.prepared.values().forEach(EngineCore::closeQuietly);
        slot.prepared.clear();
        try (Statement statement = slot.connection().createStatement()) {
            slot.copies.forgetAll(slot.connection());
            for (String view : slot.views.keySet()) {
                statement.execute("DROP VIEW IF EXISTS " + view);
            }
            statement.execute("SET schema = 'main'");
        } catch (SQLException e) {
            closeQuietly(slot.connection());
            return;
        }
        DatabasePool.give(translator.macros(), slot.connection());
    }

    private static void closeQuietly(java.sql.PreparedStatement statement) {
        try {
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException e) {
            // Nothing to recover: DuckDB frees it with its database at the latest.
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing to recover: the in-memory database is gone either way.
        }
    }

    private EngineResult run(Slot slot, SqlTranslator.Translated translated, String database, QueryRun run) throws SQLException {
        Connection connection = slot.connection();
        String sql = translated.duckDbSql().strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        try (Statement statement = connection.createStatement()) {
            if (!database.equals(slot.schema)) {
                slot.schema = null;
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.identifier(database));
                statement.execute("SET schema = " + Sql.string(database));
                slot.schema = database;
            }
            List<String> names = new ArrayList<>();
            List<TrinoType> types = new ArrayList<>();
            // What the statement's types and prepared plan depend on besides its text; built once for both caches.
            String views = run.viewDefinitions();
            for (Described column : describe(connection, sql, views)) {
                names.add(column.name());
                types.add(column.type());
            }
            List<SqlTranslator.Column> declared = translated.resultColumns();
            List<String> zones = new ArrayList<>();
            if (declared.size() == names.size()) {
                for (int i = 0; i < names.size(); i++) {
                    names.set(i, declared.get(i).name());
                    zones.add(declared.get(i).zone());
                    if (declared.get(i).trinoType() != null) {
                        types.set(i, TrinoType.parse(declared.get(i).trinoType()));
                    }
                }
            }
            List<String> aliases = new ArrayList<>();
            List<String> selects = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                aliases.add("c" + i);
                selects.add(ResultRenderer.select("q.c" + i, types.get(i), i < zones.size() ? zones.get(i) : null));
            }
            List<List<String>> rows = new ArrayList<>();
            String wrapped = "SELECT " + String.join(", ", selects) + " FROM (" + sql + ") AS q(" + String.join(", ", aliases) + ")";
            java.sql.PreparedStatement kept = null;
            String key = null;
            if (!wrapped.contains("getvariable(")) {
                key = cacheKey(views, wrapped);
                kept = slot.prepared.get(key);
                if (kept == null) {
                    kept = connection.prepareStatement(wrapped);
                    slot.prepared.put(key, kept);
                }
            }
            try (ResultSet result = kept != null ? kept.executeQuery() : statement.executeQuery(wrapped)) {
                while (result.next()) {
                    List<String> row = new ArrayList<>(names.size());
                    for (int i = 0; i < names.size(); i++) {
                        row.add(ResultRenderer.text(result, i + 1, types.get(i)));
                    }
                    rows.add(row);
                }
            } catch (SQLException | RuntimeException e) {
                if (key != null) {
                    closeQuietly(slot.prepared.remove(key));
                }
                throw e;
            }
            List<EngineColumn> columns = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                TrinoType type = types.get(i);
                columns.add(new EngineColumn(names.get(i), type.athenaName(), type.signature(), type.precision(), type.scale()));
            }
            return new EngineResult(columns, rows, run.bytesScanned(), "DML");
        }
    }

    /**
     * A statement's text with the definitions of the views it reads, digested: a table of thousands of files has a
     * definition of megabytes, and the caches keep hundreds of keys.
     */
    private static String cacheKey(String views, String sql) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(views.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return java.util.HexFormat.of().formatHex(sha.digest(sql.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private List<Described> describe(Connection connection, String sql, String views) throws SQLException {
        String key = cacheKey(views, sql);
        List<Described> columns = described.get(key);
        if (columns == null) {
            columns = new ArrayList<>();
            // Preparing binds the statement and names its columns' types, as DESCRIBE would, without running anything.
            try (java.sql.PreparedStatement prepared = connection.prepareStatement(sql)) {
                java.sql.ResultSetMetaData metadata = prepared.getMetaData();
                for (int i = 1; i <= metadata.getColumnCount(); i++) {
                    columns.add(new Described(metadata.getColumnLabel(i),
                            TrinoType.parse(EngineTypes.trinoOfDuckDb(metadata.getColumnTypeName(i)))));
                }
            }
            columns = List.copyOf(columns);
            described.put(key, columns);
        }
        return columns;
    }

    /** Starts a DuckDB database on a daemon thread when no idle one is left and none is starting. */
    private void startOpening() {
        if (!idle.isEmpty() || opening != null) {
            return;
        }
        CompletableFuture<Connection> started = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                started.complete(connect());
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        }, "athena-engine-start");
        thread.setDaemon(true);
        thread.start();
        opening = started;
    }

    private Connection connect() {
        List<String> macros = translator.macros();
        Connection pooled = DatabasePool.take(macros, () -> newDatabase(macros));
        return pooled != null ? pooled : newDatabase(macros);
    }

    /** A new in-memory DuckDB database with the engine's settings and {@code macros} (static: a spare outlives its engine). */
    private static Connection newDatabase(List<String> macros) {
        try {
            Connection started = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = started.createStatement()) {
                // One thread per database: statements running side by side each have a database of their own, and
                // a test's small tables gain nothing from a second thread that another statement could use.
                statement.execute("SET threads = 1");
                statement.execute("SET TimeZone = 'UTC'");
                for (String macro : macros) {
                    statement.execute(macro);
                }
            }
            return started;
        } catch (SQLException e) {
            throw new EngineFailure("GENERIC_INTERNAL_ERROR", "Cannot start DuckDB: " + e.getMessage(), e);
        }
    }

    /** Closes the DuckDB databases (a running statement's when it ends) and deletes the staged files. */
    @Override
    public synchronized void close() {
        closed = true;
        if (opening != null) {
            // Still starting: close it once it has started.
            List<String> macros = translator.macros();
            opening.thenAccept(connection -> DatabasePool.give(macros, connection));
            opening = null;
        }
        idle.forEach(this::retire);
        idle.clear();
        if (stage != null) {
            stage.close();
        }
    }
}
