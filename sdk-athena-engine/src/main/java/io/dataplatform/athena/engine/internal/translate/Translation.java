package io.dataplatform.athena.engine.internal.translate;

import java.util.List;

/** A statement translated: the DuckDB SQL to run and the result columns with Trino's names and types. */
public record Translation(String duckDbSql, List<TypedColumn> resultColumns) {
    public Translation {
        resultColumns = List.copyOf(resultColumns);
    }
}
