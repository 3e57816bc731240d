package io.dataplatform.athena.engine.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What Athena reads of a Parquet file: its footer (the metadata, its 4-byte length and the
 * trailing {@code PAR1}) and, in every row group, the column chunks of the columns the statement
 * references (a nested column's every leaf). Sizes are the chunks' compressed sizes from DuckDB's
 * {@code parquet_metadata}; the leading 4-byte magic is not read.
 */
final class ParquetCosts {
    private final Connection connection;
    private final Map<Path, Long> footers = new HashMap<>();
    private final Map<Path, Map<String, Long>> chunks = new HashMap<>();

    ParquetCosts(Connection connection) {
        this.connection = connection;
    }

    long bytes(Path file, Set<String> columns) {
        load(file);
        long total = footers.get(file) + 8;
        for (Map.Entry<String, Long> chunk : chunks.get(file).entrySet()) {
            if (columns.contains(chunk.getKey())) {
                total += chunk.getValue();
            }
        }
        return total;
    }

    /** The lowercased top-level columns the files hold. */
    Set<String> columns(List<Path> files) {
        Set<String> names = new HashSet<>();
        files.forEach(file -> {
            load(file);
            names.addAll(chunks.get(file).keySet());
        });
        return names;
    }

    private void load(Path file) {
        if (footers.containsKey(file)) {
            return;
        }
        String path = Sql.string(file.toString());
        Map<String, Long> sizes = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT footer_size FROM parquet_file_metadata(" + path + ")")) {
                rows.next();
                footers.put(file, rows.getLong(1));
            }
            try (ResultSet rows = statement.executeQuery("SELECT path_in_schema, total_compressed_size FROM parquet_metadata(" + path + ")")) {
                while (rows.next()) {
                    String top = rows.getString(1).split(", ", 2)[0].toLowerCase(Locale.ROOT);
                    sizes.merge(top, rows.getLong(2), Long::sum);
                }
            }
        } catch (SQLException e) {
            footers.remove(file);
            throw new EngineFailure("HIVE_BAD_DATA", "Error reading Parquet file " + file.getFileName() + ": " + e.getMessage(), e);
        }
        chunks.put(file, sizes);
    }
}
