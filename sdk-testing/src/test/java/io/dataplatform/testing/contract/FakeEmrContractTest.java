package io.dataplatform.testing.contract;

import io.dataplatform.DataPlatform;
import io.dataplatform.emr.ClusterBuilder;
import io.dataplatform.testing.FakeAws;
import software.amazon.awssdk.services.emr.EmrClient;

/** The EMR contract on FakeAws: a fresh world per test; clusters start and stop on its clock. */
class FakeEmrContractTest extends EmrContractTests {
    private final FakeAws aws = FakeAws.create();

    @Override
    protected DataPlatform createPlatform() {
        return aws.dataPlatform();
    }

    @Override
    protected EmrClient emrClient() {
        return aws.emr();
    }

    @Override
    protected String releaseLabel() {
        return ClusterBuilder.DEFAULT_RELEASE;
    }
}
