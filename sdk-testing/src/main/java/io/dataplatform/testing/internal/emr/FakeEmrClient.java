package io.dataplatform.testing.internal.emr;

import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.internal.Caller;
import io.dataplatform.testing.internal.NotImplemented;
import io.dataplatform.testing.internal.ServiceCalls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.AddJobFlowStepsRequest;
import software.amazon.awssdk.services.emr.model.AddJobFlowStepsResponse;
import software.amazon.awssdk.services.emr.model.CancelStepsInfo;
import software.amazon.awssdk.services.emr.model.CancelStepsRequest;
import software.amazon.awssdk.services.emr.model.CancelStepsRequestStatus;
import software.amazon.awssdk.services.emr.model.CancelStepsResponse;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ClusterStatus;
import software.amazon.awssdk.services.emr.model.ClusterSummary;
import software.amazon.awssdk.services.emr.model.DescribeClusterRequest;
import software.amazon.awssdk.services.emr.model.DescribeClusterResponse;
import software.amazon.awssdk.services.emr.model.DescribeStepRequest;
import software.amazon.awssdk.services.emr.model.DescribeStepResponse;
import software.amazon.awssdk.services.emr.model.GetAutoTerminationPolicyRequest;
import software.amazon.awssdk.services.emr.model.GetAutoTerminationPolicyResponse;
import software.amazon.awssdk.services.emr.model.ListClustersRequest;
import software.amazon.awssdk.services.emr.model.ListClustersResponse;
import software.amazon.awssdk.services.emr.model.ListStepsRequest;
import software.amazon.awssdk.services.emr.model.ListStepsResponse;
import software.amazon.awssdk.services.emr.model.PutAutoTerminationPolicyRequest;
import software.amazon.awssdk.services.emr.model.PutAutoTerminationPolicyResponse;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.RunJobFlowResponse;
import software.amazon.awssdk.services.emr.model.SetTerminationProtectionRequest;
import software.amazon.awssdk.services.emr.model.SetTerminationProtectionResponse;
import software.amazon.awssdk.services.emr.model.Step;
import software.amazon.awssdk.services.emr.model.StepStatus;
import software.amazon.awssdk.services.emr.model.StepSummary;
import software.amazon.awssdk.services.emr.model.Tag;
import software.amazon.awssdk.services.emr.model.TerminateJobFlowsRequest;
import software.amazon.awssdk.services.emr.model.TerminateJobFlowsResponse;

/**
 * An {@link EmrClient} over one world's {@link EmrWorld}: clusters with EMR's states on the world's
 * clock, steps that really run SparkJob classes, ListClusters and ListSteps paged by Marker (50 a page,
 * newest first). Every call is recorded and subject to the world's faults; operations not implemented
 * here fail with a 501 NotImplemented error naming the operation, through the generated
 * {@link UnimplementedEmrOperations}.
 */
public final class FakeEmrClient extends UnimplementedEmrOperations {
    private static final java.util.function.Supplier<io.dataplatform.testing.internal.RequestConstraints> CONSTRAINTS =
            () -> io.dataplatform.testing.internal.RequestConstraints.of("emr");
    private static final int PAGE = 50;

    private final EmrWorld world;
    private final ServiceCalls calls;
    private final Caller caller;

    /** Returns a client acting as {@code caller}. */
    public static EmrClient create(EmrWorld world, ServiceCalls calls, Caller caller) {
        return new FakeEmrClient(world, calls, caller);
    }

    /** Returns the names of the operations this fake does not implement. */
    public static Set<String> unimplementedOperations() {
        return OPERATIONS;
    }

    private FakeEmrClient(EmrWorld world, ServiceCalls calls, Caller caller) {
        this.world = world;
        this.calls = calls;
        this.caller = caller;
    }

    /**
     * Runs {@code operation} after the service's own request validation (its API model's required members,
     * lengths, ranges, patterns and enum values), which refuses a request before any operation runs.
     */
    private <T> T invoke(String operation, software.amazon.awssdk.core.SdkPojo request, Supplier<T> body) {
        return invoke(operation, () -> {
            CONSTRAINTS.get().check(operation, request, world.errors()::validation);
            return body.get();
        });
    }

    private <T> T invoke(String operation, Supplier<T> body) {
        return calls.invoke(AwsService.EMR, operation, caller.arn(), world.errors(), () -> {
            synchronized (world) {
                world.advance();
                return body.get();
            }
        });
    }

    @Override
    public RunJobFlowResponse runJobFlow(RunJobFlowRequest request) {
        return invoke("RunJobFlow", request, () -> {
            FakeCluster cluster = world.runJobFlow(request);
            return RunJobFlowResponse.builder().jobFlowId(cluster.id).clusterArn(cluster.arn).build();
        });
    }

    @Override
    public DescribeClusterResponse describeCluster(DescribeClusterRequest request) {
        return invoke("DescribeCluster", request, () -> DescribeClusterResponse.builder()
                .cluster(describe(world.cluster(request.clusterId()))).build());
    }

    @Override
    public ListClustersResponse listClusters(ListClustersRequest request) {
        return invoke("ListClusters", request, () -> {
            checkEnums(request.clusterStatesAsStrings(), software.amazon.awssdk.services.emr.model.ClusterState.values(),
                    "clusterStates");
            List<FakeCluster> matching = world.clustersNewestFirst().stream()
                    .filter(c -> !request.hasClusterStates() || request.clusterStatesAsStrings().contains(c.state.toString()))
                    .filter(c -> request.createdAfter() == null || !c.createdAt.isBefore(request.createdAfter()))
                    .filter(c -> request.createdBefore() == null || !c.createdAt.isAfter(request.createdBefore()))
                    .toList();
            int from = offset(request.marker(), "clusters", matching.size());
            int to = Math.min(matching.size(), from + PAGE);
            return ListClustersResponse.builder()
                    .clusters(matching.subList(from, to).stream().map(this::summary).toList())
                    .marker(to < matching.size() ? marker("clusters", to) : null).build();
        });
    }

    @Override
    public TerminateJobFlowsResponse terminateJobFlows(TerminateJobFlowsRequest request) {
        return invoke("TerminateJobFlows", request, () -> {
            world.terminateJobFlows(request.jobFlowIds());
            return TerminateJobFlowsResponse.builder().build();
        });
    }

    @Override
    public SetTerminationProtectionResponse setTerminationProtection(SetTerminationProtectionRequest request) {
        return invoke("SetTerminationProtection", request, () -> {
            List<FakeCluster> targets = new ArrayList<>();
            for (String id : request.jobFlowIds()) {
                targets.add(world.cluster(id));
            }
            targets.forEach(c -> c.terminationProtected = Boolean.TRUE.equals(request.terminationProtected()));
            return SetTerminationProtectionResponse.builder().build();
        });
    }

    @Override
    public GetAutoTerminationPolicyResponse getAutoTerminationPolicy(GetAutoTerminationPolicyRequest request) {
        return invoke("GetAutoTerminationPolicy", request, () -> {
            FakeCluster cluster = world.cluster(request.clusterId());
            return GetAutoTerminationPolicyResponse.builder().autoTerminationPolicy(cluster.idleTimeout == null ? null
                    : software.amazon.awssdk.services.emr.model.AutoTerminationPolicy.builder()
                    .idleTimeout(cluster.idleTimeout.toSeconds()).build()).build();
        });
    }

    @Override
    public PutAutoTerminationPolicyResponse putAutoTerminationPolicy(PutAutoTerminationPolicyRequest request) {
        return invoke("PutAutoTerminationPolicy", request, () -> {
            FakeCluster cluster = world.cluster(request.clusterId());
            Long seconds = request.autoTerminationPolicy() == null ? null : request.autoTerminationPolicy().idleTimeout();
            if (seconds != null && (seconds < 60 || seconds > 604_800)) {
                throw world.errors().validation("Idle timeout must be between 60 and 604800 seconds, but was " + seconds
                        + ".");
            }
            cluster.idleTimeout = seconds == null ? null : Duration.ofSeconds(seconds);
            return PutAutoTerminationPolicyResponse.builder().build();
        });
    }

    @Override
    public AddJobFlowStepsResponse addJobFlowSteps(AddJobFlowStepsRequest request) {
        return invoke("AddJobFlowSteps", request, () -> {
            // Runtime roles need a security configuration enabling them, which the fake refuses at RunJobFlow.
            if (request.executionRoleArn() != null) {
                throw world.errors().notImplemented("AddJobFlowSteps with ExecutionRoleArn (runtime roles) is not "
                        + "supported by the fake EMR");
            }
            return AddJobFlowStepsResponse.builder()
                    .stepIds(world.addJobFlowSteps(request.jobFlowId(), request.steps())).build();
        });
    }

    @Override
    public DescribeStepResponse describeStep(DescribeStepRequest request) {
        return invoke("DescribeStep", request, () -> {
            FakeCluster cluster = world.cluster(request.clusterId());
            FakeStep step = world.step(cluster, request.stepId());
            return DescribeStepResponse.builder().step(Step.builder().id(step.id).name(step.name)
                    .actionOnFailure(step.actionOnFailure)
                    .config(c -> c.jar(step.jar).args(step.args))
                    .status(status(step)).build()).build();
        });
    }

    @Override
    public ListStepsResponse listSteps(ListStepsRequest request) {
        return invoke("ListSteps", request, () -> {
            checkEnums(request.stepStatesAsStrings(), software.amazon.awssdk.services.emr.model.StepState.values(),
                    "stepStates");
            FakeCluster cluster = world.cluster(request.clusterId());
            // ListSteps: "You can specify a maximum of 10 stepIDs". The wording of EMR's refusal is not documented;
            // InvalidRequestException is the client error ListSteps declares.
            if (request.hasStepIds() && request.stepIds().size() > 10) {
                throw world.errors().invalidRequest("You can specify a maximum of 10 step IDs, but " + request.stepIds()
                        .size() + " were specified.");
            }
            List<FakeStep> matching = new ArrayList<>(cluster.steps);
            java.util.Collections.reverse(matching);   // ListSteps answers newest first
            matching = matching.stream()
                    .filter(s -> !request.hasStepStates() || request.stepStatesAsStrings().contains(s.state.toString()))
                    .filter(s -> !request.hasStepIds() || request.stepIds().contains(s.id))
                    .toList();
            int from = offset(request.marker(), "steps", matching.size());
            int to = Math.min(matching.size(), from + PAGE);
            return ListStepsResponse.builder()
                    .steps(matching.subList(from, to).stream().map(s -> StepSummary.builder().id(s.id).name(s.name)
                            .actionOnFailure(s.actionOnFailure).config(c -> c.jar(s.jar).args(s.args))
                            .status(status(s)).build()).toList())
                    .marker(to < matching.size() ? marker("steps", to) : null).build();
        });
    }

    @Override
    public CancelStepsResponse cancelSteps(CancelStepsRequest request) {
        return invoke("CancelSteps", request, () -> {
            FakeCluster cluster = world.cluster(request.clusterId());
            // CancelSteps: "A maximum of 256 steps are allowed in each CancelSteps request." As for ListSteps, the
            // refusal's wording is not documented; InvalidRequestException is the client error CancelSteps declares.
            if (request.hasStepIds() && request.stepIds().size() > 256) {
                throw world.errors().invalidRequest("A maximum of 256 steps are allowed in each CancelSteps request, but "
                        + request.stepIds().size() + " were specified.");
            }
            List<CancelStepsInfo> infos = new ArrayList<>();
            for (String id : request.stepIds()) {
                FakeStep step = world.step(cluster, id);
                boolean cancelled = world.cancel(cluster, step);
                infos.add(CancelStepsInfo.builder().stepId(id)
                        .status(cancelled ? CancelStepsRequestStatus.SUBMITTED : CancelStepsRequestStatus.FAILED)
                        .reason(cancelled ? null : "Step is in state " + step.state + " and cannot be cancelled.").build());
            }
            return CancelStepsResponse.builder().cancelStepsInfoList(infos).build();
        });
    }

    private Cluster describe(FakeCluster c) {
        RunJobFlowRequest r = c.request;
        var instances = r.instances();
        return Cluster.builder()
                // What the cluster was asked for and EMR reports back; EMR's default for VisibleToAllUsers is true.
                .visibleToAllUsers(r.visibleToAllUsers() == null || r.visibleToAllUsers())
                .customAmiId(r.customAmiId()).osReleaseLabel(r.osReleaseLabel())
                .ebsRootVolumeSize(r.ebsRootVolumeSize()).ebsRootVolumeIops(r.ebsRootVolumeIops())
                .ebsRootVolumeThroughput(r.ebsRootVolumeThroughput())
                .logEncryptionKmsKeyId(r.logEncryptionKmsKeyId()).scaleDownBehavior(r.scaleDownBehaviorAsString())
                .autoScalingRole(r.autoScalingRole()).id(c.id).name(c.name).clusterArn(c.arn).status(clusterStatus(c))
                .releaseLabel(c.releaseLabel).applications(c.applications).logUri(c.logUri).serviceRole(c.serviceRole)
                .ec2InstanceAttributes(e -> e.iamInstanceProfile(c.instanceProfile).ec2KeyName(instances.ec2KeyName())
                        .ec2SubnetId(instances.ec2SubnetId() != null ? instances.ec2SubnetId()
                                : instances.hasEc2SubnetIds() && !instances.ec2SubnetIds().isEmpty()
                                ? instances.ec2SubnetIds().get(0) : null)
                        .requestedEc2SubnetIds(instances.hasEc2SubnetIds() ? instances.ec2SubnetIds() : null)
                        .ec2AvailabilityZone(instances.placement() == null ? null : instances.placement().availabilityZone())
                        .emrManagedMasterSecurityGroup(instances.emrManagedMasterSecurityGroup())
                        .emrManagedSlaveSecurityGroup(instances.emrManagedSlaveSecurityGroup())
                        .serviceAccessSecurityGroup(instances.serviceAccessSecurityGroup())
                        .additionalMasterSecurityGroups(instances.hasAdditionalMasterSecurityGroups()
                                ? instances.additionalMasterSecurityGroups() : null)
                        .additionalSlaveSecurityGroups(instances.hasAdditionalSlaveSecurityGroups()
                                ? instances.additionalSlaveSecurityGroups() : null))
                .tags(c.tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                        .toList())
                .autoTerminate(c.autoTerminate).terminationProtected(c.terminationProtected)
                .stepConcurrencyLevel(c.stepConcurrency).instanceCollectionType("INSTANCE_GROUP")
                .normalizedInstanceHours(world.normalizedInstanceHours(c))
                .masterPublicDnsName(c.readyAt == null ? null
                        : "ec2-" + c.id.substring(2).toLowerCase(java.util.Locale.ROOT) + ".compute-1.amazonaws.com")
                .build();
    }

    private ClusterSummary summary(FakeCluster c) {
        return ClusterSummary.builder().id(c.id).name(c.name).clusterArn(c.arn).status(clusterStatus(c))
                .normalizedInstanceHours(world.normalizedInstanceHours(c)).build();
    }

    private static ClusterStatus clusterStatus(FakeCluster c) {
        return ClusterStatus.builder().state(c.state)
                .stateChangeReason(r -> r.code(c.reasonCode).message(c.reasonMessage))
                .timeline(t -> t.creationDateTime(c.createdAt).readyDateTime(c.readyAt).endDateTime(c.endedAt))
                .build();
    }

    private static StepStatus status(FakeStep s) {
        StepStatus.Builder status = StepStatus.builder().state(s.state)
                .timeline(t -> t.creationDateTime(s.createdAt).startDateTime(s.startedAt).endDateTime(s.endedAt));
        if (s.state == software.amazon.awssdk.services.emr.model.StepState.FAILED) {
            status.failureDetails(f -> f.reason(s.failureReason).message(s.failureMessage).logFile(s.logFile));
        }
        return status.build();
    }

    /**
     * Refuses a ClusterStates or StepStates filter naming a state the API reference does not list, as EMR's request
     * validation does (the SDK sends unknown strings as they are), so that a misspelt state is not taken for a filter
     * that matches nothing.
     */
    private <E extends Enum<E>> void checkEnums(List<String> values, E[] valid, String member) {
        List<String> names = java.util.Arrays.stream(valid).filter(e -> !e.name().equals("UNKNOWN_TO_SDK_VERSION"))
                .map(Object::toString).toList();
        if (!names.containsAll(values)) {
            throw world.errors().validation("1 validation error detected: Value '" + values + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value"
                    + " set: [" + String.join(", ", names) + "]]");
        }
    }

    private String marker(String what, int offset) {
        return java.util.Base64.getEncoder().encodeToString((what + ":" + offset).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private int offset(String marker, String what, int size) {
        if (marker == null) {
            return 0;
        }
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(marker), java.nio.charset.StandardCharsets.UTF_8);
            if (decoded.startsWith(what + ":")) {
                int offset = Integer.parseInt(decoded.substring(what.length() + 1));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to EMR's answer for a marker it did not issue
        }
        throw world.errors().invalidRequest("Invalid marker: '" + marker + "'");
    }

    @Override
    public String serviceName() {
        return "elasticmapreduce";
    }

    @Override
    public void close() {
    }

    @Override
    protected <T> T unimplemented(String operation) {
        return NotImplemented.fail(calls, AwsService.EMR, caller.arn(), world.errors(), operation);
    }
}
