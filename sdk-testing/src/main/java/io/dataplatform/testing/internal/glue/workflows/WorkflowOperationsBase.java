package io.dataplatform.testing.internal.glue.workflows;

import io.dataplatform.testing.internal.glue.GlueErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.glue.model.*;

/** What the fake Glue's trigger and workflow operations share: the world, Glue's errors, lookups and pages. */
abstract class WorkflowOperationsBase {
    final WorkflowWorld world;
    final GlueErrors errors;

    WorkflowOperationsBase(WorkflowWorld world) {
        this.world = world;
        this.errors = world.actions.errors();
    }

    WorkflowEntry workflow(String name) {
        WorkflowEntry w = name == null ? null : world.workflows.get(name);
        if (w == null) {
            throw errors.error(400, "EntityNotFoundException", "Workflow with name " + name + " not found");
        }
        return w;
    }

    TriggerEntry trigger(String name) {
        TriggerEntry t = name == null ? null : world.triggers.get(name);
        if (t == null) {
            throw errors.error(400, "EntityNotFoundException", "Trigger with name " + name + " not found");
        }
        return t;
    }

    RunEntry run(WorkflowEntry w, String runId) {
        RunEntry run = runId == null ? null : w.run(runId);
        if (run == null) {
            throw errors.error(400, "EntityNotFoundException", "Workflow run " + runId + " of " + w.name + " not found");
        }
        return run;
    }

    void checkConcurrency(WorkflowEntry w) {
        if (w.maxConcurrentRuns != null && w.activeRuns() >= w.maxConcurrentRuns) {
            throw errors.error(400, "ConcurrentRunsExceededException", "Concurrent runs exceeded for workflow " + w.name
                    + ": it allows " + w.maxConcurrentRuns + " (MaxConcurrentRuns)");
        }
    }

    void checkName(String name, String field) {
        errors.checkName(name, field);
    }

    software.amazon.awssdk.awscore.exception.AwsServiceException invalid(String message) {
        return errors.error(400, "InvalidInputException", message);
    }

    software.amazon.awssdk.awscore.exception.AwsServiceException notFound(String message) {
        return errors.error(400, "EntityNotFoundException", message);
    }

    // ---- paging

    record Page<T>(List<T> items, String next) {
    }

    <T> Page<T> page(List<T> all, String token, Integer requested, int max) {
        errors.checkMaxResults(requested, max);
        int size = requested == null ? max : requested;
        int from = 0;
        if (token != null && !token.isEmpty()) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                from = Integer.parseInt(decoded.substring("offset:".length()));
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw invalid("Invalid NextToken: " + token);
            }
        }
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + to).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(List.copyOf(all.subList(Math.min(from, all.size()), to)), next);
    }
}
