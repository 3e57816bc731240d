package io.dataplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The public API never exposes an implementation type, and API types have no public constructors. */
class PublicApiTest {

    @Test
    void publicSignatures_neverMentionInternalTypes() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicApiTypes()) {
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic()) {
                    continue;
                }
                check(type, method.getName(), method.getGenericReturnType(), leaks);
                for (Type parameter : method.getGenericParameterTypes()) {
                    check(type, method.getName(), parameter, leaks);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void apiClasses_haveNoPublicConstructors_exceptRecordsAndExceptions() throws Exception {
        List<String> offenders = new ArrayList<>();
        for (Class<?> type : publicApiTypes()) {
            if (type.isRecord() || type.isInterface() || type.isEnum() || Throwable.class.isAssignableFrom(type)) {
                continue;
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(constructor.getModifiers())) {
                    offenders.add(type.getName());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static void check(Class<?> owner, String member, Type type, List<String> leaks) {
        if (type instanceof Class<?> c && c.getName().contains(".internal.")) {
            leaks.add(owner.getName() + "." + member + " exposes " + c.getName());
        }
        if (type instanceof ParameterizedType p) {
            check(owner, member, p.getRawType(), leaks);
            for (Type argument : p.getActualTypeArguments()) {
                check(owner, member, argument, leaks);
            }
        }
    }

    static List<Class<?>> publicApiTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(DataPlatform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains(".internal.")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
                if (Modifier.isPublic(type.getModifiers())) {
                    types.add(type);
                }
            }
        }
        assertThat(types).contains(DataPlatform.class);
        return types;
    }
}
