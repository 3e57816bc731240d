package io.dataplatform.testing.internal.glue.workflows;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.glue.model.Action;
import software.amazon.awssdk.services.glue.model.Predicate;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;

/** One trigger of the fake Glue; {@link #nextFire} is set while a SCHEDULED trigger is ACTIVATED. */
final class TriggerEntry {
    final String name;
    final String id;
    final String workflowName;
    final TriggerType type;
    String description;
    String schedule;
    Predicate predicate;
    List<Action> actions;
    TriggerState state;
    Instant nextFire;
    java.util.Map<String, String> tags = java.util.Map.of();

    TriggerEntry(String name, String id, String workflowName, TriggerType type) {
        this.name = name;
        this.id = id;
        this.workflowName = workflowName;
        this.type = type;
    }

    boolean isStart() {
        return type != TriggerType.CONDITIONAL;
    }

    Trigger view() {
        return Trigger.builder().name(name).id(id).workflowName(workflowName).type(type).state(state)
                .description(description).schedule(schedule).predicate(predicate).actions(actions).build();
    }
}
