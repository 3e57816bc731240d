package io.dataplatform.testing.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.DataPlatform;
import io.dataplatform.s3.ObjectContent;
import io.dataplatform.s3.PutOptions;
import io.dataplatform.testing.FakeAws;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input fails at the call that takes it, naming what was wrong, before anything reaches AWS: every public
 * method of the API reachable from {@code DataPlatform} (by names alone: bucket, database, table, partitions, crawler,
 * job, workflow, query, cluster...), given null for one reference parameter or a null element inside an array or
 * list parameter, throws an exception whose message the SDK wrote (not the JVM's "Cannot invoke ... because ... is
 * null", which names a local variable of the implementation) and makes no AWS call, so nothing is half-written.
 */
class PublicApiNullArgumentsTest {
    /** Methods that navigate without arguments; other zero-argument methods act (create, start, run) and are not walked. */
    private static final Set<String> NAVIGATIONS = Set.of("glue", "athena", "emr", "costLedger", "tasks", "email",
            "http", "partitions");

    private final FakeAws aws = FakeAws.create();
    private final List<String> defects = new ArrayList<>();
    private final Set<Class<?>> probed = new HashSet<>();
    private int probes;

    @TempDir
    Path dir;

    @Test
    void nullArguments_failNamingTheArgument_beforeAnyAwsCall() throws Exception {
        DataPlatform platform = aws.dataPlatform();
        platform.bucket("probe-bucket").create().put("k", new byte[] {1});
        walk("platform", platform, 0);
        walk("bucket", platform.bucket("probe-bucket"), 0);
        walk("object", platform.bucket("probe-bucket").get("k"), 0);

        assertThat(defects).as("public methods that accept null or fail without saying which argument").isEmpty();
        assertThat(probes).as("probes run (the walk reached the API)").isGreaterThan(150);
    }

    @Test
    void nullArguments_toTheFakesOwnApi_failNamingTheArgument() throws Exception {
        Map<String, Object> hooks = new java.util.LinkedHashMap<>();
        hooks.put("aws", aws);
        hooks.put("clock", aws.clock());
        hooks.put("faults", aws.faults());
        hooks.put("calls", aws.calls());
        hooks.put("iam", aws.iam());
        hooks.put("glueJobs", aws.glueJobs());
        hooks.put("sesOutbox", aws.sesOutbox());
        hooks.put("sesAccount", aws.sesAccount());
        hooks.put("http", aws.http());
        for (Map.Entry<String, Object> hook : hooks.entrySet()) {
            for (Method method : hook.getValue().getClass().getMethods()) {
                if (method.getDeclaringClass() == Object.class || method.getName().equals("equals")
                        || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                Class<?>[] types = method.getParameterTypes();
                for (int i = 0; i < types.length; i++) {
                    if (!types[i].isPrimitive()) {
                        probe(hook.getKey(), hook.getValue(), method, i, null);
                    }
                }
            }
        }

        assertThat(defects).as("FakeAws hooks that accept null or fail without saying which argument").isEmpty();
        assertThat(probes).as("probes run").isGreaterThan(25);
    }

    private void walk(String path, Object target, int depth) throws Exception {
        for (Class<?> type : target.getClass().getInterfaces()) {
            if (!probed.add(type)) {
                return;
            }
        }
        for (Method method : apiMethods(target)) {
            Class<?>[] types = method.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                if (!types[i].isPrimitive()) {
                    probe(path, target, method, i, null);
                }
                if (types[i] == String[].class) {
                    probe(path, target, method, i, new String[] {"a", null});
                } else if (types[i] == List.class) {
                    probe(path, target, method, i, java.util.Collections.singletonList(null));
                }
            }
        }
        if (depth == 4) {
            return;
        }
        for (Method method : apiMethods(target)) {
            boolean byName = method.getParameterCount() > 0
                    && Arrays.stream(method.getParameterTypes()).allMatch(t -> t == String.class);
            boolean navigation = method.getParameterCount() == 0 && NAVIGATIONS.contains(method.getName());
            if ((byName || navigation) && method.getReturnType().getName().startsWith("io.dataplatform")
                    && method.getReturnType().isInterface()) {
                Object[] names = new Object[method.getParameterCount()];
                Arrays.fill(names, "probe_" + depth); // Glue and Athena names; buckets are walked from probe-bucket
                Object child;
                try {
                    child = method.invoke(target, names);
                } catch (InvocationTargetException e) {
                    continue; // a name this method refuses (say a bucket name's rules): nothing to walk into
                }
                walk(path + "." + method.getName(), child, depth + 1);
            }
        }
    }

    private void probe(String path, Object target, Method method, int position, Object bad) throws Exception {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int j = 0; j < types.length; j++) {
            args[j] = j == position ? bad : sample(types[j]);
            if (j != position && args[j] == null) {
                return; // no sample for this type (a Class, a WorkflowNode): not probed
            }
        }
        probes++;
        String call = path + "." + method.getName() + Arrays.toString(types) + " with " + describe(bad) + " at " + position;
        int callsBefore = aws.calls().all().size();
        try {
            method.invoke(target, args);
            defects.add(call + ": accepted");
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            String message = String.valueOf(thrown.getMessage());
            if (!(thrown instanceof IllegalArgumentException || thrown instanceof NullPointerException)
                    || message.startsWith("Cannot ") || message.equals("null")) {
                defects.add(call + ": " + thrown);
            }
        }
        if (aws.calls().all().size() > callsBefore) {
            defects.add(call + ": called AWS first (" + aws.calls().all().get(callsBefore).operation() + ")");
        }
    }

    private static String describe(Object bad) {
        if (bad instanceof Object[] array) {
            return Arrays.toString(array);
        }
        return String.valueOf(bad);
    }

    private static List<Method> apiMethods(Object target) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> type : target.getClass().getInterfaces()) {
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass().getName().startsWith("io.dataplatform")) {
                    methods.add(method);
                }
            }
        }
        methods.sort((a, b) -> a.toString().compareTo(b.toString()));
        return methods;
    }

    private Object sample(Class<?> type) throws Exception {
        if (type == String.class || type == Object.class) {
            return "x";
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == double.class || type == Double.class) {
            return 1.0;
        }
        if (type == byte[].class) {
            return new byte[] {1};
        }
        if (type == String[].class) {
            return new String[0];
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2024, 1, 1);
        }
        if (type == Path.class) {
            return java.nio.file.Files.writeString(dir.resolve("sample-" + probes + ".csv"), "a\n1\n");
        }
        if (type == InputStream.class) {
            return new ByteArrayInputStream(new byte[] {1});
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type == ObjectContent.class) {
            return ObjectContent.of(new byte[] {1});
        }
        if (type == PutOptions.class) {
            return PutOptions.defaults();
        }
        if (type == io.dataplatform.s3.Principal.class) {
            return io.dataplatform.s3.Principal.role("probe");
        }
        if (type == io.dataplatform.testing.RequestOrigin.class) {
            return io.dataplatform.testing.RequestOrigin.internet();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isInterface()) {
            // A callback or transport that does nothing: the probe is about the other argument.
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, m, a) -> switch (m.getName()) {
                case "toString" -> "a do-nothing " + type.getSimpleName();
                case "hashCode" -> 1;
                case "equals" -> false;
                default -> null;
            });
        }
        return null;
    }
}
