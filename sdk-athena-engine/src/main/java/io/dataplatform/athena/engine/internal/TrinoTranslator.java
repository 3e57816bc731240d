package io.dataplatform.athena.engine.internal;

import io.dataplatform.athena.engine.internal.translate.AthenaSqlException;
import io.dataplatform.athena.engine.internal.translate.ResolvedTable;
import io.dataplatform.athena.engine.internal.translate.Translation;
import io.dataplatform.athena.engine.internal.translate.TrinoToDuckDb;
import io.dataplatform.athena.engine.internal.translate.TypedColumn;
import io.trino.sql.tree.Statement;
import java.util.List;

/** The engine's port onto {@link TrinoToDuckDb}: Trino's grammar, types, coercions, functions and errors. */
final class TrinoTranslator implements SqlTranslator {

    @Override
    public Statement parse(String sql) {
        try {
            return TrinoToDuckDb.parse(sql);
        } catch (AthenaSqlException e) {
            throw failure(e);
        }
    }

    @Override
    public Translated translate(String sql, Statement statement, TableLookup tables) {
        try {
            Translation translation = TrinoToDuckDb.translate(statement, parts -> {
                Relation relation = tables.resolve(parts);
                return new ResolvedTable(relation.duckDbRelation(), relation.columns().stream()
                        .map(c -> new TypedColumn(c.name(), c.trinoType())).toList());
            });
            return new Translated(translation.duckDbSql(), translation.resultColumns().stream()
                    .map(c -> new Column(c.name(), c.trinoType(), c.zone())).toList());
        } catch (AthenaSqlException e) {
            throw failure(e);
        }
    }

    @Override
    public List<String> macros() {
        return TrinoToDuckDb.macros();
    }

    @Override
    public EngineFailure failure(String duckDbMessage) {
        // Trino's runtime errors are raised by the translated SQL itself; anything else DuckDB says is internal.
        return AthenaSqlException.fromDuckDbMessage(duckDbMessage).map(TrinoTranslator::failure)
                .orElseGet(() -> DuckDbErrors.failure(duckDbMessage));
    }

    private static EngineFailure failure(AthenaSqlException e) {
        String prefix = e.errorType() + ": ";
        String message = e.getMessage();
        return new EngineFailure(e.errorType(), message.startsWith(prefix) ? message.substring(prefix.length()) : message, e);
    }
}
