package io.dataplatform.testing.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.glue.ExecutionClass;
import io.dataplatform.glue.Job;
import io.dataplatform.glue.JobInfo;
import io.dataplatform.glue.JobRunFailedException;
import io.dataplatform.glue.JobRunState;
import io.dataplatform.glue.WorkerType;
import io.dataplatform.s3.S3Location;
import io.dataplatform.testing.FakeAws;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A plain-Java JobTask deployed as the cheapest Glue job that can run it, really run by the fake Glue. */
class GlueTaskJobTest {
    private static final S3Location CODE = S3Location.parse("s3://acme-code/tasks/");

    private final FakeAws aws = FakeAws.create();
    private final DataPlatform platform = aws.dataPlatform();

    GlueTaskJobTest() {
        platform.bucket("acme-code").create();
        platform.bucket("acme-out").create();
    }

    private Job stampJob() {
        return platform.glue().job("stamp").task(StampTask.class, TestJars.jarOfClasses(StampTask.class))
                .codeLocation(CODE).role("AWSGlueServiceRole-tasks").create();
    }

    @Test
    void task_isDeployedAsTheCheapestGlueJob_twoG1xWorkersOnFlex() {
        JobInfo info = stampJob().info();

        assertThat(info.workers()).isEqualTo(2);
        assertThat(info.workerType()).isEqualTo(WorkerType.G_1X);
        assertThat(info.executionClass()).isEqualTo(ExecutionClass.FLEX);
        assertThat(info.defaultArguments()).containsEntry("--class", "DataPlatformGlueJob");
        List<String> uploaded = aws.s3().listObjectsV2(b -> b.bucket("acme-code").prefix("tasks/")).contents().stream()
                .map(S3Object::key).map(k -> k.replaceAll("[0-9a-f]{64}", "<sha256>"))
                .map(k -> k.replaceAll("dataplatform-sdk-core.*\\.jar", "dataplatform-sdk-core.jar"))
                .map(k -> k.replaceAll("test-job-\\d+\\.jar", "task.jar")).sorted().toList();
        assertThat(uploaded).containsExactly("tasks/<sha256>/DataPlatformGlueJob.scala",
                "tasks/<sha256>/dataplatform-sdk-core.jar", "tasks/<sha256>/task.jar");
        String script = platform.bucket("acme-code").get(S3Location.parse(info.scriptLocation()).key()).string();
        assertThat(script).contains("io.dataplatform.tasks.TaskMain.main(Array(\"--task-class\", \""
                + StampTask.class.getName() + "\") ++ kept)");
    }

    @Test
    void taskJobRun_runsTheTaskAgainstTheWorld() {
        Job job = stampJob();

        assertThat(job.start("--date", "2024-01-31").await().status().state()).isEqualTo(JobRunState.SUCCEEDED);

        assertThat(platform.bucket("acme-out").get("stamps/2024-01-31.txt").string()).isEqualTo("stamped 2024-01-31");
        assertThatThrownBy(() -> job.start("--date", "2024-02-01", "--fail", "yes").await())
                .isInstanceOf(JobRunFailedException.class)
                .hasMessageContaining("no stamp for 2024-02-01");
    }

    @Test
    void task_explicitStandardExecution_isKept() {
        JobInfo info = platform.glue().job("stamp").task(StampTask.class, TestJars.jarOfClasses(StampTask.class))
                .executionClass(ExecutionClass.STANDARD).codeLocation(CODE).role("r").create().info();

        assertThat(info.executionClass()).isEqualTo(ExecutionClass.STANDARD);
    }
}
