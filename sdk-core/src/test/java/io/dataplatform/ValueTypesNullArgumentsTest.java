package io.dataplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The value types and factories of the public packages (records, their static factories, builders' setters) given
 * null for one reference parameter, or a null element inside an array parameter, fail with a message the SDK wrote:
 * never the bare NullPointerException of {@code List.copyOf}, nor the JVM's "Cannot invoke ... because ... is null",
 * which names a local variable of the implementation and not the argument the caller got wrong. (A value that is
 * documented as optional may accept null; this test only looks at how a refusal reads.)
 */
class ValueTypesNullArgumentsTest {
    /** Packages whose types users build; athena.sql and athena.tables serve the fake's engine. */
    private static final Set<String> PACKAGES = Set.of("io.dataplatform", "io.dataplatform.s3", "io.dataplatform.glue",
            "io.dataplatform.glue.etl", "io.dataplatform.athena", "io.dataplatform.emr", "io.dataplatform.cost",
            "io.dataplatform.email", "io.dataplatform.http", "io.dataplatform.tasks");

    private final List<String> defects = new ArrayList<>();
    private int probes;

    @Test
    void nullArguments_toValueTypesAndFactories_failNamingTheArgument() throws Exception {
        for (Class<?> type : publicTypes()) {
            if (Throwable.class.isAssignableFrom(type) || type.isEnum()) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())
                        && !method.getName().equals("main")) {
                    probeEach(method, null, type);
                }
            }
            for (Constructor<?> constructor : type.getConstructors()) {
                probeEach(constructor, null, type);
            }
            Method builder = builderFactory(type);
            if (builder != null) {
                for (Method setter : builder.getReturnType().getMethods()) {
                    if (setter.getDeclaringClass() != Object.class && !Modifier.isStatic(setter.getModifiers())) {
                        probeEach(setter, builder, type);
                    }
                }
            }
        }

        assertThat(defects).as("public factories and value types that fail on null without naming it").isEmpty();
        assertThat(probes).as("probes run").isGreaterThan(240);
    }

    private void probeEach(Executable executable, Method builderFactory, Class<?> owner) throws Exception {
        Class<?>[] types = executable.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i].isPrimitive()) {
                continue;
            }
            probe(executable, builderFactory, owner, i, null);
            if (types[i].isArray() && !types[i].getComponentType().isPrimitive()) {
                Object withNull = java.lang.reflect.Array.newInstance(types[i].getComponentType(), 1);
                probe(executable, builderFactory, owner, i, withNull);
            }
        }
    }

    private void probe(Executable executable, Method builderFactory, Class<?> owner, int position, Object bad)
            throws Exception {
        Class<?>[] types = executable.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int j = 0; j < types.length; j++) {
            args[j] = j == position ? bad : sample(types[j]);
            if (j != position && args[j] == null) {
                return;
            }
        }
        probes++;
        String call = owner.getSimpleName() + "." + executable.getName() + Arrays.toString(types) + " with "
                + (bad == null ? "null" : "[null]") + " at " + position;
        try {
            if (executable instanceof Method method) {
                method.invoke(builderFactory == null ? null : builderFactory.invoke(null), args);
            } else {
                ((Constructor<?>) executable).newInstance(args);
            }
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            String message = String.valueOf(thrown.getMessage());
            boolean clear = (thrown instanceof IllegalArgumentException || thrown instanceof NullPointerException
                    || thrown instanceof IllegalStateException) && !message.startsWith("Cannot ") && !message.equals("null");
            if (!clear) {
                defects.add(call + ": " + thrown);
            }
        }
    }

    private static Method builderFactory(Class<?> type) {
        try {
            Method builder = type.getMethod("builder");
            return Modifier.isStatic(builder.getModifiers()) ? builder : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static List<Class<?>> publicTypes() throws Exception {
        URI classes = DataPlatform.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        Path root = Path.of(classes);
        List<Class<?>> types = new ArrayList<>();
        try (FileSystem jar = Files.isDirectory(root) ? null : FileSystems.newFileSystem(root)) {
            Path base = jar == null ? root : jar.getPath("/");
            try (Stream<Path> files = Files.walk(base)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = base.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                    Class<?> type = Class.forName(name, false, DataPlatform.class.getClassLoader());
                    if (PACKAGES.contains(type.getPackageName()) && Modifier.isPublic(type.getModifiers())) {
                        types.add(type);
                    }
                }
            }
        }
        types.sort((a, b) -> a.getName().compareTo(b.getName()));
        return types;
    }

    private static Object sample(Class<?> type) {
        if (type == String.class || type == Object.class) {
            return "x";
        }
        if (type == Integer.class) {
            return 1;
        }
        if (type == Long.class) {
            return 1L;
        }
        if (type == Boolean.class) {
            return true;
        }
        if (type == Double.class) {
            return 1.0;
        }
        if (type.isArray()) {
            return java.lang.reflect.Array.newInstance(type.getComponentType(), 0);
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
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isInterface() && !type.isSealed()) {
            return Proxy.newProxyInstance(ValueTypesNullArgumentsTest.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, m, a) -> switch (m.getName()) {
                        case "toString" -> "a do-nothing " + type.getSimpleName();
                        case "hashCode" -> 1;
                        case "equals" -> false;
                        default -> null;
                    });
        }
        return null;
    }
}
