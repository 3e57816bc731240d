package io.dataplatform.glue.internal;

import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.glue.ExecutionClass;
import io.dataplatform.glue.Job;
import io.dataplatform.glue.JobBuilder;
import io.dataplatform.glue.WorkerType;
import io.dataplatform.glue.etl.EtlMapping;
import io.dataplatform.tasks.JobTask;
import io.dataplatform.tasks.TaskMain;
import io.dataplatform.internal.Checks;
import io.dataplatform.internal.JobCode;
import io.dataplatform.s3.S3Location;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds a job definition and brings Glue to it. The job's code is one of: a {@code SparkJob} class
 * (or an ETL mapping, run by sdk-spark's EtlJob) or a {@code JobTask} class, each uploaded with a
 * generated entry script ({@link GlueEntryScript}), or an existing Python script.
 */
final class DefaultJobBuilder implements JobBuilder {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final Pattern ARGUMENT = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    // "Jobs must have timeout values less than 7 days or 10080 minutes" (CreateJob, Timeout); 48 hours is only the default.
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10_080);

    private final DefaultGlueCatalog.GlueAccess glue;
    private final JobServices services;
    private final String name;
    private Class<?> jobClass;
    private EtlMapping etl;
    private Class<? extends JobTask> taskClass;
    private boolean executionClassSet;
    private Path jar;
    private String pythonScript;
    private S3Location codeLocation;
    private String role;
    private String glueVersion = DEFAULT_GLUE_VERSION;
    private int workers = DEFAULT_WORKERS;
    private WorkerType workerType = WorkerType.G_1X;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int maxRetries;
    private int maxConcurrentRuns = 1;
    private final Map<String, String> defaultArguments = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private ExecutionClass executionClass = ExecutionClass.STANDARD;
    private String description;

    DefaultJobBuilder(DefaultGlueCatalog.GlueAccess glue, JobServices services, String name) {
        this.glue = glue;
        this.services = services;
        this.name = name;
    }

    @Override
    public JobBuilder sparkJob(Class<?> jobClass) {
        Checks.notNull(jobClass, "jobClass");
        Checks.require(JobCode.isSparkJob(jobClass), "Invalid job class %s: it does not implement %s",
                jobClass.getName(), JobCode.SPARK_JOB);
        this.jobClass = jobClass;
        this.jar = null;
        this.pythonScript = null;
        this.etl = null;
        this.taskClass = null;
        return this;
    }

    @Override
    public JobBuilder task(Class<? extends JobTask> taskClass) {
        Checks.notNull(taskClass, "taskClass");
        this.taskClass = taskClass;
        this.jobClass = null;
        this.etl = null;
        this.jar = null;
        this.pythonScript = null;
        return this;
    }

    @Override
    public JobBuilder task(Class<? extends JobTask> taskClass, Path jar) {
        task(taskClass);
        this.jar = Checks.notNull(jar, "jar");
        return this;
    }

    @Override
    public JobBuilder etl(EtlMapping mapping) {
        Checks.notNull(mapping, "mapping");
        Class<?> etlJob;
        try {
            etlJob = Class.forName(EtlMapping.JOB_CLASS, false, Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("ETL jobs run " + EtlMapping.JOB_CLASS + ", which is not on the classpath:"
                    + " add the dependency " + JobCode.SPARK_ARTIFACT, e);
        }
        sparkJob(etlJob);
        this.etl = mapping;
        return this;
    }

    @Override
    public JobBuilder etl(EtlMapping mapping, Path sparkJar) {
        etl(mapping);
        this.jar = Checks.notNull(sparkJar, "sparkJar");
        return this;
    }

    @Override
    public JobBuilder sparkJob(Class<?> jobClass, Path jar) {
        sparkJob(jobClass);
        this.etl = null;
        this.jar = Checks.notNull(jar, "jar");
        return this;
    }

    @Override
    public JobBuilder pythonScript(String scriptLocation) {
        Checks.notNull(scriptLocation, "scriptLocation");
        S3Location.parse(scriptLocation);
        Checks.require(scriptLocation.endsWith(".py"), "Invalid pythonScript '%s': must be an s3:// location of a .py"
                + " file", scriptLocation);
        this.pythonScript = scriptLocation;
        this.jobClass = null;
        this.etl = null;
        this.taskClass = null;
        this.jar = null;
        return this;
    }

    @Override
    public JobBuilder codeLocation(S3Location prefix) {
        this.codeLocation = Checks.notNull(prefix, "codeLocation");
        return this;
    }

    @Override
    public JobBuilder role(String role) {
        this.role = GlueNames.checkRole(role);
        return this;
    }

    @Override
    public JobBuilder glueVersion(String glueVersion) {
        Checks.notNull(glueVersion, "glueVersion");
        Checks.require(VERSION.matcher(glueVersion).matches(), "Invalid glueVersion '%s': must be like \"6.1\"",
                glueVersion);
        this.glueVersion = glueVersion;
        return this;
    }

    @Override
    public JobBuilder workers(int count, WorkerType type) {
        Checks.notNull(type, "workerType");
        Checks.require(count >= 2, "workers must be >= 2 for a Glue Spark job, but was %s", count);
        this.workers = count;
        this.workerType = type;
        return this;
    }

    @Override
    public JobBuilder timeout(Duration timeout) {
        Checks.positive(timeout, "timeout");
        Checks.require(timeout.toSeconds() % 60 == 0 && timeout.toNanosPart() == 0 && timeout.compareTo(MAX_TIMEOUT) <= 0,
                "timeout must be whole minutes from 1 minute to 7 days (Glue's Timeout is in minutes, at most 10080), but was %s",
                timeout);
        this.timeout = timeout;
        return this;
    }

    @Override
    public JobBuilder maxRetries(int maxRetries) {
        Checks.require(maxRetries >= 0 && maxRetries <= 10, "maxRetries must be 0-10, but was %s", maxRetries);
        this.maxRetries = maxRetries;
        return this;
    }

    @Override
    public JobBuilder maxConcurrentRuns(int maxConcurrentRuns) {
        Checks.require(maxConcurrentRuns >= 1, "maxConcurrentRuns must be >= 1, but was %s", maxConcurrentRuns);
        this.maxConcurrentRuns = maxConcurrentRuns;
        return this;
    }

    @Override
    public JobBuilder defaultArgument(String name, String value) {
        checkArgumentName(name);
        Checks.notNull(value, "value of --" + name);
        defaultArguments.put(name, value);
        return this;
    }

    @Override
    public JobBuilder tag(String key, String value) {
        Checks.notEmpty(key, "tag key");
        Checks.notNull(value, "tag value");
        tags.put(key, value);
        return this;
    }

    @Override
    public JobBuilder executionClass(ExecutionClass executionClass) {
        this.executionClass = Checks.notNull(executionClass, "executionClass");
        this.executionClassSet = true;
        return this;
    }

    @Override
    public JobBuilder description(String description) {
        Checks.notNull(description, "description");
        Checks.require(description.length() <= 2048, "description must be at most 2048 characters, but was %s",
                description.length());
        this.description = description;
        return this;
    }

    @Override
    public Job create() {
        JobSpec spec = spec();
        software.amazon.awssdk.services.glue.model.Job existing = existing();
        if (existing == null) {
            glue.create("CreateJob", name, "AlreadyExistsException",
                    c -> c.createJob(r -> spec.toCreate(r.name(name)).tags(tags.isEmpty() ? null : tags)));
        } else if (!JobSpec.of(existing).equals(spec)) {
            glue.call("UpdateJob", name, c -> c.updateJob(r -> r.jobName(name).jobUpdate(spec.toUpdate())));
        }
        return new DefaultJob(glue, services, name, spec);
    }

    @Override
    public Job update() {
        JobSpec spec = spec();
        glue.call("UpdateJob", name, c -> c.updateJob(r -> r.jobName(name).jobUpdate(spec.toUpdate())));
        return new DefaultJob(glue, services, name, spec);
    }

    private software.amazon.awssdk.services.glue.model.Job existing() {
        try {
            return glue.call("GetJob", name, c -> c.getJob(r -> r.jobName(name))).job();
        } catch (ResourceNotFoundException absent) {
            return null;
        }
    }

    /** Checks the definition as a whole, then uploads the code it needs; returns it in normal form. */
    private JobSpec spec() {
        GlueNames.required(role, "role", "glue().job(\"" + name + "\")");
        if (jobClass == null && pythonScript == null && taskClass == null) {
            throw new IllegalStateException("Job '" + name + "' has no code: call sparkJob(SomeJob.class),"
                    + " task(SomeTask.class) or pythonScript(\"s3://bucket/script.py\") on glue().job(\"" + name + "\")");
        }
        // A task needs no Spark: the cheapest Glue job that runs Java is the smallest Spark job, on flex.
        ExecutionClass executionClass = taskClass != null && !executionClassSet ? ExecutionClass.FLEX
                : this.executionClass;
        if (executionClass == ExecutionClass.FLEX && workerType != WorkerType.G_1X && workerType != WorkerType.G_2X) {
            throw new IllegalStateException("Job '" + name + "' cannot use FLEX execution on " + workerType.glueName()
                    + " workers: Glue runs flex jobs on G.1X and G.2X only");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        if (etl != null) {
            EtlMapping mapping = etl.resolved() ? etl : etl.resolve(
                    new DefaultDatabase(glue, etl.database()).table(etl.table()).definition());
            mapping.arguments().forEach((k, v) -> arguments.put("--" + k, v));
        }
        defaultArguments.forEach((k, v) -> arguments.put("--" + k, v));
        String script;
        String pythonVersion = null;
        if (taskClass != null) {
            checkVersionRunsTasks();
            Checks.required(codeLocation, "codeLocation", "glue().job(\"" + name + "\")");
            script = uploadTaskCode(arguments);
        } else if (jobClass != null) {
            checkVersionRunsSparkJobs();
            Checks.required(codeLocation, "codeLocation", "glue().job(\"" + name + "\")");
            script = uploadSparkCode(arguments);
        } else {
            script = pythonScript;
            pythonVersion = "3";
            arguments.put("--job-language", "python");
        }
        return new JobSpec(role, "glueetl", script, pythonVersion, glueVersion, workerType, workers,
                (int) timeout.toMinutes(), maxRetries, maxConcurrentRuns, executionClass, arguments, description);
    }

    private void checkVersionRunsSparkJobs() {
        var m = VERSION.matcher(glueVersion);
        if (m.matches() && Integer.parseInt(m.group(1)) < 6) {
            throw new IllegalArgumentException("Glue " + glueVersion + " cannot run SparkJob class " + jobClass.getName()
                    + ": Glue 5.x and older run Spark 3.5 or older on Scala 2.12, and dataplatform-sdk-spark jobs are"
                    + " built for Spark 4 on Scala 2.13. Use glueVersion(\"" + DEFAULT_GLUE_VERSION + "\") (or \"6.0\"),"
                    + " or deploy a Python script with pythonScript(..) to run on Glue " + glueVersion);
        }
    }

    private void checkVersionRunsTasks() {
        var m = VERSION.matcher(glueVersion);
        if (m.matches() && Integer.parseInt(m.group(1)) < 5) {
            throw new IllegalArgumentException("Glue " + glueVersion + " cannot run JobTask class " + taskClass.getName()
                    + ": Glue 4.0 and older run Java 8, and the SDK needs Java 17. Use glueVersion(\""
                    + DEFAULT_GLUE_VERSION + "\")");
        }
    }

    /** Uploads the task's jar, sdk-core's jar when the task's jar lacks TaskMain, and the entry script. */
    private String uploadTaskCode(Map<String, String> arguments) {
        JobCode code = jar == null ? JobCode.of(taskClass) : JobCode.of(taskClass, jar);
        List<String> jars = new ArrayList<>();
        var s3 = services.s3().get();
        jars.add(code.upload(s3, services.s3Invoker(), codeLocation).uri());
        if (!code.contains(TaskMain.class.getName())) {
            jars.add(JobCode.ofClassLocation(TaskMain.class, "dataplatform-sdk-core.jar")
                    .upload(s3, services.s3Invoker(), codeLocation).uri());
        }
        JobCode script = JobCode.ofBytes(GlueEntryScript.OBJECT, GlueEntryScript.FILE_NAME,
                GlueEntryScript.forTask(taskClass.getName()));
        String scriptLocation = script.upload(s3, services.s3Invoker(), codeLocation).uri();
        arguments.put("--job-language", "scala");
        arguments.put("--class", GlueEntryScript.OBJECT);
        arguments.put("--extra-jars", String.join(",", jars));
        return scriptLocation;
    }

    /** Uploads the job's jar, sdk-spark's jar when the job's jar lacks it, and the entry script. */
    private String uploadSparkCode(Map<String, String> arguments) {
        JobCode code = jar == null ? JobCode.of(jobClass) : JobCode.of(jobClass, jar);
        List<String> jars = new ArrayList<>();
        var s3 = services.s3().get();
        jars.add(code.upload(s3, services.s3Invoker(), codeLocation).uri());
        code.sparkRuntime(jobClass.getClassLoader())
                .ifPresent(runtime -> jars.add(runtime.upload(s3, services.s3Invoker(), codeLocation).uri()));
        JobCode script = JobCode.ofBytes(GlueEntryScript.OBJECT, GlueEntryScript.FILE_NAME,
                GlueEntryScript.forJobClass(jobClass.getName()));
        String scriptLocation = script.upload(s3, services.s3Invoker(), codeLocation).uri();
        arguments.put("--job-language", "scala");
        arguments.put("--class", GlueEntryScript.OBJECT);
        arguments.put("--extra-jars", String.join(",", jars));
        return scriptLocation;
    }

    static void checkArgumentName(String name) {
        Checks.notNull(name, "argument name");
        Checks.require(ARGUMENT.matcher(name).matches(), "Invalid job argument name '%s': give it without the leading"
                + " \"--\"; it must start with a letter and hold only letters, digits, '.', '_' and '-'", name);
    }
}
