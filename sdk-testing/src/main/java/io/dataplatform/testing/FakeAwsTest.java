package io.dataplatform.testing;

import io.dataplatform.testing.internal.FakeAwsExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test class fresh {@link FakeAws} worlds. A test method parameter of type
 * {@link FakeAws} or {@link io.dataplatform.DataPlatform} gets a new world per test (both parameters
 * of one test share it). A field annotated {@link World} is filled too: a static field with one
 * world for the whole class, an instance field with a new world per test.
 *
 * <pre>{@code
 * @FakeAwsTest
 * class SalesPipelineTest {
 *     @Test
 *     void uploads(DataPlatform platform, FakeAws aws) {
 *         platform.bucket("acme-raw").create().put("a.csv", "x,y");
 *         assertThat(aws.calls().count(AwsService.S3, "PutObject")).isEqualTo(1);
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeAwsExtension.class)
public @interface FakeAwsTest {

    /**
     * Marks a field of type {@link FakeAws} or {@link io.dataplatform.DataPlatform} to be filled: static
     * fields once per class, instance fields once per test.
     */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface World {
    }
}
