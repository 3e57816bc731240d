package io.dataplatform.glue.internal;

import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.cost.CostEstimate;
import io.dataplatform.cost.CostLimit;
import io.dataplatform.cost.CostLimitExceededException;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.Money;
import io.dataplatform.cost.internal.DefaultCostLedger;
import io.dataplatform.glue.ExecutionClass;
import io.dataplatform.glue.Job;
import io.dataplatform.glue.JobInfo;
import io.dataplatform.glue.JobRun;
import io.dataplatform.glue.JobRunStatus;
import io.dataplatform.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A job handle; a handle from {@code create()} knows its definition and starts a run without a GetJob. */
final class DefaultJob implements Job {
    static final String LEDGER_OPERATION = "Glue job run";

    private final DefaultGlueCatalog.GlueAccess glue;
    private final JobServices services;
    private final String name;
    private final JobSpec known;

    DefaultJob(DefaultGlueCatalog.GlueAccess glue, JobServices services, String name, JobSpec known) {
        this.glue = glue;
        this.services = services;
        this.name = name;
        this.known = known;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public JobRun start(Map<String, String> arguments) {
        Checks.notNull(arguments, "arguments");
        Map<String, String> glueArguments = new LinkedHashMap<>();
        arguments.forEach((k, v) -> {
            DefaultJobBuilder.checkArgumentName(k);
            glueArguments.put("--" + k, Checks.notNull(v, "value of --" + k));
        });
        JobSpec spec = known != null ? known : spec();
        boolean flex = spec.executionClass() == ExecutionClass.FLEX;
        Money estimate = services.prices().glue().jobRunEstimate(spec.workers(), spec.workerType().dpus(),
                spec.timeout(), flex);
        CostEstimate costEstimate = new CostEstimate(LEDGER_OPERATION, DataSize.ZERO, DataSize.ZERO, estimate, List.of(),
                false);
        String worstCase = spec.workers() + " x " + spec.workerType().glueName() + " = "
                + (spec.workers() * spec.workerType().dpus()) + " DPUs for the " + spec.timeoutMinutes()
                + "-minute timeout at " + (flex ? services.prices().glue().flexPerDpuHour() + " (flex)"
                : services.prices().glue().perDpuHour()) + " per DPU-hour";
        Money limit = services.guard().maxJobRunCost().orElse(null);
        if (limit != null && estimate.isGreaterThan(limit)) {
            throw new CostLimitExceededException(CostLimit.MAX_JOB_RUN_COST, costEstimate, "Glue job run of '" + name
                    + "' refused: its worst case is " + estimate + " (" + worstCase + "), above maxJobRunCost " + limit
                    + ". Lower the workers or the timeout, or raise the limit with CostGuard.builder().maxJobRunCost(..);"
                    + " nothing was started.");
        }
        Money budget = services.guard().budget().orElse(null);
        DefaultCostLedger.Slot slot = services.ledger().reserve(LEDGER_OPERATION, name, true, DataSize.ZERO, estimate,
                total -> budget != null && total.isGreaterThan(budget));
        if (slot == null) {
            throw new CostLimitExceededException(CostLimit.BUDGET, costEstimate, "Glue job run of '" + name
                    + "' refused: its worst case " + estimate + " (" + worstCase + ") plus "
                    + services.ledger().committedTotal() + " already spent or committed exceeds the budget " + budget
                    + ". Raise it with CostGuard.builder().budget(..) on a new DataPlatform; nothing was started.");
        }
        String runId;
        try {
            runId = glue.call("StartJobRun", name,
                    c -> c.startJobRun(r -> r.jobName(name).arguments(glueArguments.isEmpty() ? null : glueArguments)))
                    .jobRunId();
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
        slot.started(runId);
        return new DefaultJobRun(glue, services.prices().glue(), this, runId, spec.maxRetries(), flex, slot);
    }

    private JobSpec spec() {
        return JobSpec.of(glue.call("GetJob", name, c -> c.getJob(r -> r.jobName(name))).job());
    }

    @Override
    public JobInfo info() {
        return spec().info(name);
    }

    @Override
    public boolean exists() {
        try {
            glue.call("GetJob", name, c -> c.getJob(r -> r.jobName(name)));
            return true;
        } catch (ResourceNotFoundException absent) {
            return false;
        }
    }

    @Override
    public Optional<JobRunStatus> run(String runId) {
        Checks.notEmpty(runId, "runId");
        try {
            return Optional.of(status(runId));
        } catch (ResourceNotFoundException absent) {
            return Optional.empty();
        }
    }

    JobRunStatus status(String runId) {
        return JobRunMapping.status(glue.call("GetJobRun", name + "/" + runId,
                c -> c.getJobRun(r -> r.jobName(name).runId(runId))).jobRun());
    }

    @Override
    public List<JobRunStatus> runs() {
        List<JobRunStatus> runs = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            var response = glue.call("GetJobRuns", name, c -> c.getJobRuns(r -> r.jobName(name)
                    .maxResults(DefaultGlueCatalog.JOB_PAGE).nextToken(page)));
            response.jobRuns().forEach(r -> runs.add(JobRunMapping.status(r)));
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        return List.copyOf(runs);
    }

    @Override
    public void delete() {
        glue.call("DeleteJob", name, c -> c.deleteJob(r -> r.jobName(name)));
    }

    DefaultGlueCatalog.GlueAccess glue() {
        return glue;
    }

    @Override
    public String toString() {
        return "Job[" + name + "]";
    }
}
