package io.dataplatform.athena.engine;

import io.dataplatform.athena.engine.internal.Checks;

/**
 * One result column as Athena's GetQueryResults describes it in {@code ColumnInfo}.
 *
 * @param name      the column's name or alias ({@code _col0}, {@code _col1} ... for unnamed expressions)
 * @param type      Athena's type name: {@code varchar}, {@code integer}, {@code bigint}, {@code double},
 *                  {@code decimal}, {@code date}, {@code timestamp}, {@code boolean}, {@code array},
 *                  {@code map}, {@code row}, {@code varbinary}, {@code json} ...
 * @param signature the full type, such as {@code decimal(10,2)} or {@code array(varchar)}
 * @param precision the precision Athena reports ({@code varchar}: 2147483647, {@code bigint}: 19,
 *                  {@code decimal(10,2)}: 10, {@code timestamp}: 3, 0 when it has none)
 * @param scale     the decimal scale, otherwise 0
 */
public record EngineColumn(String name, String type, String signature, int precision, int scale) {
    /** Validates that the names are present. */
    public EngineColumn {
        Checks.notNull(name, "name");
        Checks.notEmpty(type, "type");
        Checks.notEmpty(signature, "signature");
    }
}
