package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * When a conditional trigger of a {@link Workflow} fires: ALL or ANY of its predicates, each a node
 * ending in a given outcome in the same workflow run. A job ends SUCCEEDED, FAILED (its last attempt,
 * once its retries are used up), TIMEOUT or STOPPED; a crawl SUCCEEDED, FAILED or CANCELLED.
 *
 * <pre>{@code
 * TriggerCondition.succeeded(cleanOrders, cleanCustomers);        // fan-in: both succeeded
 * TriggerCondition.anyOf(TriggerCondition.on(clean, Outcome.FAILED), TriggerCondition.on(clean, Outcome.TIMEOUT));
 * }</pre>
 *
 * @param logical    ALL or ANY of the predicates
 * @param predicates what the trigger waits for, at least one
 */
public record TriggerCondition(Logical logical, List<Predicate> predicates) {

    /** How the predicates combine. */
    public enum Logical {
        /** Every predicate holds (Glue's AND). */
        ALL,
        /** At least one predicate holds. */
        ANY
    }

    /** How a node's run ended. */
    public enum Outcome {
        /** The job run or crawl succeeded. */
        SUCCEEDED,
        /** The job run (its last attempt) or the crawl failed. */
        FAILED,
        /** The job run hit its timeout (jobs only). */
        TIMEOUT,
        /** The job run was stopped (jobs only). */
        STOPPED,
        /** The crawl was cancelled (crawlers only). */
        CANCELLED
    }

    /**
     * One node ending in one outcome.
     *
     * @param node    the job or crawler
     * @param outcome how it must end
     */
    public record Predicate(WorkflowNode node, Outcome outcome) {

        /** Validates that the node can end that way. */
        public Predicate {
            Checks.notNull(node, "node");
            Checks.notNull(outcome, "outcome");
            if (node.type() == WorkflowNode.Type.CRAWLER) {
                Checks.require(outcome == Outcome.SUCCEEDED || outcome == Outcome.FAILED || outcome == Outcome.CANCELLED,
                        "Invalid condition on %s: a crawl ends SUCCEEDED, FAILED or CANCELLED, never %s", node.describe(),
                        outcome);
            } else {
                Checks.require(outcome != Outcome.CANCELLED,
                        "Invalid condition on %s: a job run ends SUCCEEDED, FAILED, TIMEOUT or STOPPED, never CANCELLED",
                        node.describe());
            }
        }

        @Override
        public String toString() {
            return node.describe() + " " + outcome;
        }
    }

    /** Validates the condition: at least one predicate. */
    public TriggerCondition {
        Checks.notNull(logical, "logical");
        predicates = Checks.copyOf(predicates, "predicates");
        Checks.require(!predicates.isEmpty(), "A trigger condition needs at least one predicate");
    }

    /** Returns the predicate "{@code node} ended {@code outcome}". */
    public static Predicate on(WorkflowNode node, Outcome outcome) {
        return new Predicate(node, outcome);
    }

    /** Fires when every one of the predicates holds. */
    public static TriggerCondition allOf(Predicate... predicates) {
        return new TriggerCondition(Logical.ALL, Arrays.asList(Checks.notNull(predicates, "predicates")));
    }

    /** Fires when any one of the predicates holds. */
    public static TriggerCondition anyOf(Predicate... predicates) {
        return new TriggerCondition(Logical.ANY, Arrays.asList(Checks.notNull(predicates, "predicates")));
    }

    /** Fires when every one of the nodes succeeded (a sequence for one node, a fan-in for several). */
    public static TriggerCondition succeeded(WorkflowNode... nodes) {
        return new TriggerCondition(Logical.ALL, Arrays.stream(nodes(nodes)).map(n -> on(n, Outcome.SUCCEEDED)).toList());
    }

    /** Fires when any one of the nodes succeeded. */
    public static TriggerCondition anySucceeded(WorkflowNode... nodes) {
        return new TriggerCondition(Logical.ANY, Arrays.stream(nodes(nodes)).map(n -> on(n, Outcome.SUCCEEDED)).toList());
    }

    /**
     * Fires when any one of the nodes did not succeed: a job FAILED or TIMEOUT, a crawl FAILED (an
     * on-failure branch, say to email the team).
     */
    public static TriggerCondition failed(WorkflowNode... nodes) {
        return new TriggerCondition(Logical.ANY, Arrays.stream(nodes(nodes)).flatMap(n -> n.type() == WorkflowNode.Type.JOB
                ? java.util.stream.Stream.of(on(n, Outcome.FAILED), on(n, Outcome.TIMEOUT))
                : java.util.stream.Stream.of(on(n, Outcome.FAILED))).toList());
    }

    @Override
    public String toString() {
        return logical + " of " + predicates;
    }

    private static WorkflowNode[] nodes(WorkflowNode[] nodes) {
        Checks.copyOf(Arrays.asList(Checks.notNull(nodes, "nodes")), "nodes");
        return nodes;
    }
}
