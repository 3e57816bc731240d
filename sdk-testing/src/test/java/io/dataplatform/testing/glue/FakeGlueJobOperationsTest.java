package io.dataplatform.testing.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchStopJobRunResponse;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.ListJobsResponse;
import software.amazon.awssdk.services.glue.model.ValidationException;

/** The fake Glue's job operations through the raw AWS SDK client: Glue's defaults, errors and pages. */
class FakeGlueJobOperationsTest {
    private final FakeAws aws = FakeAws.create();
    private final GlueClient glue = aws.glue();

    private void createJob(String name) {
        glue.createJob(r -> r.name(name).role("etl-role")
                .command(c -> c.name("glueetl").scriptLocation("s3://code/" + name + ".py")));
    }

    @Test
    void createJob_withoutSettings_getsGluesDefaults() {
        createJob("export");

        Job job = glue.getJob(r -> r.jobName("export")).job();
        assertThat(job.glueVersion()).isEqualTo("6.0");
        assertThat(job.workerTypeAsString()).isEqualTo("G.1X");
        assertThat(job.numberOfWorkers()).isEqualTo(10);
        assertThat(job.timeout()).isEqualTo(2880);
        assertThat(job.maxRetries()).isZero();
        assertThat(job.executionProperty().maxConcurrentRuns()).isEqualTo(1);
    }

    @Test
    void errors_areGluesModelledExceptions() {
        createJob("export");

        assertThatThrownBy(() -> createJob("export")).isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> glue.getJob(r -> r.jobName("missing"))).isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.startJobRun(r -> r.jobName("missing"))).isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.createJob(r -> r.name("bad").role("r").numberOfWorkers(2)
                .command(c -> c.scriptLocation("s3://code/x.py"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Please set both Worker Type and Number of Workers.");
        assertThatThrownBy(() -> glue.createJob(r -> r.name("flex").role("r").workerType("G.4X").numberOfWorkers(2)
                .executionClass("FLEX").command(c -> c.scriptLocation("s3://code/x.py"))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void timeout_upTo7Days_isAccepted_longerIsRefused() {
        // API_CreateJob, Timeout: "Jobs must have timeout values less than 7 days or 10080 minutes".
        glue.createJob(r -> r.name("week").role("etl-role").timeout(10080)
                .command(c -> c.name("glueetl").scriptLocation("s3://code/week.py")));
        aws.glueJobs().handler("week", run -> { });

        assertThat(glue.getJob(r -> r.jobName("week")).job().timeout()).isEqualTo(10080);
        String id = glue.startJobRun(r -> r.jobName("week").timeout(5000)).jobRunId();
        assertThat(glue.getJobRun(r -> r.jobName("week").runId(id)).jobRun().timeout()).isEqualTo(5000);
        assertThatThrownBy(() -> glue.createJob(r -> r.name("long").role("etl-role").timeout(10081)
                .command(c -> c.name("glueetl").scriptLocation("s3://code/long.py"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> glue.startJobRun(r -> r.jobName("week").timeout(10081)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void errors_carryGluesMessages() {
        createJob("export");

        assertThat(message(() -> glue.getJob(r -> r.jobName("missing"))))
                .isEqualTo("Job with name: missing not found.");
        // An empty role passes the model (RoleString has no length bound) and meets Glue's own check; a missing one is
        // refused by the request validation first, as every required member is.
        assertThat(message(() -> glue.createJob(r -> r.name("no-role").role("")
                .command(c -> c.name("glueetl").scriptLocation("s3://code/x.py")))))
                .isEqualTo("Role should not be null or empty.");
        assertThat(message(() -> glue.createJob(r -> r.name("no-role")
                .command(c -> c.name("glueetl").scriptLocation("s3://code/x.py")))))
                .isEqualTo("1 validation error detected: Value null at 'role' failed to satisfy constraint: Member must not be null");
        assertThat(message(() -> glue.createJob(r -> r.name("one").role("etl-role").workerType("G.1X").numberOfWorkers(1)
                .command(c -> c.name("glueetl").scriptLocation("s3://code/x.py")))))
                .isEqualTo("To use Worker Type G.1X, minimum allowed value of Number of Workers is 2.");
        assertThat(message(() -> glue.startJobRun(r -> r.jobName("export").workerType("G.2X").numberOfWorkers(1))))
                .isEqualTo("To use Worker Type G.2X, minimum allowed value of Number of Workers is 2.");
    }

    @Test
    void pythonShellJob_withAWorkerType_isRefusedAsGlueRefusesIt() {
        glue.createJob(r -> r.name("shell").role("etl-role")
                .command(c -> c.name("pythonshell").scriptLocation("s3://code/shell.py")));

        assertThat(message(() -> glue.createJob(r -> r.name("sized").role("etl-role").workerType("G.1X").numberOfWorkers(2)
                .command(c -> c.name("pythonshell").scriptLocation("s3://code/sized.py")))))
                .isEqualTo("Worker Type is not supported for Job Command pythonshell");
        assertThat(message(() -> glue.startJobRun(r -> r.jobName("shell").workerType("G.2X").numberOfWorkers(2))))
                .isEqualTo("Worker Type is not supported for Job Command pythonshell");
        assertThat(glue.listJobs(r -> { }).jobNames()).containsExactly("shell");
    }

    @Test
    void pythonShellJob_hasNoWorkers_andRunsOnItsMaxCapacity_0_0625DpuUnlessGiven1() {
        // API_CreateJob, MaxCapacity: a pythonshell job "can allocate either 0.0625 or 1 DPU. The default is 0.0625 DPU."
        glue.createJob(r -> r.name("shell").role("etl-role")
                .command(c -> c.name("pythonshell").scriptLocation("s3://code/shell.py")));
        glue.createJob(r -> r.name("big-shell").role("etl-role").maxCapacity(1.0)
                .command(c -> c.name("pythonshell").scriptLocation("s3://code/shell.py")));
        aws.glueJobs().handler("shell", run -> run.work(Duration.ofMinutes(1)));

        Job job = glue.getJob(r -> r.jobName("shell")).job();
        assertThat(job.workerTypeAsString()).isNull();
        assertThat(job.numberOfWorkers()).isNull();
        assertThat(job.maxCapacity()).isEqualTo(0.0625);
        assertThat(glue.getJob(r -> r.jobName("big-shell")).job().maxCapacity()).isEqualTo(1.0);
        String id = glue.startJobRun(r -> r.jobName("shell").timeout(30)).jobRunId();
        aws.clock().advance(Duration.ofMinutes(2));
        JobRun run = glue.getJobRun(r -> r.jobName("shell").runId(id)).jobRun();
        assertThat(run.jobRunState()).isEqualTo(JobRunState.SUCCEEDED);
        assertThat(run.maxCapacity()).isEqualTo(0.0625);
        assertThat(run.numberOfWorkers()).isNull();
        assertThat(run.workerTypeAsString()).isNull();
        assertThatThrownBy(() -> glue.createJob(r -> r.name("huge-shell").role("etl-role").maxCapacity(2.0)
                .command(c -> c.name("pythonshell").scriptLocation("s3://code/shell.py"))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void startJobRun_beyondMaxConcurrentRuns_failsWithGluesMessage() {
        aws.glueJobs().handler("export", run -> run.work(Duration.ofMinutes(10)));
        createJob("export");
        glue.startJobRun(r -> r.jobName("export"));

        // Real Glue: "An error occurred (ConcurrentRunsExceededException) when calling the StartJobRun operation:
        // Concurrent runs exceeded for iantest06-GlueStack-687EJNLXVGOW-amc-transformation-job"
        // (aws-solutions/amazon-marketing-cloud-uploader-from-aws#51).
        assertThatThrownBy(() -> glue.startJobRun(r -> r.jobName("export")))
                .isInstanceOf(software.amazon.awssdk.services.glue.model.ConcurrentRunsExceededException.class);
        assertThat(message(() -> glue.startJobRun(r -> r.jobName("export")))).isEqualTo("Concurrent runs exceeded for export");
        assertThat(glue.getJobRuns(r -> r.jobName("export")).jobRuns()).hasSize(1);
    }

    @Test
    void modelConstraints_failWithValidationException_namingTheBoundBroken() {
        // Glue answers the service model's constraints with ValidationException (boto/boto3#3229: "ValidationException
        // ... GetTables operation: 1 validation error detected: ... Member must have length less than or equal to 255").
        createJob("export");
        String longName = "j".repeat(256);

        assertThatThrownBy(() -> createJob(longName)).isInstanceOf(ValidationException.class);
        assertThat(message(() -> createJob(longName))).isEqualTo("1 validation error detected: Value '" + longName
                + "' at 'name' failed to satisfy constraint: Member must have length less than or equal to 255");
        assertThat(message(() -> glue.getJobRuns(r -> r.jobName("export").maxResults(201)))).isEqualTo(
                "1 validation error detected: Value '201' at 'maxResults' failed to satisfy constraint: Member must have "
                        + "value less than or equal to 200");
        assertThatThrownBy(() -> glue.listJobs(r -> r.maxResults(0))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Member must have value greater than or equal to 1");
        assertThatThrownBy(() -> glue.createWorkflow(r -> r.name(""))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Member must have length greater than or equal to 1");
        assertThatThrownBy(() -> glue.createCrawler(r -> r.name(longName).role("r")
                .targets(t -> t.s3Targets(s3 -> s3.path("s3://lake/raw/"))))).isInstanceOf(ValidationException.class);
    }

    private static String message(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(software.amazon.awssdk.services.glue.model.GlueException.class);
        return ((software.amazon.awssdk.awscore.exception.AwsServiceException) thrown).awsErrorDetails().errorMessage();
    }

    @Test
    void listJobs_pagesWithNextToken() {
        for (String name : List.of("c", "a", "b")) {
            createJob(name);
        }
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListJobsResponse response = glue.listJobs(r -> r.maxResults(2).nextToken(page));
            names.addAll(response.jobNames());
            token = response.nextToken();
        } while (token != null);

        assertThat(names).containsExactly("a", "b", "c");
        assertThat(glue.getJobs(r -> r.maxResults(1)).nextToken()).isNotNull();
    }

    @Test
    void jobRuns_moveThroughGluesStatesOnTheFakeClock() {
        aws.glueJobs().handler("export", run -> run.work(Duration.ofMinutes(1)));
        createJob("export");
        String id = glue.startJobRun(r -> r.jobName("export")).jobRunId();

        assertThat(state(id)).isEqualTo(JobRunState.STARTING);
        aws.clock().advance(Duration.ofSeconds(10));
        assertThat(state(id)).isEqualTo(JobRunState.RUNNING);
        aws.clock().advance(Duration.ofMinutes(1));
        JobRun run = glue.getJobRun(r -> r.jobName("export").runId(id)).jobRun();
        assertThat(run.jobRunState()).isEqualTo(JobRunState.SUCCEEDED);
        assertThat(run.executionTime()).isEqualTo(60);
        assertThat(run.completedOn()).isEqualTo(run.startedOn().plusSeconds(70));
        assertThat(run.dpuSeconds()).isNull(); // reported for flex runs only
    }

    @Test
    void batchStopJobRun_reportsRunsItCannotStop() {
        aws.glueJobs().handler("export", run -> run.work(Duration.ofMinutes(10)));
        createJob("export");
        String id = glue.startJobRun(r -> r.jobName("export")).jobRunId();

        BatchStopJobRunResponse response = glue.batchStopJobRun(r -> r.jobName("export").jobRunIds(id, "jr_missing"));

        assertThat(response.successfulSubmissions()).hasSize(1);
        assertThat(response.errors()).singleElement()
                .satisfies(e -> assertThat(e.errorDetail().errorCode()).isEqualTo("EntityNotFoundException"));
        assertThat(state(id)).isEqualTo(JobRunState.STOPPING);
        aws.clock().advance(Duration.ofSeconds(5));
        assertThat(state(id)).isEqualTo(JobRunState.STOPPED);
    }

    private JobRunState state(String id) {
        return glue.getJobRun(r -> r.jobName("export").runId(id)).jobRun().jobRunState();
    }
}
