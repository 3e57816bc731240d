package io.dataplatform.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.glue.ExecutionClass;
import io.dataplatform.glue.GlueCatalog;
import io.dataplatform.glue.Job;
import io.dataplatform.glue.JobBuilder;
import io.dataplatform.glue.JobInfo;
import io.dataplatform.glue.JobRun;
import io.dataplatform.glue.JobRunFailedException;
import io.dataplatform.glue.JobRunState;
import io.dataplatform.glue.JobRunStatus;
import io.dataplatform.glue.WorkerType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Glue job behaviour of the SDK, written once: {@link FakeGlueJobContractTest} runs it on FakeAws in
 * every build, {@link AwsGlueJobContractIT} against real Glue with {@code -Paws}. Jobs are Python script
 * jobs: the implementation supplies one that succeeds or fails ({@link #runnableJob}).
 */
abstract class GlueJobContractTests {
    protected DataPlatform platform;
    protected GlueCatalog glue;
    private final List<String> created = new ArrayList<>();

    /** Returns the platform under test. */
    protected abstract DataPlatform createPlatform();

    /** Returns a job name no other test uses. */
    protected abstract String jobName(String base);

    /** Returns the role jobs run as. */
    protected abstract String role();

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
        created.forEach(name -> glue.existingJob(name).delete());
        platform.close();
    }

    private String name(String base) {
        String name = jobName(base);
        created.add(name);
        return name;
    }

    @Test
    void create_thenInfo_showsTheDefinitionWithTheSdksDefaults() {
        String name = name("contract-defaults");
        JobInfo info = runnableJob(name, false).description("contract test").create().info();

        assertThat(info.name()).isEqualTo(name);
        assertThat(info.command()).isEqualTo("glueetl");
        assertThat(info.glueVersion()).isEqualTo(JobBuilder.DEFAULT_GLUE_VERSION);
        assertThat(info.workerType()).isEqualTo(WorkerType.G_1X);
        assertThat(info.workers()).isEqualTo(2);
        assertThat(info.timeout()).isEqualTo(Duration.ofMinutes(60));
        assertThat(info.maxRetries()).isZero();
        assertThat(info.maxConcurrentRuns()).isEqualTo(1);
        assertThat(info.executionClass()).isEqualTo(ExecutionClass.STANDARD);
        assertThat(info.description()).isEqualTo("contract test");
        assertThat(info.defaultArguments()).containsEntry("--job-language", "python");
    }

    @Test
    void create_sameDefinitionAgain_leavesTheJobAsItWas() {
        String name = name("contract-idempotent");
        JobInfo first = runnableJob(name, false).maxRetries(1).create().info();

        JobInfo second = runnableJob(name, false).maxRetries(1).create().info();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void create_changedDefinition_updatesTheJob() {
        String name = name("contract-update");
        runnableJob(name, false).create();

        JobInfo info = runnableJob(name, false).workers(3, WorkerType.G_2X).timeout(Duration.ofMinutes(15))
                .maxConcurrentRuns(2).defaultArgument("date", "2024-01-31").create().info();

        assertThat(info.workerType()).isEqualTo(WorkerType.G_2X);
        assertThat(info.workers()).isEqualTo(3);
        assertThat(info.timeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(info.maxConcurrentRuns()).isEqualTo(2);
        assertThat(info.defaultArguments()).containsEntry("--date", "2024-01-31");
    }

    @Test
    void delete_removesTheJob_andDeletingAMissingJobSucceeds() {
        String name = name("contract-delete");
        Job job = runnableJob(name, false).create();
        assertThat(glue.jobNames()).contains(name);

        job.delete();
        job.delete();

        assertThat(job.exists()).isFalse();
        assertThat(glue.jobNames()).doesNotContain(name);
    }

    @Test
    void missingJob_infoAndStart_failWithNotFound() {
        Job missing = glue.existingJob(jobName("contract-missing"));

        assertThatThrownBy(missing::info).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(missing::start).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void run_succeeds_andIsInTheRunHistoryWithItsExecutionTime() {
        Job job = runnableJob(name("contract-run"), false).create();

        JobRun run = job.start("--date", "2024-01-31").await();

        JobRunStatus status = run.status();
        assertThat(status.state()).isEqualTo(JobRunState.SUCCEEDED);
        assertThat(status.attempt()).isZero();
        assertThat(status.executionTime()).isPositive();
        assertThat(status.dpuSeconds()).isPositive();
        assertThat(status.completed()).isPresent();
        assertThat(job.runs()).extracting(JobRunStatus::runId).contains(run.id());
        assertThat(job.run(run.id())).contains(status);
    }

    @Test
    void run_failingWithARetry_endsFailedOnItsSecondAttempt() {
        Job job = runnableJob(name("contract-retry"), true).maxRetries(1).create();

        JobRun run = job.start();

        assertThatThrownBy(run::await).isInstanceOf(JobRunFailedException.class).hasMessageContaining("boom");
        assertThat(run.attempts()).extracting(JobRunStatus::attempt).containsExactly(0, 1);
        assertThat(run.attempts().get(1).previousRunId()).isEqualTo(run.id());
        assertThat(run.attempts()).allSatisfy(a -> assertThat(a.state()).isEqualTo(JobRunState.FAILED));
    }
}
