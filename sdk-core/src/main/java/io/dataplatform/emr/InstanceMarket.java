package io.dataplatform.emr;

/** How the instances of a group are bought. */
public enum InstanceMarket {
    /** On-demand instances: the list price, never taken away. */
    ON_DEMAND,
    /** Spot instances: cheaper, but EC2 may take them back. */
    SPOT
}
