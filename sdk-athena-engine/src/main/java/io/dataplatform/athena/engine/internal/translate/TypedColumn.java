package io.dataplatform.athena.engine.internal.translate;

/**
 * A column with its Trino type, written as Trino writes it: {@code varchar}, {@code bigint},
 * {@code decimal(10,2)}, {@code array(varchar)}, {@code row(a bigint, b varchar)}, {@code timestamp(3)}.
 */
public record TypedColumn(String name, String trinoType, String zone) {
    /** A column whose values (if {@code timestamp with time zone}) print in UTC. */
    public TypedColumn(String name, String trinoType) {
        this(name, trinoType, null);
    }
}
