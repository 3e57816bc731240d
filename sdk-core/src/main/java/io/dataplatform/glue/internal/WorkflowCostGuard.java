package io.dataplatform.glue.internal;

import io.dataplatform.cost.CostEstimate;
import io.dataplatform.cost.CostLimit;
import io.dataplatform.cost.CostLimitExceededException;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.Money;
import io.dataplatform.cost.internal.DefaultCostLedger;
import io.dataplatform.glue.ExecutionClass;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.glue.model.Node;
import software.amazon.awssdk.services.glue.model.NodeType;

/**
 * The cost guard of a workflow run started from the SDK: every job of the workflow is checked as a
 * job run is (its worst case, workers x DPUs x timeout, against {@code maxJobRunCost}), and the sum
 * of their worst cases is reserved against the budget in the ledger; the run's actual cost (every
 * attempt's DPU-seconds) settles it when the run is seen ended. Runs a schedule starts on AWS do not
 * pass through here: bound them with the jobs' timeouts.
 */
final class WorkflowCostGuard {
    static final String LEDGER_OPERATION = "Glue workflow run";

    private WorkflowCostGuard() {
    }

    /**
     * Checks the workflow's jobs and reserves their worst case.
     *
     * @throws CostLimitExceededException if a job's worst case is above maxJobRunCost or the sum does not fit the budget
     */
    static DefaultCostLedger.Slot reserve(DefaultGlueCatalog.GlueAccess glue, JobServices services, String workflow) {
        var graph = glue.call("GetWorkflow", workflow, c -> c.getWorkflow(r -> r.name(workflow).includeGraph(true)))
                .workflow().graph();
        List<String> jobs = new ArrayList<>();
        if (graph != null) {
            for (Node node : graph.nodes()) {
                if (node.type() == NodeType.JOB && !jobs.contains(node.name())) {
                    jobs.add(node.name());
                }
            }
        }
        Money total = Money.ZERO;
        List<String> parts = new ArrayList<>();
        Money limit = services.guard().maxJobRunCost().orElse(null);
        for (String job : jobs) {
            JobSpec spec = JobSpec.of(glue.call("GetJob", job, c -> c.getJob(r -> r.jobName(job))).job());
            boolean flex = spec.executionClass() == ExecutionClass.FLEX;
            Money estimate = services.prices().glue().jobRunEstimate(spec.workers(), spec.workerType().dpus(),
                    spec.timeout(), flex);
            String worstCase = "'" + job + "': " + spec.workers() + " x " + spec.workerType().glueName() + " for "
                    + spec.timeoutMinutes() + " minutes = " + estimate;
            if (limit != null && estimate.isGreaterThan(limit)) {
                throw new CostLimitExceededException(CostLimit.MAX_JOB_RUN_COST, estimate(total.plus(estimate)),
                        "Run of workflow '" + workflow + "' refused: the worst case of job " + worstCase
                        + " is above maxJobRunCost " + limit + ". Lower its workers or timeout, or raise the limit with"
                        + " CostGuard.builder().maxJobRunCost(..); nothing was started.");
            }
            total = total.plus(estimate);
            parts.add(worstCase);
        }
        Money budget = services.guard().budget().orElse(null);
        Money reserved = total;
        DefaultCostLedger.Slot slot = services.ledger().reserve(LEDGER_OPERATION, workflow, true, DataSize.ZERO, reserved,
                sum -> budget != null && sum.isGreaterThan(budget));
        if (slot == null) {
            throw new CostLimitExceededException(CostLimit.BUDGET, estimate(reserved), "Run of workflow '" + workflow
                    + "' refused: the worst case of its jobs " + reserved + " (" + String.join("; ", parts) + ") plus "
                    + services.ledger().committedTotal() + " already spent or committed exceeds the budget " + budget
                    + ". Raise it with CostGuard.builder().budget(..) on a new DataPlatform; nothing was started.");
        }
        return slot;
    }

    private static CostEstimate estimate(Money cost) {
        return new CostEstimate(LEDGER_OPERATION, DataSize.ZERO, DataSize.ZERO, cost, List.of(), false);
    }
}
