package io.dataplatform.glue;

/**
 * How Glue schedules a Spark job's runs. FLEX runs on spare capacity at a lower DPU-hour price and
 * may start later and take longer; Glue offers it for Spark jobs of Glue 3.0 and later on G.1X and
 * G.2X workers.
 */
public enum ExecutionClass {
    /** Dedicated capacity, fast start; Glue's default. */
    STANDARD,
    /** Spare capacity at the flex price (see {@link io.dataplatform.cost.GluePrices#flexPerDpuHour()}). */
    FLEX
}
