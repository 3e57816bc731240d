package io.dataplatform.emr.internal;

import io.dataplatform.emr.Cluster;
import io.dataplatform.emr.ClusterBuilder;
import io.dataplatform.emr.ClusterState;
import io.dataplatform.emr.ClusterStatus;
import io.dataplatform.emr.Emr;
import io.dataplatform.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.emr.model.ListClustersResponse;

/** The {@link Emr} implementation over an {@code EmrClient}. */
public final class DefaultEmr implements Emr {
    private static final ClusterState[] NOT_TERMINATED = {ClusterState.STARTING, ClusterState.BOOTSTRAPPING,
        ClusterState.RUNNING, ClusterState.WAITING, ClusterState.TERMINATING};

    private final EmrContext context;

    /** Creates the EMR entry point over {@code context}. */
    public DefaultEmr(EmrContext context) {
        this.context = context;
    }

    @Override
    public ClusterBuilder cluster(String name) {
        return new DefaultClusterBuilder(context, name);
    }

    @Override
    public Cluster existing(String clusterId) {
        Checks.notEmpty(clusterId, "clusterId");
        return new DefaultCluster(context, clusterId, null, null);
    }

    @Override
    public List<ClusterStatus> clusters() {
        return clusters(NOT_TERMINATED);
    }

    @Override
    public List<ClusterStatus> clusters(ClusterState... states) {
        Checks.notNull(states, "states");
        Checks.require(states.length > 0, "states must name at least one ClusterState");
        List<String> names = Arrays.stream(states).map(Enum::name).toList();
        List<ClusterStatus> all = new ArrayList<>();
        String marker = null;
        do {
            String page = marker;
            ListClustersResponse response = context.invoker().call("ListClusters", "*",
                    () -> context.emr().listClusters(r -> r.clusterStatesWithStrings(names).marker(page)));
            response.clusters().stream().map(EmrMapping::summary).forEach(status -> {
                context.observe(status);
                all.add(status);
            });
            marker = response.marker();
        } while (marker != null);
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return "Emr";
    }
}
