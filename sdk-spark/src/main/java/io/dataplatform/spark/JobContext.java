package io.dataplatform.spark;

import io.dataplatform.tasks.TaskArguments;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of a {@link SparkJob} is given: its arguments, passed as {@code --name value}
 * pairs (the form {@code spark-submit} and EMR steps pass them on), with typed accessors that
 * fail with a message naming the argument and the fix. Immutable.
 *
 * <pre>{@code
 * JobContext context = JobContext.parse("--date", "2024-01-31", "--input", "s3://acme-raw/sales/");
 * LocalDate date = context.date("date");
 * String input = context.path("input");
 * int limit = context.integer("limit", 100);
 * }</pre>
 */
public final class JobContext {
    // The parsing and the typed accessors are TaskArguments' (sdk-core), reading "job" arguments.
    private final TaskArguments arguments;

    private JobContext(TaskArguments arguments) {
        this.arguments = arguments;
    }

    /**
     * Parses {@code --name value} pairs. Names start with a letter and hold letters, digits, '.',
     * '_' and '-'; each name appears once; every name has a value (which may be empty, but may not
     * itself start with "--").
     *
     * @throws IllegalArgumentException naming the offending argument and the rule
     */
    public static JobContext parse(String... args) {
        if (args == null) {
            throw new IllegalArgumentException("args must not be null");
        }
        return parse(Arrays.asList(args));
    }

    /** Parses {@code --name value} pairs from a list; see {@link #parse(String...)}. */
    public static JobContext parse(List<String> args) {
        return new JobContext(TaskArguments.parse("job", args));
    }

    /** Returns a context with the given arguments (names without the leading "--"). */
    public static JobContext of(Map<String, String> arguments) {
        return new JobContext(TaskArguments.of("job", arguments));
    }

    /** Returns the arguments by name (without "--"), in the order given. */
    public Map<String, String> arguments() {
        return arguments.asMap();
    }

    /** Returns the arguments as {@code --name value} pairs again, as a job submission passes them on. */
    public List<String> argumentList() {
        return arguments.asList();
    }

    /** Returns the value of {@code --name}, or empty if it was not given. */
    public Optional<String> find(String name) {
        return arguments.find(name);
    }

    /** Returns the value of {@code --name}, or fails naming the argument and those that were given. */
    public String string(String name) {
        return arguments.string(name);
    }

    /** Returns the value of {@code --name}, or {@code defaultValue} if it was not given. */
    public String string(String name, String defaultValue) {
        return arguments.string(name, defaultValue);
    }

    /** Returns {@code --name} as an int, failing if it is missing or not a decimal integer. */
    public int integer(String name) {
        return arguments.integer(name);
    }

    /** Returns {@code --name} as an int, or {@code defaultValue} if it was not given. */
    public int integer(String name, int defaultValue) {
        return arguments.integer(name, defaultValue);
    }

    /** Returns {@code --name} as a long, failing if it is missing or not a decimal integer. */
    public long longValue(String name) {
        return arguments.longValue(name);
    }

    /** Returns {@code --name} as an ISO date ({@code 2024-01-31}), failing if it is missing or not such a date. */
    public LocalDate date(String name) {
        return arguments.date(name);
    }

    /**
     * Returns {@code --name} as a path for Spark: a URI with a scheme ({@code s3://bucket/prefix/},
     * {@code s3a://..}, {@code file:/..}); for s3 and s3a it must name a bucket.
     */
    public String path(String name) {
        String value = string(name);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(name, value, "must be a URI such as s3://bucket/prefix/");
        }
        if (uri.getScheme() == null) {
            throw invalid(name, value, "must be a URI with a scheme, such as s3://bucket/prefix/");
        }
        boolean s3 = uri.getScheme().equals("s3") || uri.getScheme().equals("s3a");
        if (s3 && (uri.getAuthority() == null || uri.getAuthority().isEmpty())) {
            throw invalid(name, value, "must name a bucket, as in s3://bucket/prefix/");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JobContext context && arguments.equals(context.arguments);
    }

    @Override
    public int hashCode() {
        return arguments.hashCode();
    }

    /** Returns the argument names only: values may be secrets, which never belong in logs. */
    @Override
    public String toString() {
        return "JobContext" + arguments.asMap().keySet().stream().map(n -> "--" + n).toList();
    }

    private IllegalArgumentException invalid(String name, String value, String rule) {
        return arguments.invalid(name, value, rule);
    }
}
