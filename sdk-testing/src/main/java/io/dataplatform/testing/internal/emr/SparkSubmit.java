package io.dataplatform.testing.internal.emr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code spark-submit} command line as a step passes it to {@code command-runner.jar}, read the way
 * spark-submit reads it: options, then the application jar, then the application's arguments.
 *
 * @param mainClass the {@code --class}
 * @param jars      the {@code --jars}, comma-separated in the command
 * @param appJar    the application jar
 * @param appArgs   the application's arguments
 */
record SparkSubmit(String mainClass, List<String> jars, String appJar, List<String> appArgs) {
    private static final Set<String> WITH_VALUE = Set.of("--class", "--jars", "--conf", "-c", "--deploy-mode", "--master",
            "--name", "--driver-memory", "--executor-memory", "--num-executors", "--executor-cores", "--driver-cores",
            "--files", "--packages", "--py-files", "--properties-file", "--driver-class-path", "--driver-java-options",
            "--archives", "--queue", "--repositories", "--exclude-packages", "--total-executor-cores",
            "--driver-library-path", "--proxy-user", "--principal", "--keytab");
    private static final Set<String> FLAGS = Set.of("--verbose", "-v", "--supervise");

    /** Reads {@code args} after {@code spark-submit}; returns why it cannot, as an IllegalArgumentException. */
    static SparkSubmit parse(List<String> args) {
        String mainClass = null;
        List<String> jars = new ArrayList<>();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String option = args.get(i);
            if (FLAGS.contains(option)) {
                i++;
                continue;
            }
            if (!WITH_VALUE.contains(option)) {
                throw new IllegalArgumentException("spark-submit option " + option + " is not one the fake EMR knows");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("spark-submit option " + option + " has no value");
            }
            String value = args.get(i + 1);
            if (option.equals("--class")) {
                mainClass = value;
            } else if (option.equals("--jars")) {
                for (String jar : value.split(",")) {
                    if (!jar.isBlank()) {
                        jars.add(jar.trim());
                    }
                }
            }
            i += 2;
        }
        if (i >= args.size()) {
            throw new IllegalArgumentException("spark-submit names no application jar");
        }
        return new SparkSubmit(mainClass, List.copyOf(jars), args.get(i), List.copyOf(args.subList(i + 1, args.size())));
    }
}
