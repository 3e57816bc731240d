package io.dataplatform.testing.internal.glue;

import io.dataplatform.testing.GlueJobHandler;
import io.dataplatform.testing.GlueJobRunContext;
import io.dataplatform.testing.internal.Caller;
import io.dataplatform.testing.internal.compute.JobJar;
import io.dataplatform.testing.internal.compute.SparkJobOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.JobRunState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the code of one attempt: the test's Java handler for the job if it registered one, else the
 * {@code SparkJob} class named by the entry script the SDK deploys (see the SDK's README, "Glue
 * jobs"), from the jars of {@code --extra-jars} read from the world's S3, on local Spark through the
 * shared compute launcher. The
 * fake compiles no Scala and runs no Python: any other job is refused at StartJobRun, naming it.
 */
final class JobExecution {
    private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);
    private static final Pattern SPARK_JOB = Pattern.compile("// dataplatform-spark-job: (\\S+)");
    private static final Pattern TASK = Pattern.compile("// dataplatform-task: (\\S+)");
    private static final Pattern GLUE_OWN = Pattern.compile("glueOwn = Set\\(([^)]*)\\)");
    private static final Pattern GLUE_OWN_PREFIXES = Pattern.compile("glueOwnPrefixes = Seq\\(([^)]*)\\)");

    private final GlueJobWorld world;

    JobExecution(GlueJobWorld world) {
        this.world = world;
    }

    /** The code a run of {@code job} will run, or the reason the fake cannot run it. */
    record Plan(String sparkJobClass, List<String> jars, String script, String refusal, String taskClass) {
        Plan(String sparkJobClass, List<String> jars, String script, String refusal) {
            this(sparkJobClass, jars, script, refusal, null);
        }
    }

    /** Decides at StartJobRun what a run of {@code job} runs; a plan with a refusal is refused there. */
    Plan plan(Job job) {
        return world.handler(job.name()) != null ? new Plan(null, List.of(), null, null) : codePlan(job);
    }

    /** What the job's own code is, handler or not. */
    private Plan codePlan(Job job) {
        Map<String, String> defaults = job.defaultArguments() == null ? Map.of() : job.defaultArguments();
        String command = job.command() == null ? "" : job.command().name();
        String script = job.command() == null ? "" : job.command().scriptLocation();
        String language = defaults.getOrDefault("--job-language", script.endsWith(".scala") ? "scala" : "python");
        String register = "register a Java handler for it in the test: aws.glueJobs().handler(\"" + job.name()
                + "\", run -> ...)";
        if (!"scala".equals(language) || "pythonshell".equals(command)) {
            return new Plan(null, List.of(), script, "The fake Glue cannot run the Python job '" + job.name()
                    + "' (script " + script + "): " + register);
        }
        String text;
        try {
            text = readScript(job, script);
        } catch (RuntimeException unreadable) {
            // Glue starts the run and fails it when the script cannot be read.
            return new Plan(null, List.of(), script, null);
        }
        String jars = defaults.getOrDefault("--extra-jars", "");
        List<String> jarList = jars.isEmpty() ? List.of() : Arrays.asList(jars.split(","));
        Matcher task = TASK.matcher(text);
        if (task.find()) {
            return new Plan(null, jarList, text, null, task.group(1));
        }
        Matcher m = SPARK_JOB.matcher(text);
        if (!m.find()) {
            return new Plan(null, List.of(), script, "The fake Glue cannot compile the Scala script " + script
                    + " of job '" + job.name() + "': it runs only the entry script the DataPlatform SDK deploys for a"
                    + " SparkJob or JobTask class (glue().job(..).sparkJob(..) or .task(..)); " + register);
        }
        return new Plan(m.group(1), jarList, text, null);
    }

    /** Runs the attempt's code now ({@code at}): the run becomes RUNNING and its end is fixed. */
    void run(JobEntry job, RunEntry run, Instant at) {
        run.state = JobRunState.RUNNING;
        run.runningAt = at;
        Map<String, String> glueArguments = glueArguments(job, run);
        Attempt attempt = new Attempt(run, glueArguments, () -> {
            String failure = runCode(job, glueArguments);
            if (failure != null) {
                throw new CodeFailedException(failure);
            }
        });
        Instant before = world.clock().instant();
        String failure = execute(job, run, attempt);
        // Fake time the code itself spent (a task's retries sleep on the world's clock) counts as run time.
        attempt.work(Duration.between(before, world.clock().instant()));
        Duration ran = attempt.elapsed.compareTo(GlueJobWorld.MIN_RUN) < 0 ? GlueJobWorld.MIN_RUN : attempt.elapsed;
        Duration timeout = Duration.ofMinutes(run.timeoutMinutes);
        if (ran.compareTo(timeout) > 0) {
            run.endAt = at.plus(timeout);
            run.outcome = JobRunState.TIMEOUT;
            run.errorMessage = "Job run timed out after " + run.timeoutMinutes + " minutes (the job's Timeout)";
        } else {
            run.endAt = at.plus(ran);
            run.outcome = failure == null ? JobRunState.SUCCEEDED : JobRunState.FAILED;
            run.errorMessage = failure;
        }
        LOG.debug("Glue job {} run {} attempt {} ran {}: {}", run.jobName, run.id, run.attempt, ran, run.outcome);
    }

    private String execute(JobEntry job, RunEntry run, Attempt attempt) {
        GlueJobHandler handler = world.handler(run.jobName);
        try {
            if (handler != null) {
                handler.run(attempt);
                return null;
            }
            return runCode(job, attempt.glueArguments);
        } catch (CodeFailedException e) {
            return e.getMessage();
        } catch (Exception e) {
            String message = e.getMessage();
            return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
    }

    /** Runs the job's deployed code; returns its failure, or null if it succeeded. */
    private String runCode(JobEntry job, Map<String, String> glueArguments) {
        try {
            Plan plan = codePlan(job.definition);
            if (plan.refusal() != null) {
                return plan.refusal();
            }
            if (plan.taskClass() != null) {
                List<JobJar> jars = new ArrayList<>();
                for (String jar : plan.jars()) {
                    jars.add(new JobJar(jar, read(job.definition, jar)));
                }
                return world.tasks().run(jars, plan.taskClass(), jobArguments(plan.script(), glueArguments));
            }
            if (plan.sparkJobClass() == null) {
                // The script could not be read when the run was planned: fail as Glue fails such a run.
                readScript(job.definition, job.definition.command().scriptLocation());
                return "Cannot run the script " + job.definition.command().scriptLocation() + " of job " + job.definition.name();
            }
            List<JobJar> jars = new ArrayList<>();
            for (String jar : plan.jars()) {
                jars.add(new JobJar(jar, read(job.definition, jar)));
            }
            List<String> arguments = jobArguments(plan.script(), glueArguments);
            // The job's wall-clock time is not the fake's: a SparkJob run takes MIN_RUN of fake time, so runs are
            // deterministic; a test that needs a long run registers a handler that work()s and then proceed()s.
            SparkJobOutcome outcome = world.launcher().run(jars, plan.sparkJobClass(), arguments,
                    world.s3As(roleCaller(job.definition)));
            return outcome.succeeded() ? null : outcome.failure();
        } catch (RuntimeException e) {
            String message = e.getMessage();
            return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
    }

    /** A failure of the job's own code, carried through a handler that called proceed() and let it escape. */
    private static final class CodeFailedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        CodeFailedException(String failure) {
            super(failure);
        }
    }

    private String readScript(Job job, String script) {
        return new String(read(job, script), StandardCharsets.UTF_8);
    }

    /** Reads an object of the job's code as the job's role, failing as Glue fails a run whose code is missing. */
    private byte[] read(Job job, String location) {
        if (location == null || !location.startsWith("s3://")) {
            throw new IllegalStateException("Invalid S3 location " + location + " in job " + job.name());
        }
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        try {
            return world.s3As(roleCaller(job)).getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            throw new IllegalStateException("Cannot read " + location + " of job " + job.name() + ": "
                    + e.awsErrorDetails().errorCode(), e);
        }
    }

    private Caller roleCaller(Job job) {
        return new Caller(CrawlApplier.roleArn(job.role(), world.accountId()), true);
    }

    /** What Glue passes a job's script: its own parameters, the job's defaults, the run's arguments over them. */
    private static Map<String, String> glueArguments(JobEntry job, RunEntry run) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("--JOB_ID", "j_" + Integer.toHexString(job.definition.name().hashCode()));
        arguments.put("--JOB_RUN_ID", run.id);
        arguments.put("--JOB_NAME", run.jobName);
        arguments.put("--job-bookmark-option", "job-bookmark-disable");
        if (job.definition.defaultArguments() != null) {
            arguments.putAll(job.definition.defaultArguments());
        }
        arguments.putAll(run.arguments);
        return arguments;
    }

    /** Drops what the SDK's entry script drops (the names it lists), as the script does before calling the job. */
    private static List<String> jobArguments(String script, Map<String, String> glueArguments) {
        List<String> own = names(GLUE_OWN, script);
        List<String> prefixes = names(GLUE_OWN_PREFIXES, script);
        List<String> kept = new ArrayList<>();
        glueArguments.forEach((flag, value) -> {
            String name = flag.startsWith("--") ? flag.substring(2) : flag;
            if (!own.contains(name) && prefixes.stream().noneMatch(name::startsWith)) {
                kept.add("--" + name);
                kept.add(value);
            }
        });
        return kept;
    }

    private static List<String> names(Pattern pattern, String script) {
        Matcher m = pattern.matcher(script);
        if (!m.find()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String quoted : m.group(1).split(",")) {
            String name = quoted.trim();
            if (name.length() >= 2) {
                names.add(name.substring(1, name.length() - 1));
            }
        }
        return names;
    }

    /** The context a handler gets. */
    private static final class Attempt implements GlueJobRunContext {
        private final RunEntry run;
        private final Map<String, String> glueArguments;
        private final Runnable proceed;
        private final Map<String, String> arguments = new LinkedHashMap<>();
        private Duration elapsed = Duration.ZERO;

        Attempt(RunEntry run, Map<String, String> glueArguments, Runnable proceed) {
            this.run = run;
            this.glueArguments = glueArguments;
            this.proceed = proceed;
            glueArguments.forEach((k, v) -> arguments.put(k.startsWith("--") ? k.substring(2) : k, v));
        }

        @Override
        public String jobName() {
            return run.jobName;
        }

        @Override
        public String runId() {
            return run.id;
        }

        @Override
        public int attempt() {
            return run.attempt;
        }

        @Override
        public Map<String, String> arguments() {
            return Map.copyOf(arguments);
        }

        @Override
        public String argument(String name) {
            String value = arguments.get(name);
            if (value == null) {
                throw new IllegalArgumentException("Missing job argument '--" + name + "' in run " + run.id + " of job '"
                        + run.jobName + "' (given: " + arguments.keySet() + ")");
            }
            return value;
        }

        @Override
        public synchronized void work(Duration duration) {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("work duration must be >= 0, but was " + duration);
            }
            elapsed = elapsed.plus(duration);
        }

        @Override
        public void proceed() {
            proceed.run();
        }

        @Override
        public synchronized Duration elapsed() {
            return elapsed;
        }
    }
}
