package io.dataplatform.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.InvalidRequestException;
import io.dataplatform.cost.LedgerEntry;
import io.dataplatform.emr.Cluster;
import io.dataplatform.emr.ClusterState;
import io.dataplatform.emr.ClusterStatus;
import io.dataplatform.emr.InstanceGroup;
import io.dataplatform.emr.InstanceType;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.EmrException;

/**
 * The EMR behaviour of the SDK and of the EMR API it relies on, written once: {@link FakeEmrContractTest}
 * runs it on FakeAws in every build, {@link AwsEmrContractIT} against real EMR with {@code -Paws}. The
 * refusals cost nothing; the lifecycle test runs the smallest cluster (one m5.xlarge master, no core
 * instances) from start to termination: about 10 minutes and $0.05 on AWS. What only a fake can show
 * (Spark steps on the fake clock, faults) is in {@code io.dataplatform.testing.emr}.
 */
abstract class EmrContractTests {
    protected DataPlatform platform;
    protected EmrClient emr;
    private Cluster created;

    /** Returns the platform under test. */
    protected abstract DataPlatform createPlatform();

    /** Returns the raw EMR client the platform uses. */
    protected abstract EmrClient emrClient();

    /** Returns the release label to create clusters with (the SDK's default where the account offers it). */
    protected abstract String releaseLabel();

    @BeforeEach
    void setUp() {
        platform = createPlatform();
        emr = emrClient();
    }

    @AfterEach
    void tearDown() {
        if (created != null && !created.status().state().isEnding()) {
            created.terminate();
        }
        platform.close();
    }

    @Test
    void unknownCluster_isAnInvalidRequest() {
        assertThatThrownBy(() -> platform.emr().existing("j-0000000000000").status())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("InvalidRequestException");
    }

    @Test
    void idleTimeoutOutsideEmrsRange_isRefusedByRunJobFlow() {
        assertThatThrownBy(() -> emr.runJobFlow(r -> r.name("contract-invalid").releaseLabel(releaseLabel())
                .serviceRole("EMR_DefaultRole").jobFlowRole("EMR_EC2_DefaultRole")
                .autoTerminationPolicy(p -> p.idleTimeout(30L))
                .instances(i -> i.keepJobFlowAliveWhenNoSteps(true).instanceGroups(g -> g.instanceRole("MASTER")
                        .instanceType("m5.xlarge").instanceCount(1)))))
                .isInstanceOf(EmrException.class)
                .satisfies(e -> assertThat(((EmrException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void smallestCluster_startsWaitsAndTerminates_andItsCostIsInTheLedger() {
        created = platform.emr().cluster("contract-lifecycle").releaseLabel(releaseLabel())
                .master(InstanceType.M5_XLARGE).core(InstanceGroup.onDemand(InstanceType.M5_XLARGE, 0))
                .idleTimeout(Duration.ofMinutes(10)).tag("purpose", "dataplatform-contract-test")
                .create();

        ClusterStatus starting = created.status();
        assertThat(starting.state()).isIn(ClusterState.STARTING, ClusterState.BOOTSTRAPPING);
        assertThat(starting.releaseLabel()).isEqualTo(releaseLabel());
        assertThat(starting.autoTerminate()).isFalse();
        assertThat(starting.terminationProtected()).isFalse();
        assertThat(platform.emr().clusters()).anyMatch(c -> c.id().equals(created.id()));

        created.await(Duration.ofMinutes(30));
        assertThat(created.status().state()).isEqualTo(ClusterState.WAITING);
        assertThat(emr.getAutoTerminationPolicy(r -> r.clusterId(created.id())).autoTerminationPolicy().idleTimeout())
                .isEqualTo(600L);

        created.terminate();
        ClusterStatus ended = created.awaitTermination(Duration.ofMinutes(20));

        assertThat(ended.state()).isEqualTo(ClusterState.TERMINATED);
        assertThat(ended.stateChangeCode()).isEqualTo("USER_REQUEST");
        LedgerEntry entry = platform.costLedger().entries().get(0);
        assertThat(entry.reference()).isEqualTo(created.id());
        assertThat(entry.settled()).isTrue();
        assertThatThrownBy(() -> emr.addJobFlowSteps(r -> r.jobFlowId(created.id()).steps(s -> s.name("late")
                .hadoopJarStep(h -> h.jar("command-runner.jar").args("spark-submit", "--class",
                        "io.dataplatform.spark.SparkJobMain", "s3://nowhere/job.jar", "Job")))))
                .isInstanceOf(EmrException.class)
                .hasMessageContaining("may not be modified");
    }
}
