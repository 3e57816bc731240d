package io.dataplatform.testing.contract;

import io.dataplatform.DataPlatform;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The SES contract against real SES v2: {@code mvn verify -Paws} with credentials and a region from the
 * default chains. Sending needs an identity SES has verified in that account and region: set
 * {@code DATAPLATFORM_SES_SENDER} (or {@code -Ddataplatform.ses.sender=}) to it, or the two sending
 * tests are skipped. Messages go to the SES mailbox simulator (free of bounces; SES's usual price,
 * $0.10 per 1,000 messages); the domain identity a test creates is deleted after it.
 */
class AwsSesContractIT extends SesContractTests {

    @Override
    protected DataPlatform createPlatform() {
        return DataPlatform.builder().build();
    }

    @Override
    protected SesV2Client createSesClient() {
        return SesV2Client.create();
    }

    @Override
    protected String verifiedSender() {
        String sender = System.getProperty("dataplatform.ses.sender", System.getenv("DATAPLATFORM_SES_SENDER"));
        return sender == null || sender.isBlank() ? null : sender;
    }
}
