package io.dataplatform.testing.internal.glue;

import io.dataplatform.testing.FakeClock;
import io.dataplatform.testing.GlueJobHandler;
import io.dataplatform.testing.internal.Caller;
import io.dataplatform.testing.internal.compute.SparkJobLauncher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.s3.S3Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ETL jobs of one world's fake Glue and their runs, moved along by the world's clock. A run is
 * STARTING for {@link #STARTUP} ({@link #FLEX_STARTUP} for flex runs), then its code runs, on the
 * thread that advanced the clock; it is RUNNING for the fake time its code made pass (at least
 * {@link #MIN_RUN}), then SUCCEEDED or FAILED, or TIMEOUT once it has run for the job's timeout. A
 * FAILED attempt with retries left is followed at once by a new attempt (its Attempt one higher, its
 * PreviousRunId the failed one), as Glue does. A stopped run is STOPPING for {@link #STOPPING_TIME}.
 * Guarded by the {@link GlueWorld}'s lock, like every fake Glue operation.
 */
public final class GlueJobWorld {
    static final Duration STARTUP = Duration.ofSeconds(10);
    static final Duration FLEX_STARTUP = Duration.ofMinutes(2);
    static final Duration MIN_RUN = Duration.ofSeconds(5);
    static final Duration STOPPING_TIME = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(GlueJobWorld.class);

    private final GlueWorld glue;
    private final Function<Caller, S3Client> s3ForCaller;
    private final Map<String, JobEntry> jobs = new TreeMap<>();
    private final Map<String, GlueJobHandler> handlers = new ConcurrentHashMap<>();
    private final JobExecution execution;
    private final SparkJobLauncher launcher = SparkJobLauncher.local();
    private volatile TaskLauncher tasks = new TaskLauncher(null);
    private boolean busy;
    private long runCounter;

    GlueJobWorld(GlueWorld glue, Function<Caller, S3Client> s3ForCaller) {
        this.glue = glue;
        this.s3ForCaller = s3ForCaller;
        this.execution = new JobExecution(this);
        glue.clock().onAdvance(now -> {
            synchronized (glue) {
                tick(now);
            }
        });
    }

    /** Registers (or with null removes) the Java handler that runs in place of the job {@code jobName}'s code. */
    public void handler(String jobName, GlueJobHandler handler) {
        if (handler == null) {
            handlers.remove(jobName);
        } else {
            handlers.put(jobName, handler);
        }
    }

    /** Sets where JobTask jobs get their platform: one over this world, as the account. */
    public void taskPlatforms(java.util.function.Supplier<io.dataplatform.DataPlatform> platforms) {
        this.tasks = new TaskLauncher(platforms);
    }

    TaskLauncher tasks() {
        return tasks;
    }

    GlueJobHandler handler(String jobName) {
        return handlers.get(jobName);
    }

    SparkJobLauncher launcher() {
        return launcher;
    }

    S3Client s3As(Caller caller) {
        return s3ForCaller.apply(caller);
    }

    Map<String, JobEntry> jobs() {
        return jobs;
    }

    FakeClock clock() {
        return glue.clock();
    }

    String accountId() {
        return glue.accountId();
    }

    GlueErrors errors() {
        return glue.errors();
    }

    JobExecution execution() {
        return execution;
    }

    String nextRunId() {
        runCounter++;
        return "jr_" + String.format("%064x", runCounter);
    }

    /** Moves every run through the transitions due by {@code now}, earliest first. */
    void tick(Instant now) {
        if (busy) {
            return; // a job's own calls advanced the clock while it ran; the next tick catches up
        }
        busy = true;
        try {
            while (true) {
                RunEntry due = null;
                JobEntry dueJob = null;
                for (JobEntry job : new ArrayList<>(jobs.values())) {
                    for (RunEntry run : job.runs) {
                        Instant at = run.nextEvent();
                        if (at != null && !at.isAfter(now) && (due == null || at.isBefore(due.nextEvent()))) {
                            due = run;
                            dueJob = job;
                        }
                    }
                }
                if (due == null) {
                    return;
                }
                step(dueJob, due);
            }
        } finally {
            busy = false;
        }
    }

    private void step(JobEntry job, RunEntry run) {
        Instant at = run.nextEvent();
        run.lastModifiedOn = at;
        switch (run.state) {
            case STARTING -> execution.run(job, run, at);
            case STOPPING -> end(run, JobRunState.STOPPED, at);
            case RUNNING -> {
                end(run, run.outcome, at);
                int maxRetries = job.definition.maxRetries() == null ? 0 : job.definition.maxRetries();
                if (run.state == JobRunState.FAILED && run.attempt < maxRetries) {
                    // A retry is another attempt of the same run: it keeps the run's StartJobRun overrides.
                    RunEntry retry = JobOperations.newRun(this, job.definition.toBuilder().workerType(run.workerType)
                            .numberOfWorkers(run.workers).timeout(run.timeoutMinutes).executionClass(run.executionClass)
                            .notificationProperty(run.notification).build(), run.arguments, run.attempt + 1, run.id, at);
                    job.runs.add(0, retry);
                    LOG.debug("Glue job {} run {} failed; attempt {} is {}", run.jobName, run.id, retry.attempt, retry.id);
                }
            }
            default -> throw new IllegalStateException("no transition from " + run.state);
        }
    }

    private static void end(RunEntry run, JobRunState state, Instant at) {
        run.state = state;
        run.completedOn = at;
        run.lastModifiedOn = at;
    }
}
