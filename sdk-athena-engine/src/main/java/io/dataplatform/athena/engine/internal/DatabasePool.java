package io.dataplatform.athena.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Idle DuckDB databases handed from closed engines to new ones in the same JVM. A test suite makes a
 * world (and an engine) per test, and a new database costs 50-100 ms before its first statement (starting
 * DuckDB, then a hundred macros): a database that comes back holds only its settings and the macros of
 * the translator it was made for, and is handed out for the same macros only. An engine gives one back
 * empty of what its statements left (views dropped, prepared statements closed); its staged copies were
 * in the engine's own folder, gone with it.
 */
final class DatabasePool {
    /** Databases kept idle in the JVM; more are closed. */
    static final int KEPT = 4;
    private static final Map<List<String>, ArrayDeque<Connection>> IDLE = new HashMap<>();

    private DatabasePool() {
    }

    /** An idle database made with {@code macros}, or null. */
    static synchronized Connection take(List<String> macros) {
        ArrayDeque<Connection> idle = IDLE.get(macros);
        return idle == null ? null : idle.pollFirst();
    }

    /** Keeps {@code connection} (emptied by the caller) for the next engine, or closes it when enough are kept. */
    static void give(List<String> macros, Connection connection) {
        synchronized (DatabasePool.class) {
            int kept = IDLE.values().stream().mapToInt(ArrayDeque::size).sum();
            if (kept < KEPT) {
                IDLE.computeIfAbsent(macros, m -> new ArrayDeque<>()).addFirst(connection);
                return;
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing to recover: the in-memory database is gone either way.
        }
    }

    /** For tests: how many databases are idle. */
    static synchronized int idle() {
        return IDLE.values().stream().mapToInt(ArrayDeque::size).sum();
    }
}
