package io.dataplatform.testing.emr;

import static io.dataplatform.testing.NotImplementedAssertions.assertNotImplemented;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ClusterSummary;
import software.amazon.awssdk.services.emr.model.EmrException;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.StepSummary;

/**
 * Request members of the fake EMR that change EMR's answer: honoured as the API reference describes them
 * (ListClusters and ListSteps filters, the settings DescribeCluster reports), or refused with 501 when set.
 */
class FakeEmrRequestMembersTest {
    private final FakeAws aws = FakeAws.create();
    private final EmrClient emr = aws.emr();

    private static RunJobFlowRequest.Builder cluster(String name) {
        return RunJobFlowRequest.builder().name(name).releaseLabel("emr-7.1.0").serviceRole("EMR_DefaultRole")
                .jobFlowRole("EMR_EC2_DefaultRole")
                .instances(i -> i.keepJobFlowAliveWhenNoSteps(true).instanceGroups(
                        g -> g.instanceRole("MASTER").instanceType("m5.xlarge").instanceCount(1)));
    }

    @Test
    void runJobFlow_settingsTheFakeDoesNotModel_areRefused_andNoClusterIsCreated() {
        assertNotImplemented(EmrException.class, () -> emr.runJobFlow(cluster("boot").bootstrapActions(b -> b.name("pip")
                        .scriptBootstrapAction(s -> s.path("s3://lake/bootstrap/pip.sh"))).build()),
                "RunJobFlow with BootstrapActions is not supported by the fake EMR");
        assertNotImplemented(EmrException.class, () -> emr.runJobFlow(cluster("conf").configurations(c -> c.classification("spark-defaults")
                        .properties(Map.of("spark.sql.shuffle.partitions", "8"))).build()),
                "RunJobFlow with Configurations is not supported by the fake EMR");
        assertNotImplemented(EmrException.class, () -> emr.runJobFlow(cluster("secure").securityConfiguration("at-rest").build()),
                "RunJobFlow with SecurityConfiguration is not supported by the fake EMR");
        assertNotImplemented(EmrException.class, () -> emr.runJobFlow(cluster("scaled").managedScalingPolicy(m -> m.computeLimits(l -> l
                        .unitType("Instances").minimumCapacityUnits(1).maximumCapacityUnits(10))).build()),
                "RunJobFlow with ManagedScalingPolicy is not supported by the fake EMR");
        assertNotImplemented(EmrException.class, () -> emr.runJobFlow(cluster("roles").stepExecutionRoleArn("arn:aws:iam::123456789012:role/x")
                        .build()),
                "RunJobFlow with StepExecutionRoleArn (runtime roles) is not supported by the fake EMR");

        assertNotImplemented(EmrException.class, () -> emr.runJobFlow(cluster("uniform").instances(i -> i.masterInstanceType("m5.xlarge")
                        .slaveInstanceType("m5.xlarge").instanceCount(3)).build()),
                "RunJobFlow with Instances.MasterInstanceType, SlaveInstanceType or InstanceCount (use InstanceGroups) is "
                        + "not supported by the fake EMR");

        assertThat(emr.listClusters(r -> r.marker(null)).clusters()).isEmpty();
    }

    @Test
    void describeCluster_reportsTheRequestedNetworkAmiAndVolumeSettings() {
        String id = emr.runJobFlow(cluster("net").visibleToAllUsers(false).customAmiId("ami-0123456789abcdef0")
                .ebsRootVolumeSize(30).logEncryptionKmsKeyId("alias/logs").scaleDownBehavior("TERMINATE_AT_TASK_COMPLETION")
                .instances(i -> i.keepJobFlowAliveWhenNoSteps(true).ec2KeyName("ops").ec2SubnetIds("subnet-1", "subnet-2")
                        .additionalMasterSecurityGroups("sg-extra")
                        .instanceGroups(g -> g.instanceRole("MASTER").instanceType("m5.xlarge").instanceCount(1)))
                .build()).jobFlowId();

        Cluster cluster = emr.describeCluster(r -> r.clusterId(id)).cluster();

        assertThat(cluster.visibleToAllUsers()).isFalse();
        assertThat(cluster.customAmiId()).isEqualTo("ami-0123456789abcdef0");
        assertThat(cluster.ebsRootVolumeSize()).isEqualTo(30);
        assertThat(cluster.logEncryptionKmsKeyId()).isEqualTo("alias/logs");
        assertThat(cluster.scaleDownBehaviorAsString()).isEqualTo("TERMINATE_AT_TASK_COMPLETION");
        assertThat(cluster.ec2InstanceAttributes().ec2KeyName()).isEqualTo("ops");
        assertThat(cluster.ec2InstanceAttributes().requestedEc2SubnetIds()).containsExactly("subnet-1", "subnet-2");
        assertThat(cluster.ec2InstanceAttributes().additionalMasterSecurityGroups()).containsExactly("sg-extra");
        assertThat(cluster.ec2InstanceAttributes().iamInstanceProfile()).isEqualTo("EMR_EC2_DefaultRole");
        assertThat(emr.describeCluster(r -> r.clusterId(emr.runJobFlow(cluster("default").build()).jobFlowId()))
                .cluster().visibleToAllUsers()).as("EMR's default").isTrue();
    }

    private String step(String clusterId, String name) {
        return emr.addJobFlowSteps(r -> r.jobFlowId(clusterId).steps(s -> s.name(name).actionOnFailure("CONTINUE")
                .hadoopJarStep(h -> h.jar("command-runner.jar").args("spark-submit", "--class",
                        "io.dataplatform.spark.SparkJobMain", "s3://lake/jobs/missing.jar", "Job")))).stepIds().get(0);
    }

    @Test
    void addJobFlowSteps_runtimeRoleOrMainClass_isRefused() {
        String id = emr.runJobFlow(cluster("c").build()).jobFlowId();

        assertNotImplemented(EmrException.class, () -> emr.addJobFlowSteps(r -> r.jobFlowId(id).executionRoleArn("arn:aws:iam::1:role/x")
                        .steps(s -> s.name("a").hadoopJarStep(h -> h.jar("command-runner.jar").args("spark-submit")))),
                "AddJobFlowSteps with ExecutionRoleArn (runtime roles) is not supported by the fake EMR");
        assertNotImplemented(EmrException.class, () -> emr.addJobFlowSteps(r -> r.jobFlowId(id).steps(s -> s.name("b")
                        .hadoopJarStep(h -> h.jar("command-runner.jar").mainClass("com.example.Main").args("spark-submit")))),
                "The fake EMR cannot run step 'b' with HadoopJarStep.MainClass: it runs 'command-runner.jar spark-submit' "
                        + "steps as their arguments say");
        assertThat(emr.listSteps(r -> r.clusterId(id)).steps()).isEmpty();
    }

    @Test
    void listSteps_stepIdsAndStepStates_filterTheSteps() {
        String id = emr.runJobFlow(cluster("c").build()).jobFlowId();
        String first = step(id, "first");
        String second = step(id, "second");
        String third = step(id, "third");

        assertThat(emr.listSteps(r -> r.clusterId(id).stepIds(first, third)).steps()).extracting(StepSummary::id)
                .containsExactly(third, first);
        assertThat(emr.listSteps(r -> r.clusterId(id).stepStatesWithStrings("PENDING")).steps()).extracting(StepSummary::id)
                .containsExactly(third, second, first);
        assertThat(emr.listSteps(r -> r.clusterId(id).stepStatesWithStrings("COMPLETED")).steps()).isEmpty();
    }

    @Test
    void listClusters_createdAfterAndBefore_filterByCreationTime() {
        Instant start = aws.clock().instant();
        emr.runJobFlow(cluster("early").build());
        aws.clock().advance(Duration.ofHours(1));
        emr.runJobFlow(cluster("late").build());

        List<ClusterSummary> after = emr.listClusters(r -> r.createdAfter(start.plus(Duration.ofMinutes(30)))).clusters();
        List<ClusterSummary> before = emr.listClusters(r -> r.createdBefore(start.plus(Duration.ofMinutes(30)))).clusters();

        assertThat(after).extracting(ClusterSummary::name).containsExactly("late");
        assertThat(before).extracting(ClusterSummary::name).containsExactly("early");
        assertThat(emr.listClusters(r -> r.clusterStatesWithStrings("TERMINATED")).clusters()).isEmpty();
    }
}
