package io.dataplatform.testing.contract;

import io.dataplatform.DataPlatform;
import io.dataplatform.s3.S3Location;
import io.dataplatform.testing.FakeAws;

/** The Athena contract on FakeAws: a fresh world per test, queries on the shared local Spark session. */
class FakeAthenaContractTest extends AthenaContractTests {

    @Override
    protected DataPlatform createPlatform(String bucket) {
        return FakeAws.create().dataPlatformBuilder()
                .athenaOutputLocation(S3Location.parse("s3://" + bucket + "/athena-results/")).build();
    }

    @Override
    protected String bucketName(String base) {
        return base;
    }

    @Override
    protected String databaseName(String base) {
        return base;
    }

    @Override
    protected void removeBucket(String name) {
        // the world is dropped with the test
    }
}
