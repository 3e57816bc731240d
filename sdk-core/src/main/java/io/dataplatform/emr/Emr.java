package io.dataplatform.emr;

import java.util.List;

/**
 * Amazon EMR: Spark clusters that run steps, each cluster checked by the platform's cost guard
 * before it is created.
 *
 * <pre>{@code
 * Cluster cluster = platform.emr().cluster("nightly").create().await();
 * }</pre>
 */
public interface Emr {

    /** Returns a builder for a new cluster named {@code name}. */
    ClusterBuilder cluster(String name);

    /** Returns a handle on the existing cluster {@code clusterId} (no call yet). */
    Cluster existing(String clusterId);

    /** Lists the clusters that are not terminated, newest first (ListClusters, every page). */
    List<ClusterStatus> clusters();

    /** Lists the clusters in any of {@code states}, newest first. */
    List<ClusterStatus> clusters(ClusterState... states);
}
