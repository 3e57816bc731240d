package io.dataplatform.tasks.internal;

import io.dataplatform.DataPlatform;
import io.dataplatform.email.EmailSender;
import io.dataplatform.http.Http;
import io.dataplatform.internal.Checks;
import io.dataplatform.internal.PlatformContext;
import io.dataplatform.tasks.JobTask;
import io.dataplatform.tasks.TaskArguments;
import io.dataplatform.tasks.TaskContext;
import io.dataplatform.tasks.TaskRun;
import io.dataplatform.tasks.TaskStatus;
import io.dataplatform.tasks.Tasks;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs tasks in the calling thread against one platform. */
public final class LocalTasks implements Tasks {
    private static final Logger LOG = LoggerFactory.getLogger(LocalTasks.class);

    private final DataPlatform platform;
    private final PlatformContext context;
    private final Http http;
    private final EmailSender email;

    /** Creates the runner for {@code platform}. */
    public LocalTasks(DataPlatform platform, PlatformContext context, Http http, EmailSender email) {
        this.platform = platform;
        this.context = context;
        this.http = http;
        this.email = email;
    }

    @Override
    public TaskRun run(Class<? extends JobTask> taskClass, String... args) {
        Checks.notNull(taskClass, "taskClass");
        TaskArguments arguments = TaskArguments.parse(args);
        return execute(instantiate(taskClass), taskClass, arguments);
    }

    @Override
    public TaskRun run(JobTask task, String... args) {
        Checks.notNull(task, "task");
        return execute(task, task.getClass(), TaskArguments.parse(args));
    }

    private TaskRun execute(JobTask task, Class<?> type, TaskArguments arguments) {
        String name = type.isAnonymousClass() || type.isSynthetic() || type.getSimpleName().contains("$$Lambda")
                ? "task" : type.getSimpleName();
        byte[] id = new byte[8];
        context.random().nextBytes(id);
        String runId = "tr-" + HexFormat.of().formatHex(id);
        Logger logger = LoggerFactory.getLogger(type);
        Clock clock = context.clock();
        Instant started = clock.instant();
        LOG.info("Task {} ({}) started with {}", name, runId, arguments);
        Throwable error = null;
        try {
            task.run(new Context(arguments, platform, http, email, clock, logger, name, runId));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = e;
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            error = e;
        }
        Duration duration = Duration.between(started, clock.instant());
        if (error == null) {
            LOG.info("Task {} ({}) succeeded in {} ms", name, runId, duration.toMillis());
        } else {
            LOG.warn("Task {} ({}) failed in {} ms: {}", name, runId, duration.toMillis(), error.toString());
        }
        return new TaskRun(name, runId, error == null ? TaskStatus.SUCCEEDED : TaskStatus.FAILED, started, duration, error);
    }

    private static JobTask instantiate(Class<? extends JobTask> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException("Task class " + type.getName() + " is abstract: give a concrete JobTask class");
        }
        Constructor<? extends JobTask> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("Task class " + type.getName() + " needs a public no-argument constructor"
                    + (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()) ? " (it is an inner class: make it static)" : ""), e);
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("Task class " + type.getName() + "'s constructor threw: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot create task class " + type.getName() + ": " + e, e);
        }
    }

    /** One run's context. */
    private record Context(TaskArguments arguments, DataPlatform platform, Http http, EmailSender email, Clock clock,
                           Logger logger, String taskName, String runId) implements TaskContext {
        @Override
        public String toString() {
            return "TaskContext{" + taskName + " " + runId + " " + arguments + "}";
        }
    }
}
