package io.dataplatform.emr;

/**
 * Work for a cluster: a {@link SparkStep} (a {@code SparkJob} class), a {@link SqlStep} (a Spark SQL
 * file) or a {@link CommandStep} (any command through EMR's {@code command-runner.jar}). Immutable.
 */
public sealed interface Step permits SparkStep, SqlStep, CommandStep {

    /** Returns the step's name as EMR shows it. */
    String name();

    /** Returns what EMR does if the step fails. */
    ActionOnFailure actionOnFailure();
}
