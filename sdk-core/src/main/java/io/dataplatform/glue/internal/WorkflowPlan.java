package io.dataplatform.glue.internal;

import io.dataplatform.glue.Schedule;
import io.dataplatform.glue.TriggerCondition;
import io.dataplatform.glue.WorkflowNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
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
        // Nodes that can never run: every way a trigger could run them needs some node to end two ways.
        Requirements requirements = new Requirements(start, conditional, nodes);
        for (Map.Entry<String, WorkflowNode> node : nodes.entrySet()) {
            if (requirements.of(node.getKey()) == null) {
                throw new IllegalArgumentException(prefix + node.getValue().describe() + " can never run: no trigger"
                        + " that runs it can fire (" + String.join("; ", requirements.why.get(node.getKey())) + ")");
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

    /**
     * What must have happened for a node to run: the outcomes of other nodes every way of running it
     * needs (the start needs nothing; an ALL trigger needs each predicate and what its node needed; an
     * ANY trigger is one way per predicate). A node with no possible way never runs. The graph has no
     * cycles when this runs.
     */
    private static final class Requirements {
        private final List<WorkflowNode> start;
        private final Map<TriggerCondition, List<WorkflowNode>> conditional;
        private final Map<String, WorkflowNode> nodes;
        private final Map<String, Map<String, Set<TriggerCondition.Outcome>>> memo = new LinkedHashMap<>();
        private final Set<String> impossible = new LinkedHashSet<>();
        final Map<String, List<String>> why = new LinkedHashMap<>();

        Requirements(List<WorkflowNode> start, Map<TriggerCondition, List<WorkflowNode>> conditional,
                     Map<String, WorkflowNode> nodes) {
            this.start = start;
            this.conditional = conditional;
            this.nodes = nodes;
        }

        /** Returns what running {@code node} needs, or null if it can never run. */
        Map<String, Set<TriggerCondition.Outcome>> of(String node) {
            if (impossible.contains(node)) {
                return null;
            }
            if (memo.containsKey(node)) {
                return memo.get(node);
            }
            List<Map<String, Set<TriggerCondition.Outcome>>> ways = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            if (start.stream().anyMatch(n -> key(n).equals(node))) {
                ways.add(Map.of());
            }
            conditional.forEach((condition, actions) -> {
                if (actions.stream().noneMatch(a -> key(a).equals(node))) {
                    return;
                }
                if (condition.logical() == TriggerCondition.Logical.ALL) {
                    Map<String, Set<TriggerCondition.Outcome>> way = new LinkedHashMap<>();
                    for (TriggerCondition.Predicate p : condition.predicates()) {
                        String reason = add(way, p);
                        if (reason != null) {
                            reasons.add("'" + condition + "'" + reason);
                            return;
                        }
                    }
                    ways.add(way);
                } else {
                    List<String> never = new ArrayList<>();
                    for (TriggerCondition.Predicate p : condition.predicates()) {
                        Map<String, Set<TriggerCondition.Outcome>> way = new LinkedHashMap<>();
                        String reason = add(way, p);
                        if (reason == null) {
                            ways.add(way);
                        } else {
                            never.add(reason);
                        }
                    }
                    if (never.size() == condition.predicates().size()) {
                        reasons.add("'" + condition + "'" + String.join(" and", never));
                    }
                }
            });
            if (ways.isEmpty()) {
                impossible.add(node);
                why.put(node, reasons);
                return null;
            }
            // What every way needs: a node all ways constrain, to any outcome one of them allows.
            Map<String, Set<TriggerCondition.Outcome>> common = new LinkedHashMap<>(ways.get(0));
            for (Map<String, Set<TriggerCondition.Outcome>> way : ways.subList(1, ways.size())) {
                common.keySet().retainAll(way.keySet());
                common.replaceAll((k, v) -> union(v, way.get(k)));
            }
            memo.put(node, common);
            return common;
        }

        /** Adds the predicate and what its node needs to {@code way}; returns why that cannot be, or null. */
        private String add(Map<String, Set<TriggerCondition.Outcome>> way, TriggerCondition.Predicate p) {
            Map<String, Set<TriggerCondition.Outcome>> needed = of(key(p.node()));
            if (needed == null) {
                return " waits for " + p.node().describe() + ", which never runs";
            }
            Map<String, Set<TriggerCondition.Outcome>> all = new LinkedHashMap<>(needed);
            String own = merge(all, key(p.node()), EnumSet.of(p.outcome()));
            if (own != null) {
                return own;
            }
            for (Map.Entry<String, Set<TriggerCondition.Outcome>> e : all.entrySet()) {
                String reason = merge(way, e.getKey(), e.getValue());
                if (reason != null) {
                    return reason;
                }
            }
            return null;
        }

        /** Narrows what {@code node} may end as; returns why it cannot end any way, or null. */
        private String merge(Map<String, Set<TriggerCondition.Outcome>> way, String node,
                             Set<TriggerCondition.Outcome> allowed) {
            Set<TriggerCondition.Outcome> before = way.get(node);
            if (before == null) {
                way.put(node, allowed);
                return null;
            }
            Set<TriggerCondition.Outcome> both = EnumSet.copyOf(before);
            both.retainAll(allowed);
            if (both.isEmpty()) {
                return conflict(nodes.get(node).describe(), before, allowed);
            }
            way.put(node, both);
            return null;
        }

        private static Set<TriggerCondition.Outcome> union(Set<TriggerCondition.Outcome> a,
                                                           Set<TriggerCondition.Outcome> b) {
            Set<TriggerCondition.Outcome> all = EnumSet.copyOf(a);
            all.addAll(b);
            return all;
        }

        private static String conflict(String node, Set<TriggerCondition.Outcome> a, Set<TriggerCondition.Outcome> b) {
            return " needs " + node + " to end both " + oneOf(a) + " and " + oneOf(b);
        }

        private static String oneOf(Set<TriggerCondition.Outcome> outcomes) {
            return String.join(" or ", outcomes.stream().map(Enum::name).toList());
        }
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
