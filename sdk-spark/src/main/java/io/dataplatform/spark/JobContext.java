package io.dataplatform.spark;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    private final Map<String, String> arguments;

    private JobContext(Map<String, String> arguments) {
        this.arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
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
        if (args == null) {
            throw new IllegalArgumentException("args must not be null");
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String flag = args.get(i);
            if (flag == null || !flag.startsWith("--")) {
                throw new IllegalArgumentException("Invalid job argument '" + flag + "' at position " + i
                        + ": arguments must be '--name value' pairs");
            }
            String name = flag.substring(2);
            checkName(name);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (value == null || value.startsWith("--")) {
                throw new IllegalArgumentException("Invalid job argument '" + flag + "': it has no value; arguments must be"
                        + " '--name value' pairs");
            }
            if (parsed.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("Invalid job argument '" + flag + "': given more than once");
            }
        }
        return new JobContext(parsed);
    }

    /** Returns a context with the given arguments (names without the leading "--"). */
    public static JobContext of(Map<String, String> arguments) {
        if (arguments == null) {
            throw new IllegalArgumentException("arguments must not be null");
        }
        arguments.forEach((name, value) -> {
            checkName(name);
            if (value == null) {
                throw new IllegalArgumentException("Invalid job argument '--" + name + "': value must not be null");
            }
        });
        return new JobContext(arguments);
    }

    /** Returns the arguments by name (without "--"), in the order given. */
    public Map<String, String> arguments() {
        return arguments;
    }

    /** Returns the arguments as {@code --name value} pairs again, as a job submission passes them on. */
    public List<String> argumentList() {
        List<String> list = new ArrayList<>();
        arguments.forEach((name, value) -> {
            list.add("--" + name);
            list.add(value);
        });
        return List.copyOf(list);
    }

    /** Returns the value of {@code --name}, or empty if it was not given. */
    public Optional<String> find(String name) {
        return Optional.ofNullable(arguments.get(name));
    }

    /** Returns the value of {@code --name}, or fails naming the argument and those that were given. */
    public String string(String name) {
        String value = arguments.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing job argument '--" + name + "': pass it as '--" + name
                    + " <value>' (given: " + (arguments.isEmpty() ? "none" : String.join(", ", given())) + ")");
        }
        return value;
    }

    /** Returns the value of {@code --name}, or {@code defaultValue} if it was not given. */
    public String string(String name, String defaultValue) {
        return arguments.getOrDefault(name, defaultValue);
    }

    /** Returns {@code --name} as an int, failing if it is missing or not a decimal integer. */
    public int integer(String name) {
        String value = string(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(name, value, "must be an integer");
        }
    }

    /** Returns {@code --name} as an int, or {@code defaultValue} if it was not given. */
    public int integer(String name, int defaultValue) {
        return arguments.containsKey(name) ? integer(name) : defaultValue;
    }

    /** Returns {@code --name} as a long, failing if it is missing or not a decimal integer. */
    public long longValue(String name) {
        String value = string(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(name, value, "must be a long integer");
        }
    }

    /** Returns {@code --name} as an ISO date ({@code 2024-01-31}), failing if it is missing or not such a date. */
    public LocalDate date(String name) {
        String value = string(name);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, value, "must be an ISO date (yyyy-MM-dd)");
        }
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
        return "JobContext" + given();
    }

    private List<String> given() {
        return arguments.keySet().stream().map(n -> "--" + n).toList();
    }

    private static IllegalArgumentException invalid(String name, String value, String rule) {
        return new IllegalArgumentException("Invalid job argument '--" + name + "': " + rule + ", but was '" + value + "'");
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid job argument name '--" + name + "': must start with a letter and"
                    + " hold only letters, digits, '.', '_' and '-'");
        }
    }
}
