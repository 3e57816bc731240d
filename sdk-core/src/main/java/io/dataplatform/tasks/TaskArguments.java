package io.dataplatform.tasks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A task run's arguments, passed as {@code --name value} pairs (the form Glue and {@code spark-submit}
 * pass them on, and the form sdk-spark's {@code JobContext} reads), with typed accessors that fail
 * with a message naming the argument and the fix. Immutable; {@link #toString()} shows names only, as
 * values may be secrets.
 *
 * <pre>{@code
 * TaskArguments args = TaskArguments.parse("--date", "2024-01-31", "--to", "team@acme.example");
 * LocalDate date = args.date("date");
 * int pages = args.integer("pages", 10);
 * }</pre>
 */
public final class TaskArguments {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    private final String kind;
    private final Map<String, String> arguments;

    private TaskArguments(String kind, Map<String, String> arguments) {
        this.kind = kind;
        this.arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /**
     * Parses {@code --name value} pairs. Names start with a letter and hold letters, digits, '.', '_'
     * and '-'; each name appears once; every name has a value (possibly empty, never starting with "--").
     *
     * @throws IllegalArgumentException naming the offending argument and the rule
     */
    public static TaskArguments parse(String... args) {
        if (args == null) {
            throw new IllegalArgumentException("args must not be null");
        }
        return parse(Arrays.asList(args));
    }

    /** Parses {@code --name value} pairs from a list; see {@link #parse(String...)}. */
    public static TaskArguments parse(List<String> args) {
        return parse("task", args);
    }

    /**
     * Parses {@code --name value} pairs as {@link #parse(String...)} does, naming them in messages as
     * {@code kind} arguments (sdk-spark's {@code JobContext} reads "job" arguments with it).
     *
     * @throws IllegalArgumentException naming the offending argument and the rule
     */
    public static TaskArguments parse(String kind, List<String> args) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind must not be empty");
        }
        if (args == null) {
            throw new IllegalArgumentException("args must not be null");
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String flag = args.get(i);
            if (flag == null || !flag.startsWith("--")) {
                throw new IllegalArgumentException("Invalid " + kind + " argument '" + flag + "' at position " + i
                        + ": arguments must be '--name value' pairs");
            }
            String name = flag.substring(2);
            checkName(kind, name);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (value == null || value.startsWith("--")) {
                throw new IllegalArgumentException("Invalid " + kind + " argument '" + flag + "': it has no value; arguments"
                        + " must be '--name value' pairs");
            }
            if (parsed.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("Invalid " + kind + " argument '" + flag + "': given more than once");
            }
        }
        return new TaskArguments(kind, parsed);
    }

    /**
     * Returns {@code kind} arguments with the given values (names without the leading "--").
     *
     * @throws IllegalArgumentException naming a name that breaks the rules of {@link #parse(String...)} or a null value
     */
    public static TaskArguments of(String kind, Map<String, String> arguments) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind must not be empty");
        }
        if (arguments == null) {
            throw new IllegalArgumentException("arguments must not be null");
        }
        arguments.forEach((name, value) -> {
            checkName(kind, name);
            if (value == null) {
                throw new IllegalArgumentException("Invalid " + kind + " argument '--" + name + "': value must not be null");
            }
        });
        return new TaskArguments(kind, arguments);
    }

    /** Returns the arguments by name (without "--"), in the order given. */
    public Map<String, String> asMap() {
        return arguments;
    }

    /** Returns the arguments as {@code --name value} pairs again. */
    public List<String> asList() {
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
            throw new IllegalArgumentException("Missing " + kind + " argument '--" + name + "': pass it as '--" + name
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

    /** Returns {@code --name} as a decimal number ({@code 12.50}), failing if it is missing or not a number. */
    public BigDecimal decimal(String name) {
        String value = string(name);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw invalid(name, value, "must be a decimal number such as 12.50");
        }
    }

    /** Returns {@code --name} as a boolean: {@code true} or {@code false}, any case. */
    public boolean bool(String name) {
        String value = string(name);
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, value, "must be true or false");
        };
    }

    /** Returns {@code --name} as a boolean, or {@code defaultValue} if it was not given. */
    public boolean bool(String name, boolean defaultValue) {
        return arguments.containsKey(name) ? bool(name) : defaultValue;
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

    /** Returns {@code --name} split at commas, each item trimmed, empty items dropped ({@code a@x.org,b@x.org}). */
    public List<String> list(String name) {
        return Arrays.stream(string(name).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TaskArguments a && arguments.equals(a.arguments);
    }

    @Override
    public int hashCode() {
        return arguments.hashCode();
    }

    /** Returns the argument names only: values may be secrets, which never belong in logs. */
    @Override
    public String toString() {
        return "TaskArguments" + given();
    }

    private List<String> given() {
        return arguments.keySet().stream().map(n -> "--" + n).toList();
    }

    /**
     * Returns the exception for a {@code --name} whose {@code value} breaks {@code rule} (e.g. "must be an
     * integer"), worded as every accessor words it; for readers that add accessors of their own.
     */
    public IllegalArgumentException invalid(String name, String value, String rule) {
        return new IllegalArgumentException("Invalid " + kind + " argument '--" + name + "': " + rule + ", but was '"
                + value + "'");
    }

    private static void checkName(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid " + kind + " argument name '--" + name + "': must start with a letter"
                    + " and hold only letters, digits, '.', '_' and '-'");
        }
    }
}
