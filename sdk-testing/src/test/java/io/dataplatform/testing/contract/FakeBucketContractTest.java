package io.dataplatform.testing.contract;

import io.dataplatform.DataPlatform;
import io.dataplatform.cost.DataSize;
import io.dataplatform.s3.TransferSettings;
import io.dataplatform.testing.FakeAws;

/** The S3 contract on FakeAws: a fresh world per test. */
class FakeBucketContractTest extends BucketContractTests {

    @Override
    protected DataPlatform createPlatform() {
        return FakeAws.create().dataPlatformBuilder()
                .transferSettings(TransferSettings.builder().multipartThreshold(DataSize.ofMebibytes(5))
                        .partSize(DataSize.ofMebibytes(5)).build())
                .build();
    }

    @Override
    protected String bucketName(String base) {
        return base + "-bucket";
    }

    @Override
    protected void removeBucket(String name) {
        // The world is discarded with the test.
    }
}
