package io.dataplatform.testing.internal.glue;

import io.dataplatform.DataPlatform;
import io.dataplatform.tasks.TaskMain;
import io.dataplatform.tasks.TaskRun;
import io.dataplatform.testing.internal.compute.JobJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a {@code JobTask} deployed as a Glue job: the task's class is loaded from the jar read from the
 * fake S3 (before the test's classpath, so the uploaded bytes are what runs), everything else from the
 * test's classpath, and sdk-core's {@link TaskMain} runs it against a platform over the same world, as
 * the entry script does on Glue against the account.
 */
final class TaskLauncher {
    private final Supplier<DataPlatform> platforms;

    TaskLauncher(Supplier<DataPlatform> platforms) {
        this.platforms = platforms;
    }

    /** Runs {@code taskClass} with {@code arguments}; returns its failure, or null if it succeeded. */
    String run(List<JobJar> jars, String taskClass, List<String> arguments) {
        if (platforms == null) {
            return "This FakeAws world cannot run JobTask " + taskClass + ": it has no platform for tasks";
        }
        List<Path> files = new ArrayList<>();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try {
            List<URL> urls = new ArrayList<>();
            for (JobJar jar : jars) {
                Path file = Files.createTempFile("fakeaws-task-", ".jar");
                files.add(file);
                Files.write(file, jar.bytes());
                urls.add(file.toUri().toURL());
            }
            ClassLoader parent = before != null ? before : TaskLauncher.class.getClassLoader();
            try (TaskClassLoader loader = new TaskClassLoader(urls.toArray(URL[]::new), parent, taskClass);
                 DataPlatform platform = platforms.get()) {
                thread.setContextClassLoader(loader);
                List<String> args = new ArrayList<>(List.of("--" + TaskMain.TASK_CLASS_ARGUMENT, taskClass));
                args.addAll(arguments);
                TaskRun run = TaskMain.run(platform, args.toArray(String[]::new));
                return run.succeeded() ? null : run.failure().map(f -> f.getClass().getName()
                        + (f.getMessage() == null ? "" : ": " + f.getMessage())).orElse("task failed");
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage the jars of task " + taskClass, e);
        } finally {
            thread.setContextClassLoader(before);
            files.forEach(f -> f.toFile().delete());
        }
    }

    /** Loads the task's own classes from its jars first; the SDK, the JDK and the rest come from the parent. */
    private static final class TaskClassLoader extends URLClassLoader {
        private final String taskClass;

        TaskClassLoader(URL[] urls, ClassLoader parent, String taskClass) {
            super("fake-glue-task", urls, parent);
            this.taskClass = taskClass;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null && (name.equals(taskClass) || name.startsWith(taskClass + "$"))) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException notInJars) {
                        // not in the jars: the parent's
                    }
                }
                if (loaded == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
