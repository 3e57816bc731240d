package io.dataplatform.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sdk-spark API exposes no implementation type and no public constructor on a non-record, non-exception type. */
class SparkPublicApiTest {
    private static final List<Class<?>> API = List.of(SparkJob.class, JobContext.class, JobResult.class, JobStatus.class,
            JobMetrics.class, LocalSparkRunner.class, LocalSparkRunner.Builder.class, LocalSpark.class,
            SparkJobFailedException.class, SqlEngine.class, SqlEngine.Builder.class, SqlResult.class, SqlColumn.class,
            SqlQueryFailedException.class);

    @Test
    void publicSignatures_neverMentionInternalTypes() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : API) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    Stream.concat(Stream.of(method.getGenericReturnType()), Stream.of(method.getGenericParameterTypes()))
                            .forEach(t -> check(type.getSimpleName() + "." + method.getName(), t, leaks));
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void apiClasses_haveNoPublicConstructors_exceptRecordsAndExceptions() {
        assertThat(API.stream()
                .filter(t -> !t.isRecord() && !t.isInterface() && !t.isEnum() && !Throwable.class.isAssignableFrom(t))
                .filter(t -> Stream.of(t.getDeclaredConstructors()).anyMatch(c -> Modifier.isPublic(c.getModifiers())))
                .map(Class::getName)).isEmpty();
    }

    private static void check(String member, Type type, List<String> leaks) {
        if (type instanceof Class<?> c && c.getName().contains(".internal.")) {
            leaks.add(member + " exposes " + c.getName());
        }
        if (type instanceof ParameterizedType p) {
            check(member, p.getRawType(), leaks);
            for (Type argument : p.getActualTypeArguments()) {
                check(member, argument, leaks);
            }
        }
    }
}
