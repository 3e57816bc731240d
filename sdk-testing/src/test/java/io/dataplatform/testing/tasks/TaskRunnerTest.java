package io.dataplatform.testing.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.tasks.JobTask;
import io.dataplatform.tasks.TaskContext;
import io.dataplatform.tasks.TaskFailedException;
import io.dataplatform.tasks.TaskMain;
import io.dataplatform.tasks.TaskRun;
import io.dataplatform.tasks.TaskStatus;
import io.dataplatform.testing.FakeAws;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local runner and the main-class entry point Glue calls: arguments, outcomes, and what is refused before a run. */
class TaskRunnerTest {
    private final FakeAws aws = FakeAws.create();
    private final DataPlatform platform = aws.dataPlatform();

    /** Records its typed arguments and lets time pass on the platform's clock. */
    public static final class Recorder implements JobTask {
        static final List<Object> SEEN = new ArrayList<>();

        @Override
        public void run(TaskContext context) throws Exception {
            SEEN.clear();
            SEEN.add(context.arguments().date("date"));
            SEEN.add(context.arguments().integer("pages", 10));
            SEEN.add(context.arguments().decimal("limit"));
            SEEN.add(context.arguments().list("to"));
            SEEN.add(context.taskName());
            SEEN.add(context.clock().instant());
            context.platform().bucket("acme-raw").create();
        }
    }

    /** Always fails. */
    public static final class Failing implements JobTask {
        @Override
        public void run(TaskContext context) {
            throw new IllegalStateException("upstream file missing for " + context.arguments().string("date"));
        }
    }

    /** Has no no-argument constructor. */
    public static final class NeedsConfig implements JobTask {
        public NeedsConfig(String config) {
        }

        @Override
        public void run(TaskContext context) {
        }
    }

    @Test
    void aTaskGetsTypedArgumentsThePlatformAndItsClock() {
        TaskRun run = platform.tasks().run(Recorder.class, "--date", "2024-01-31", "--limit", "12.50",
                "--to", "a@x.example, b@x.example");

        assertThat(run.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(run.taskName()).isEqualTo("Recorder");
        assertThat(run.runId()).startsWith("tr-");
        assertThat(Recorder.SEEN).containsExactly(LocalDate.parse("2024-01-31"), 10, new BigDecimal("12.50"),
                List.of("a@x.example", "b@x.example"), "Recorder", FakeAws.DEFAULT_START);
        assertThat(platform.bucket("acme-raw").exists()).isTrue();
    }

    @Test
    void aFailingTask_endsFailedWithItsException_andOrThrowRaisesIt() {
        aws.clock().advance(Duration.ofMinutes(5));

        TaskRun run = platform.tasks().run(Failing.class, "--date", "2024-01-31");

        assertThat(run.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(run.startedAt()).isEqualTo(FakeAws.DEFAULT_START.plus(Duration.ofMinutes(5)));
        assertThat(run.error()).isInstanceOf(IllegalStateException.class).hasMessage("upstream file missing for 2024-01-31");
        assertThatThrownBy(run::orThrow).isInstanceOf(TaskFailedException.class)
                .hasMessageStartingWith("Task Failing (" + run.runId() + ") failed after 0 ms: IllegalStateException:"
                        + " upstream file missing for 2024-01-31")
                .hasCause(run.error());
    }

    @Test
    void aMissingArgument_failsTheRun_namingItAndTheGivenOnes() {
        TaskRun run = platform.tasks().run(Failing.class, "--day", "2024-01-31");

        assertThat(run.error()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Missing task argument '--date': pass it as '--date <value>' (given: --day)");
    }

    @Test
    void whatCannotRun_isRefusedBeforeTheRun() {
        assertThatThrownBy(() -> platform.tasks().run(NeedsConfig.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NeedsConfig needs a public no-argument constructor");
        assertThatThrownBy(() -> platform.tasks().run(Failing.class, "--date"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid task argument '--date': it has no value; arguments must be '--name value' pairs");
        assertThatThrownBy(() -> platform.tasks().run(Failing.class, "date", "2024-01-31"))
                .hasMessage("Invalid task argument 'date' at position 0: arguments must be '--name value' pairs");
    }

    @Test
    void aLambdaRunsToo() {
        TaskRun run = platform.tasks().run(context -> context.logger().info("hello"));

        assertThat(run.succeeded()).isTrue();
        assertThat(run.taskName()).isEqualTo("task");
    }

    @Test
    void taskMain_runsTheClassNamedByTaskClass_withTheOtherArguments() {
        TaskRun run = TaskMain.run(platform, "--task-class", Recorder.class.getName(), "--date", "2024-02-29",
                "--limit", "1", "--to", "c@x.example");

        assertThat(run.succeeded()).isTrue();
        assertThat(Recorder.SEEN.get(0)).isEqualTo(LocalDate.parse("2024-02-29"));

        assertThatThrownBy(() -> TaskMain.run(platform, "--date", "2024-02-29"))
                .hasMessage("Missing '--task-class <class name>': TaskMain runs the JobTask class it names (given: [--date])");
        assertThatThrownBy(() -> TaskMain.run(platform, "--task-class", "com.acme.Nope"))
                .hasMessageStartingWith("Task class 'com.acme.Nope' is not on the classpath");
        assertThatThrownBy(() -> TaskMain.run(platform, "--task-class", String.class.getName()))
                .hasMessage("Task class 'java.lang.String' does not implement io.dataplatform.tasks.JobTask");
    }
}
