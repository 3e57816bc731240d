package io.dataplatform.testing.internal.glue.workflows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.glue.model.*;

/** GetWorkflow's and GetWorkflowRun's views of the fake's workflows: runs with Glue's statistics, and graphs. */
final class WorkflowViews {
    private final WorkflowWorld world;

    WorkflowViews(WorkflowWorld world) {
        this.world = world;
    }

    Workflow view(WorkflowEntry w, boolean graph) {
        Workflow.Builder b = Workflow.builder().name(w.name).description(w.description)
                .defaultRunProperties(w.defaultRunProperties).createdOn(w.createdOn).lastModifiedOn(w.lastModifiedOn)
                .maxConcurrentRuns(w.maxConcurrentRuns);
        if (!w.runs.isEmpty()) {
            b.lastRun(runView(w, w.runs.get(0), graph));
        }
        if (graph) {
            b.graph(graph(w, null));
        }
        return b.build();
    }

    WorkflowRun runView(WorkflowEntry w, RunEntry run, boolean graph) {
        int total = 0, succeeded = 0, failed = 0, timeout = 0, stopped = 0, running = 0, errored = 0;
        for (Map.Entry<String, List<RunEntry.Execution>> node : run.executions.entrySet()) {
            for (RunEntry.Execution e : node.getValue()) {
                if (e.carried()) {
                    continue;
                }
                total++;
                String state = world.outcome(node.getKey(), e).state();
                if (state == null) {
                    running++;
                } else {
                    switch (state) {
                        case "SUCCEEDED" -> succeeded++;
                        case "FAILED" -> failed++;
                        case "TIMEOUT" -> timeout++;
                        case "STOPPED", "CANCELLED" -> stopped++;
                        default -> errored++;
                    }
                }
            }
        }
        WorkflowRun.Builder b = WorkflowRun.builder().name(w.name).workflowRunId(run.id).previousRunId(run.previousRunId)
                .workflowRunProperties(run.properties).startedOn(run.startedOn)
                .completedOn(run.active() ? null : run.completedOn).status(run.status).errorMessage(run.errorMessage)
                .statistics(WorkflowRunStatistics.builder().totalActions(total).succeededActions(succeeded)
                        .failedActions(failed).timeoutActions(timeout).stoppedActions(stopped).runningActions(running)
                        .erroredActions(errored).waitingActions(0).build());
        if (graph) {
            b.graph(graph(w, run));
        }
        return b.build();
    }

    List<String> nodeKeys(String workflow) {
        List<String> keys = new ArrayList<>();
        for (TriggerEntry t : world.triggersOf(workflow)) {
            if (t.predicate != null) {
                for (Condition c : t.predicate.conditions()) {
                    addKey(keys, WorkflowWorld.key(c.jobName() != null, c.jobName() != null ? c.jobName() : c.crawlerName()));
                }
            }
            for (Action a : t.actions) {
                addKey(keys, WorkflowWorld.key(a.jobName() != null, a.jobName() != null ? a.jobName() : a.crawlerName()));
            }
        }
        return keys;
    }

    private static void addKey(List<String> keys, String key) {
        if (!keys.contains(key)) {
            keys.add(key);
        }
    }

    static String nodeId(String workflow, String key) {
        return "wnode_" + UUID.nameUUIDFromBytes((workflow + "/" + key).getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "");
    }

    private WorkflowGraph graph(WorkflowEntry w, RunEntry run) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (TriggerEntry t : world.triggersOf(w.name)) {
            String triggerId = nodeId(w.name, "TRIGGER:" + t.name);
            nodes.add(Node.builder().type(NodeType.TRIGGER).name(t.name).uniqueId(triggerId)
                    .triggerDetails(TriggerNodeDetails.builder().trigger(t.view()).build()).build());
            if (t.predicate != null) {
                for (Condition c : t.predicate.conditions()) {
                    boolean job = c.jobName() != null;
                    edges.add(Edge.builder().sourceId(nodeId(w.name, WorkflowWorld.key(job, job ? c.jobName()
                            : c.crawlerName()))).destinationId(triggerId).build());
                }
            }
            for (Action a : t.actions) {
                boolean job = a.jobName() != null;
                edges.add(Edge.builder().sourceId(triggerId).destinationId(nodeId(w.name, WorkflowWorld.key(job,
                        job ? a.jobName() : a.crawlerName()))).build());
            }
        }
        for (String key : nodeKeys(w.name)) {
            String name = key.substring(key.indexOf(':') + 1);
            boolean job = key.startsWith("JOB:");
            List<RunEntry.Execution> executions = run == null ? List.of() : run.executions.getOrDefault(key, List.of());
            Node.Builder node = Node.builder().type(job ? NodeType.JOB : NodeType.CRAWLER).name(name)
                    .uniqueId(nodeId(w.name, key));
            if (job) {
                List<JobRun> runs = new ArrayList<>();
                for (RunEntry.Execution e : executions) {
                    // An action that could not start has no job run: the run's ErrorMessage says why.
                    if (e.runId() != null) {
                        runs.addAll(world.actions.attempts(name, e.runId()));
                    }
                }
                node.jobDetails(JobNodeDetails.builder().jobRuns(runs).build());
            } else {
                List<Crawl> crawls = new ArrayList<>();
                for (RunEntry.Execution e : executions) {
                    Crawl crawl = e.runId() == null ? null : world.actions.crawl(name, e.runId());
                    if (crawl != null) {
                        crawls.add(crawl);
                    }
                }
                node.crawlerDetails(CrawlerNodeDetails.builder().crawls(crawls).build());
            }
            nodes.add(node.build());
        }
        return WorkflowGraph.builder().nodes(nodes).edges(edges).build();
    }

}
