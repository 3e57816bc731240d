package io.dataplatform.athena.engine.internal.translate;

import java.util.List;

/** A table the resolver found: the DuckDB relation to read (a quoted view name, say) and its columns. */
public record ResolvedTable(String duckDbRelation, List<TypedColumn> columns) {
    public ResolvedTable {
        columns = List.copyOf(columns);
    }
}
