package io.dataplatform.glue.internal;

import io.dataplatform.glue.Schedule;
import io.dataplatform.glue.TriggerCondition;
import io.dataplatform.glue.WorkflowNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A workflow definition checked as a graph, and the triggers that express it: one start trigger
 * ({@code <workflow>-start}) and one conditional trigger per distinct condition, named after it so the
 * same definition always gives the same names.
 */
final class WorkflowPlan {

    /** One trigger to create: {@code schedule} null for on demand, {@code condition} null for the start trigger. */
    record TriggerPlan(String name, Schedule schedule, TriggerCondition condition, List<WorkflowNode> actions) {
        boolean isStart() {
            return condition == null;
        }
    }

    private final String workflow;
    private final List<TriggerPlan> triggers;

    private WorkflowPlan(String workflow, List<TriggerPlan> triggers) {
        this.workflow = workflow;
        this.triggers = triggers;
    }

    List<TriggerPlan> triggers() {
        return triggers;
    }

    /**
     * Checks the definition and returns its triggers.
     *
     * @throws IllegalArgumentException naming the workflow and the node at fault
     */
    static WorkflowPlan of(String workflow, Schedule schedule, List<WorkflowNode> start,
                           Map<TriggerCondition, List<WorkflowNode>> conditional) {
        String prefix = "Workflow '" + workflow + "': ";
        if (start.isEmpty()) {
            throw new IllegalArgumentException(prefix + "it has no start node; give one with start(..) or then(..)");
        }
        // Every node a trigger runs, by job/crawler identity.
        Map<String, WorkflowNode> nodes = new LinkedHashMap<>();
        start.forEach(n -> add(nodes, n, prefix));
        conditional.values().forEach(list -> list.forEach(n -> add(nodes, n, prefix)));
        // Unknown nodes: a condition on something no trigger runs.
        conditional.forEach((condition, actions) -> {
            for (TriggerCondition.Predicate p : condition.predicates()) {
                if (!nodes.containsKey(key(p.node()))) {
                    throw new IllegalArgumentException(prefix + "the condition '" + condition + "' waits for "
                            + p.node().describe() + ", which is not a node of the workflow (no trigger runs it)");
                }
            }
        });
        // Cycles: a node that (through conditions) waits on itself.
        Map<String, Set<String>> next = new LinkedHashMap<>();
        conditional.forEach((condition, actions) -> {
            for (TriggerCondition.Predicate p : condition.predicates()) {
                for (WorkflowNode a : actions) {
                    next.computeIfAbsent(key(p.node()), k -> new LinkedHashSet<>()).add(key(a));
                }
            }
        });
        Map<String, Integer> color = new LinkedHashMap<>();
        for (String node : nodes.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> cycle = cycle(node, next, color, path);
            if (cycle != null) {
                List<String> names = cycle.stream().map(k -> nodes.get(k).describe()).toList();
                throw new IllegalArgumentException(prefix + "it has a cycle: " + String.join(" -> ", names)
                        + "; a workflow's triggers must form a graph without cycles");
            }
        }
        // Nodes that can never run: only triggers whose conditions can hold make nodes reachable.
        Set<String> reachable = new LinkedHashSet<>();
        start.forEach(n -> reachable.add(key(n)));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<TriggerCondition, List<WorkflowNode>> e : conditional.entrySet()) {
                if (canHold(e.getKey(), reachable)) {
                    for (WorkflowNode a : e.getValue()) {
                        grew |= reachable.add(key(a));
                    }
                }
            }
        }
        for (Map.Entry<String, WorkflowNode> node : nodes.entrySet()) {
            if (!reachable.contains(node.getKey())) {
                List<String> why = new ArrayList<>();
                conditional.forEach((condition, actions) -> {
                    if (actions.stream().anyMatch(a -> key(a).equals(node.getKey()))) {
                        why.add("'" + condition + "'" + reason(condition, reachable, nodes));
                    }
                });
                throw new IllegalArgumentException(prefix + node.getValue().describe() + " can never run: no trigger"
                        + " that runs it can fire (" + String.join("; ", why) + ")");
            }
        }
        List<TriggerPlan> triggers = new ArrayList<>();
        triggers.add(new TriggerPlan(workflow + "-start", schedule, null, List.copyOf(start)));
        conditional.forEach((condition, actions) -> triggers.add(new TriggerPlan(triggerName(workflow, condition),
                null, condition, List.copyOf(actions))));
        return new WorkflowPlan(workflow, List.copyOf(triggers));
    }

    private static void add(Map<String, WorkflowNode> nodes, WorkflowNode node, String prefix) {
        WorkflowNode known = nodes.putIfAbsent(key(node), node);
        if (known != null && !known.arguments().equals(node.arguments())) {
            throw new IllegalArgumentException(prefix + node.describe() + " is given different arguments by two"
                    + " triggers (" + known.arguments() + " and " + node.arguments() + "); give it one set");
        }
    }

    static String key(WorkflowNode node) {
        return node.type() + ":" + node.name();
    }

    private static boolean canHold(TriggerCondition condition, Set<String> reachable) {
        if (condition.logical() == TriggerCondition.Logical.ANY) {
            return condition.predicates().stream().anyMatch(p -> reachable.contains(key(p.node())));
        }
        Map<String, TriggerCondition.Outcome> wanted = new LinkedHashMap<>();
        for (TriggerCondition.Predicate p : condition.predicates()) {
            TriggerCondition.Outcome other = wanted.put(key(p.node()), p.outcome());
            if (!reachable.contains(key(p.node())) || (other != null && other != p.outcome())) {
                return false;
            }
        }
        return true;
    }

    private static String reason(TriggerCondition condition, Set<String> reachable, Map<String, WorkflowNode> nodes) {
        Map<String, TriggerCondition.Outcome> wanted = new LinkedHashMap<>();
        for (TriggerCondition.Predicate p : condition.predicates()) {
            TriggerCondition.Outcome other = wanted.put(key(p.node()), p.outcome());
            if (condition.logical() == TriggerCondition.Logical.ALL && other != null && other != p.outcome()) {
                return " needs " + p.node().describe() + " to end both " + other + " and " + p.outcome();
            }
        }
        List<String> never = condition.predicates().stream().map(p -> key(p.node())).distinct()
                .filter(k -> !reachable.contains(k)).map(k -> nodes.get(k).describe()).toList();
        return " waits for " + String.join(", ", never) + ", which never run" + (never.size() == 1 ? "s" : "");
    }

    private static List<String> cycle(String node, Map<String, Set<String>> next, Map<String, Integer> color,
                                      List<String> path) {
        Integer c = color.get(node);
        if (c != null && c == 2) {
            return null;
        }
        if (c != null && c == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        color.put(node, 1);
        path.add(node);
        for (String n : next.getOrDefault(node, Set.of())) {
            List<String> found = cycle(n, next, color, path);
            if (found != null) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        color.put(node, 2);
        return null;
    }

    /** {@code nightly-when-clean-failed}: readable, stable for the same condition, at most 255 characters. */
    static String triggerName(String workflow, TriggerCondition condition) {
        StringBuilder readable = new StringBuilder(workflow).append("-when");
        for (int i = 0; i < condition.predicates().size(); i++) {
            TriggerCondition.Predicate p = condition.predicates().get(i);
            if (i > 0) {
                readable.append(condition.logical() == TriggerCondition.Logical.ALL ? "-and" : "-or");
            }
            readable.append('-').append(p.node().name()).append('-').append(p.outcome().name().toLowerCase(Locale.ROOT));
        }
        String name = readable.toString().replaceAll("[^A-Za-z0-9_.-]", "_");
        if (name.length() <= 255) {
            return name;
        }
        return name.substring(0, 240) + "-" + hash(condition.toString());
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "WorkflowPlan[" + workflow + ", " + triggers.size() + " triggers]";
    }
}
