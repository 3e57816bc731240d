package io.dataplatform.testing.glue;

import static io.dataplatform.testing.NotImplementedAssertions.assertNotImplemented;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.Predecessor;
import software.amazon.awssdk.services.glue.model.TriggerType;

/**
 * Request members of the fake Glue's job operations: StartJobRun's per-run overrides are honoured, settings
 * that change no run are kept for GetJob, and those the fake does not model are refused with 501.
 */
class FakeGlueJobRequestMembersTest {
    private final FakeAws aws = FakeAws.create();
    private final GlueClient glue = aws.glue();

    private void createJob(String name) {
        glue.createJob(r -> r.name(name).role("etl-role")
                .command(c -> c.name("glueetl").scriptLocation("s3://code/" + name + ".py")));
    }

    @Test
    void startJobRun_workerTypeWorkersTimeoutAndExecutionClass_overrideTheJobsForThatRunOnly() {
        aws.glueJobs().handler("export", run -> run.work(Duration.ofMinutes(40)));
        createJob("export");

        String id = glue.startJobRun(r -> r.jobName("export").workerType("G.2X").numberOfWorkers(4).timeout(30)
                .executionClass("FLEX")).jobRunId();

        JobRun run = glue.getJobRun(r -> r.jobName("export").runId(id)).jobRun();
        assertThat(run.workerTypeAsString()).isEqualTo("G.2X");
        assertThat(run.numberOfWorkers()).isEqualTo(4);
        assertThat(run.maxCapacity()).isEqualTo(8.0);
        assertThat(run.timeout()).isEqualTo(30);
        assertThat(run.executionClassAsString()).isEqualTo("FLEX");
        aws.clock().advance(Duration.ofHours(1));
        assertThat(glue.getJobRun(r -> r.jobName("export").runId(id)).jobRun().jobRunState())
                .as("the run's 30-minute timeout, not the job's 2,880").isEqualTo(JobRunState.TIMEOUT);
        Job job = glue.getJob(r -> r.jobName("export")).job();
        assertThat(job.workerTypeAsString()).isEqualTo("G.1X");
        assertThat(job.timeout()).isEqualTo(2880);
    }

    @Test
    void startJobRun_overrides_holdForTheRunsRetriesToo() {
        aws.glueJobs().handler("export", run -> {
            if (run.attempt() == 0) {
                throw new IllegalStateException("upstream not ready");
            }
        });
        glue.createJob(r -> r.name("export").role("etl-role").maxRetries(1)
                .command(c -> c.name("glueetl").scriptLocation("s3://code/export.py")));

        glue.startJobRun(r -> r.jobName("export").workerType("G.2X").numberOfWorkers(3).timeout(15));
        aws.clock().advance(Duration.ofMinutes(5));

        List<JobRun> runs = glue.getJobRuns(r -> r.jobName("export")).jobRuns();
        assertThat(runs).extracting(JobRun::attempt).containsExactly(1, 0);
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.workerTypeAsString()).isEqualTo("G.2X");
            assertThat(run.numberOfWorkers()).isEqualTo(3);
            assertThat(run.timeout()).isEqualTo(15);
        });
    }

    @Test
    void getJobRun_predecessorsIncluded_listsTheRunsWhoseOutcomeFiredTheTrigger() {
        for (String name : List.of("extract", "load")) {
            aws.glueJobs().handler(name, run -> run.work(Duration.ofMinutes(2)));
            createJob(name);
        }
        glue.createWorkflow(r -> r.name("etl"));
        glue.createTrigger(r -> r.name("start").workflowName("etl").type(TriggerType.ON_DEMAND)
                .actions(a -> a.jobName("extract")));
        glue.createTrigger(r -> r.name("then-load").workflowName("etl").type(TriggerType.CONDITIONAL).startOnCreation(true)
                .predicate(p -> p.conditions(c -> c.jobName("extract").state(JobRunState.SUCCEEDED)))
                .actions(a -> a.jobName("load")));
        glue.startWorkflowRun(r -> r.name("etl"));
        aws.clock().advance(Duration.ofMinutes(10));
        String extract = glue.getJobRuns(r -> r.jobName("extract")).jobRuns().get(0).id();
        String load = glue.getJobRuns(r -> r.jobName("load")).jobRuns().get(0).id();

        JobRun withPredecessors = glue.getJobRun(r -> r.jobName("load").runId(load).predecessorsIncluded(true)).jobRun();
        JobRun without = glue.getJobRun(r -> r.jobName("load").runId(load)).jobRun();

        assertThat(withPredecessors.predecessorRuns())
                .containsExactly(Predecessor.builder().jobName("extract").runId(extract).build());
        assertThat(without.hasPredecessorRuns()).isFalse();
        assertThat(glue.getJobRun(r -> r.jobName("extract").runId(extract).predecessorsIncluded(true)).jobRun()
                .predecessorRuns()).as("started by the on-demand trigger").isEmpty();
    }

    @Test
    void startJobRun_notificationProperty_isTheRunsElseTheJobs() {
        aws.glueJobs().handler("export", run -> run.work(Duration.ofMinutes(1)));
        glue.createJob(r -> r.name("export").role("etl-role").notificationProperty(n -> n.notifyDelayAfter(30))
                .executionProperty(e -> e.maxConcurrentRuns(2))
                .command(c -> c.name("glueetl").scriptLocation("s3://code/export.py")));

        String own = glue.startJobRun(r -> r.jobName("export").notificationProperty(n -> n.notifyDelayAfter(5))).jobRunId();
        String inherited = glue.startJobRun(r -> r.jobName("export")).jobRunId();

        assertThat(glue.getJobRun(r -> r.jobName("export").runId(own)).jobRun().notificationProperty().notifyDelayAfter())
                .isEqualTo(5);
        assertThat(glue.getJobRun(r -> r.jobName("export").runId(inherited)).jobRun().notificationProperty()
                .notifyDelayAfter()).isEqualTo(30);
    }

    @Test
    void startJobRun_invalidOverride_failsWithInvalidInput() {
        createJob("export");

        assertThatThrownBy(() -> glue.startJobRun(r -> r.jobName("export").timeout(20000)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Timeout must be between 1 and 10080 minutes, but was 20000"));
    }

    @Test
    void startJobRun_unmodelledSettings_areRefused_andStartNoRun() {
        createJob("export");

        assertNotImplemented(GlueException.class, () -> glue.startJobRun(r -> r.jobName("export").maxCapacity(2.0)),
                "StartJobRun with MaxCapacity (capacity in DPUs; the fake sizes runs by WorkerType and NumberOfWorkers) "
                        + "is not supported by the fake Glue");
        assertNotImplemented(GlueException.class, () -> glue.startJobRun(r -> r.jobName("export").jobRunQueuingEnabled(true)),
                "StartJobRun with JobRunQueuingEnabled is not supported by the fake Glue");
        assertNotImplemented(GlueException.class, () -> glue.startJobRun(r -> r.jobName("export").securityConfiguration("kms")),
                "StartJobRun with SecurityConfiguration is not supported by the fake Glue");
        assertThat(glue.getJobRuns(r -> r.jobName("export")).jobRuns()).isEmpty();
    }

    @Test
    void createJob_unmodelledSettings_areRefused() {
        assertNotImplemented(GlueException.class, () -> glue.createJob(r -> r.name("x").role("r").nonOverridableArguments(Map.of("--a", "1"))
                        .command(c -> c.scriptLocation("s3://code/x.py"))),
                "CreateJob with NonOverridableArguments is not supported by the fake Glue");
        assertNotImplemented(GlueException.class, () -> glue.createJob(r -> r.name("x").role("r").maxCapacity(10.0)
                        .command(c -> c.name("glueetl").scriptLocation("s3://code/x.py"))),
                "CreateJob with MaxCapacity (capacity in DPUs; the fake sizes runs by WorkerType and NumberOfWorkers) "
                        + "is not supported by the fake Glue");
        assertThat(glue.getJobs(r -> r.maxResults(10)).jobs()).isEmpty();
    }

    @Test
    void createJob_thenUpdateJob_keepTheSettingsThatChangeNoRun() {
        glue.createJob(r -> r.name("export").role("etl-role").logUri("s3://logs/export/").jobMode("SCRIPT")
                .connections(c -> c.connections("vpc")).notificationProperty(n -> n.notifyDelayAfter(10))
                .command(c -> c.scriptLocation("s3://code/export.py")));

        Job job = glue.getJob(r -> r.jobName("export")).job();
        assertThat(job.logUri()).isEqualTo("s3://logs/export/");
        assertThat(job.jobModeAsString()).isEqualTo("SCRIPT");
        assertThat(job.connections().connections()).containsExactly("vpc");
        assertThat(job.notificationProperty().notifyDelayAfter()).isEqualTo(10);

        glue.updateJob(r -> r.jobName("export").jobUpdate(u -> u.role("etl-role")
                .command(c -> c.scriptLocation("s3://code/export.py"))));
        assertThat(glue.getJob(r -> r.jobName("export")).job().logUri()).as("UpdateJob replaces the definition").isNull();
    }
}
