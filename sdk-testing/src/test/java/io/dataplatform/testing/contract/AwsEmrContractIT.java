package io.dataplatform.testing.contract;

import io.dataplatform.DataPlatform;
import io.dataplatform.emr.ClusterBuilder;
import software.amazon.awssdk.services.emr.EmrClient;

/**
 * The EMR contract against real AWS: {@code mvn verify -Paws} with credentials and a region from the
 * default chains, and the default roles EMR_DefaultRole and EMR_EC2_DefaultRole in the account
 * ({@code aws emr create-default-roles}). The lifecycle test runs one m5.xlarge for about 10 minutes
 * (about $0.05) and terminates it; set {@code -Demr.release=emr-7.10.0} where the default release label
 * is not offered.
 */
class AwsEmrContractIT extends EmrContractTests {
    private final EmrClient client = EmrClient.create();

    @Override
    protected DataPlatform createPlatform() {
        return DataPlatform.builder().emrClient(client).build();
    }

    @Override
    protected EmrClient emrClient() {
        return client;
    }

    @Override
    protected String releaseLabel() {
        return System.getProperty("emr.release", ClusterBuilder.DEFAULT_RELEASE);
    }
}
