package io.dataplatform.tasks;

import io.dataplatform.DataPlatform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point that runs a {@link JobTask} named in its arguments: what a Glue job (or any
 * {@code java -cp ... io.dataplatform.tasks.TaskMain}) calls. The task class comes from
 * {@code --task-class com.acme.FetchRates}; every other {@code --name value} pair goes to the task.
 * {@link #main} runs it against a production {@link DataPlatform} (region and credentials from the
 * default chains, as Glue provides them) and throws when the task fails, so the job run fails too.
 *
 * <pre>{@code
 * java -cp app.jar io.dataplatform.tasks.TaskMain --task-class com.acme.FetchRates --date 2024-01-31
 * }</pre>
 */
public final class TaskMain {
    /** The argument that names the task class. */
    public static final String TASK_CLASS_ARGUMENT = "task-class";

    private TaskMain() {
    }

    /** Runs the named task on a production platform; throws {@link TaskFailedException} when it fails. */
    public static void main(String[] args) {
        try (DataPlatform platform = DataPlatform.builder().build()) {
            run(platform, args).orThrow();
        }
    }

    /**
     * Runs the task named by {@code --task-class} on {@code platform} with the remaining arguments.
     *
     * @throws IllegalArgumentException if {@code --task-class} is missing, names no class, or a class
     *                                  that is not a {@link JobTask} with a public no-argument constructor
     */
    public static TaskRun run(DataPlatform platform, String... args) {
        if (platform == null) {
            throw new IllegalArgumentException("platform must not be null");
        }
        TaskArguments all = TaskArguments.parse(args);
        String className = all.find(TASK_CLASS_ARGUMENT).orElseThrow(() -> new IllegalArgumentException(
                "Missing '--" + TASK_CLASS_ARGUMENT + " <class name>': TaskMain runs the JobTask class it names (given: "
                        + Arrays.toString(all.asMap().keySet().stream().map(n -> "--" + n).toArray()) + ")"));
        List<String> rest = new ArrayList<>(all.asList());
        int at = rest.indexOf("--" + TASK_CLASS_ARGUMENT);
        rest.remove(at + 1);
        rest.remove(at);
        return platform.tasks().run(taskClass(className), rest.toArray(String[]::new));
    }

    private static Class<? extends JobTask> taskClass(String name) {
        Class<?> type;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            type = Class.forName(name, false, loader != null ? loader : TaskMain.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Task class '" + name + "' is not on the classpath: put the jar that"
                    + " holds it on the job's classpath (Glue: --extra-jars)", e);
        }
        if (!JobTask.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("Task class '" + name + "' does not implement " + JobTask.class.getName());
        }
        return type.asSubclass(JobTask.class);
    }
}
