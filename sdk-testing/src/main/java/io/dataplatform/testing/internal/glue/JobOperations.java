package io.dataplatform.testing.internal.glue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.BatchStopJobRunError;
import software.amazon.awssdk.services.glue.model.BatchStopJobRunRequest;
import software.amazon.awssdk.services.glue.model.BatchStopJobRunResponse;
import software.amazon.awssdk.services.glue.model.BatchStopJobRunSuccessfulSubmission;
import software.amazon.awssdk.services.glue.model.ConnectionsList;
import software.amazon.awssdk.services.glue.model.CreateJobRequest;
import software.amazon.awssdk.services.glue.model.CreateJobResponse;
import software.amazon.awssdk.services.glue.model.DeleteJobRequest;
import software.amazon.awssdk.services.glue.model.DeleteJobResponse;
import software.amazon.awssdk.services.glue.model.ErrorDetail;
import software.amazon.awssdk.services.glue.model.ExecutionProperty;
import software.amazon.awssdk.services.glue.model.GetJobRequest;
import software.amazon.awssdk.services.glue.model.GetJobResponse;
import software.amazon.awssdk.services.glue.model.GetJobRunRequest;
import software.amazon.awssdk.services.glue.model.GetJobRunResponse;
import software.amazon.awssdk.services.glue.model.GetJobRunsRequest;
import software.amazon.awssdk.services.glue.model.GetJobRunsResponse;
import software.amazon.awssdk.services.glue.model.GetJobsRequest;
import software.amazon.awssdk.services.glue.model.GetJobsResponse;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.JobCommand;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.JobUpdate;
import software.amazon.awssdk.services.glue.model.ListJobsRequest;
import software.amazon.awssdk.services.glue.model.NotificationProperty;
import software.amazon.awssdk.services.glue.model.SourceControlDetails;
import software.amazon.awssdk.services.glue.model.ListJobsResponse;
import software.amazon.awssdk.services.glue.model.StartJobRunRequest;
import software.amazon.awssdk.services.glue.model.StartJobRunResponse;
import software.amazon.awssdk.services.glue.model.UpdateJobRequest;
import software.amazon.awssdk.services.glue.model.UpdateJobResponse;

/**
 * The ETL job operations of the fake Glue. Callers hold the world's lock. Defaults are Glue's: a job
 * created without them gets Glue {@value #DEFAULT_VERSION}, 10 G.1X workers (a pythonshell job: no workers,
 * MaxCapacity 0.0625 DPU), a 2,880-minute (48-hour) timeout, no retries and one concurrent run; UpdateJob
 * replaces the whole definition, resetting
 * what its JobUpdate leaves out (Glue's UpdateJob reference).
 */
final class JobOperations {
    static final String DEFAULT_VERSION = "6.0";
    private static final int DEFAULT_WORKERS = 10;
    private static final int DEFAULT_TIMEOUT_MINUTES = 2880;
    /** 2,880 is only the default: "Jobs must have timeout values less than 7 days or 10080 minutes" (API_CreateJob). */
    private static final int MAX_TIMEOUT_MINUTES = 10080;
    private static final int MAX_PAGE = 1000;
    private static final int MAX_RUNS_PAGE = 200;

    private final GlueJobWorld world;
    private final GlueErrors errors;

    JobOperations(GlueJobWorld world) {
        this.world = world;
        this.errors = world.errors();
    }

    CreateJobResponse createJob(CreateJobRequest r) {
        checkName(r.name());
        if (world.jobs().containsKey(r.name())) {
            throw errors.alreadyExists("Job with name " + r.name() + " already exists");
        }
        refuseUnmodelled("CreateJob", r.jobRunQueuingEnabled(), r.nonOverridableArguments(), r.allocatedCapacity(),
                pythonShell(r.command()) ? null : r.maxCapacity(), r.securityConfiguration(), r.hasCodeGenConfigurationNodes() ? r.codeGenConfigurationNodes() : null);
        GlueTags.check(r.tags(), errors);
        Job job = define(r.name(), r.role(), r.command(), r.defaultArguments(), r.glueVersion(), r.workerTypeAsString(),
                r.numberOfWorkers(), r.maxCapacity(), r.timeout(), r.maxRetries(), r.executionProperty(), r.executionClassAsString(),
                r.description(), world.clock().instant());
        job = stored(job, r.jobModeAsString(), r.logUri(), r.connections(), r.notificationProperty(), r.sourceControlDetails(),
                r.maintenanceWindow());
        world.jobs().put(r.name(), new JobEntry(job, r.tags() == null ? Map.of() : Map.copyOf(r.tags())));
        return CreateJobResponse.builder().name(r.name()).build();
    }

    GetJobResponse getJob(GetJobRequest r) {
        return GetJobResponse.builder().job(job(r.jobName()).definition).build();
    }

    GetJobsResponse getJobs(GetJobsRequest r) {
        errors.checkMaxResults(r.maxResults(), MAX_PAGE);
        List<Job> all = world.jobs().values().stream().map(j -> j.definition).toList();
        Paging.Page<Job> page = Paging.pageByKey(all, Job::name, r.nextToken(), r.maxResults(), MAX_PAGE, errors);
        return GetJobsResponse.builder().jobs(page.items()).nextToken(page.nextToken()).build();
    }

    ListJobsResponse listJobs(ListJobsRequest r) {
        errors.checkMaxResults(r.maxResults(), MAX_PAGE);
        List<String> names = new ArrayList<>();
        world.jobs().forEach((name, job) -> {
            if (r.tags() == null || r.tags().isEmpty() || job.tags.entrySet().containsAll(r.tags().entrySet())) {
                names.add(name);
            }
        });
        Paging.Page<String> page = Paging.pageByKey(names, n -> n, r.nextToken(), r.maxResults(), MAX_PAGE, errors);
        return ListJobsResponse.builder().jobNames(page.items()).nextToken(page.nextToken()).build();
    }

    UpdateJobResponse updateJob(UpdateJobRequest r) {
        JobEntry entry = job(r.jobName());
        JobUpdate u = r.jobUpdate();
        if (u == null) {
            throw errors.invalid("JobUpdate is required");
        }
        refuseUnmodelled("UpdateJob", u.jobRunQueuingEnabled(), u.nonOverridableArguments(), u.allocatedCapacity(),
                pythonShell(u.command()) ? null : u.maxCapacity(), u.securityConfiguration(), u.hasCodeGenConfigurationNodes() ? u.codeGenConfigurationNodes() : null);
        entry.definition = stored(define(r.jobName(), u.role(), u.command(), u.defaultArguments(), u.glueVersion(),
                u.workerTypeAsString(), u.numberOfWorkers(), u.maxCapacity(), u.timeout(), u.maxRetries(), u.executionProperty(),
                u.executionClassAsString(), u.description(), entry.definition.createdOn()), u.jobModeAsString(), u.logUri(),
                u.connections(), u.notificationProperty(), u.sourceControlDetails(), u.maintenanceWindow());
        return UpdateJobResponse.builder().jobName(r.jobName()).build();
    }

    DeleteJobResponse deleteJob(DeleteJobRequest r) {
        // DeleteJob of a job that does not exist succeeds (Glue's DeleteJob reference).
        world.jobs().remove(r.jobName());
        return DeleteJobResponse.builder().jobName(r.jobName()).build();
    }

    StartJobRunResponse startJobRun(StartJobRunRequest r) {
        JobEntry entry = job(r.jobName());
        if (r.jobRunId() != null) {
            throw errors.invalid("Retrying a run by JobRunId is not supported by the fake Glue; start a new run");
        }
        refuseUnmodelled("StartJobRun", r.jobRunQueuingEnabled(), null, r.allocatedCapacity(), r.maxCapacity(),
                r.securityConfiguration(), null);
        if (r.executionRoleSessionPolicy() != null) {
            throw unsupported("StartJobRun", "ExecutionRoleSessionPolicy");
        }
        Job runAs = runSettings(entry.definition, r);
        JobExecution.Plan plan = world.execution().plan(entry.definition);
        if (plan.refusal() != null) {
            throw errors.error(501, "NotImplemented", plan.refusal());
        }
        int max = entry.definition.executionProperty().maxConcurrentRuns();
        if (entry.activeRuns() >= max) {
            // Glue's words: "Concurrent runs exceeded for <job>" (aws-solutions/amazon-marketing-cloud-uploader-from-aws#51).
            throw errors.error(400, "ConcurrentRunsExceededException", "Concurrent runs exceeded for " + r.jobName());
        }
        RunEntry run = newRun(world, runAs, r.arguments() == null ? Map.of() : r.arguments(), 0, null,
                world.clock().instant());
        entry.runs.add(0, run);
        return StartJobRunResponse.builder().jobRunId(run.id).build();
    }

    static RunEntry newRun(GlueJobWorld world, JobEntry entry, Map<String, String> arguments, int attempt,
                           String previousRunId, Instant at) {
        return newRun(world, entry.definition, arguments, attempt, previousRunId, at);
    }

    /** A run of {@code job}'s settings (the job's own, or with StartJobRun's overrides). */
    static RunEntry newRun(GlueJobWorld world, Job job, Map<String, String> arguments, int attempt,
                           String previousRunId, Instant at) {
        boolean shell = job.workerTypeAsString() == null;
        int dpus = shell ? 0 : WorkerSpec.of(job.workerTypeAsString()).dpus();
        boolean flex = "FLEX".equals(job.executionClassAsString());
        RunEntry run = new RunEntry(world.nextRunId(), job.name(), attempt, previousRunId, at, new LinkedHashMap<>(arguments),
                job.workerTypeAsString(), shell ? 0 : job.numberOfWorkers(), dpus, job.timeout(), job.glueVersion(),
                job.executionClassAsString(), flex ? GlueJobWorld.FLEX_STARTUP : GlueJobWorld.STARTUP);
        run.notification = job.notificationProperty();
        run.capacity = shell ? job.maxCapacity() : null;
        return run;
    }

    GetJobRunResponse getJobRun(GetJobRunRequest r) {
        JobEntry entry = job(r.jobName());
        RunEntry run = entry.run(r.runId());
        if (run == null) {
            throw errors.notFound("Job run " + r.runId() + " of job " + r.jobName() + " not found");
        }
        return GetJobRunResponse.builder()
                .jobRun(Boolean.TRUE.equals(r.predecessorsIncluded()) ? run.viewWithPredecessors() : run.view()).build();
    }

    GetJobRunsResponse getJobRuns(GetJobRunsRequest r) {
        JobEntry entry = job(r.jobName());
        errors.checkMaxResults(r.maxResults(), MAX_RUNS_PAGE);
        Paging.Page<RunEntry> page = Paging.page(List.copyOf(entry.runs), r.nextToken(), r.maxResults(), MAX_RUNS_PAGE,
                errors);
        return GetJobRunsResponse.builder().jobRuns(page.items().stream().map(RunEntry::view).toList())
                .nextToken(page.nextToken()).build();
    }

    BatchStopJobRunResponse batchStopJobRun(BatchStopJobRunRequest r) {
        JobEntry entry = job(r.jobName());
        List<BatchStopJobRunSuccessfulSubmission> stopped = new ArrayList<>();
        List<BatchStopJobRunError> failed = new ArrayList<>();
        Instant now = world.clock().instant();
        for (String id : r.jobRunIds()) {
            RunEntry run = entry.run(id);
            if (run == null || !run.active() || run.state == JobRunState.STOPPING) {
                String message = run == null ? "Job run " + id + " not found"
                        : "Job run " + id + " is " + run.state + " and cannot be stopped";
                failed.add(BatchStopJobRunError.builder().jobName(r.jobName()).jobRunId(id)
                        .errorDetail(ErrorDetail.builder().errorCode(run == null ? "EntityNotFoundException"
                                : "InvalidInputException").errorMessage(message).build()).build());
                continue;
            }
            if (run.state == JobRunState.STARTING) {
                run.runningAt = null;
            }
            run.state = JobRunState.STOPPING;
            run.endAt = now.plus(GlueJobWorld.STOPPING_TIME);
            run.lastModifiedOn = now;
            stopped.add(BatchStopJobRunSuccessfulSubmission.builder().jobName(r.jobName()).jobRunId(id).build());
        }
        return BatchStopJobRunResponse.builder().successfulSubmissions(stopped).errors(failed).build();
    }

    /**
     * The job's settings with the run's overrides: StartJobRun's WorkerType, NumberOfWorkers, Timeout and
     * ExecutionClass apply to that run only ("overrides the timeout value set in the parent job",
     * API_StartJobRun), checked by the rules CreateJob applies.
     */
    private Job runSettings(Job job, StartJobRunRequest r) {
        if (r.workerType() == null && r.numberOfWorkers() == null && r.timeout() == null && r.executionClass() == null
                && r.notificationProperty() == null) {
            return job;
        }
        boolean shell = pythonShell(job.command());
        if (shell && r.workerType() != null) {
            throw errors.invalid("Worker Type is not supported for Job Command pythonshell");
        }
        if (shell && r.numberOfWorkers() != null) {
            throw errors.invalid("NumberOfWorkers is not supported for Job Command pythonshell: its runs have the job's "
                    + "MaxCapacity (0.0625 or 1 DPU)");
        }
        String type = r.workerType() != null ? r.workerTypeAsString() : job.workerTypeAsString();
        Integer workers = r.numberOfWorkers() != null ? r.numberOfWorkers() : job.numberOfWorkers();
        if (!shell) {
            WorkerSpec.of(type, errors);
            if ("glueetl".equals(job.command().name()) && workers < 2) {
                throw tooFewWorkers(type);
            }
        }
        int minutes = r.timeout() != null ? r.timeout() : job.timeout();
        if (minutes < 1 || minutes > MAX_TIMEOUT_MINUTES) {
            throw errors.invalid("Timeout must be between 1 and " + MAX_TIMEOUT_MINUTES + " minutes, but was " + minutes);
        }
        String clazz = r.executionClass() != null ? r.executionClassAsString() : job.executionClassAsString();
        if ("FLEX".equals(clazz) && !"G.1X".equals(type) && !"G.2X".equals(type)) {
            throw errors.invalid("FLEX execution class is available only for G.1X and G.2X workers, not "
                    + (shell ? "a pythonshell job" : type));
        }
        return job.toBuilder().workerType(type).numberOfWorkers(workers).timeout(minutes).executionClass(clazz)
                .notificationProperty(r.notificationProperty() != null ? r.notificationProperty() : job.notificationProperty())
                .build();
    }

    /**
     * Refuses the job settings that change how its runs behave and that the fake does not model: run queuing
     * (runs beyond MaxConcurrentRuns wait instead of failing), arguments a run cannot override, capacity in DPUs
     * rather than workers (Python shell and legacy jobs), security configurations (which Glue looks up) and
     * visual jobs' generated scripts.
     */
    private void refuseUnmodelled(String operation, Boolean queuing, Map<String, String> nonOverridable, Integer allocated,
                                  Double maxCapacity, String securityConfiguration, Object codeGenNodes) {
        if (Boolean.TRUE.equals(queuing)) {
            throw unsupported(operation, "JobRunQueuingEnabled");
        }
        if (nonOverridable != null && !nonOverridable.isEmpty()) {
            throw unsupported(operation, "NonOverridableArguments");
        }
        if (allocated != null) {
            throw unsupported(operation, "AllocatedCapacity");
        }
        if (maxCapacity != null) {
            throw unsupported(operation, "MaxCapacity (capacity in DPUs; the fake sizes runs by WorkerType and NumberOfWorkers)");
        }
        if (securityConfiguration != null) {
            throw unsupported(operation, "SecurityConfiguration");
        }
        if (codeGenNodes != null) {
            throw unsupported(operation, "CodeGenConfigurationNodes (visual jobs)");
        }
    }

    /** Settings that change no run of the fake, kept so that GetJob returns them as Glue does. */
    private Job stored(Job job, String jobMode, String logUri, ConnectionsList connections, NotificationProperty notification,
                       SourceControlDetails sourceControl, String maintenanceWindow) {
        if (notification != null && notification.notifyDelayAfter() != null && notification.notifyDelayAfter() < 1) {
            throw errors.invalid("1 validation error detected: Value '" + notification.notifyDelayAfter() + "' at "
                    + "'notificationProperty.notifyDelayAfter' failed to satisfy constraint: Member must have value greater "
                    + "than or equal to 1");
        }
        return job.toBuilder().jobMode(jobMode).logUri(logUri).connections(connections).notificationProperty(notification)
                .sourceControlDetails(sourceControl).maintenanceWindow(maintenanceWindow).build();
    }

    /**
     * Glue's answer to a Spark job with one worker, e.g. "To use Worker Type G.1X, minimum allowed value of Number of
     * Workers is 2." (StartJobRun, aws-samples/cql-replicator#181).
     */
    private RuntimeException tooFewWorkers(String workerType) {
        return errors.invalid("To use Worker Type " + workerType + ", minimum allowed value of Number of Workers is 2.");
    }

    private RuntimeException unsupported(String operation, String member) {
        return errors.error(501, "NotImplemented", operation + " with " + member + " is not supported by the fake Glue");
    }

    private JobEntry job(String name) {
        JobEntry entry = name == null ? null : world.jobs().get(name);
        if (entry == null) {
            // Glue's own words, period included: "Job with name: batchFiltersJob not found." (aws/aws-cdk#16767).
            throw errors.notFound("Job with name: " + name + " not found.");
        }
        return entry;
    }

    private void checkName(String name) {
        errors.checkName(name, "name");
    }

    private static boolean pythonShell(JobCommand command) {
        return command != null && "pythonshell".equals(command.name());
    }

    private Job define(String name, String role, JobCommand command, Map<String, String> arguments, String version,
                       String workerType, Integer workers, Double maxCapacity, Integer timeout, Integer maxRetries,
                       ExecutionProperty execution, String executionClass, String description, Instant createdOn) {
        if (role == null || role.isEmpty()) {
            // "Role should not be null or empty." (CreateJob, aws/amazon-sagemaker-examples#2433).
            throw errors.invalid("Role should not be null or empty.");
        }
        if (command == null || command.scriptLocation() == null || command.scriptLocation().isEmpty()) {
            throw errors.invalid("Command with a ScriptLocation is required");
        }
        String command0 = command.name() == null ? "glueetl" : command.name();
        // Glue's words: "Please set both Worker Type and Number of Workers." (aws/aws-cdk#26241) and "Worker Type is
        // not supported for Job Command pythonshell" (cloudposse/terraform-aws-glue#42).
        if ((workerType == null) != (workers == null)) {
            throw errors.invalid("Please set both Worker Type and Number of Workers.");
        }
        if (workerType != null && "pythonshell".equals(command0)) {
            throw errors.invalid("Worker Type is not supported for Job Command pythonshell");
        }
        boolean shell = "pythonshell".equals(command0);
        // API_CreateJob, MaxCapacity: "When you specify a Python shell job (JobCommand.Name="pythonshell"), you can
        // allocate either 0.0625 or 1 DPU. The default is 0.0625 DPU." It has no workers.
        double shellDpus = maxCapacity == null ? 0.0625 : maxCapacity;
        if (shell && shellDpus != 0.0625 && shellDpus != 1.0) {
            throw errors.invalid("MaxCapacity of a pythonshell job must be 0.0625 or 1 DPU, but was " + shellDpus);
        }
        String type = shell ? null : workerType == null ? "G.1X" : workerType;
        Integer count = shell ? null : workers == null ? Integer.valueOf(DEFAULT_WORKERS) : workers;
        if (!shell) {
            WorkerSpec.of(type, errors);
            if ("glueetl".equals(command0) && count < 2) {
                throw tooFewWorkers(type);
            }
        }
        int minutes = timeout == null ? DEFAULT_TIMEOUT_MINUTES : timeout;
        if (minutes < 1 || minutes > MAX_TIMEOUT_MINUTES) {
            throw errors.invalid("Timeout must be between 1 and " + MAX_TIMEOUT_MINUTES + " minutes, but was " + minutes);
        }
        int retries = maxRetries == null ? 0 : maxRetries;
        if (retries < 0 || retries > 10) {
            throw errors.invalid("MaxRetries must be between 0 and 10, but was " + retries);
        }
        int concurrent = execution == null || execution.maxConcurrentRuns() == null ? 1 : execution.maxConcurrentRuns();
        if (concurrent < 1) {
            throw errors.invalid("MaxConcurrentRuns must be at least 1, but was " + concurrent);
        }
        String clazz = executionClass == null ? "STANDARD" : executionClass;
        if ("FLEX".equals(clazz) && !"G.1X".equals(type) && !"G.2X".equals(type)) {
            throw errors.invalid("FLEX execution class is available only for G.1X and G.2X workers, not "
                    + (shell ? "a pythonshell job" : type));
        }
        return Job.builder().name(name).role(role).command(command.toBuilder().name(command0).build())
                .defaultArguments(arguments == null ? Map.of() : arguments)
                .glueVersion(version == null ? DEFAULT_VERSION : version)
                .workerType(type).numberOfWorkers(count).maxCapacity(shell ? shellDpus : (double) count * WorkerSpec.of(type).dpus())
                .timeout(minutes).maxRetries(retries)
                .executionProperty(ExecutionProperty.builder().maxConcurrentRuns(concurrent).build())
                .executionClass(clazz).description(description)
                .createdOn(createdOn).lastModifiedOn(world.clock().instant()).build();
    }

    /** Glue's worker types and the DPUs each is billed for. */
    record WorkerSpec(String name, int dpus) {
        private static final Map<String, Integer> DPUS = Map.of("G.1X", 1, "G.2X", 2, "G.4X", 4, "G.8X", 8,
                "G.12X", 12, "G.16X", 16);

        static WorkerSpec of(String name) {
            return new WorkerSpec(name, DPUS.getOrDefault(name, 1));
        }

        static WorkerSpec of(String name, GlueErrors errors) {
            if (!DPUS.containsKey(name)) {
                throw errors.invalid("Worker type " + name + " is not supported by the fake Glue; use one of "
                        + new java.util.TreeSet<>(DPUS.keySet()));
            }
            return of(name);
        }
    }
}
