package io.dataplatform.testing.internal.glue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.Job;

/** One job of the fake Glue: its definition as GetJob returns it, its tags and its runs, newest first. */
final class JobEntry {
    Job definition;
    final Map<String, String> tags;
    final List<RunEntry> runs = new ArrayList<>();

    JobEntry(Job definition, Map<String, String> tags) {
        this.definition = definition;
        this.tags = tags;
    }

    long activeRuns() {
        return runs.stream().filter(RunEntry::active).count();
    }

    RunEntry run(String id) {
        return runs.stream().filter(r -> r.id.equals(id)).findFirst().orElse(null);
    }
}
