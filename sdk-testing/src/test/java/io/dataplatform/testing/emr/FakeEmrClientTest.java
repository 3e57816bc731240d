package io.dataplatform.testing.emr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.emr.ClusterState;
import io.dataplatform.emr.ClusterStatus;
import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.EmrException;
import software.amazon.awssdk.services.emr.model.InvalidRequestException;
import software.amazon.awssdk.services.emr.model.ListClustersResponse;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.StepConfig;

/** The fake EMR through the raw AWS SDK client: EMR's errors, paging and termination rules. */
class FakeEmrClientTest {
    private final FakeAws aws = FakeAws.create();
    private final EmrClient emr = aws.emr();

    private static RunJobFlowRequest.Builder cluster(String name) {
        return RunJobFlowRequest.builder().name(name).releaseLabel("emr-spark-8.0.0").serviceRole("EMR_DefaultRole")
                .jobFlowRole("EMR_EC2_DefaultRole")
                .instances(i -> i.keepJobFlowAliveWhenNoSteps(true).instanceGroups(
                        g -> g.instanceRole("MASTER").instanceType("m5.xlarge").instanceCount(1)));
    }

    /** A step that runs no Spark: its jar is not in S3, so it fails a minute after it starts. */
    private static StepConfig missingJarStep(String name, String actionOnFailure) {
        return StepConfig.builder().name(name).actionOnFailure(actionOnFailure)
                .hadoopJarStep(h -> h.jar("command-runner.jar").args("spark-submit", "--class",
                        "io.dataplatform.spark.SparkJobMain", "s3://lake/jobs/missing.jar", "Job")).build();
    }

    private String stepState(String clusterId, String stepId) {
        return emr.describeStep(r -> r.clusterId(clusterId).stepId(stepId)).step().status().stateAsString();
    }

    @Test
    void cancelSteps_runningSteps_areCancelledWithEitherOption_fromRelease5_28_only() {
        String id = emr.runJobFlow(cluster("current").releaseLabel("emr-7.1.0").stepConcurrencyLevel(2).build())
                .jobFlowId();
        List<String> steps = emr.addJobFlowSteps(r -> r.jobFlowId(id)
                .steps(missingJarStep("a", "CONTINUE"), missingJarStep("b", "CONTINUE"))).stepIds();
        String old = emr.runJobFlow(cluster("old").releaseLabel("emr-5.27.0").build()).jobFlowId();
        String oldStep = emr.addJobFlowSteps(r -> r.jobFlowId(old).steps(missingJarStep("c", "CONTINUE")))
                .stepIds().get(0);
        aws.clock().advance(Duration.ofMinutes(7).plusSeconds(20));
        assertThat(stepState(id, steps.get(0))).isEqualTo("RUNNING");

        var killed = emr.cancelSteps(r -> r.clusterId(id).stepIds(steps.get(0))
                .stepCancellationOption("TERMINATE_PROCESS")).cancelStepsInfoList();
        var interrupted = emr.cancelSteps(r -> r.clusterId(id).stepIds(steps.get(1))).cancelStepsInfoList();
        var refused = emr.cancelSteps(r -> r.clusterId(old).stepIds(oldStep)).cancelStepsInfoList();

        assertThat(killed).singleElement().satisfies(i -> assertThat(i.statusAsString()).isEqualTo("SUBMITTED"));
        assertThat(interrupted).singleElement().satisfies(i -> assertThat(i.statusAsString()).isEqualTo("SUBMITTED"));
        assertThat(stepState(id, steps.get(0))).isEqualTo("CANCELLED");
        assertThat(stepState(id, steps.get(1))).isEqualTo("CANCELLED");
        assertThat(refused).singleElement().satisfies(i -> assertThat(i.statusAsString()).isEqualTo("FAILED"));
        assertThat(stepState(old, oldStep)).isEqualTo("RUNNING");
    }

    @Test
    void addJobFlowSteps_toAConcurrentCluster_refusesStepsThatWouldCancelOrTerminateOnFailure() {
        String id = emr.runJobFlow(cluster("concurrent").stepConcurrencyLevel(4).build()).jobFlowId();

        for (String action : List.of("CANCEL_AND_WAIT", "TERMINATE_CLUSTER", "TERMINATE_JOB_FLOW")) {
            assertThatThrownBy(() -> emr.addJobFlowSteps(r -> r.jobFlowId(id).steps(missingJarStep("s", action))))
                    .isInstanceOf(EmrException.class)
                    .satisfies(e -> assertThat(((EmrException) e).awsErrorDetails().errorCode())
                            .isEqualTo("ValidationException"))
                    .hasMessageContaining("ActionOnFailure " + action).hasMessageContaining("is not valid");
        }
        assertThat(emr.listSteps(r -> r.clusterId(id)).steps()).isEmpty();
        assertThat(emr.addJobFlowSteps(r -> r.jobFlowId(id).steps(missingJarStep("s", "CONTINUE"))).stepIds())
                .hasSize(1);
    }

    @Test
    void namesLongerThan256Characters_failValidation_andNothingIsCreated() {
        String longest = "n".repeat(256);
        String tooLong = "n".repeat(257);

        assertThatThrownBy(() -> emr.runJobFlow(cluster(tooLong).build()))
                .isInstanceOf(EmrException.class)
                .satisfies(e -> assertThat(((EmrException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .hasMessageContaining("at 'name' failed to satisfy constraint: Member must have length less than or "
                        + "equal to 256");
        assertThatThrownBy(() -> emr.runJobFlow(cluster("c").steps(missingJarStep("ok", "CONTINUE"),
                missingJarStep(tooLong, "CONTINUE")).build()))
                .hasMessageContaining("at 'steps.2.member.name' failed to satisfy constraint: Member must have length "
                        + "less than or equal to 256");
        assertThat(emr.listClusters(r -> r.marker(null)).clusters()).isEmpty();

        String id = emr.runJobFlow(cluster(longest).build()).jobFlowId();
        assertThatThrownBy(() -> emr.addJobFlowSteps(r -> r.jobFlowId(id).steps(missingJarStep(tooLong, "CONTINUE"))))
                .hasMessageContaining("at 'steps.1.member.name' failed to satisfy constraint");
        emr.addJobFlowSteps(r -> r.jobFlowId(id).steps(missingJarStep(longest, "CONTINUE")));
        assertThat(emr.listSteps(r -> r.clusterId(id)).steps()).singleElement()
                .satisfies(s -> assertThat(s.name()).hasSize(256));
    }

    @Test
    void failedTerminateClusterStep_endsAProtectedCluster_thatIsNotKeptAlive() {
        String transientId = emr.runJobFlow(cluster("transient").instances(i -> i.keepJobFlowAliveWhenNoSteps(false)
                        .terminationProtected(true).instanceGroups(g -> g.instanceRole("MASTER").instanceType("m5.xlarge")
                                .instanceCount(1)))
                .steps(missingJarStep("fails", "TERMINATE_CLUSTER"), missingJarStep("next", "CONTINUE")).build())
                .jobFlowId();
        String keptId = emr.runJobFlow(cluster("kept").instances(i -> i.keepJobFlowAliveWhenNoSteps(true)
                        .terminationProtected(true).instanceGroups(g -> g.instanceRole("MASTER").instanceType("m5.xlarge")
                                .instanceCount(1)))
                .steps(missingJarStep("fails", "TERMINATE_CLUSTER"), missingJarStep("next", "CONTINUE")).build())
                .jobFlowId();

        aws.clock().advance(Duration.ofMinutes(30));

        var ended = emr.describeCluster(r -> r.clusterId(transientId)).cluster().status();
        assertThat(ended.stateAsString()).isEqualTo("TERMINATED_WITH_ERRORS");
        assertThat(ended.stateChangeReason().codeAsString()).isEqualTo("STEP_FAILURE");
        assertThat(emr.listSteps(r -> r.clusterId(transientId)).steps())
                .extracting(s -> s.name() + "=" + s.status().stateAsString()).containsExactly("next=CANCELLED", "fails=FAILED");
        var kept = emr.describeCluster(r -> r.clusterId(keptId)).cluster().status();
        assertThat(kept.stateAsString()).isEqualTo("WAITING");
        assertThat(emr.listSteps(r -> r.clusterId(keptId)).steps())
                .extracting(s -> s.name() + "=" + s.status().stateAsString()).containsExactly("next=CANCELLED", "fails=FAILED");
    }

    @Test
    void runJobFlow_withMoreThan256Steps_isRefused_as256AreAllowedInAJobFlow() {
        List<StepConfig> steps = new ArrayList<>();
        for (int i = 0; i < 257; i++) {
            steps.add(missingJarStep("s" + i, "CONTINUE"));
        }

        assertThatThrownBy(() -> emr.runJobFlow(cluster("too-many").steps(steps).build()))
                .isInstanceOf(EmrException.class)
                .satisfies(e -> assertThat(((EmrException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .hasMessageContaining("Maximum number of active steps(State = 'Running', 'Pending' or 'Cancel_Pending') "
                        + "for cluster exceeded.");
        assertThat(emr.listClusters(r -> r.marker(null)).clusters()).isEmpty();
        String id = emr.runJobFlow(cluster("full").steps(steps.subList(0, 256)).build()).jobFlowId();
        assertThat(emr.listSteps(r -> r.clusterId(id)).steps()).hasSize(50);
    }

    @Test
    void listStepsAndCancelSteps_refuseMoreStepIdsThanEmrAllowsInARequest() {
        String id = emr.runJobFlow(cluster("c").build()).jobFlowId();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ids.addAll(emr.addJobFlowSteps(r -> r.jobFlowId(id).steps(missingJarStep("s", "CONTINUE"))).stepIds());
        }
        List<String> tooManyToCancel = new ArrayList<>();
        for (int i = 0; i < 257; i++) {
            tooManyToCancel.add(ids.get(i % ids.size()));
        }

        assertThat(emr.listSteps(r -> r.clusterId(id).stepIds(ids.subList(0, 10))).steps()).hasSize(10);
        assertThatThrownBy(() -> emr.listSteps(r -> r.clusterId(id).stepIds(ids)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("maximum of 10");
        assertThatThrownBy(() -> emr.cancelSteps(r -> r.clusterId(id).stepIds(tooManyToCancel)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("maximum of 256");
        assertThat(emr.listSteps(r -> r.clusterId(id).stepStatesWithStrings("PENDING")).steps()).hasSize(11);
    }

    @Test
    void actionOnFailure_outsideItsValidValues_failsValidation() {
        String id = emr.runJobFlow(cluster("c").build()).jobFlowId();

        for (String action : List.of("continue", "TERMINATE", "STOP")) {
            assertThatThrownBy(() -> emr.addJobFlowSteps(r -> r.jobFlowId(id).steps(missingJarStep("s", action))))
                    .isInstanceOf(EmrException.class)
                    .satisfies(e -> assertThat(((EmrException) e).awsErrorDetails().errorCode())
                            .isEqualTo("ValidationException"))
                    .hasMessageContaining("Value '" + action + "' at 'steps.1.member.actionOnFailure' failed to satisfy "
                            + "constraint: Member must satisfy enum value set");
        }
        assertThatThrownBy(() -> emr.runJobFlow(cluster("d").steps(missingJarStep("s", "ABORT")).build()))
                .hasMessageContaining("Value 'ABORT' at 'steps.1.member.actionOnFailure'");
        assertThat(emr.listSteps(r -> r.clusterId(id)).steps()).isEmpty();
        assertThat(emr.listClusters(r -> r.marker(null)).clusters()).hasSize(1);
    }

    @Test
    void stateFilters_namingAStateEmrDoesNotHave_failValidation() {
        String id = emr.runJobFlow(cluster("c").build()).jobFlowId();
        emr.addJobFlowSteps(r -> r.jobFlowId(id).steps(missingJarStep("s", "CONTINUE")));

        assertThatThrownBy(() -> emr.listClusters(r -> r.clusterStatesWithStrings("WAITING", "ACTIVE")))
                .isInstanceOf(EmrException.class)
                .satisfies(e -> assertThat(((EmrException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .hasMessageContaining("at 'clusterStates' failed to satisfy constraint")
                .hasMessageContaining("enum value set: [STARTING, BOOTSTRAPPING, RUNNING, WAITING, TERMINATING, "
                        + "TERMINATED, TERMINATED_WITH_ERRORS]");
        assertThatThrownBy(() -> emr.listSteps(r -> r.clusterId(id).stepStatesWithStrings("DONE")))
                .isInstanceOf(EmrException.class)
                .hasMessageContaining("at 'stepStates' failed to satisfy constraint");
        assertThat(emr.listClusters(r -> r.clusterStatesWithStrings("STARTING")).clusters()).hasSize(1);
        assertThat(emr.listSteps(r -> r.clusterId(id).stepStatesWithStrings("PENDING")).steps()).hasSize(1);
    }

    @Test
    void instanceGroups_withoutARequiredMemberOrWithAnUnknownRoleOrMarket_failValidation() {
        var master = software.amazon.awssdk.services.emr.model.InstanceGroupConfig.builder().instanceRole("MASTER")
                .instanceType("m5.xlarge").instanceCount(1).build();

        assertThatThrownBy(() -> emr.runJobFlow(cluster("c").instances(i -> i.instanceGroups(master,
                master.toBuilder().instanceRole("CORE").instanceCount(null).build())).build()))
                .isInstanceOf(EmrException.class)
                .satisfies(e -> assertThat(((EmrException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .hasMessageContaining("Value null at 'instances.instanceGroups.2.member.instanceCount' failed to satisfy "
                        + "constraint: Member must not be null");
        assertThatThrownBy(() -> emr.runJobFlow(cluster("c").instances(i -> i.instanceGroups(
                master.toBuilder().instanceRole("master").build())).build()))
                .hasMessageContaining("Value 'master' at 'instances.instanceGroups.1.member.instanceRole' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [MASTER, CORE, TASK]");
        assertThatThrownBy(() -> emr.runJobFlow(cluster("c").instances(i -> i.instanceGroups(master,
                master.toBuilder().instanceRole("TASK").market("SPOTTY").build())).build()))
                .hasMessageContaining("Value 'SPOTTY' at 'instances.instanceGroups.2.member.market'");
        assertThat(emr.listClusters(r -> r.marker(null)).clusters()).isEmpty();
    }

    @Test
    void namesWithControlCharacters_failThePatternCheck_butTabsAndLineBreaksPass() {
        assertThatThrownBy(() -> emr.runJobFlow(cluster("night\u0007ly").build()))
                .isInstanceOf(EmrException.class)
                .satisfies(e -> assertThat(((EmrException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .hasMessageContaining("at 'name' failed to satisfy constraint: Member must satisfy regular expression "
                        + "pattern");
        String id = emr.runJobFlow(cluster("nightly\tetl\n").build()).jobFlowId();
        assertThatThrownBy(() -> emr.addJobFlowSteps(r -> r.jobFlowId(id).steps(missingJarStep("a\u0000b", "CONTINUE"))))
                .hasMessageContaining("at 'steps.1.member.name' failed to satisfy constraint: Member must satisfy "
                        + "regular expression pattern");
        assertThat(emr.listSteps(r -> r.clusterId(id)).steps()).isEmpty();
    }

    @Test
    void listClusters_pagesFiftyAtATimeByMarker_newestFirst() {
        for (int i = 0; i < 120; i++) {
            emr.runJobFlow(cluster("c" + i).build());
            aws.clock().advance(Duration.ofSeconds(1));
        }
        List<String> names = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        String marker = null;
        do {
            String page = marker;
            ListClustersResponse response = emr.listClusters(r -> r.marker(page));
            pages.add(response.clusters().size());
            response.clusters().forEach(c -> names.add(c.name()));
            marker = response.marker();
        } while (marker != null);

        assertThat(pages).containsExactly(50, 50, 20);
        assertThat(names).hasSize(120).startsWith("c119", "c118").endsWith("c0");
        assertThat(new HashSet<>(names)).hasSize(120);
        try (DataPlatform platform = aws.dataPlatform()) {
            assertThat(platform.emr().clusters()).hasSize(120).extracting(ClusterStatus::state)
                    .isSubsetOf(ClusterState.STARTING, ClusterState.BOOTSTRAPPING);
        }
        assertThatThrownBy(() -> emr.listClusters(r -> r.marker("not-a-marker")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void unknownIds_andRefusedRequests_failWithEmrsErrors() {
        assertThatThrownBy(() -> emr.describeCluster(r -> r.clusterId("j-NOPE")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Cluster id 'j-NOPE' is not valid.");
        assertThatThrownBy(() -> emr.runJobFlow(cluster("x").serviceRole(null).build()))
                .isInstanceOf(EmrException.class).hasMessageContaining("ServiceRole is required");
        assertThatThrownBy(() -> emr.runJobFlow(cluster("x").jobFlowRole(null).build()))
                .isInstanceOf(EmrException.class)
                .satisfies(e -> assertThat(((EmrException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .hasMessageContaining("InstanceProfile is required for creating cluster");
        assertThatThrownBy(() -> emr.runJobFlow(cluster("x").releaseLabel("emr-9.9.9").build()))
                .hasMessageContaining("release label 'emr-9.9.9' is not valid");
        assertThatThrownBy(() -> emr.runJobFlow(cluster("x").autoTerminationPolicy(p -> p.idleTimeout(700_000L)).build()))
                .hasMessageContaining("between 60 and 604800 seconds");
        String id = emr.runJobFlow(cluster("x").build()).jobFlowId();
        assertThatThrownBy(() -> emr.describeStep(r -> r.clusterId(id).stepId("s-NOPE")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> emr.addJobFlowSteps(r -> r.jobFlowId(id).steps(s -> s.name("distcp")
                .hadoopJarStep(h -> h.jar("command-runner.jar").args("s3-dist-cp", "--src", "s3://a/", "--dest", "s3://b/")))))
                .isInstanceOf(EmrException.class)
                .satisfies(e -> assertThat(((EmrException) e).statusCode()).isEqualTo(501))
                .hasMessageContaining("cannot run step 'distcp'");
    }

    @Test
    void terminationProtection_refusesTerminateJobFlows_untilLifted() {
        String id = emr.runJobFlow(cluster("protected").instances(i -> i.keepJobFlowAliveWhenNoSteps(true)
                .terminationProtected(true).instanceGroups(g -> g.instanceRole("MASTER").instanceType("m5.xlarge")
                        .instanceCount(1))).build()).jobFlowId();

        assertThatThrownBy(() -> emr.terminateJobFlows(r -> r.jobFlowIds(id)))
                .hasMessageContaining("termination protected");
        emr.setTerminationProtection(r -> r.jobFlowIds(id).terminationProtected(false));
        emr.terminateJobFlows(r -> r.jobFlowIds(id));
        aws.clock().advance(Duration.ofMinutes(1));

        var status = emr.describeCluster(r -> r.clusterId(id)).cluster().status();
        assertThat(status.stateAsString()).isEqualTo("TERMINATED");
        assertThat(status.stateChangeReason().codeAsString()).isEqualTo("USER_REQUEST");
        assertThatThrownBy(() -> emr.addJobFlowSteps(r -> r.jobFlowId(id).steps(s -> s.name("late")
                .hadoopJarStep(h -> h.jar("command-runner.jar").args("spark-submit", "--class",
                        "io.dataplatform.spark.SparkJobMain", "s3://a/job.jar", "Job")))))
                .hasMessageContaining("A job flow that is shutting down, terminated, or finished may not be modified.");
    }
}
