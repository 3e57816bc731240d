package io.dataplatform.athena.engine.internal;

import io.trino.sql.tree.Statement;
import java.util.List;

/**
 * The translator the public engine uses. Until the Trino-to-DuckDB translator
 * ({@code internal.translate.TrinoToDuckDb}) is on main and adapted here, statements fail as
 * NOT_SUPPORTED after Trino's parser checked them.
 */
public final class Translators {
    private Translators() {
    }

    public static SqlTranslator standard() {
        return new SqlTranslator() {
            private final PassThroughTranslator parser = new PassThroughTranslator();

            @Override
            public Statement parse(String sql) {
                return parser.parse(sql);
            }

            @Override
            public Translated translate(String sql, Statement statement, TableLookup tables) {
                throw new EngineFailure("NOT_SUPPORTED", "the Trino-to-DuckDB translator is not available in this build");
            }

            @Override
            public List<String> macros() {
                return List.of();
            }
        };
    }
}
