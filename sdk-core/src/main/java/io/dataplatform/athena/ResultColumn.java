package io.dataplatform.athena;

/**
 * A column of a query result.
 *
 * @param name the column name (its label)
 * @param type Athena's type name, lowercase: {@code varchar}, {@code integer}, {@code bigint},
 *             {@code double}, {@code decimal}, {@code boolean}, {@code date}, {@code timestamp},
 *             {@code array}, ...
 */
public record ResultColumn(String name, String type) {
}
