package io.dataplatform.testing.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.DataPlatform;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.FakeAwsTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

@FakeAwsTest
class FakeAwsExtensionTest {
    @FakeAwsTest.World
    static FakeAws sharedWorld;
    private static FakeAws firstSharedWorld;

    @FakeAwsTest.World
    FakeAws perTestWorld;

    @FakeAwsTest.World
    DataPlatform perTestPlatform;

    @BeforeAll
    static void rememberSharedWorld() {
        firstSharedWorld = sharedWorld;
    }

    @RepeatedTest(2)
    void staticFields_shareOneWorld_instanceFieldsAndParametersGetAFreshOne(FakeAws parameter, DataPlatform platform) {
        assertThat(sharedWorld).isNotNull().isSameAs(firstSharedWorld);
        assertThat(perTestWorld).isNotSameAs(sharedWorld).isSameAs(parameter);
        assertThat(platform).isSameAs(perTestPlatform);
        assertThat(perTestWorld.s3().listBuckets().buckets()).isEmpty();

        platform.bucket("per-test").create();

        assertThat(parameter.s3().listBuckets().buckets()).hasSize(1);
    }
}
