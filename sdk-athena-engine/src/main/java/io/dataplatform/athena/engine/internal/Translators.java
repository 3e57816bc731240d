package io.dataplatform.athena.engine.internal;

/** The translator the public engine uses: Trino's dialect translated to DuckDB ({@link TrinoTranslator}). */
public final class Translators {
    private Translators() {
    }

    /** Returns the standard translator. */
    public static SqlTranslator standard() {
        return new TrinoTranslator();
    }
}
