package io.dataplatform.spark;

import io.dataplatform.spark.internal.Checks;

/**
 * One column of a {@link SqlResult}, described as Athena describes it in {@code ColumnInfo}.
 *
 * @param name the column's name or alias
 * @param type Athena's type name: {@code varchar}, {@code integer}, {@code bigint}, {@code double},
 *             {@code decimal}, {@code boolean}, {@code date}, {@code timestamp}, {@code array}, {@code map}, {@code row} ...
 * @param signature the full type, such as {@code decimal(10,2)} or {@code array(varchar)}
 * @param precision the precision Athena reports (decimal precision, bits or digits of numbers, 0 if none)
 * @param scale the decimal scale, otherwise 0
 */
public record SqlColumn(String name, String type, String signature, int precision, int scale) {
    /** Validates that the names are present. */
    public SqlColumn {
        Checks.notNull(name, "name");
        Checks.notEmpty(type, "type");
        Checks.notEmpty(signature, "signature");
    }
}
