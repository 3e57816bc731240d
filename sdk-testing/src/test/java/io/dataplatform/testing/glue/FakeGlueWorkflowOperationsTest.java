package io.dataplatform.testing.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.ValidationException;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.ConcurrentRunsExceededException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.IllegalWorkflowStateException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.Logical;
import software.amazon.awssdk.services.glue.model.Node;
import software.amazon.awssdk.services.glue.model.NodeType;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;
import software.amazon.awssdk.services.glue.model.WorkflowRun;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatus;

/** The fake Glue's trigger and workflow operations through the raw AWS SDK client: states, errors, graph, pages. */
class FakeGlueWorkflowOperationsTest {
    private final FakeAws aws = FakeAws.create();
    private final GlueClient glue = aws.glue();
    private final Map<String, Map<String, String>> arguments = new ConcurrentHashMap<>();

    FakeGlueWorkflowOperationsTest() {
        for (String name : List.of("extract", "load", "alert")) {
            aws.glueJobs().handler(name, run -> {
                arguments.put(name, run.arguments());
                run.work(Duration.ofMinutes(2));
            });
            glue.createJob(r -> r.name(name).role("etl-role").workerType("G.1X").numberOfWorkers(2)
                    .command(c -> c.name("glueetl").scriptLocation("s3://code/" + name + ".py")));
        }
    }

    /** extract -> load; alert when extract fails. */
    private void createFlow(String workflow) {
        glue.createWorkflow(r -> r.name(workflow).defaultRunProperties(Map.of("env", "test")));
        glue.createTrigger(r -> r.name(workflow + "-start").workflowName(workflow).type(TriggerType.ON_DEMAND)
                .actions(a -> a.jobName("extract").arguments(Map.of("--day", "2024-01-31"))));
        glue.createTrigger(r -> r.name(workflow + "-load").workflowName(workflow).type(TriggerType.CONDITIONAL)
                .startOnCreation(true).predicate(p -> p.conditions(c -> c.jobName("extract").state(JobRunState.SUCCEEDED)))
                .actions(a -> a.jobName("load")));
        glue.createTrigger(r -> r.name(workflow + "-alert").workflowName(workflow).type(TriggerType.CONDITIONAL)
                .startOnCreation(true).predicate(p -> p.logical(Logical.ANY).conditions(
                        c -> c.jobName("extract").state(JobRunState.FAILED),
                        c -> c.jobName("extract").state(JobRunState.TIMEOUT)))
                .actions(a -> a.jobName("alert")));
    }

    private WorkflowRun run(String workflow, String runId) {
        return glue.getWorkflowRun(r -> r.name(workflow).runId(runId).includeGraph(true)).run();
    }

    @Test
    void startWorkflowRun_runsTheGraphOnTheClockWithGluesStatesAndStatistics() {
        createFlow("etl");

        String runId = glue.startWorkflowRun(r -> r.name("etl").runProperties(Map.of("batch", "7"))).runId();

        WorkflowRun running = run("etl", runId);
        assertThat(running.status()).isEqualTo(WorkflowRunStatus.RUNNING);
        assertThat(running.statistics().runningActions()).isEqualTo(1);
        aws.clock().advance(Duration.ofMinutes(10));
        WorkflowRun done = run("etl", runId);
        assertThat(done.status()).isEqualTo(WorkflowRunStatus.COMPLETED);
        assertThat(done.statistics().totalActions()).isEqualTo(2);
        assertThat(done.statistics().succeededActions()).isEqualTo(2);
        assertThat(done.statistics().runningActions()).isZero();
        assertThat(done.workflowRunProperties()).containsEntry("env", "test").containsEntry("batch", "7");
        // Glue tells a job which workflow run started it; the action's arguments reach it too.
        assertThat(arguments.get("extract")).containsEntry("WORKFLOW_NAME", "etl").containsEntry("WORKFLOW_RUN_ID", runId)
                .containsEntry("day", "2024-01-31");
        Node load = done.graph().nodes().stream().filter(n -> n.name().equals("load")).findFirst().orElseThrow();
        assertThat(load.type()).isEqualTo(NodeType.JOB);
        assertThat(load.jobDetails().jobRuns()).singleElement()
                .satisfies(r -> assertThat(r.jobRunState()).isEqualTo(JobRunState.SUCCEEDED));
        assertThat(done.graph().nodes()).extracting(Node::typeAsString)
                .containsExactly("TRIGGER", "TRIGGER", "TRIGGER", "JOB", "JOB", "JOB");
        assertThat(done.graph().edges()).hasSize(6);
        assertThat(glue.getWorkflowRunProperties(r -> r.name("etl").runId(runId)).runProperties())
                .containsEntry("batch", "7");
        assertThat(glue.getWorkflow(r -> r.name("etl")).workflow().lastRun().workflowRunId()).isEqualTo(runId);
    }

    @Test
    void errors_areGluesModelledExceptions() {
        createFlow("etl");

        assertThatThrownBy(() -> glue.createWorkflow(r -> r.name("etl"))).isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> glue.getWorkflow(r -> r.name("missing"))).isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.startWorkflowRun(r -> r.name("missing"))).isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("t").workflowName("etl").type(TriggerType.CONDITIONAL)
                .predicate(p -> p.conditions(c -> c.jobName("nope").state(JobRunState.SUCCEEDED)))
                .actions(a -> a.jobName("load")))).isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("t").type(TriggerType.ON_DEMAND).startOnCreation(true)
                .actions(a -> a.jobName("load")))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("StartOnCreation");
        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("t").workflowName("etl").type(TriggerType.SCHEDULED)
                .schedule("cron(0 2 * * ? *)").actions(a -> a.jobName("load")))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already has a start trigger");
        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("t").type(TriggerType.SCHEDULED)
                .schedule("cron(* * * * ? *)").actions(a -> a.jobName("load")))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("5 minutes");
        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("t").type(TriggerType.CONDITIONAL)
                .predicate(p -> p.conditions(c -> c.jobName("extract").state(JobRunState.SUCCEEDED)))
                .actions(a -> a.jobName("load"))))
                .isInstanceOfSatisfying(GlueException.class, e -> assertThat(e.statusCode()).isEqualTo(501))
                .hasMessageContaining("outside a workflow");
        assertThatThrownBy(() -> glue.getWorkflowRun(r -> r.name("etl").runId("wr_missing")))
                .isInstanceOf(EntityNotFoundException.class);
        assertThat(glue.deleteTrigger(r -> r.name("never-was")).name()).isEqualTo("never-was");
    }

    @Test
    void maxConcurrentRuns_refusesASecondRunWhileOneRuns() {
        createFlow("etl");
        glue.updateWorkflow(r -> r.name("etl").maxConcurrentRuns(1));
        glue.startWorkflowRun(r -> r.name("etl"));

        assertThatThrownBy(() -> glue.startWorkflowRun(r -> r.name("etl")))
                .isInstanceOf(ConcurrentRunsExceededException.class);
        aws.clock().advance(Duration.ofMinutes(10));
        assertThat(glue.startWorkflowRun(r -> r.name("etl")).runId()).startsWith("wr_");
    }

    @Test
    void stopWorkflowRun_firesNoMoreTriggersAndEndsStoppedOnceItsActionsEnd() {
        createFlow("etl");
        String runId = glue.startWorkflowRun(r -> r.name("etl")).runId();

        glue.stopWorkflowRun(r -> r.name("etl").runId(runId));

        assertThat(run("etl", runId).status()).isEqualTo(WorkflowRunStatus.STOPPING);
        aws.clock().advance(Duration.ofMinutes(10));
        WorkflowRun stopped = run("etl", runId);
        assertThat(stopped.status()).isEqualTo(WorkflowRunStatus.STOPPED);
        assertThat(stopped.statistics().totalActions()).isEqualTo(1); // load never started
        assertThatThrownBy(() -> glue.stopWorkflowRun(r -> r.name("etl").runId(runId)))
                .isInstanceOf(IllegalWorkflowStateException.class);
    }

    @Test
    void resumeWorkflowRun_ofARunningRunOrAnUnknownNode_isRefused() {
        createFlow("etl");
        String runId = glue.startWorkflowRun(r -> r.name("etl")).runId();
        String extractId = run("etl", runId).graph().nodes().stream().filter(n -> n.name().equals("extract"))
                .findFirst().orElseThrow().uniqueId();

        assertThatThrownBy(() -> glue.resumeWorkflowRun(r -> r.name("etl").runId(runId).nodeIds(extractId)))
                .isInstanceOf(IllegalWorkflowStateException.class);
        aws.clock().advance(Duration.ofMinutes(10));
        assertThatThrownBy(() -> glue.resumeWorkflowRun(r -> r.name("etl").runId(runId).nodeIds("wnode_nope")))
                .isInstanceOf(InvalidInputException.class);
        String alertId = run("etl", runId).graph().nodes().stream().filter(n -> n.name().equals("alert"))
                .findFirst().orElseThrow().uniqueId();
        assertThatThrownBy(() -> glue.resumeWorkflowRun(r -> r.name("etl").runId(runId).nodeIds(alertId)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no run attempt");
    }

    @Test
    void scheduledTrigger_firesOnlyWhileActivated() {
        glue.createTrigger(r -> r.name("every-hour").type(TriggerType.SCHEDULED).schedule("cron(0 * * * ? *)")
                .startOnCreation(true).actions(a -> a.jobName("extract")));
        assertThat(glue.getTrigger(r -> r.name("every-hour")).trigger().state()).isEqualTo(TriggerState.ACTIVATED);

        aws.clock().advance(Duration.ofHours(3));
        int fired = glue.getJobRuns(r -> r.jobName("extract")).jobRuns().size();
        glue.stopTrigger(r -> r.name("every-hour"));
        aws.clock().advance(Duration.ofHours(3));

        assertThat(fired).isEqualTo(3);
        assertThat(glue.getJobRuns(r -> r.jobName("extract")).jobRuns()).hasSize(3);
        assertThat(glue.getTrigger(r -> r.name("every-hour")).trigger().state()).isEqualTo(TriggerState.DEACTIVATED);
    }

    @Test
    void stopTrigger_ofATriggerInStateCreated_isRefused_whateverItsType() {
        // Real Glue refuses StopTrigger by state, not type: "InvalidInputException: The operation is not allowed when
        // trigger is in state: CREATED" (hashicorp/terraform-provider-aws#49408).
        glue.createTrigger(r -> r.name("every-hour").type(TriggerType.SCHEDULED).schedule("cron(0 * * * ? *)")
                .actions(a -> a.jobName("extract")));
        createFlow("etl");

        for (String trigger : List.of("every-hour", "etl-start")) {
            assertThatThrownBy(() -> glue.stopTrigger(r -> r.name(trigger))).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((GlueException) e).awsErrorDetails().errorMessage())
                            .isEqualTo("The operation is not allowed when trigger is in state: CREATED"));
        }
        assertThat(glue.getTrigger(r -> r.name("every-hour")).trigger().state()).isEqualTo(TriggerState.CREATED);
        glue.startTrigger(r -> r.name("every-hour"));
        glue.stopTrigger(r -> r.name("every-hour"));
        assertThat(glue.getTrigger(r -> r.name("every-hour")).trigger().state()).isEqualTo(TriggerState.DEACTIVATED);
    }

    @Test
    void startTrigger_ofAWorkflowsOnDemandTrigger_startsARun() {
        createFlow("etl");

        glue.startTrigger(r -> r.name("etl-start"));

        assertThat(glue.getWorkflowRuns(r -> r.name("etl")).runs()).hasSize(1);
        assertThatThrownBy(() -> glue.stopTrigger(r -> r.name("etl-start"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void pages_followNextTokenWithinGluesLimits() {
        for (int i = 0; i < 3; i++) {
            createFlow("etl" + i);
        }

        var first = glue.listWorkflows(r -> r.maxResults(2));
        var second = glue.listWorkflows(r -> r.maxResults(2).nextToken(first.nextToken()));
        assertThat(first.workflows()).containsExactly("etl0", "etl1");
        assertThat(second.workflows()).containsExactly("etl2");
        assertThat(second.nextToken()).isNull();
        assertThatThrownBy(() -> glue.listWorkflows(r -> r.maxResults(26))).isInstanceOf(ValidationException.class);
        assertThat(glue.getTriggers(r -> r.dependentJobName("alert")).triggers()).extracting(t -> t.name())
                .containsExactly("etl0-alert", "etl1-alert", "etl2-alert");
        glue.deleteWorkflow(r -> r.name("etl1"));
        assertThat(glue.getTriggers(r -> r.dependentJobName("alert")).triggers()).hasSize(2);
    }

    @Test
    void listAndBatchGet_filterByJobAndTagsAndNameWhatIsMissing() {
        createFlow("etl");
        glue.createTrigger(r -> r.name("tagged").type(TriggerType.ON_DEMAND).tags(Map.of("team", "data"))
                .actions(a -> a.jobName("alert")));

        assertThat(glue.listTriggers(r -> r.dependentJobName("alert")).triggerNames())
                .containsExactly("etl-alert", "tagged");
        assertThat(glue.listTriggers(r -> r.tags(Map.of("team", "data"))).triggerNames()).containsExactly("tagged");
        var triggers = glue.batchGetTriggers(r -> r.triggerNames("etl-load", "nope"));
        assertThat(triggers.triggers()).extracting(t -> t.name()).containsExactly("etl-load");
        assertThat(triggers.triggersNotFound()).containsExactly("nope");
        var workflows = glue.batchGetWorkflows(r -> r.names("etl", "gone").includeGraph(true));
        assertThat(workflows.workflows()).singleElement().satisfies(w -> assertThat(w.graph().nodes()).hasSize(6));
        assertThat(workflows.missingWorkflows()).containsExactly("gone");
    }
}
