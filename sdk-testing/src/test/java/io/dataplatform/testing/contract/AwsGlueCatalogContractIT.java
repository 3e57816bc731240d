package io.dataplatform.testing.contract;

import io.dataplatform.DataPlatform;
import java.util.UUID;

/**
 * The Glue catalog contract against real AWS: {@code mvn verify -Paws} with credentials and a region
 * from the default chains. Creates databases named {@code contract_<random>} and deletes them (with
 * their tables) after each test. Nothing is read from S3, so the locations need not exist.
 */
class AwsGlueCatalogContractIT extends GlueCatalogContractTests {

    @Override
    protected DataPlatform createPlatform() {
        return DataPlatform.builder().build();
    }

    @Override
    protected String databaseName(String base) {
        return base + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
