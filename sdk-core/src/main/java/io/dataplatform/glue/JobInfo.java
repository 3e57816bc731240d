package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import java.time.Duration;
import java.util.Map;

/**
 * A Glue job's definition as GetJob returns it.
 *
 * @param name              the job's name
 * @param role              the IAM role it runs as
 * @param command           Glue's command name: {@code glueetl} for Spark jobs, {@code pythonshell}
 * @param scriptLocation    the S3 location of its script
 * @param glueVersion       e.g. {@code 6.1}
 * @param workerType        its worker type
 * @param workers           how many workers it runs on
 * @param timeout           how long a run may take before Glue ends it as TIMEOUT
 * @param maxRetries        how often Glue retries a failed run
 * @param maxConcurrentRuns how many runs may run at once
 * @param executionClass    standard or flex
 * @param defaultArguments  its default arguments, names with their leading "--" as Glue keeps them
 * @param description       its description, empty if none
 */
public record JobInfo(String name, String role, String command, String scriptLocation, String glueVersion,
                      WorkerType workerType, int workers, Duration timeout, int maxRetries, int maxConcurrentRuns,
                      ExecutionClass executionClass, Map<String, String> defaultArguments, String description) {

    /** Copies the arguments. */
    public JobInfo {
        Checks.notEmpty(name, "name");
        defaultArguments = Checks.copyOf(defaultArguments, "defaultArguments");
        description = description == null ? "" : description;
    }

    /** Returns the DPUs a run is allocated: workers times DPUs per worker. */
    public double capacity() {
        return workerType == null ? 0 : (double) workers * workerType.dpus();
    }
}
