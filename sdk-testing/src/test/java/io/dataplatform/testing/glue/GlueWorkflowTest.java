package io.dataplatform.testing.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.OperationTimeoutException;
import io.dataplatform.glue.Crawler;
import io.dataplatform.glue.GlueCatalog;
import io.dataplatform.glue.Job;
import io.dataplatform.glue.JobRunState;
import io.dataplatform.glue.JobRunStatus;
import io.dataplatform.glue.Schedule;
import io.dataplatform.glue.TriggerCondition;
import io.dataplatform.glue.TriggerCondition.Outcome;
import io.dataplatform.glue.Workflow;
import io.dataplatform.glue.WorkflowBuilder;
import io.dataplatform.glue.WorkflowNode;
import io.dataplatform.glue.WorkflowNodeRun;
import io.dataplatform.glue.WorkflowNodeState;
import io.dataplatform.glue.WorkflowRun;
import io.dataplatform.glue.WorkflowRunState;
import io.dataplatform.glue.WorkflowRunStatus;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Acceptance 1 of issue 11: workflows run crawlers and jobs in dependency order on the fake clock. */
class GlueWorkflowTest {
    private static final String SCRIPT = "s3://acme-code/jobs/etl.py";

    private final FakeAws aws = FakeAws.create();
    private final DataPlatform platform = aws.dataPlatform();
    private final GlueCatalog glue = platform.glue();
    /** Each handler's start on the fake clock, in the order they ran. */
    private final Map<String, Instant> ran = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Crawler raw;
    private final WorkflowNode crawl;
    private final WorkflowNode cleanOrders;
    private final WorkflowNode cleanCustomers;
    private final WorkflowNode report;
    private final WorkflowNode notify;

    GlueWorkflowTest() {
        platform.bucket("acme-raw").create().put("sales/part.csv", "id,amount\n1,2.5\n2,3.5\n");
        glue.database("sales").create();
        raw = glue.crawler("raw-crawler").target("s3://acme-raw/sales/").database("sales")
                .role("AWSGlueServiceRole-sales").create();
        crawl = WorkflowNode.of(raw);
        cleanOrders = WorkflowNode.of(job("clean-orders", Duration.ofMinutes(4)).create());
        cleanCustomers = WorkflowNode.of(job("clean-customers", Duration.ofMinutes(2)).create());
        report = WorkflowNode.of(job("report", Duration.ofMinutes(1)).create()).withArgument("format", "html");
        notify = WorkflowNode.of(job("notify", Duration.ofSeconds(10)).create());
    }

    /** A Python job whose Java handler takes {@code work} of fake time and records when it ran. */
    private io.dataplatform.glue.JobBuilder job(String name, Duration work) {
        aws.glueJobs().handler(name, run -> {
            ran.put(name + "#" + run.attempt(), aws.clock().instant());
            run.work(work);
        });
        return glue.job(name).pythonScript(SCRIPT).role("AWSGlueServiceRole-etl");
    }

    /** crawl -> (clean-orders, clean-customers) -> report; notify when clean-orders fails. */
    private WorkflowBuilder nightly() {
        return glue.workflow("nightly")
                .start(crawl)
                .after(TriggerCondition.succeeded(crawl), cleanOrders, cleanCustomers)
                .after(TriggerCondition.succeeded(cleanOrders, cleanCustomers), report)
                .onFailure(cleanOrders, notify);
    }

    private static WorkflowNodeRun node(WorkflowRunStatus status, String name) {
        return status.node(name).orElseThrow();
    }

    @Test
    void run_fanOutFanInAndOnFailureBranch_runsNodesInDependencyOrder() {
        Workflow workflow = nightly().create();
        List<String> changes = new ArrayList<>();

        WorkflowRun run = workflow.start().onNodeChange(n -> changes.add(n.name() + ":" + n.state())).await();

        WorkflowRunStatus status = run.status();
        assertThat(status.state()).isEqualTo(WorkflowRunState.COMPLETED);
        WorkflowNodeRun crawled = node(status, "raw-crawler");
        WorkflowNodeRun orders = node(status, "clean-orders");
        WorkflowNodeRun customers = node(status, "clean-customers");
        WorkflowNodeRun reported = node(status, "report");
        assertThat(crawled.state()).isEqualTo(WorkflowNodeState.SUCCEEDED);
        assertThat(crawled.crawls()).hasSize(1);
        // Fan-out: both clean jobs start the instant the crawl ends.
        assertThat(orders.startedOn()).isEqualTo(crawled.completedOn());
        assertThat(customers.startedOn()).isEqualTo(crawled.completedOn());
        // Fan-in: the report starts when the slower clean job ends, not before.
        assertThat(orders.completedOn()).isAfter(customers.completedOn());
        assertThat(reported.startedOn()).isEqualTo(orders.completedOn());
        assertThat(reported.state()).isEqualTo(WorkflowNodeState.SUCCEEDED);
        assertThat(node(status, "notify").state()).isEqualTo(WorkflowNodeState.NOT_RUN);
        List<String> order = List.copyOf(ran.keySet());
        assertThat(order.subList(0, 2)).containsExactlyInAnyOrder("clean-orders#0", "clean-customers#0");
        assertThat(order).endsWith("report#0").doesNotContain("notify#0");
        assertThat(status.statistics().total()).isEqualTo(4);
        assertThat(status.statistics().succeeded()).isEqualTo(4);
        assertThat(status.completedOn()).isEqualTo(reported.completedOn());
        assertThat(status.duration()).contains(Duration.between(status.startedOn(), reported.completedOn()));
        // Default 2 x G.1X workers: every attempt's DPU-seconds priced at $0.44 per DPU-hour (1-minute minimum).
        assertThat(orders.dpuSeconds()).isEqualTo(2 * 240.0);
        assertThat(status.cost().amount().doubleValue()).isGreaterThan(0);
        assertThat(status.cost()).isEqualTo(orders.cost().plus(customers.cost()).plus(reported.cost()));
        assertThat(reported.attempts().get(0).job()).isEqualTo("report");
        assertThat(changes).contains("raw-crawler:RUNNING", "raw-crawler:SUCCEEDED", "report:SUCCEEDED")
                .doesNotContain("notify:SUCCEEDED");
        assertThat(changes.indexOf("raw-crawler:SUCCEEDED")).isLessThan(changes.indexOf("report:SUCCEEDED"));
    }

    @Test
    void run_cleanJobFails_runsTheOnFailureBranchAndNotWhatNeedsItsSuccess() {
        aws.glueJobs().handler("clean-orders", run -> {
            run.work(Duration.ofMinutes(1));
            throw new IllegalStateException("bad row 17");
        });
        WorkflowRun run = nightly().create().start().await();

        WorkflowRunStatus status = run.status();
        assertThat(status.state()).isEqualTo(WorkflowRunState.COMPLETED);
        assertThat(node(status, "clean-orders").state()).isEqualTo(WorkflowNodeState.FAILED);
        assertThat(node(status, "clean-orders").attempts().get(0).errorMessage()).contains("bad row 17");
        assertThat(node(status, "notify").state()).isEqualTo(WorkflowNodeState.SUCCEEDED);
        assertThat(node(status, "notify").startedOn()).isEqualTo(node(status, "clean-orders").completedOn());
        assertThat(node(status, "report").state()).isEqualTo(WorkflowNodeState.NOT_RUN);
        assertThat(status.failedNodes()).extracting(WorkflowNodeRun::name).containsExactly("clean-orders");
        assertThat(status.statistics().failed()).isEqualTo(1);
        assertThat(status.statistics().succeeded()).isEqualTo(3);
    }

    @Test
    void resume_afterAFailure_rerunsOnlyTheFailedNodeAndWhatDependsOnIt() {
        AtomicInteger calls = new AtomicInteger();
        aws.glueJobs().handler("clean-orders", run -> {
            run.work(Duration.ofMinutes(1));
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("upstream file late");
            }
        });
        Job customers = glue.existingJob("clean-customers");
        WorkflowRun failed = nightly().create().start().await();
        assertThat(failed.status().failedNodes()).extracting(WorkflowNodeRun::name).containsExactly("clean-orders");

        WorkflowRun resumed = failed.resume().await();

        WorkflowRunStatus status = resumed.status();
        assertThat(resumed.id()).isNotEqualTo(failed.id());
        assertThat(status.previousRunId()).isEqualTo(failed.id());
        assertThat(status.state()).isEqualTo(WorkflowRunState.COMPLETED);
        assertThat(node(status, "clean-orders").state()).isEqualTo(WorkflowNodeState.SUCCEEDED);
        assertThat(node(status, "report").state()).isEqualTo(WorkflowNodeState.SUCCEEDED);
        // Not rerun: one crawl and one run of the other clean job in all; the fan-in used that run's success.
        assertThat(raw.history()).hasSize(1);
        assertThat(customers.runs()).hasSize(1);
        assertThat(node(status, "clean-customers").attempts()).extracting(JobRunStatus::runId)
                .containsExactly(customers.runs().get(0).runId());
        assertThat(glue.existingJob("clean-orders").runs()).hasSize(2);
        assertThat(status.statistics().total()).isEqualTo(2); // clean-orders and report ran in the resumed run
        assertThatThrownBy(resumed::resume).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no failed node");
    }

    @Test
    void run_jobFailingTwice_succeedsOnItsThirdAttemptAndTheNodeShowsTheAttempts() {
        aws.glueJobs().handler("flaky", run -> {
            run.work(Duration.ofMinutes(2));
            if (run.attempt() < 2) {
                throw new IllegalStateException("throttled on attempt " + run.attempt());
            }
        });
        WorkflowNode flaky = WorkflowNode.of(glue.job("flaky").pythonScript(SCRIPT).role("AWSGlueServiceRole-etl")
                .maxRetries(2).create());

        WorkflowRunStatus status = glue.workflow("retrying").then(crawl).then(flaky).onFailure(flaky, notify).then(report)
                .create().start().await().status();

        WorkflowNodeRun node = node(status, "flaky");
        assertThat(node.state()).isEqualTo(WorkflowNodeState.SUCCEEDED);
        assertThat(node.attempts()).extracting(JobRunStatus::attempt).containsExactly(0, 1, 2);
        assertThat(node.attempts()).extracting(JobRunStatus::state)
                .containsExactly(JobRunState.FAILED, JobRunState.FAILED, JobRunState.SUCCEEDED);
        assertThat(node.attempts().get(1).previousRunId()).isEqualTo(node.attempts().get(0).runId());
        assertThat(node.dpuSeconds()).isEqualTo(3 * 240.0);
        // The failure branch waits for the last attempt: it never ran.
        assertThat(node(status, "notify").state()).isEqualTo(WorkflowNodeState.NOT_RUN);
        assertThat(node(status, "report").startedOn()).isEqualTo(node.completedOn());
    }

    @Test
    void schedule_firesAtEachCronTimeOnTheFakeClockAndNotOtherwise() {
        Schedule nightlyAt2 = Schedule.cron("0 2 * * ? *");
        Workflow workflow = glue.workflow("scheduled").schedule(nightlyAt2).then(crawl).then(report).create();
        Instant start = aws.clock().instant();
        Instant first = nightlyAt2.nextAfter(start).orElseThrow();

        aws.clock().advance(Duration.between(start, first).minusSeconds(1));
        assertThat(workflow.runs()).isEmpty();

        aws.clock().advance(Duration.ofSeconds(1).plusDays(2).plusHours(3));

        List<WorkflowRunStatus> runs = workflow.runs();
        assertThat(runs).extracting(WorkflowRunStatus::startedOn)
                .containsExactly(first.plus(Duration.ofDays(2)), first.plus(Duration.ofDays(1)), first);
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.startedOn().atZone(ZoneOffset.UTC).getHour()).isEqualTo(2);
            assertThat(r.state()).isEqualTo(WorkflowRunState.COMPLETED);
            assertThat(node(r, "report").state()).isEqualTo(WorkflowNodeState.SUCCEEDED);
        });
        assertThat(raw.history()).hasSize(3);
    }

    @Test
    void create_invalidCronCycleUnknownAndUnreachableNodes_refusedBeforeAnyCallNamingThem() {
        aws.calls().clear();
        WorkflowNode a = WorkflowNode.job("a");
        WorkflowNode b = WorkflowNode.job("b");

        assertThatThrownBy(() -> glue.workflow("nightly").schedule("0/2 * * * ? *"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Workflow 'nightly': invalid schedule '0/2 * * * ? *' of its start trigger: Invalid cron"
                        + " expression '0/2 * * * ? *': it fires 2 minute(s) apart, but Glue runs schedules at most"
                        + " every 5 minutes");
        assertThatThrownBy(() -> glue.workflow("nightly").schedule("0 2 * * * *"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("exactly one of day-of-month and day-of-week must be '?'");
        assertThatThrownBy(() -> glue.workflow("nightly").start(crawl)
                .after(TriggerCondition.succeeded(crawl, b), a)
                .after(TriggerCondition.succeeded(a), b).create())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Workflow 'nightly': it has a cycle: job 'a' -> job 'b' -> job 'a'; a workflow's triggers"
                        + " must form a graph without cycles");
        assertThatThrownBy(() -> glue.workflow("nightly").start(crawl)
                .after(TriggerCondition.succeeded(WorkflowNode.job("typo")), a).create())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Workflow 'nightly': the condition 'ALL of [job 'typo' SUCCEEDED]' waits for job 'typo',"
                        + " which is not a node of the workflow (no trigger runs it)");
        assertThatThrownBy(() -> glue.workflow("nightly").start(crawl)
                .after(TriggerCondition.allOf(TriggerCondition.on(crawl, Outcome.SUCCEEDED),
                        TriggerCondition.on(crawl, Outcome.FAILED)), a).create())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Workflow 'nightly': job 'a' can never run: no trigger that runs it can fire ('ALL of"
                        + " [crawler 'raw-crawler' SUCCEEDED, crawler 'raw-crawler' FAILED]' needs crawler"
                        + " 'raw-crawler' to end both SUCCEEDED and FAILED)");
        assertThatThrownBy(() -> glue.workflow("nightly").after(TriggerCondition.succeeded(crawl), a).create())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Workflow 'nightly': it has no start node; give one with start(..) or then(..)");
        assertThatThrownBy(() -> TriggerCondition.on(crawl, Outcome.TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid condition on crawler 'raw-crawler': a crawl ends SUCCEEDED, FAILED or CANCELLED,"
                        + " never TIMEOUT");
        assertThat(aws.calls().all()).isEmpty();
    }

    @Test
    void create_sameWorkflowTwice_makesNoWriteCallTheSecondTime() {
        nightly().description("the data team's night").schedule("0 2 * * ? *").create();
        aws.calls().clear();

        nightly().description("the data team's night").schedule("0 2 * * ? *").create();

        assertThat(aws.calls().all()).extracting(RecordedCall::operation).containsExactly("GetWorkflow");
    }

    @Test
    void create_changedDefinition_writesOnlyWhatChanged() {
        nightly().create();
        aws.calls().clear();

        glue.workflow("nightly").start(crawl)
                .after(TriggerCondition.succeeded(crawl), cleanOrders, cleanCustomers)
                .after(TriggerCondition.succeeded(cleanOrders, cleanCustomers), report)
                .onFailure(cleanCustomers, notify)
                .create();

        assertThat(aws.calls().all()).extracting(RecordedCall::operation)
                .containsExactly("GetWorkflow", "DeleteTrigger", "CreateTrigger");
        assertThat(aws.calls().of(AwsService.GLUE, "CreateTrigger")).hasSize(1);
        WorkflowRunStatus status = glue.existingWorkflow("nightly").start().await().status();
        assertThat(node(status, "report").state()).isEqualTo(WorkflowNodeState.SUCCEEDED);
    }

    @Test
    void await_withTimeout_throwsWithTheRunAsHandleAndTheRunGoesOn() {
        aws.glueJobs().handler("report", run -> run.work(Duration.ofHours(3)));
        WorkflowRun run = glue.workflow("slow").then(WorkflowNode.job("report")).create().start();

        assertThatThrownBy(() -> run.await(Duration.ofMinutes(10)))
                .isInstanceOfSatisfying(OperationTimeoutException.class, e -> assertThat(e.handle()).isSameAs(run))
                .hasMessageContaining("slow");
        assertThat(run.status().state()).isEqualTo(WorkflowRunState.RUNNING);
        assertThat(run.await().status().state()).isEqualTo(WorkflowRunState.COMPLETED);
    }

    @Test
    void start_passesTheCostGuardAndTheLedgerGetsTheRunsActualCost() {
        Workflow workflow = nightly().create();

        WorkflowRunStatus status = workflow.start().await().status();

        io.dataplatform.cost.LedgerEntry entry = platform.costLedger().entries().stream()
                .filter(e -> e.operation().equals("Glue workflow run")).findFirst().orElseThrow();
        assertThat(entry.reference()).isEqualTo(status.runId());
        assertThat(entry.settled()).isTrue();
        assertThat(entry.actualCost()).isEqualTo(status.cost());
        // Worst case: 4 jobs of 2 x G.1X for the SDK's 60-minute default timeout, $0.88 each.
        assertThat(entry.estimatedCost()).isEqualTo(io.dataplatform.cost.Money.usd("3.52"));

        DataPlatform guarded = aws.dataPlatformBuilder().costGuard(io.dataplatform.cost.CostGuard.builder()
                .maxJobRunCost(io.dataplatform.cost.Money.usd("0.50")).build()).build();
        aws.calls().clear();
        assertThatThrownBy(() -> guarded.glue().existingWorkflow("nightly").start())
                .isInstanceOf(io.dataplatform.cost.CostLimitExceededException.class)
                .hasMessageContaining("Run of workflow 'nightly' refused")
                .hasMessageContaining("above maxJobRunCost $0.50");
        assertThat(aws.calls().of(AwsService.GLUE, "StartWorkflowRun")).isEmpty();
    }

    @Test
    void run_actionThatCannotStart_endsTheRunInErrorSayingWhy() {
        aws.glueJobs().handler("report", run -> run.work(Duration.ofHours(1)));
        glue.existingJob("report").start();                  // its one allowed concurrent run
        Workflow workflow = glue.workflow("busy").then(crawl).then(report).create();

        WorkflowRunStatus status = workflow.start().await().status();

        assertThat(status.state()).isEqualTo(WorkflowRunState.ERROR);
        assertThat(status.errorMessage()).contains("Job report could not be started")
                .contains("Concurrent runs exceeded");
        assertThat(status.statistics().errored()).isEqualTo(1);
        assertThat(node(status, "raw-crawler").state()).isEqualTo(WorkflowNodeState.SUCCEEDED);
    }

    @Test
    void stop_letsTheRunningNodeFinishAndFiresNothingMore() {
        WorkflowRun run = nightly().create().start();
        aws.clock().advance(Duration.ofSeconds(5));           // the crawl is running

        run.stop();

        WorkflowRunStatus status = run.await().status();
        assertThat(status.state()).isEqualTo(WorkflowRunState.STOPPED);
        assertThat(node(status, "raw-crawler").state()).isEqualTo(WorkflowNodeState.SUCCEEDED);
        assertThat(node(status, "clean-orders").state()).isEqualTo(WorkflowNodeState.NOT_RUN);
        assertThat(ran).isEmpty();
    }

    @Test
    void create_conditionOnANodeGivenArguments_isOneTriggerWhateverTheArguments() {
        glue.workflow("args").start(crawl).after(TriggerCondition.succeeded(crawl), report)
                .onFailure(report, notify)
                .onFailure(WorkflowNode.job("report"), WorkflowNode.job("clean-orders"))
                .create();

        List<String> triggers = aws.glue().getTriggers(r -> r.dependentJobName("clean-orders")).triggers().stream()
                .map(t -> t.name()).toList();
        assertThat(triggers).containsExactly("args-when-report-failed-or-report-timeout");
        assertThat(aws.glue().getTrigger(r -> r.name("args-when-raw-crawler-succeeded")).trigger().actions())
                .singleElement().satisfies(a -> assertThat(a.arguments()).containsEntry("--format", "html"));
    }

    @Test
    void schedule_whileTheLastRunStillRunsAtMaxConcurrentRuns_skipsThatStart() {
        aws.glueJobs().handler("report", run -> run.work(Duration.ofMinutes(7)));
        Schedule every5 = Schedule.cron("0/5 * * * ? *");
        Workflow workflow = glue.workflow("often").schedule(every5).maxConcurrentRuns(1).then(report).create();
        Instant first = every5.nextAfter(aws.clock().instant()).orElseThrow();

        aws.clock().advance(Duration.between(aws.clock().instant(), first).plusMinutes(30));

        // A run takes 7 minutes (plus 10 s of start-up): every other start finds the last run still running.
        assertThat(workflow.runs()).extracting(WorkflowRunStatus::startedOn).containsExactly(
                first.plus(Duration.ofMinutes(30)), first.plus(Duration.ofMinutes(20)),
                first.plus(Duration.ofMinutes(10)), first);
    }
}
