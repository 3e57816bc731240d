package io.dataplatform.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dataplatform.DataPlatform;
import io.dataplatform.InvalidRequestException;
import io.dataplatform.email.Attachment;
import io.dataplatform.email.Email;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.CreateEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.IdentityType;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;

/**
 * The SES behaviour of the SDK, written once: {@link FakeSesContractTest} runs it on FakeAws in every
 * build, {@link AwsSesContractIT} against real SES v2 with {@code -Paws}. Messages go to the SES mailbox
 * simulator ({@code success@simulator.amazonses.com}), which SES accepts from the sandbox too and which
 * does not count as a bounce. What only a fake can show (the recorded message, quotas on the clock) is
 * in {@code io.dataplatform.testing.tasks.EmailTaskTest}.
 */
abstract class SesContractTests {
    static final String SIMULATOR = "success@simulator.amazonses.com";

    protected DataPlatform platform;
    protected SesV2Client ses;
    private String createdDomain;

    /** Returns the platform under test. */
    protected abstract DataPlatform createPlatform();

    /** Returns a raw SES v2 client on the same account and region. */
    protected abstract SesV2Client createSesClient();

    /** Returns a sender SES has verified in the account and region, or null when there is none (the sending tests are skipped). */
    protected abstract String verifiedSender();

    @BeforeEach
    void setUp() {
        platform = createPlatform();
        ses = createSesClient();
        createdDomain = "contract-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    }

    @AfterEach
    void tearDown() {
        try {
            ses.deleteEmailIdentity(r -> r.emailIdentity(createdDomain));
        } catch (NotFoundException notCreated) {
            // the test did not create it, or deleted it itself
        }
    }

    @Test
    void aSimpleMessage_isAcceptedWithAMessageId() {
        assumeTrue(verifiedSender() != null, "no verified sender configured");

        String id = platform.email().send(Email.builder().from(verifiedSender()).to(SIMULATOR)
                .subject("DataPlatform SES contract: simple").text("plain text").html("<p>html</p>").build());

        assertThat(id).isNotBlank();
    }

    @Test
    void aMessageWithAnAttachment_goesRaw_andIsAccepted() {
        assumeTrue(verifiedSender() != null, "no verified sender configured");

        String id = platform.email().send(Email.builder().from(verifiedSender()).to(SIMULATOR)
                .subject("DataPlatform SES contract: raw — ünïcödé").text("see the attachment")
                .attach(Attachment.text("totals.csv", "text/csv", "region,total\neu,1\n")).build());

        assertThat(id).isNotBlank();
    }

    @Test
    void anUnverifiedSender_isRejectedWithMessageRejected() {
        String sender = "nobody@unverified-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";

        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> platform.email()
                .send(Email.builder().from(sender).to(SIMULATOR).subject("never sent").text("x").build()));

        assertThat(e).isNotNull().hasCauseInstanceOf(MessageRejectedException.class)
                .hasMessageContaining("MessageRejected")
                .hasMessageContaining("Email address is not verified. The following identities failed the check in region "
                        + platform.region().id().toUpperCase(java.util.Locale.ROOT))
                .hasMessageContaining(sender);
    }

    @Test
    void anUnknownIdentity_isNotFound() {
        assertThatThrownBy(() -> ses.getEmailIdentity(r -> r.emailIdentity(createdDomain)))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((NotFoundException) e).statusCode()).isEqualTo(404));
    }

    @Test
    void aDomainIdentity_isCreatedPendingVerification_listed_andDeleted() {
        CreateEmailIdentityResponse created = ses.createEmailIdentity(r -> r.emailIdentity(createdDomain));

        assertThat(created.identityType()).isEqualTo(IdentityType.DOMAIN);
        assertThat(created.verifiedForSendingStatus()).as("no DNS records: not verified").isFalse();
        assertThat(ses.getEmailIdentity(r -> r.emailIdentity(createdDomain)).identityType()).isEqualTo(IdentityType.DOMAIN);
        assertThat(ses.listEmailIdentitiesPaginator(r -> r.pageSize(100)).stream().flatMap(p -> p.emailIdentities().stream())
                .anyMatch(i -> i.identityName().equals(createdDomain))).isTrue();
        assertThatThrownBy(() -> ses.createEmailIdentity(r -> r.emailIdentity(createdDomain)))
                .isInstanceOf(AlreadyExistsException.class);

        ses.deleteEmailIdentity(r -> r.emailIdentity(createdDomain));

        assertThatThrownBy(() -> ses.getEmailIdentity(r -> r.emailIdentity(createdDomain)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theAccount_reportsItsSendQuota() {
        GetAccountResponse account = ses.getAccount(r -> { });

        assertThat(account.sendQuota().maxSendRate()).isPositive();
        assertThat(account.sendQuota().max24HourSend()).isNotZero();
        assertThat(account.sendQuota().sentLast24Hours()).isNotNegative();
        if (!account.productionAccessEnabled()) {
            assertThat(account.sendQuota().max24HourSend()).as("the sandbox's quota").isEqualTo(200.0);
        }
    }
}
