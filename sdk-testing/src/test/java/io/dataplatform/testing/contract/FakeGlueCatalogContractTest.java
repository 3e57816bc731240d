package io.dataplatform.testing.contract;

import io.dataplatform.DataPlatform;
import io.dataplatform.testing.FakeAws;

/** The Glue catalog contract on FakeAws: a fresh world per test. */
class FakeGlueCatalogContractTest extends GlueCatalogContractTests {

    @Override
    protected DataPlatform createPlatform() {
        return FakeAws.create().dataPlatform();
    }

    @Override
    protected String databaseName(String base) {
        return base;
    }
}
