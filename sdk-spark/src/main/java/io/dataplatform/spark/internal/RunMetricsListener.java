package io.dataplatform.spark.internal;

import io.dataplatform.spark.JobMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Totals the input and output metrics of the tasks of each run. A run tags its jobs with the
 * local property {@link SharedSpark#RUN_ID}; job-start events map the job's stages to the run,
 * and task-end events add their metrics to it.
 */
public final class RunMetricsListener extends SparkListener {
    private static final Logger LOG = LoggerFactory.getLogger(RunMetricsListener.class);

    private final Map<Integer, String> stageRuns = new ConcurrentHashMap<>();
    private final Map<String, Totals> runs = new ConcurrentHashMap<>();

    RunMetricsListener() {
    }

    /** Starts totalling the metrics of jobs tagged with {@code runId}. */
    public void start(String runId) {
        runs.put(runId, new Totals());
    }

    /**
     * Stops totalling {@code runId} and returns its totals, after the listener bus has delivered
     * the events posted so far: Spark delivers events asynchronously, but posts a job's task-end
     * events before the action that ran it returns, so nothing of a finished run is missed.
     */
    public JobMetrics finish(String runId, SparkContext context) {
        try {
            context.listenerBus().waitUntilEmpty();
        } catch (TimeoutException e) {
            LOG.warn("Spark's listener bus did not drain in time; the metrics of {} may be incomplete", runId);
        }
        stageRuns.values().removeIf(runId::equals);
        Totals totals = runs.remove(runId);
        return totals == null ? JobMetrics.none() : totals.metrics();
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        String runId = jobStart.properties() == null ? null : jobStart.properties().getProperty(SharedSpark.RUN_ID);
        if (runId == null || !runs.containsKey(runId)) {
            return;
        }
        CollectionConverters.asJava(jobStart.stageInfos()).forEach(stage -> stageRuns.put(stage.stageId(), runId));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        String runId = stageRuns.get(taskEnd.stageId());
        TaskMetrics metrics = taskEnd.taskMetrics();
        Totals totals = runId == null ? null : runs.get(runId);
        if (totals == null || metrics == null) {
            return;
        }
        totals.bytesRead.add(metrics.inputMetrics().bytesRead());
        totals.recordsRead.add(metrics.inputMetrics().recordsRead());
        totals.bytesWritten.add(metrics.outputMetrics().bytesWritten());
        totals.recordsWritten.add(metrics.outputMetrics().recordsWritten());
    }

    private static final class Totals {
        private final LongAdder bytesRead = new LongAdder();
        private final LongAdder recordsRead = new LongAdder();
        private final LongAdder bytesWritten = new LongAdder();
        private final LongAdder recordsWritten = new LongAdder();

        JobMetrics metrics() {
            return new JobMetrics(bytesRead.sum(), recordsRead.sum(), bytesWritten.sum(), recordsWritten.sum());
        }
    }
}
