package io.dataplatform.glue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.glue.Schedule;
import io.dataplatform.glue.TriggerCondition;
import io.dataplatform.glue.TriggerCondition.Outcome;
import io.dataplatform.glue.WorkflowNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workflow graph checks and the triggers a definition turns into. */
class WorkflowPlanTest {
    private final WorkflowNode a = WorkflowNode.job("a");
    private final WorkflowNode b = WorkflowNode.job("b");
    private final WorkflowNode c = WorkflowNode.job("c");
    private final WorkflowNode alert = WorkflowNode.job("alert");
    private final Map<TriggerCondition, List<WorkflowNode>> conditional = new LinkedHashMap<>();

    private WorkflowPlan plan() {
        return WorkflowPlan.of("nightly", null, List.of(a), conditional);
    }

    @Test
    void of_fanOutFanInAndFailureBranch_givesAStartTriggerAndOneTriggerPerCondition() {
        conditional.put(TriggerCondition.succeeded(a), List.of(b, c));
        conditional.put(TriggerCondition.succeeded(b, c), List.of(WorkflowNode.job("report")));
        conditional.put(TriggerCondition.failed(a), List.of(alert));

        WorkflowPlan plan = WorkflowPlan.of("nightly", Schedule.cron("0 2 * * ? *"), List.of(a), conditional);

        assertThat(plan.triggers()).extracting(WorkflowPlan.TriggerPlan::name).containsExactly("nightly-start",
                "nightly-when-a-succeeded", "nightly-when-b-succeeded-and-c-succeeded",
                "nightly-when-a-failed-or-a-timeout");
        assertThat(plan.triggers().get(0).schedule()).isEqualTo(Schedule.cron("0 2 * * ? *"));
        assertThat(plan.triggers().get(1).actions()).containsExactly(b, c);
    }

    @Test
    void of_nodeNeedingAnAncestorToBothSucceedAndFail_isRefusedAsNeverRunning() {
        conditional.put(TriggerCondition.failed(a), List.of(alert));
        conditional.put(TriggerCondition.succeeded(a, alert), List.of(c));

        assertThatThrownBy(this::plan).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Workflow 'nightly': job 'c' can never run: no trigger that runs it can fire ('ALL of"
                        + " [job 'a' SUCCEEDED, job 'alert' SUCCEEDED]' needs job 'a' to end both SUCCEEDED and FAILED or TIMEOUT)");
    }

    @Test
    void of_anyOfTwoBranches_runsWhicheverHappens() {
        conditional.put(TriggerCondition.failed(a), List.of(alert));
        conditional.put(TriggerCondition.succeeded(a), List.of(b));
        conditional.put(TriggerCondition.anySucceeded(alert, b), List.of(c));

        assertThat(plan().triggers()).hasSize(4);
    }

    @Test
    void of_nodeAfterANodeThatNeverRuns_namesBoth() {
        conditional.put(TriggerCondition.allOf(TriggerCondition.on(a, Outcome.SUCCEEDED),
                TriggerCondition.on(a, Outcome.STOPPED)), List.of(b));
        conditional.put(TriggerCondition.succeeded(b), List.of(c));

        assertThatThrownBy(this::plan).hasMessage("Workflow 'nightly': job 'b' can never run: no trigger that runs it"
                + " can fire ('ALL of [job 'a' SUCCEEDED, job 'a' STOPPED]' needs job 'a' to end both SUCCEEDED and"
                + " STOPPED)");
        conditional.remove(conditional.keySet().iterator().next());
        conditional.put(TriggerCondition.succeeded(c), List.of(b));
        assertThatThrownBy(this::plan).hasMessage("Workflow 'nightly': it has a cycle: job 'c' -> job 'b' -> job 'c';"
                + " a workflow's triggers must form a graph without cycles");
    }

    @Test
    void triggerName_tooLongForGlue_isCutAndKeepsAHash() {
        WorkflowNode longName = WorkflowNode.job("x".repeat(250));
        String name = WorkflowPlan.triggerName("nightly", TriggerCondition.succeeded(longName, a));

        assertThat(name).hasSize(253).startsWith("nightly-when-xxx").matches(".*-[0-9a-f]{12}");
        assertThat(WorkflowPlan.triggerName("nightly", TriggerCondition.succeeded(longName, a))).isEqualTo(name);
    }
}
