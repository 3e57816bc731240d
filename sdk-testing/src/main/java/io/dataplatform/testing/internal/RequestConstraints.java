package io.dataplatform.testing.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * A service's request validation, as its front end does it before any operation runs: the members its API model
 * marks required, the lengths, value ranges, patterns and enum values of its shapes. A request that breaks any of
 * them is refused with every violation listed in the service's words, e.g. "2 validation errors detected: Value null
 * at 'databaseName' failed to satisfy constraint: Member must not be null; Value '0' at 'maxResults' failed to satisfy
 * constraint: Member must have value greater than or equal to 1" (the form AWS's JSON services answer, quoted in
 * many issue threads: Glue's CreateTable in moj-analytical-services/etl_manager#90, Lambda, STS, OpenSearch).
 *
 * <p>The constraints come from the services' API models (botocore's {@code service-2.json}), extracted by
 * {@code sdk-testing/scripts/model-constraints.py} into {@code internal/model/<service>.constraints}; they reach two
 * structures deep, deeper members are the operations' own business. Loaded on a service's first call.
 */
public final class RequestConstraints {
    private static final Map<String, RequestConstraints> LOADED = new ConcurrentHashMap<>();
    /**
     * Members whose name in the service's messages is not the API's: Glue calls CreateTable's and UpdateTable's
     * TableInput 'table' ("at 'table.storageDescriptor.columns.24.member.type'", LBHackney-IT/Data-Platform#2369;
     * moj-analytical-services/etl_manager#90).
     */
    private static final Map<String, Map<String, String>> MESSAGE_NAMES = Map.of("glue", Map.of("TableInput", "table"));

    /** One member's constraints, in the model's order. */
    private static final class Member {
        final String path;
        final String[] steps;
        boolean required;
        boolean sensitive;
        Long minLength;
        Long maxLength;
        Long min;
        Long max;
        Pattern pattern;
        String patternText;
        List<String> values;

        Member(String path) {
            this.path = path;
            this.steps = path.split("\\.");
        }
    }

    private final Map<String, List<Member>> byOperation;
    private final Map<String, String> messageNames;

    private RequestConstraints(Map<String, List<Member>> byOperation, Map<String, String> messageNames) {
        this.byOperation = byOperation;
        this.messageNames = messageNames;
    }

    /** Returns the constraints of {@code service} ("glue", "athena", "emr"), read once per JVM. */
    public static RequestConstraints of(String service) {
        return LOADED.computeIfAbsent(service, RequestConstraints::load);
    }

    /**
     * Returns the violations of {@code request} to {@code operation}'s constraints, each as the service words it
     * ("Value null at 'name' failed to satisfy constraint: Member must not be null"); empty when it is valid.
     */
    public List<String> violations(String operation, SdkPojo request) {
        List<Member> members = byOperation.get(operation);
        if (members == null) {
            return List.of();
        }
        List<String> violations = new ArrayList<>();
        for (Member member : members) {
            check(member, request, 0, "", violations);
        }
        return violations;
    }

    /**
     * Refuses {@code request} with {@code refusal} of the message listing its violations, if it has any: the service's
     * validation before {@code operation} runs.
     */
    public void check(String operation, SdkPojo request, java.util.function.Function<String, RuntimeException> refusal) {
        List<String> violations = violations(operation, request);
        if (!violations.isEmpty()) {
            throw refusal.apply(message(violations));
        }
    }

    /**
     * The length bound {@code value} breaks at {@code path}, in the services' words, or null: for the checks a fake
     * makes beside its model (a member it reads before the model's rule is known to apply), worded as the model's.
     */
    public static String lengthProblem(String path, String value, long min, long max) {
        if (value == null) {
            return "Value null at '" + path + "' failed to satisfy constraint: Member must not be null";
        }
        String prefix = "Value '" + value + "' at '" + path + "' failed to satisfy constraint: Member must have length ";
        return value.length() < min ? prefix + "greater than or equal to " + min
                : value.length() > max ? prefix + "less than or equal to " + max : null;
    }

    /** The value bound {@code value} breaks at {@code path}, in the services' words, or null; see {@link #lengthProblem}. */
    public static String rangeProblem(String path, long value, long min, long max) {
        String prefix = "Value '" + value + "' at '" + path + "' failed to satisfy constraint: Member must have value ";
        return value < min ? prefix + "greater than or equal to " + min
                : value > max ? prefix + "less than or equal to " + max : null;
    }

    /** Returns the message of a refusal listing {@code violations}: "N validation error(s) detected: ...; ...". */
    public static String message(List<String> violations) {
        return violations.size() + (violations.size() == 1 ? " validation error" : " validation errors") + " detected: "
                + String.join("; ", violations);
    }

    private void check(Member member, Object parent, int step, String path, List<String> out) {
        String name = member.steps[step];
        Object value = value(parent, name);
        String here = path + (path.isEmpty() ? "" : ".") + messageNames.getOrDefault(name, lowerFirst(name));
        if (step < member.steps.length - 1) {
            if (member.steps[step + 1].equals("*") && step + 2 == member.steps.length) {
                // The elements of a list of strings are judged at the list, their broken rules nested: "Value '[NAME,
                // DESCRIPTION]' at 'attributesToGet' failed to satisfy constraint: Member must satisfy constraint:
                // [Member must satisfy enum value set: [NAME, TARGET_DATABASE]]" (the form of CodePipeline's answer
                // quoted in awslabs/aws-service-catalog-factory#279).
                if (value instanceof List<?> list) {
                    java.util.Set<String> broken = new java.util.LinkedHashSet<>();
                    for (Object element : list) {
                        List<String> problems = new ArrayList<>();
                        verify(member, element, "", problems);
                        problems.forEach(p -> broken.add(p.substring(p.indexOf("constraint: ") + "constraint: ".length())));
                    }
                    if (!broken.isEmpty()) {
                        out.add("Value '" + render(value) + "' at '" + here + "' failed to satisfy constraint: Member must "
                                + "satisfy constraint: [" + String.join(", ", broken) + "]");
                    }
                }
            } else if (member.steps[step + 1].equals("*")) {
                if (value instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i) != null && step + 2 < member.steps.length) {
                            check(member, list.get(i), step + 2, here + "." + (i + 1) + ".member", out);
                        }
                    }
                }
            } else if (value != null) {
                check(member, value, step + 1, here, out);
            }
            return;
        }
        verify(member, value, here, out);
    }

    private static void verify(Member member, Object value, String path, List<String> out) {
        if (value == null) {
            if (member.required) {
                out.add("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
            }
            return;
        }
        String shown = member.sensitive ? "Value at '" + path + "'" : "Value '" + render(value) + "' at '" + path + "'";
        String prefix = shown + " failed to satisfy constraint: ";
        long length = value instanceof String s ? s.length() : value instanceof List<?> l ? l.size()
                : value instanceof SdkBytes b ? b.asByteArrayUnsafe().length : -1;
        boolean lengthBroken = false;
        if (length >= 0 && member.minLength != null && length < member.minLength) {
            out.add(prefix + "Member must have length greater than or equal to " + member.minLength);
            lengthBroken = true;
        }
        if (length >= 0 && member.maxLength != null && length > member.maxLength) {
            out.add(prefix + "Member must have length less than or equal to " + member.maxLength);
            lengthBroken = true;
        }
        if (value instanceof Number number && !(value instanceof Double || value instanceof Float)) {
            long n = number.longValue();
            if (member.min != null && n < member.min) {
                out.add(prefix + "Member must have value greater than or equal to " + member.min);
            }
            if (member.max != null && n > member.max) {
                out.add(prefix + "Member must have value less than or equal to " + member.max);
            }
        }
        if (value instanceof String s) {
            // A value of the wrong length is not also matched against the pattern: '' at a name whose pattern needs a
            // character is one violation, the length (nubo-db/dynoxide#11 quotes DynamoDB's answer).
            if (!lengthBroken && member.pattern != null && !member.pattern.matcher(s).matches()) {
                out.add(prefix + "Member must satisfy regular expression pattern: " + member.patternText);
            }
            if (member.values != null && !member.values.contains(s)) {
                out.add(prefix + "Member must satisfy enum value set: " + member.values);
            }
        }
    }

    private static String render(Object value) {
        return String.valueOf(value);
    }

    private static Object value(Object parent, String memberName) {
        if (!(parent instanceof SdkPojo pojo)) {
            return null;
        }
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.memberName().equals(memberName)) {
                Object value = field.getValueOrDefault(pojo);
                // A list or map the caller never set is the SDK's auto-construct placeholder, which it does not send.
                return value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?> ? null : value;
            }
        }
        return null;
    }

    /** "TableInput" is 'tableInput' in a message: the first letter lowered, the rest as the model spells it. */
    private static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static RequestConstraints load(String service) {
        String resource = "model/" + service + ".constraints";
        Map<String, Map<String, Member>> operations = new HashMap<>();
        try (InputStream in = RequestConstraints.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No request constraints for " + service + " (" + resource + ")");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split("\t", -1);
                Member member = operations.computeIfAbsent(parts[0], k -> new LinkedHashMap<>())
                        .computeIfAbsent(parts[1], Member::new);
                switch (parts[2]) {
                    case "required" -> member.required = true;
                    case "sensitive" -> member.sensitive = true;
                    case "length" -> {
                        member.minLength = bound(parts[3]);
                        member.maxLength = bound(parts[4]);
                    }
                    case "range" -> {
                        member.min = bound(parts[3]);
                        member.max = bound(parts[4]);
                    }
                    case "pattern" -> {
                        member.patternText = parts[3];
                        member.pattern = Pattern.compile(parts[3]);
                    }
                    case "enum" -> member.values = List.of(parts[3].split(","));
                    default -> throw new IllegalStateException("Unknown constraint kind in " + resource + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<Member>> byOperation = new HashMap<>();
        operations.forEach((operation, members) -> byOperation.put(operation, List.copyOf(members.values())));
        return new RequestConstraints(byOperation, MESSAGE_NAMES.getOrDefault(service, Map.of()));
    }

    private static Long bound(String text) {
        return text.isEmpty() ? null : Long.valueOf(text);
    }
}
