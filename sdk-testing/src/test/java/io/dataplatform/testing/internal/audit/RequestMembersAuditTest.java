package io.dataplatform.testing.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.testing.internal.athena.FakeAthenaClient;
import io.dataplatform.testing.internal.emr.FakeEmrClient;
import io.dataplatform.testing.internal.glue.FakeGlueClient;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Keeps the request members of every operation the Glue, Athena and EMR fakes implement audited. A fake
 * that answers while ignoring a member answers differently from AWS; each member listed in
 * {@code audited-request-members.txt} (with its structures' members two levels down) was checked to be honoured, refused with 501 when set, or unable to
 * change the fake's answer. An SDK upgrade that adds a member (as GetTable's AttributesToGet was added)
 * fails this test, naming it, until someone audits it and adds it to the list.
 */
class RequestMembersAuditTest {
    private static final String AUDITED = "audited-request-members.txt";

    @Test
    void everyRequestMemberOfAnImplementedOperation_hasBeenAudited() throws IOException {
        Map<String, String> current = new TreeMap<>();
        current.putAll(members("Glue", FakeGlueClient.class));
        current.putAll(members("Athena", FakeAthenaClient.class));
        current.putAll(members("EMR", FakeEmrClient.class));
        String expected = current.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));

        String audited;
        try (InputStream in = RequestMembersAuditTest.class.getResourceAsStream(AUDITED)) {
            audited = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(audited).as("Request members of implemented operations changed. Audit each new one: honour it as the "
                + "AWS API reference says, refuse it with 501 NotImplemented when set, or make sure it cannot change the "
                + "fake's answer; then replace src/test/resources/io/dataplatform/testing/internal/audit/" + AUDITED
                + " with:\n" + expected).isEqualTo(expected);
    }

    /** Operation name to its request's member names, for each operation the fake client implements itself. */
    private static Map<String, String> members(String service, Class<?> fake) {
        Map<String, String> members = new TreeMap<>();
        for (Method method : fake.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers()) || method.getParameterCount() != 1
                    || !SdkPojo.class.isAssignableFrom(method.getParameterTypes()[0])) {
                continue;
            }
            Class<?> request = method.getParameterTypes()[0];
            List<String> names = new ArrayList<>();
            collect(pojo(request), "", 0, names);
            String operation = request.getSimpleName().substring(0, request.getSimpleName().length() - "Request".length());
            members.put(service + " " + operation, String.join(" ", names));
        }
        return members;
    }

    /**
     * Adds the members of {@code pojo}, and those of its structure members two levels down (such as
     * ResultConfiguration.EncryptionConfiguration.EncryptionOption or TableInput.ViewDefinition); members of
     * structures inside lists (a RunJobFlow's Steps) are not listed.
     */
    private static void collect(SdkPojo pojo, String prefix, int depth, List<String> names) {
        for (SdkField<?> field : pojo.sdkFields()) {
            names.add(prefix + field.memberName());
            if (depth < 2 && field.marshallingType() == MarshallingType.SDK_POJO && field.constructor() != null) {
                Object nested = field.constructor().get();
                SdkPojo built = nested instanceof SdkBuilder<?, ?> b ? (SdkPojo) b.build() : (SdkPojo) nested;
                collect(built, prefix + field.memberName() + ".", depth + 1, names);
            }
        }
    }

    private static SdkPojo pojo(Class<?> request) {
        try {
            SdkBuilder<?, ?> builder = (SdkBuilder<?, ?>) request.getMethod("builder").invoke(null);
            return (SdkPojo) builder.build();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build an empty " + request.getName(), e);
        }
    }
}
