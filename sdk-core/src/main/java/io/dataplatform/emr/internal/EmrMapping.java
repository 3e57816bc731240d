package io.dataplatform.emr.internal;

import io.dataplatform.emr.ActionOnFailure;
import io.dataplatform.emr.ClusterState;
import io.dataplatform.emr.ClusterStatus;
import io.dataplatform.emr.StepState;
import io.dataplatform.emr.StepStatus;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ClusterSummary;
import software.amazon.awssdk.services.emr.model.Step;
import software.amazon.awssdk.services.emr.model.StepSummary;

/** Maps EMR's responses onto the SDK's status records. */
final class EmrMapping {
    private EmrMapping() {
    }

    static ClusterStatus cluster(Cluster c) {
        var status = c.status();
        var reason = status.stateChangeReason();
        var timeline = status.timeline();
        return new ClusterStatus(c.id(), c.name(), ClusterState.valueOf(status.stateAsString()),
                reason == null ? null : reason.codeAsString(), reason == null ? null : reason.message(),
                c.releaseLabel(), timeline == null ? null : timeline.creationDateTime(),
                timeline == null ? null : timeline.readyDateTime(), timeline == null ? null : timeline.endDateTime(),
                Boolean.TRUE.equals(c.terminationProtected()), Boolean.TRUE.equals(c.autoTerminate()),
                c.stepConcurrencyLevel() == null ? 1 : c.stepConcurrencyLevel(), c.logUri());
    }

    static ClusterStatus summary(ClusterSummary c) {
        var status = c.status();
        var reason = status.stateChangeReason();
        var timeline = status.timeline();
        return new ClusterStatus(c.id(), c.name(), ClusterState.valueOf(status.stateAsString()),
                reason == null ? null : reason.codeAsString(), reason == null ? null : reason.message(), null,
                timeline == null ? null : timeline.creationDateTime(), timeline == null ? null : timeline.readyDateTime(),
                timeline == null ? null : timeline.endDateTime(), false, false, 1, null);
    }

    static StepStatus step(String clusterId, Step s) {
        var status = s.status();
        var failure = status.failureDetails();
        var timeline = status.timeline();
        return new StepStatus(s.id(), clusterId, s.name(), StepState.valueOf(status.stateAsString()),
                action(s.actionOnFailureAsString()), failure == null ? null : failure.reason(),
                failure == null ? null : failure.message(), failure == null ? null : failure.logFile(),
                timeline == null ? null : timeline.creationDateTime(), timeline == null ? null : timeline.startDateTime(),
                timeline == null ? null : timeline.endDateTime());
    }

    static StepStatus step(String clusterId, StepSummary s) {
        var status = s.status();
        var failure = status.failureDetails();
        var timeline = status.timeline();
        return new StepStatus(s.id(), clusterId, s.name(), StepState.valueOf(status.stateAsString()),
                action(s.actionOnFailureAsString()), failure == null ? null : failure.reason(),
                failure == null ? null : failure.message(), failure == null ? null : failure.logFile(),
                timeline == null ? null : timeline.creationDateTime(), timeline == null ? null : timeline.startDateTime(),
                timeline == null ? null : timeline.endDateTime());
    }

    /** TERMINATE_JOB_FLOW is the older name of TERMINATE_CLUSTER. */
    private static ActionOnFailure action(String value) {
        if (value == null) {
            return null;
        }
        return "TERMINATE_JOB_FLOW".equals(value) ? ActionOnFailure.TERMINATE_CLUSTER : ActionOnFailure.valueOf(value);
    }
}
