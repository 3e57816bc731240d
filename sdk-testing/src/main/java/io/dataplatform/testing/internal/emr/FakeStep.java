package io.dataplatform.testing.internal.emr;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.emr.model.StepState;

/** One step of a fake cluster: its request and where it is in EMR's step states. Guarded by the world. */
final class FakeStep {
    final String id;
    final String name;
    final String actionOnFailure;
    final String jar;
    final List<String> args;
    final SparkSubmit submit;
    final Instant createdAt;
    StepState state = StepState.PENDING;
    Instant startedAt;
    Instant endedAt;
    Instant plannedEnd;
    boolean succeeded;
    String failureReason;
    String failureMessage;
    String logFile;

    FakeStep(String id, String name, String actionOnFailure, String jar, List<String> args, SparkSubmit submit,
             Instant createdAt) {
        this.id = id;
        this.name = name;
        this.actionOnFailure = actionOnFailure;
        this.jar = jar;
        this.args = List.copyOf(args);
        this.submit = submit;
        this.createdAt = createdAt;
    }

    boolean isActive() {
        return state == StepState.PENDING || state == StepState.RUNNING || state == StepState.CANCEL_PENDING;
    }
}
