package io.dataplatform.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.glue.GlueCatalog;
import io.dataplatform.glue.JobBuilder;
import io.dataplatform.glue.JobRunState;
import io.dataplatform.glue.JobRunStatus;
import io.dataplatform.glue.TriggerCondition;
import io.dataplatform.glue.Workflow;
import io.dataplatform.glue.WorkflowBuilder;
import io.dataplatform.glue.WorkflowNode;
import io.dataplatform.glue.WorkflowNodeRun;
import io.dataplatform.glue.WorkflowNodeState;
import io.dataplatform.glue.WorkflowRunState;
import io.dataplatform.glue.WorkflowRunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Glue workflow behaviour of the SDK, written once: {@link FakeGlueWorkflowContractTest} runs it on
 * FakeAws in every build, {@link AwsGlueWorkflowContractIT} against real Glue with {@code -Paws}. The
 * nodes are Python script jobs the implementation supplies ({@link #runnableJob}).
 */
abstract class GlueWorkflowContractTests {
    private static final Duration WAIT = Duration.ofMinutes(45);

    protected DataPlatform platform;
    protected GlueCatalog glue;
    private final List<String> jobs = new ArrayList<>();
    private final List<String> workflows = new ArrayList<>();

    /** Returns the platform under test. */
    protected abstract DataPlatform createPlatform();

    /** Returns a job or workflow name no other test uses. */
    protected abstract String uniqueName(String base);

    /**
     * Returns a builder for a job {@code name} whose runs end within minutes: succeeding, or failing with
     * an error message containing "boom".
     */
    protected abstract JobBuilder runnableJob(String name, boolean failing);

    @BeforeEach
    void setUp() {
        platform = createPlatform();
        glue = platform.glue();
    }

    @AfterEach
    void tearDown() {
        workflows.forEach(name -> glue.existingWorkflow(name).delete());
        jobs.forEach(name -> glue.existingJob(name).delete());
        platform.close();
    }

    private WorkflowNode job(String base, boolean failing) {
        String name = uniqueName(base);
        jobs.add(name);
        return WorkflowNode.of(runnableJob(name, failing).create());
    }

    private WorkflowBuilder workflow(String base) {
        String name = uniqueName(base);
        workflows.add(name);
        return glue.workflow(name);
    }

    private static WorkflowNodeRun node(WorkflowRunStatus status, WorkflowNode node) {
        return status.node(node.name()).orElseThrow(() -> new AssertionError("no node " + node.name() + " in " + status));
    }

    @Test
    void run_sequence_runsTheSecondJobAfterTheFirstSucceeded() {
        WorkflowNode first = job("contract-first", false);
        WorkflowNode second = job("contract-second", false);
        Workflow workflow = workflow("contract-sequence").description("contract test").then(first).then(second).create();

        WorkflowRunStatus status = workflow.start().await(WAIT).status();

        assertThat(status.state()).isEqualTo(WorkflowRunState.COMPLETED);
        assertThat(status.statistics().total()).isEqualTo(2);
        assertThat(status.statistics().succeeded()).isEqualTo(2);
        assertThat(node(status, first).state()).isEqualTo(WorkflowNodeState.SUCCEEDED);
        assertThat(node(status, second).state()).isEqualTo(WorkflowNodeState.SUCCEEDED);
        assertThat(node(status, second).startedOn()).isAfterOrEqualTo(node(status, first).completedOn());
        assertThat(node(status, first).attempts()).extracting(JobRunStatus::state).containsExactly(JobRunState.SUCCEEDED);
        assertThat(status.completedOn()).isAfterOrEqualTo(node(status, second).completedOn());
        assertThat(workflow.runs()).extracting(WorkflowRunStatus::runId).containsExactly(status.runId());
    }

    @Test
    void run_failingJob_runsTheFailureBranchAndNotTheSuccessBranch() {
        WorkflowNode failing = job("contract-failing", true);
        WorkflowNode next = job("contract-next", false);
        WorkflowNode alert = job("contract-alert", false);
        Workflow workflow = workflow("contract-failure").then(failing).then(next).onFailure(failing, alert).create();

        WorkflowRunStatus status = workflow.start().await(WAIT).status();

        assertThat(status.state()).isEqualTo(WorkflowRunState.COMPLETED);
        assertThat(node(status, failing).state()).isEqualTo(WorkflowNodeState.FAILED);
        assertThat(node(status, failing).attempts().get(0).errorMessage()).contains("boom");
        assertThat(node(status, alert).state()).isEqualTo(WorkflowNodeState.SUCCEEDED);
        assertThat(node(status, next).state()).isEqualTo(WorkflowNodeState.NOT_RUN);
        assertThat(status.failedNodes()).extracting(WorkflowNodeRun::name).containsExactly(failing.name());
        assertThat(status.statistics().failed()).isEqualTo(1);
        assertThat(status.statistics().succeeded()).isEqualTo(1);
    }

    @Test
    void create_twice_keepsOneWorkflowThatStillRuns() {
        WorkflowNode a = job("contract-a", false);
        WorkflowNode b = job("contract-b", false);
        WorkflowNode c = job("contract-c", false);
        String name = uniqueName("contract-twice");
        workflows.add(name);
        glue.workflow(name).start(a).after(TriggerCondition.succeeded(a), b, c).create();
        Workflow workflow = glue.workflow(name).start(a).after(TriggerCondition.succeeded(a), b, c).create();

        assertThat(workflow.exists()).isTrue();
        WorkflowRunStatus status = workflow.start().await(WAIT).status();
        assertThat(status.statistics().succeeded()).isEqualTo(3);
        assertThat(node(status, b).startedOn()).isAfterOrEqualTo(node(status, a).completedOn());
        assertThat(node(status, c).startedOn()).isAfterOrEqualTo(node(status, a).completedOn());
    }

    @Test
    void startAndDelete_unknownOrDeletedWorkflow() {
        WorkflowNode a = job("contract-solo", false);
        Workflow workflow = workflow("contract-delete").then(a).create();
        assertThat(workflow.exists()).isTrue();

        workflow.delete();

        assertThat(workflow.exists()).isFalse();
        assertThatThrownBy(workflow::start).isInstanceOf(ResourceNotFoundException.class);
        assertThat(glue.existingWorkflow(uniqueName("contract-missing")).run("wr_0000")).isEmpty();
    }
}
