package io.dataplatform.testing.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dataplatform.DataPlatform;
import io.dataplatform.OperationTimeoutException;
import io.dataplatform.ResourceConflictException;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.CostLimit;
import io.dataplatform.cost.CostLimitExceededException;
import io.dataplatform.cost.LedgerEntry;
import io.dataplatform.cost.Money;
import io.dataplatform.glue.Job;
import io.dataplatform.glue.JobBuilder;
import io.dataplatform.glue.JobInfo;
import io.dataplatform.glue.JobRun;
import io.dataplatform.glue.JobRunFailedException;
import io.dataplatform.glue.JobRunState;
import io.dataplatform.glue.JobRunStatus;
import io.dataplatform.glue.WorkerType;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.ConcurrentRunsExceededException;
import software.amazon.awssdk.services.glue.model.GlueException;

/** Acceptance 2 of issue 10: Glue jobs through DataPlatform on FakeAws, run by Java handlers. */
class GlueJobTest {
    private static final String SCRIPT = "s3://acme-code/jobs/export.py";

    private final FakeAws aws = FakeAws.create();
    private final DataPlatform platform = aws.dataPlatform();

    private JobBuilder job(String name) {
        return platform.glue().job(name).pythonScript(SCRIPT).role("AWSGlueServiceRole-etl");
    }

    @Test
    void start_jobFailingTwice_succeedsOnItsThirdAttemptAndTheRunsShowTheAttempts() {
        aws.glueJobs().handler("export", run -> {
            run.work(Duration.ofMinutes(2));
            if (run.attempt() < 2) {
                throw new IllegalStateException("upstream not ready on attempt " + run.attempt());
            }
        });
        Job job = job("export").maxRetries(2).create();
        List<String> seen = new ArrayList<>();

        JobRun run = job.start("--date", "2024-01-31")
                .onProgress(s -> seen.add(s.attempt() + ":" + s.state()))
                .await();

        assertThat(run.attempt()).isEqualTo(2);
        assertThat(run.attempts()).extracting(JobRunStatus::state)
                .containsExactly(JobRunState.FAILED, JobRunState.FAILED, JobRunState.SUCCEEDED);
        assertThat(seen).contains("0:FAILED", "1:FAILED", "2:SUCCEEDED");
        List<JobRunStatus> runs = job.runs();
        assertThat(runs).extracting(JobRunStatus::attempt).containsExactly(2, 1, 0);
        assertThat(runs.get(0).previousRunId()).isEqualTo(runs.get(1).runId());
        assertThat(runs.get(1).previousRunId()).isEqualTo(run.id());
        assertThat(runs.get(2).errorMessage()).isEqualTo("IllegalStateException: upstream not ready on attempt 0");
        // Each attempt ran 2 minutes on 2 x G.1X: 240 DPU-seconds, $0.44 per DPU-hour.
        assertThat(runs).allSatisfy(r -> assertThat(r.dpuSeconds()).isEqualTo(240.0));
        assertThat(run.dpuSeconds()).isEqualTo(720.0);
        assertThat(run.cost().amount().doubleValue()).isCloseTo(0.088, within(1e-12));
    }

    @Test
    void await_jobFailingOnEveryAttempt_throwsWithTheLastAttemptsError() {
        aws.glueJobs().handler("export", run -> {
            throw new IllegalStateException("bad input on attempt " + run.attempt());
        });
        Job job = job("export").maxRetries(1).create();

        assertThatThrownBy(() -> job.start().await())
                .isInstanceOf(JobRunFailedException.class)
                .hasMessageEndingWith("ended FAILED on attempt 1 of 2: IllegalStateException: bad input on attempt 1");
    }

    @Test
    void await_jobRunningPastItsTimeout_endsAsTimeoutAfterTheTimeoutOfFakeTime() {
        aws.glueJobs().handler("export", run -> run.work(Duration.ofHours(3)));
        Job job = job("export").timeout(Duration.ofMinutes(30)).maxRetries(2).create();

        JobRun run = job.start();
        assertThatThrownBy(run::await)
                .isInstanceOf(JobRunFailedException.class)
                .hasMessageContaining("ended TIMEOUT on attempt 0 of 3");
        JobRunStatus status = run.status();
        assertThat(status.state()).isEqualTo(JobRunState.TIMEOUT);
        assertThat(status.executionTime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(job.runs()).hasSize(1); // a timeout is not retried
    }

    @Test
    void newJob_defaultsToSixtyMinutesOnTwoG1xWorkersOfTheNewestGlue() {
        JobInfo info = job("export").create().info();

        assertThat(info.timeout()).isEqualTo(Duration.ofMinutes(60));
        assertThat(info.workers()).isEqualTo(2);
        assertThat(info.workerType()).isEqualTo(WorkerType.G_1X);
        assertThat(info.glueVersion()).isEqualTo(JobBuilder.DEFAULT_GLUE_VERSION);
        assertThat(info.maxConcurrentRuns()).isEqualTo(1);
    }

    @Test
    void await_withShorterTimeout_throwsOperationTimeoutHandingBackTheRun() {
        aws.glueJobs().handler("export", run -> run.work(Duration.ofMinutes(20)));
        JobRun run = job("export").create().start();

        assertThatThrownBy(() -> run.await(Duration.ofMinutes(5)))
                .isInstanceOfSatisfying(OperationTimeoutException.class,
                        e -> assertThat(e.handle(JobRun.class)).isSameAs(run))
                .hasMessageContaining("did not end within PT5M: last state RUNNING (attempt 0)");
        assertThat(run.await().status().state()).isEqualTo(JobRunState.SUCCEEDED);
    }

    @Test
    void start_beyondMaxConcurrentRuns_isRefusedWithGluesError() {
        aws.glueJobs().handler("export", run -> run.work(Duration.ofMinutes(10)));
        Job job = job("export").maxConcurrentRuns(2).create();
        job.start();
        job.start();

        assertThatThrownBy(job::start)
                .isInstanceOf(ResourceConflictException.class)
                .hasCauseInstanceOf(ConcurrentRunsExceededException.class)
                .hasMessageContaining("Concurrent runs exceeded for export");
        aws.clock().advance(Duration.ofMinutes(15));
        assertThat(job.start().await().status().state()).isEqualTo(JobRunState.SUCCEEDED);
    }

    @Test
    void start_overMaxJobRunCost_isRefusedBeforeAnyCall() {
        DataPlatform guarded = aws.dataPlatformBuilder()
                .costGuard(CostGuard.builder().maxJobRunCost(Money.usd(1)).build()).build();
        aws.glueJobs().handler("big", run -> { });
        Job job = guarded.glue().job("big").pythonScript(SCRIPT).role("AWSGlueServiceRole-etl")
                .workers(10, WorkerType.G_2X).timeout(Duration.ofHours(2)).create();
        aws.calls().clear();

        assertThatThrownBy(job::start)
                .isInstanceOfSatisfying(CostLimitExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(CostLimit.MAX_JOB_RUN_COST))
                .hasMessage("Glue job run of 'big' refused: its worst case is $17.60 (10 x G.2X = 20 DPUs for the"
                        + " 120-minute timeout at $0.44 per DPU-hour), above maxJobRunCost $1.00. Lower the workers or"
                        + " the timeout, or raise the limit with CostGuard.builder().maxJobRunCost(..); nothing was started.");
        assertThat(aws.calls().all()).isEmpty();
        assertThat(guarded.costLedger().entries()).isEmpty();
    }

    @Test
    void await_recordsTheRunsActualCostFromItsDpuSecondsInTheLedger() {
        aws.glueJobs().handler("export", run -> run.work(Duration.ofSeconds(20)));
        JobRun run = job("export").create().start().await();

        LedgerEntry entry = platform.costLedger().entries().get(0);
        assertThat(entry.operation()).isEqualTo("Glue job run");
        assertThat(entry.reference()).isEqualTo(run.id());
        // Worst case: 2 DPUs for 60 minutes; actual: 20 s billed as the 1-minute minimum on 2 DPUs.
        assertThat(entry.estimatedCost()).isEqualTo(Money.usd("0.88"));
        assertThat(entry.settled()).isTrue();
        assertThat(entry.actualCost().amount().doubleValue()).isCloseTo(0.44 * 2 / 60, within(1e-12));
        assertThat(run.status().executionTime()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void create_sameDefinitionTwice_changesNothingTheSecondTime() {
        job("export").maxRetries(1).defaultArgument("date", "2024-01-31").create();
        aws.calls().clear();

        job("export").maxRetries(1).defaultArgument("date", "2024-01-31").create();

        assertThat(aws.calls().operations(AwsService.GLUE)).containsExactly("GetJob");
    }

    @Test
    void create_changedDefinition_updatesTheJobOnce() {
        job("export").maxRetries(1).create();
        aws.calls().clear();

        Job job = job("export").maxRetries(3).create();

        assertThat(aws.calls().operations(AwsService.GLUE)).containsExactly("GetJob", "UpdateJob");
        assertThat(job.info().maxRetries()).isEqualTo(3);
    }

    @Test
    void start_pythonJobWithoutHandler_isRefusedNamingTheJob() {
        Job job = job("export").create();

        assertThatThrownBy(job::start)
                .hasRootCauseInstanceOf(GlueException.class)
                .hasMessageContaining("The fake Glue cannot run the Python job 'export' (script " + SCRIPT
                        + "): register a Java handler for it in the test: aws.glueJobs().handler(\"export\", run -> ...)");
    }

    @Test
    void handler_seesDefaultArgumentsOverriddenByTheRunsArguments() {
        List<Map<String, String>> seen = new ArrayList<>();
        aws.glueJobs().handler("export", run -> seen.add(run.arguments()));
        Job job = job("export").defaultArgument("date", "2024-01-01").defaultArgument("mode", "full").create();

        job.start(Map.of("date", "2024-01-31")).await();

        assertThat(seen.get(0)).containsEntry("date", "2024-01-31").containsEntry("mode", "full")
                .containsEntry("JOB_NAME", "export");
    }

    @Test
    void stop_runningRun_endsStopped() {
        aws.glueJobs().handler("export", run -> run.work(Duration.ofMinutes(30)));
        JobRun run = job("export").create().start();
        aws.clock().advance(Duration.ofMinutes(1));

        run.stop();

        assertThat(run.await().status().state()).isEqualTo(JobRunState.STOPPED);
    }

    @Test
    void jobNames_andDelete() {
        job("a-job").create();
        job("b-job").create();

        assertThat(platform.glue().jobNames()).containsExactly("a-job", "b-job");
        platform.glue().existingJob("a-job").delete();
        assertThat(platform.glue().existingJob("a-job").exists()).isFalse();
        assertThat(platform.glue().jobNames()).containsExactly("b-job");
    }

    @Test
    void builder_refusesBadSettingsNamingTheFieldAndTheRule() {
        assertThatThrownBy(() -> job("x").workers(1, WorkerType.G_1X))
                .hasMessage("workers must be >= 2 for a Glue Spark job, but was 1");
        assertThatThrownBy(() -> job("x").timeout(Duration.ofSeconds(90)))
                .hasMessage("timeout must be whole minutes from 1 minute to 7 days (Glue's Timeout is in minutes, at most"
                        + " 10080), but was PT1M30S");
        assertThatThrownBy(() -> job("x").timeout(Duration.ofMinutes(10_081)))
                .hasMessageStartingWith("timeout must be whole minutes from 1 minute to 7 days");
        job("x").timeout(Duration.ofDays(7)); // Glue's limit, accepted
        assertThatThrownBy(() -> job("x").maxRetries(11)).hasMessage("maxRetries must be 0-10, but was 11");
        assertThatThrownBy(() -> job("x").workers(2, WorkerType.G_4X)
                .executionClass(io.dataplatform.glue.ExecutionClass.FLEX).create())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Job 'x' cannot use FLEX execution on G.4X workers: Glue runs flex jobs on G.1X and G.2X only");
        assertThatThrownBy(() -> platform.glue().job("x").role("r").create())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Job 'x' has no code: call sparkJob(SomeJob.class), task(SomeTask.class) or"
                        + " pythonScript(\"s3://bucket/script.py\")"
                        + " on glue().job(\"x\")");
        assertThat(aws.calls().all()).isEmpty();
    }

    @Test
    void flexRun_isEstimatedAndBilledAtTheFlexPrice() {
        aws.glueJobs().handler("export", run -> run.work(Duration.ofMinutes(30)));
        JobRun run = job("export").executionClass(io.dataplatform.glue.ExecutionClass.FLEX).create().start().await();

        LedgerEntry entry = platform.costLedger().entries().get(0);
        assertThat(entry.estimatedCost()).isEqualTo(Money.usd("0.58"));
        assertThat(run.status().dpuSeconds()).isEqualTo(3600.0);
        assertThat(entry.actualCost().amount().doubleValue()).isCloseTo(0.29, within(1e-9));
    }

    @Test
    void await_failedAttemptWhoseRetryNeverComes_endsAfterAGracePeriod() {
        aws.glueJobs().handler("export", run -> {
            throw new IllegalStateException("boom");
        });
        JobRun run = job("export").maxRetries(2).create().start();
        job("export").maxRetries(0).create();   // Glue now retries nothing
        java.time.Instant before = aws.clock().instant();

        assertThatThrownBy(run::await).isInstanceOf(JobRunFailedException.class)
                .hasMessageContaining("ended FAILED on attempt 0 of 3");
        assertThat(Duration.between(before, aws.clock().instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
        assertThat(run.attempts()).hasSize(1);
    }
}
