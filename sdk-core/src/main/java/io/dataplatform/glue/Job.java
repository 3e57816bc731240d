package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A handle on one Glue job.
 *
 * <pre>{@code
 * Job job = platform.glue().existingJob("clean-sales");
 * JobRun run = job.start("--date", "2024-01-31").await();
 * job.runs().forEach(r -> System.out.println(r.attempt() + " " + r.state()));
 * }</pre>
 */
public interface Job {

    /** Returns the job's name. */
    String name();

    /**
     * Starts a run with {@code arguments} (names without the leading "--"; they override the job's
     * default arguments for this run). The platform's cost guard checks the run's estimate first
     * (workers x DPUs per worker x timeout at the Glue price) against
     * {@link io.dataplatform.cost.CostGuard.Builder#maxJobRunCost} and the budget; a refused run is never started.
     *
     * @throws io.dataplatform.cost.CostLimitExceededException if the guard refuses the run
     * @throws io.dataplatform.ResourceNotFoundException       if the job does not exist
     * @throws io.dataplatform.ResourceConflictException       if the job already runs its maximum of concurrent runs
     */
    JobRun start(Map<String, String> arguments);

    /** Starts a run with the job's default arguments; see {@link #start(Map)}. */
    default JobRun start() {
        return start(Map.of());
    }

    /** Starts a run with {@code --name value} pairs; see {@link #start(Map)}. */
    default JobRun start(String... nameValuePairs) {
        Checks.notNull(nameValuePairs, "nameValuePairs");
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("Job arguments must be '--name value' pairs, but " + nameValuePairs.length
                    + " strings were given");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            String name = nameValuePairs[i];
            if (name == null || !name.startsWith("--")) {
                throw new IllegalArgumentException("Invalid job argument '" + name + "' at position " + i
                        + ": arguments must be '--name value' pairs");
            }
            arguments.put(name.substring(2), nameValuePairs[i + 1]);
        }
        return start(arguments);
    }

    /** Returns the job's definition as Glue stores it (one GetJob call). */
    JobInfo info();

    /** Returns true if the job exists. */
    boolean exists();

    /** Returns the run with id {@code runId}, or empty if Glue has no such run of this job. */
    Optional<JobRunStatus> run(String runId);

    /** Returns the job's runs Glue still keeps (90 days), most recent first, every attempt its own entry. */
    List<JobRunStatus> runs();

    /** Deletes the job; Glue's DeleteJob succeeds for a job that does not exist. */
    void delete();
}
