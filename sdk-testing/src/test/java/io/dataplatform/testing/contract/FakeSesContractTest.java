package io.dataplatform.testing.contract;

import io.dataplatform.DataPlatform;
import io.dataplatform.testing.FakeAws;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The SES contract on FakeAws: a fresh world per test, its sender verified, identities left pending as DNS would. */
class FakeSesContractTest extends SesContractTests {
    private final FakeAws aws = FakeAws.create();

    @Override
    protected DataPlatform createPlatform() {
        // As on AWS, where a domain stays pending until SES finds its DNS records.
        aws.sesAccount().verifyInstantly(false).verify("reports@acme.example");
        return aws.dataPlatform();
    }

    @Override
    protected SesV2Client createSesClient() {
        return aws.ses();
    }

    @Override
    protected String verifiedSender() {
        return "reports@acme.example";
    }
}
