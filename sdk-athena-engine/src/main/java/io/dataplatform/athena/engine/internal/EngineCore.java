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

    /** One DuckDB database with what is cached about the Parquet files it read. */
    private record Slot(Connection connection, ParquetCosts parquet) {
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
        QueryRun run = new QueryRun(connection, glue, stage, slot.parquet(), start, database, reads, sql);
        try {
            // current_date, now() and friends read the query's start on the engine's clock (the fake world's), not DuckDB's.
            try (Statement set = connection.createStatement()) {
                set.execute("SET VARIABLE athena_query_start = TIMESTAMPTZ '"
                        + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").format(
                                java.time.LocalDateTime.ofInstant(start, java.time.ZoneOffset.UTC)) + "+00'");
            }
            SqlTranslator.Translated translated = translator.translate(bound, statement, run);
            EngineResult result = run(connection, translated, database, run);
            lastSelections = run.selections();
            return result;
        } catch (SQLException e) {
            throw translator.failure(e.getMessage());
        } finally {
            run.dropViews();
        }
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
            closeQuietly(slot.connection());
        } else {
            idle.addFirst(slot);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing to recover: the in-memory database is gone either way.
        }
    }

    private EngineResult run(Connection connection, SqlTranslator.Translated translated, String database, QueryRun run) throws SQLException {
        String sql = translated.duckDbSql().strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.identifier(database));
            statement.execute("SET schema = " + Sql.string(database));
            List<String> names = new ArrayList<>();
            List<TrinoType> types = new ArrayList<>();
            try (ResultSet described = statement.executeQuery("DESCRIBE " + sql)) {
                while (described.next()) {
                    names.add(described.getString(1));
                    types.add(TrinoType.parse(EngineTypes.trinoOfDuckDb(described.getString(2))));
                }
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
            try (ResultSet result = statement.executeQuery(wrapped)) {
                while (result.next()) {
                    List<String> row = new ArrayList<>(names.size());
                    for (int i = 0; i < names.size(); i++) {
                        row.add(ResultRenderer.text(result, i + 1, types.get(i)));
                    }
                    rows.add(row);
                }
            }
            List<EngineColumn> columns = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                TrinoType type = types.get(i);
                columns.add(new EngineColumn(names.get(i), type.athenaName(), type.signature(), type.precision(), type.scale()));
            }
            return new EngineResult(columns, rows, run.bytesScanned(), "DML");
        }
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
        try {
            Connection started = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = started.createStatement()) {
                // One thread per database: statements running side by side each have a database of their own, and
                // a test's small tables gain nothing from a second thread that another statement could use.
                statement.execute("SET threads = 1");
                statement.execute("SET TimeZone = 'UTC'");
                for (String macro : translator.macros()) {
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
            opening.thenAccept(EngineCore::closeQuietly);
            opening = null;
        }
        idle.forEach(slot -> closeQuietly(slot.connection()));
        idle.clear();
        if (stage != null) {
            stage.close();
        }
    }
}
