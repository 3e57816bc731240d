package io.dataplatform.testing.internal.glue.workflows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One workflow of the fake Glue and its runs, newest first. */
final class WorkflowEntry {
    final String name;
    final Instant createdOn;
    String description;
    Map<String, String> defaultRunProperties;
    Integer maxConcurrentRuns;
    Instant lastModifiedOn;
    final List<RunEntry> runs = new ArrayList<>();

    WorkflowEntry(String name, Instant createdOn) {
        this.name = name;
        this.createdOn = createdOn;
        this.lastModifiedOn = createdOn;
    }

    long activeRuns() {
        return runs.stream().filter(RunEntry::active).count();
    }

    RunEntry run(String id) {
        return runs.stream().filter(r -> r.id.equals(id)).findFirst().orElse(null);
    }
}
