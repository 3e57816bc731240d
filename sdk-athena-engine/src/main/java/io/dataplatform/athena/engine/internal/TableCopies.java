package io.dataplatform.athena.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * One database's copies of views read again unchanged: a DuckDB table holding what the view reads. A view over
 * text files parses every file on every statement (most of a small CSV table's query), a table is scanned in a
 * fifth of that time, and tests run the same statements over the same data again and again. A view gets its
 * copy the second time a statement reads it with the same definition (its text names content-addressed staged
 * files, so equal text reads equal data); a statement reading a table once pays nothing.
 *
 * <p>A copy holds every column, so it is made only for small tables ({@value #MAX_VIEW_BYTES} bytes of staged
 * files, {@value #MAX_DATABASE_BYTES} per database), and only when every row converts: a view whose unread
 * column holds a value DuckDB cannot convert is read as a view, as before, so a statement fails only on what
 * it reads. Each copy has a name of its own (a generation number), so a statement prepared against a dropped
 * copy is never matched again.
 */
final class TableCopies {
    static final long MAX_VIEW_BYTES = 16L << 20;
    static final long MAX_DATABASE_BYTES = 64L << 20;
    private static final String SCHEMA = "_dataplatform_copies";

    private record Copy(String definition, String table, long bytes) {
    }

    private final Map<String, Copy> copies = new HashMap<>();
    /** Views whose definition could not be copied, with that definition: not tried again until it changes. */
    private final Map<String, String> refused = new HashMap<>();
    private long bytes;
    private long generation;

    /**
     * The relation a statement reads for {@code view}, whose definition {@code definition} the database already
     * holds: its copy, made now if the view may have one, or the view itself.
     */
    String relation(Connection connection, String view, String definition, long stagedBytes) throws SQLException {
        Copy copy = copies.get(view);
        if (copy != null) {
            if (copy.definition().equals(definition)) {
                return copy.table();
            }
            drop(connection, view);
        }
        if (stagedBytes == 0 || stagedBytes > MAX_VIEW_BYTES || bytes + stagedBytes > MAX_DATABASE_BYTES
                || definition.equals(refused.get(view))) {
            return view;
        }
        String table = Sql.identifier(SCHEMA) + "." + Sql.identifier(view + "#" + ++generation);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.identifier(SCHEMA));
            statement.execute("CREATE TABLE " + table + " AS SELECT * FROM " + view);
        } catch (SQLException e) {
            // A value the view cannot convert, in a column this statement may not read: the view answers as it did.
            refused.put(view, definition);
            return view;
        }
        copies.put(view, new Copy(definition, table, stagedBytes));
        bytes += stagedBytes;
        return table;
    }

    /** Drops {@code view}'s copy, if it has one: its definition changed, or the database is emptied. */
    void forget(Connection connection, String view) throws SQLException {
        refused.remove(view);
        drop(connection, view);
    }

    private void drop(Connection connection, String view) throws SQLException {
        Copy copy = copies.remove(view);
        if (copy != null) {
            bytes -= copy.bytes();
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + copy.table());
            }
        }
    }

    /** The copies held. */
    int size() {
        return copies.size();
    }

    /** Drops every copy. */
    void forgetAll(Connection connection) throws SQLException {
        for (String view : copies.keySet().toArray(String[]::new)) {
            forget(connection, view);
        }
        refused.clear();
    }
}
