package io.dataplatform.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The spark-submit entry point: the first argument names the job, the rest are its arguments. */
class SparkJobMainTest {
    static final AtomicReference<String> SEEN = new AtomicReference<>();

    /** Records what it was given and counts a tiny Dataset on the session it runs on. */
    public static final class RecordingJob implements SparkJob {
        @Override
        public void run(SparkSession spark, JobContext context) {
            SEEN.set(context.date("date") + " rows=" + spark.range(3).count());
        }
    }

    /** Not a job. */
    public static final class NotAJob {
    }

    @Test
    void main_runsTheNamedJob_onTheClustersSession_withItsArguments() {
        LocalSpark.session();   // on a cluster, spark-submit has made the session getOrCreate() returns

        SparkJobMain.main(new String[] {RecordingJob.class.getName(), "--date", "2024-01-31"});

        assertThat(SEEN).hasValue("2024-01-31 rows=3");
    }

    @Test
    void main_refusesMissingClass_nonJobs_andBadArguments_sayingWhy() {
        assertThatThrownBy(() -> SparkJobMain.main(new String[] {"--date", "2024-01-31"}))
                .hasMessageContaining("the first argument must name the job class");
        assertThatThrownBy(() -> SparkJobMain.main(new String[] {"com.acme.Missing"}))
                .hasMessageContaining("Job class com.acme.Missing is not in the job's jar nor on the classpath");
        assertThatThrownBy(() -> SparkJobMain.main(new String[] {NotAJob.class.getName()}))
                .hasMessageContaining("does not implement io.dataplatform.spark.SparkJob");
        assertThatThrownBy(() -> SparkJobMain.main(new String[] {RecordingJob.class.getName(), "--date"}))
                .hasMessageContaining("Invalid job argument '--date': it has no value");
    }
}
