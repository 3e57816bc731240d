package io.dataplatform.testing.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.RecordedCall;
import io.dataplatform.testing.internal.athena.FakeAthenaClient;
import io.dataplatform.testing.internal.glue.FakeGlueClient;
import io.dataplatform.testing.internal.s3.FakeS3Client;
import io.dataplatform.testing.internal.ses.FakeSesClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * Every operation of the AWS client interfaces either is implemented by the fake or fails with a
 * 501 NotImplemented error naming the operation and the fake, never the interface default's
 * message-less UnsupportedOperationException.
 */
class NotImplementedOperationsTest {
    private final FakeAws aws = FakeAws.create();

    @Test
    void everyS3Operation_isImplementedOrFailsWithNotImplemented() throws Exception {
        Map<String, Method> unimplemented = unimplemented(S3Client.class, FakeS3Client.class);

        for (Map.Entry<String, Method> operation : unimplemented.entrySet()) {
            S3Exception e = catchThrowableOfType(S3Exception.class, () -> call(aws.s3(), operation.getValue()));
            assertThat(e).as(operation.getKey()).isNotNull();
            assertThat(e.statusCode()).as(operation.getKey()).isEqualTo(501);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("FakeAws S3 does not implement " + operation.getKey());
        }
        assertThat(unimplemented).hasSizeGreaterThan(50).containsKey("PutBucketLifecycleConfiguration")
                .doesNotContainKeys("PutObject", "GetObject", "CompleteMultipartUpload", "ListObjectsV2");
        assertThat(FakeS3Client.unimplementedOperations()).isEqualTo(unimplemented.keySet());
        assertThat(aws.calls().of(AwsService.S3, "PutBucketLifecycleConfiguration"))
                .extracting(RecordedCall::statusCode, RecordedCall::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(501, "NotImplemented"));
    }

    @Test
    void unimplementedS3Operation_consumerOverloadAndPaginator_failTheSameWay() {
        S3Exception viaConsumer = catchThrowableOfType(S3Exception.class,
                () -> aws.s3().getBucketLifecycleConfiguration(r -> r.bucket("acme-raw")));
        S3Exception viaPaginator = catchThrowableOfType(S3Exception.class,
                () -> aws.s3().listBucketAnalyticsConfigurations(r -> r.bucket("acme-raw")));

        assertThat(viaConsumer).hasMessageStartingWith("FakeAws S3 does not implement GetBucketLifecycleConfiguration");
        assertThat(viaConsumer.statusCode()).isEqualTo(501);
        assertThat(viaPaginator).hasMessageStartingWith("FakeAws S3 does not implement ListBucketAnalyticsConfigurations");
    }

    @Test
    void implementedS3Operations_stillWorkThroughTheirOverloads() {
        aws.s3().createBucket(r -> r.bucket("acme-raw"));
        aws.s3().putObject(r -> r.bucket("acme-raw").key("a.txt"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("hi"));

        assertThat(aws.s3().getObjectAsBytes(r -> r.bucket("acme-raw").key("a.txt")).asUtf8String()).isEqualTo("hi");
        assertThat(aws.s3().listObjectsV2Paginator(r -> r.bucket("acme-raw")).contents()).hasSize(1);
        assertThat(aws.s3().listBuckets().buckets()).hasSize(1);
        assertThat(aws.s3().serviceName()).isEqualTo("s3");
    }

    @Test
    void everyGlueOperation_isImplementedOrFailsWith501NamingIt() throws Exception {
        Map<String, Method> unimplemented = unimplemented(GlueClient.class, FakeGlueClient.class);

        for (Map.Entry<String, Method> operation : unimplemented.entrySet()) {
            GlueException e = catchThrowableOfType(GlueException.class, () -> call(aws.glue(), operation.getValue()));
            assertThat(e).as(operation.getKey()).isNotNull();
            assertThat(e.statusCode()).isEqualTo(501);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("FakeAws Glue does not implement " + operation.getKey());
        }
        assertThat(unimplemented).containsKey("CreateBlueprint").doesNotContainKeys("CreateTable", "StartCrawler", "CreateJob", "StartJobRun",
                "CreateTrigger", "StartWorkflowRun");
        assertThat(FakeGlueClient.unimplementedOperations()).isEqualTo(unimplemented.keySet());
    }

    @Test
    void everyAthenaOperation_isImplementedOrFailsWith501NamingIt() throws Exception {
        Map<String, Method> unimplemented = unimplemented(AthenaClient.class, FakeAthenaClient.class);

        for (Map.Entry<String, Method> operation : unimplemented.entrySet()) {
            AthenaException e = catchThrowableOfType(AthenaException.class, () -> call(aws.athena(), operation.getValue()));
            assertThat(e).as(operation.getKey()).isNotNull();
            assertThat(e.statusCode()).isEqualTo(501);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("FakeAws Athena does not implement " + operation.getKey());
        }
        assertThat(unimplemented).containsKey("CreateDataCatalog").doesNotContainKeys("StartQueryExecution");
        assertThat(FakeAthenaClient.unimplementedOperations()).isEqualTo(unimplemented.keySet());
    }

    @Test
    void everySesOperation_isImplementedOrFailsWith501NamingIt() throws Exception {
        Map<String, Method> unimplemented = unimplemented(SesV2Client.class, FakeSesClient.class);

        for (Map.Entry<String, Method> operation : unimplemented.entrySet()) {
            SesV2Exception e = catchThrowableOfType(SesV2Exception.class, () -> call(aws.ses(), operation.getValue()));
            assertThat(e).as(operation.getKey()).isNotNull();
            assertThat(e.statusCode()).isEqualTo(501);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("FakeAws SES does not implement " + operation.getKey());
        }
        assertThat(unimplemented).containsKey("CreateConfigurationSet")
                .doesNotContainKeys("SendEmail", "CreateEmailIdentity", "GetEmailIdentity", "GetAccount");
        assertThat(FakeSesClient.unimplementedOperations()).isEqualTo(unimplemented.keySet());
    }

    /**
     * Lists, by reflection over the interface, each operation whose request-taking method the fake
     * does not override, keyed by the operation name (the request class without "Request").
     */
    private static Map<String, Method> unimplemented(Class<?> api, Class<?> fake) throws NoSuchMethodException {
        Map<String, Method> operations = new TreeMap<>();
        for (Method m : api.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() == 0 || m.getName().endsWith("Paginator")) {
                continue;
            }
            Class<?> request = m.getParameterTypes()[0];
            if (!request.getSimpleName().endsWith("Request") || !request.getPackageName().endsWith(".model")) {
                continue;
            }
            String operation = request.getSimpleName().replaceFirst("Request$", "");
            boolean implemented = fake.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass() == fake;
            if (!implemented && !isImplementedByAnotherOverload(fake, request)) {
                operations.putIfAbsent(operation, m);
            }
        }
        return operations;
    }

    /** getObject(request, Path) is a default over the implemented getObject(request, transformer). */
    private static boolean isImplementedByAnotherOverload(Class<?> fake, Class<?> request) {
        for (Method m : fake.getDeclaredMethods()) {
            if (m.getParameterCount() > 0 && m.getParameterTypes()[0] == request && !m.isSynthetic()) {
                return true;
            }
        }
        return false;
    }

    /** Calls {@code method} with the request's default ({@code builder().build()}) and nulls for the rest. */
    private static void call(Object client, Method method) throws Throwable {
        Method builder = method.getParameterTypes()[0].getMethod("builder");
        Object request = builder.getReturnType().getMethod("build").invoke(builder.invoke(null));
        Object[] args = new Object[method.getParameterCount()];
        args[0] = request;
        try {
            method.invoke(client, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
