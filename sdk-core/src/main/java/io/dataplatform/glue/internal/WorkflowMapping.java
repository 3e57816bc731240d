package io.dataplatform.glue.internal;

import io.dataplatform.cost.GluePrices;
import io.dataplatform.cost.Money;
import io.dataplatform.glue.JobRunStatus;
import io.dataplatform.glue.WorkflowCrawl;
import io.dataplatform.glue.WorkflowNode;
import io.dataplatform.glue.WorkflowNodeRun;
import io.dataplatform.glue.WorkflowNodeState;
import io.dataplatform.glue.WorkflowRunState;
import io.dataplatform.glue.WorkflowRunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.glue.model.Crawl;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.Node;
import software.amazon.awssdk.services.glue.model.NodeType;
import software.amazon.awssdk.services.glue.model.WorkflowRun;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatistics;

/** Maps Glue's WorkflowRun and its graph to {@link WorkflowRunStatus}, pricing job attempts as job runs are priced. */
final class WorkflowMapping {
    private WorkflowMapping() {
    }

    static WorkflowRunStatus status(WorkflowRun run, GluePrices prices) {
        List<WorkflowNodeRun> nodes = new ArrayList<>();
        if (run.graph() != null) {
            for (Node node : run.graph().nodes()) {
                if (node.type() == NodeType.JOB) {
                    nodes.add(job(node, prices));
                } else if (node.type() == NodeType.CRAWLER) {
                    nodes.add(crawler(node));
                }
            }
        }
        WorkflowRunStatistics s = run.statistics();
        WorkflowRunStatus.Statistics statistics = s == null ? new WorkflowRunStatus.Statistics(0, 0, 0, 0, 0, 0, 0, 0)
                : new WorkflowRunStatus.Statistics(n(s.totalActions()), n(s.succeededActions()), n(s.failedActions()),
                n(s.timeoutActions()), n(s.stoppedActions()), n(s.runningActions()), n(s.erroredActions()),
                n(s.waitingActions()));
        return new WorkflowRunStatus(run.name(), run.workflowRunId(), run.previousRunId(),
                WorkflowRunState.valueOf(run.statusAsString()), run.startedOn(), run.completedOn(), run.errorMessage(),
                statistics, nodes);
    }

    private static int n(Integer value) {
        return value == null ? 0 : value;
    }

    private static WorkflowNodeRun job(Node node, GluePrices prices) {
        List<JobRun> runs = node.jobDetails() == null ? List.of() : new ArrayList<>(node.jobDetails().jobRuns());
        runs.sort(Comparator.comparing(JobRun::startedOn, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(r -> r.attempt() == null ? 0 : r.attempt()));
        List<JobRunStatus> attempts = new ArrayList<>();
        double dpuSeconds = 0;
        Money cost = Money.ZERO;
        for (JobRun run : runs) {
            JobRunStatus status = JobRunMapping.status(run);
            attempts.add(status);
            dpuSeconds += status.dpuSeconds();
            if (status.dpuSeconds() > 0 && status.capacity() > 0) {
                cost = cost.plus(prices.jobRunFromDpuSeconds(status.dpuSeconds(), status.capacity(),
                        "FLEX".equals(run.executionClassAsString())));
            }
        }
        WorkflowNodeState state = WorkflowNodeState.NOT_RUN;
        Instant started = null;
        Instant completed = null;
        if (!attempts.isEmpty()) {
            JobRunStatus last = attempts.get(attempts.size() - 1);
            started = attempts.get(0).startedOn();
            completed = last.completedOn();
            state = switch (last.state()) {
                case SUCCEEDED -> WorkflowNodeState.SUCCEEDED;
                case FAILED -> WorkflowNodeState.FAILED;
                case TIMEOUT -> WorkflowNodeState.TIMEOUT;
                case STOPPED -> WorkflowNodeState.STOPPED;
                case ERROR, EXPIRED -> WorkflowNodeState.ERROR;
                default -> WorkflowNodeState.RUNNING;
            };
        }
        return new WorkflowNodeRun(node.uniqueId(), WorkflowNode.job(node.name()), state, attempts, List.of(), started,
                completed, dpuSeconds, cost);
    }

    private static WorkflowNodeRun crawler(Node node) {
        List<Crawl> raw = node.crawlerDetails() == null ? List.of() : new ArrayList<>(node.crawlerDetails().crawls());
        raw.sort(Comparator.comparing(Crawl::startedOn, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<WorkflowCrawl> crawls = raw.stream().map(c -> new WorkflowCrawl(c.stateAsString(), c.startedOn(),
                c.completedOn(), c.errorMessage())).toList();
        WorkflowNodeState state = WorkflowNodeState.NOT_RUN;
        Instant started = null;
        Instant completed = null;
        if (!crawls.isEmpty()) {
            WorkflowCrawl last = crawls.get(crawls.size() - 1);
            started = crawls.get(0).startedOn();
            completed = last.completedOn();
            state = switch (last.state()) {
                case "SUCCEEDED" -> WorkflowNodeState.SUCCEEDED;
                case "FAILED" -> WorkflowNodeState.FAILED;
                case "CANCELLED" -> WorkflowNodeState.STOPPED;
                case "ERROR" -> WorkflowNodeState.ERROR;
                default -> WorkflowNodeState.RUNNING;
            };
        }
        return new WorkflowNodeRun(node.uniqueId(), WorkflowNode.crawler(node.name()), state, List.of(), crawls, started,
                completed, 0, Money.ZERO);
    }
}
