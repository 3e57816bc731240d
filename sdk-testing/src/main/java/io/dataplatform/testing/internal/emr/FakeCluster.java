package io.dataplatform.testing.internal.emr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.emr.model.Application;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.InstanceGroupConfig;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;

/** One fake cluster: its request and where it is in EMR's cluster states. Guarded by the world. */
final class FakeCluster {
    final String id;
    final String arn;
    final String name;
    final String releaseLabel;
    final List<Application> applications;
    final List<InstanceGroupConfig> groups;
    final String logUri;
    final String serviceRole;
    final String instanceProfile;
    final Map<String, String> tags;
    final int stepConcurrency;
    final boolean autoTerminate;
    final Instant createdAt;
    Duration idleTimeout;
    boolean terminationProtected;
    ClusterState state = ClusterState.STARTING;
    String reasonCode;
    String reasonMessage;
    Instant readyAt;
    Instant idleSince;
    Instant terminatingAt;
    Instant endedAt;
    boolean withErrors;
    /** The instant of the last transition: a step that can start starts then (or when it was submitted, if later). */
    Instant lastEvent;
    final List<FakeStep> steps = new ArrayList<>();
    /** The RunJobFlow request, for the settings DescribeCluster reports as requested (AMI, EBS root volume, EC2, ...). */
    RunJobFlowRequest request;

    FakeCluster(String id, String arn, String name, String releaseLabel, List<Application> applications,
                List<InstanceGroupConfig> groups, String logUri, String serviceRole, String instanceProfile,
                Map<String, String> tags, int stepConcurrency, boolean autoTerminate, Duration idleTimeout,
                boolean terminationProtected, Instant createdAt) {
        this.id = id;
        this.arn = arn;
        this.name = name;
        this.releaseLabel = releaseLabel;
        this.applications = List.copyOf(applications);
        this.groups = List.copyOf(groups);
        this.logUri = logUri;
        this.serviceRole = serviceRole;
        this.instanceProfile = instanceProfile;
        this.tags = Map.copyOf(tags);
        this.stepConcurrency = stepConcurrency;
        this.autoTerminate = autoTerminate;
        this.idleTimeout = idleTimeout;
        this.terminationProtected = terminationProtected;
        this.createdAt = createdAt;
        this.lastEvent = createdAt;
        this.reasonMessage = "Provisioning Amazon EC2 capacity";
    }

    boolean isEnding() {
        return state == ClusterState.TERMINATING || state == ClusterState.TERMINATED
                || state == ClusterState.TERMINATED_WITH_ERRORS;
    }

    int instanceCount() {
        return groups.stream().mapToInt(g -> g.instanceCount() == null ? 0 : g.instanceCount()).sum();
    }
}
