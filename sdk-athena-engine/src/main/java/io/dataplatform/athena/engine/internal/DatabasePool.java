package io.dataplatform.athena.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Idle DuckDB databases handed from closed engines to new ones in the same JVM. A test suite makes a
 * world (and an engine) per test, and a new database costs 50-100 ms before its first statement (starting
 * DuckDB, then a hundred macros): a database that comes back holds only its settings and the macros of
 * the translator it was made for, and is handed out for the same macros only. An engine gives one back
 * empty of what its statements left (views dropped, prepared statements closed); its staged copies were
 * in the engine's own folder, gone with it. Worlds that are never closed give nothing back, so taking a
 * database also starts one spare in the background when none is idle: the next world's first statement
 * finds it ready.
 */
final class DatabasePool {
    /** Databases kept idle in the JVM; more are closed. */
    static final int KEPT = 4;
    private static final Map<List<String>, ArrayDeque<Connection>> IDLE = new HashMap<>();
    private static final Set<List<String>> MAKING = new HashSet<>();
    /** How long a statement waits for a spare being made before it makes its own database. */
    private static final Duration SPARE_WAIT = Duration.ofSeconds(5);

    private DatabasePool() {
    }

    /**
     * An idle database made with {@code macros}, or null; either way, when none is left idle, a spare is made
     * with {@code maker} on a daemon thread (one at a time per set of macros).
     */
    static Connection take(List<String> macros, Supplier<Connection> maker) {
        Connection taken;
        synchronized (DatabasePool.class) {
            taken = poll(macros);
            if (taken == null && MAKING.contains(macros)) {
                // A spare started earlier than a new one would: wait for it rather than make a second.
                long deadline = System.nanoTime() + SPARE_WAIT.toNanos();
                while (taken == null && MAKING.contains(macros) && System.nanoTime() < deadline) {
                    try {
                        DatabasePool.class.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    taken = poll(macros);
                }
            }
            ArrayDeque<Connection> idle = IDLE.get(macros);
            if ((idle != null && !idle.isEmpty()) || !MAKING.add(macros)) {
                return taken;
            }
        }
        Thread spare = new Thread(() -> {
            try {
                keep(macros, maker.get(), false);
            } catch (RuntimeException e) {
                // No spare this time: the next engine makes its own database and reports what fails.
            } finally {
                synchronized (DatabasePool.class) {
                    MAKING.remove(macros);
                    DatabasePool.class.notifyAll();
                }
            }
        }, "athena-engine-spare");
        spare.setDaemon(true);
        spare.start();
        return taken;
    }

    /** Keeps {@code connection} (emptied by the caller) for the next engine, or closes it when enough are kept. */
    static void give(List<String> macros, Connection connection) {
        keep(macros, connection, true);
    }

    private static Connection poll(List<String> macros) {
        ArrayDeque<Connection> idle = IDLE.get(macros);
        return idle == null ? null : idle.pollFirst();
    }

    /**
     * Keeps {@code connection} idle, a given-back one first in line and a new spare last (a database that has run
     * statements is as good as new, and keeping the spare for later keeps one ready), or closes it when enough are kept.
     */
    private static void keep(List<String> macros, Connection connection, boolean first) {
        synchronized (DatabasePool.class) {
            if (IDLE.values().stream().mapToInt(ArrayDeque::size).sum() < KEPT) {
                ArrayDeque<Connection> idle = IDLE.computeIfAbsent(macros, m -> new ArrayDeque<>());
                if (first) {
                    idle.addFirst(connection);
                } else {
                    idle.addLast(connection);
                }
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
