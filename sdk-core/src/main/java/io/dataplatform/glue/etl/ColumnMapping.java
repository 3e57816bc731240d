package io.dataplatform.glue.etl;

import io.dataplatform.glue.GlueType;
import io.dataplatform.glue.internal.GlueNames;
import io.dataplatform.internal.Checks;
import java.util.Optional;

/**
 * One column of an ETL mapping, as Glue's ApplyMapping transform has them: a source column, the name
 * it gets in the target and, optionally, the type it is cast to.
 *
 * @param source the source table's column (or partition key)
 * @param target the target column's name
 * @param type   the type to cast to, or null to keep the source's
 */
public record ColumnMapping(String source, String target, GlueType type) {

    /** Validates the names: Glue column names (lowercase letters, digits, '_'). */
    public ColumnMapping {
        GlueNames.checkColumn(Checks.notNull(source, "source"));
        GlueNames.checkColumn(Checks.notNull(target, "target"));
    }

    /** Returns the cast type, if any. */
    public Optional<GlueType> cast() {
        return Optional.ofNullable(type);
    }
}
