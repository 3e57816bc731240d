package io.dataplatform.testing.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dataplatform.DataPlatform;
import io.dataplatform.InvalidRequestException;
import io.dataplatform.email.Attachment;
import io.dataplatform.email.Email;
import io.dataplatform.tasks.TaskRun;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.RecordedCall;
import io.dataplatform.testing.SentEmail;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.VerificationStatus;

/** An email job on the fake SES: what it sends is recorded; SES's sandbox rules and quotas refuse what SES refuses. */
class EmailTaskTest {
    private static final String CSV = "region,total\neu,24.75\nus,21.75\n";

    private FakeAws aws;
    private DataPlatform platform;

    @BeforeEach
    void setUp() {
        aws = FakeAws.create();
        platform = aws.dataPlatform();
        platform.bucket("acme-curated").create().put("totals/2024-01-31.csv", CSV);
    }

    private TaskRun runReport() {
        return platform.tasks().run(SendSalesReport.class, "--date", "2024-01-31",
                "--from", "Acme Reports <reports@acme.example>", "--to", "ana@acme.example, bo@acme.example",
                "--cc", "boss@acme.example");
    }

    @Test
    void emailTask_sendsThroughTheFakeSes_andTheMessageIsRecordedWithItsFields() {
        aws.sesAccount().verify("acme.example");   // the domain: every address at it may send and, in the sandbox, receive

        TaskRun run = runReport().orThrow();

        assertThat(aws.sesOutbox().size()).isEqualTo(1);
        SentEmail sent = aws.sesOutbox().last();
        assertThat(sent.raw()).as("an attachment makes it a raw MIME message").isTrue();
        assertThat(sent.from()).isEqualTo("Acme Reports <reports@acme.example>");
        assertThat(sent.to()).containsExactly("ana@acme.example", "bo@acme.example");
        assertThat(sent.cc()).containsExactly("boss@acme.example");
        assertThat(sent.bcc()).isEmpty();
        assertThat(sent.subject()).isEqualTo("Sales for 2024-01-31 — daily report");
        assertThat(sent.text()).isEqualTo("Totals for 2024-01-31 attached.");
        assertThat(sent.html()).isEqualTo("<p>Totals for <b>2024-01-31</b> attached.</p>");
        assertThat(sent.attachments()).hasSize(1);
        Attachment csv = sent.attachment("totals-2024-01-31.csv").orElseThrow();
        assertThat(csv.contentType()).isEqualTo("text/csv");
        assertThat(csv.contentAsString()).isEqualTo(CSV);
        assertThat(sent.sentAt()).isEqualTo(run.startedAt());
        assertThat(aws.calls().all()).filteredOn(c -> c.service() == AwsService.SES)
                .extracting(RecordedCall::operation).containsExactly("SendEmail");
    }

    @Test
    void emailWithoutAttachments_goesAsASimpleMessage_withBccKeptOutOfTheHeaders() {
        aws.sesAccount().verify("acme.example");

        String id = platform.email().send(Email.builder().from("reports@acme.example").to("ana@acme.example")
                .bcc("audit@acme.example").replyTo("help@acme.example").subject("Load done").text("42 files").build());

        SentEmail sent = aws.sesOutbox().last();
        assertThat(sent.messageId()).isEqualTo(id);
        assertThat(sent.raw()).isFalse();
        assertThat(sent.to()).containsExactly("ana@acme.example");
        assertThat(sent.bcc()).containsExactly("audit@acme.example");
        assertThat(sent.replyTo()).containsExactly("help@acme.example");
        assertThat(sent.text()).isEqualTo("42 files");
        assertThat(sent.html()).isNull();
        assertThat(aws.sesOutbox().messagesTo("AUDIT@acme.example")).hasSize(1);
    }

    @Test
    void rawMessage_keepsBccRecipientsOutOfTheMimeHeaders_andNonAsciiNamesSurvive() {
        aws.sesAccount().verify("acme.example");

        platform.email().send(Email.builder().from("Équipe Données <data@acme.example>").to("ana@acme.example")
                .bcc("audit@acme.example").subject("Rapport journalier — ventes").text("Voilà.")
                .attach(Attachment.text("résumé.txt", "text/plain", "ünïcödé")).build());

        SentEmail sent = aws.sesOutbox().last();
        assertThat(sent.raw()).isTrue();
        assertThat(sent.subject()).isEqualTo("Rapport journalier — ventes");
        assertThat(sent.to()).containsExactly("ana@acme.example");
        assertThat(sent.bcc()).containsExactly("audit@acme.example");
        assertThat(sent.text()).isEqualTo("Voilà.");
        assertThat(sent.attachment("résumé.txt").orElseThrow().contentAsString()).isEqualTo("ünïcödé");
    }

    @Test
    void unverifiedSender_isRefusedWithSesMessageRejected_andNothingIsSent() {
        aws.sesAccount().verify("ana@acme.example").verify("bo@acme.example").verify("boss@acme.example");

        TaskRun run = runReport();

        assertThat(run.succeeded()).isFalse();
        assertThat(run.error()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("MessageRejected (HTTP 400): Email address is not verified. The following identities"
                        + " failed the check in region US-EAST-1: reports@acme.example")
                .hasCauseInstanceOf(MessageRejectedException.class);
        assertThat(aws.sesOutbox().messages()).isEmpty();
        assertThat(aws.calls().all()).filteredOn(c -> c.service() == AwsService.SES)
                .as("a rejection is not retried").hasSize(1)
                .allSatisfy(c -> assertThat(c.errorCode()).isEqualTo("MessageRejected"));
    }

    @Test
    void inTheSandbox_unverifiedRecipientsAreRefusedToo_untilProductionAccess() {
        aws.sesAccount().verify("reports@acme.example").verify("ana@acme.example");
        Email email = Email.builder().from("reports@acme.example").to("ana@acme.example", "stranger@elsewhere.example")
                .cc("success@simulator.amazonses.com").subject("hi").text("hello").build();

        assertThatThrownBy(() -> platform.email().send(email)).isInstanceOf(InvalidRequestException.class)
                .hasMessageEndingWith("failed the check in region US-EAST-1: stranger@elsewhere.example");
        assertThat(aws.sesAccount().inSandbox()).isTrue();

        aws.sesAccount().productionAccess();
        platform.email().send(email);
        assertThat(aws.sesOutbox().last().recipients())
                .containsExactly("ana@acme.example", "stranger@elsewhere.example", "success@simulator.amazonses.com");
    }

    @Test
    void createdIdentities_canBeLeftPending_untilTheTestVerifiesThem() {
        aws.sesAccount().verifyInstantly(false).productionAccess();
        aws.ses().createEmailIdentity(r -> r.emailIdentity("reports@acme.example"));
        assertThat(aws.ses().getEmailIdentity(r -> r.emailIdentity("reports@acme.example")).verificationStatus())
                .isEqualTo(VerificationStatus.PENDING);
        Email email = Email.builder().from("reports@acme.example").to("ana@else.example").subject("s").text("t").build();
        assertThatThrownBy(() -> platform.email().send(email)).hasMessageContaining("Email address is not verified");

        aws.sesAccount().verify("reports@acme.example");

        assertThat(aws.ses().getEmailIdentity(r -> r.emailIdentity("reports@acme.example")).verifiedForSendingStatus()).isTrue();
        platform.email().send(email);
        assertThat(aws.sesOutbox().size()).isEqualTo(1);
    }

    @Test
    void sandboxQuotas_oneRecipientPerSecond_and200Per24Hours_countedOnTheFakeClock() {
        aws.sesAccount().verify("acme.example");
        GetAccountResponse account = aws.ses().getAccount(r -> { });
        assertThat(account.productionAccessEnabled()).isFalse();
        assertThat(account.sendQuota().max24HourSend()).isEqualTo(200.0);
        assertThat(account.sendQuota().maxSendRate()).isEqualTo(1.0);

        aws.ses().sendEmail(r -> r.fromEmailAddress("a@acme.example").destination(d -> d.toAddresses("b@acme.example"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("1")).body(b -> b.text(t -> t.data("x"))))));
        SesV2Exception rate = catchThrowableOfType(SesV2Exception.class, () -> aws.ses().sendEmail(r -> r
                .fromEmailAddress("a@acme.example").destination(d -> d.toAddresses("b@acme.example"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("2")).body(b -> b.text(t -> t.data("x")))))));
        assertThat(rate.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(rate.awsErrorDetails().errorMessage()).isEqualTo("Maximum sending rate exceeded.");

        for (int i = 1; i < 200; i++) {
            aws.clock().advance(Duration.ofSeconds(1));
            platform.email().send(Email.builder().from("a@acme.example").to("b@acme.example").subject("n" + i).text("x").build());
        }
        assertThat(aws.ses().getAccount(r -> { }).sendQuota().sentLast24Hours()).isEqualTo(200.0);
        aws.clock().advance(Duration.ofSeconds(1));
        int callsBefore = aws.calls().all().size();
        assertThatThrownBy(() -> platform.email().send(Email.builder().from("a@acme.example").to("b@acme.example")
                .subject("one too many").text("x").build()))
                .hasMessageContaining("ThrottlingException (HTTP 400): Daily message quota exceeded.");
        assertThat(aws.calls().all().size() - callsBefore).as("an exhausted daily quota is not retried").isEqualTo(1);

        aws.clock().advance(Duration.ofHours(24));
        platform.email().send(Email.builder().from("a@acme.example").to("b@acme.example").subject("next day").text("x").build());
        assertThat(aws.sesOutbox().size()).isEqualTo(201);
    }

    @Test
    void aThrottledSend_isRetriedUnderThePlatformsRetryPolicy() {
        aws.sesAccount().verify("acme.example");
        DataPlatform patient = aws.dataPlatformBuilder()
                .retryPolicy(io.dataplatform.RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofSeconds(1))
                        .build()).randomSeed(7).build();
        Email email = Email.builder().from("a@acme.example").to("b@acme.example").subject("s").text("t").build();
        patient.email().send(email);

        patient.email().send(email);   // same instant: throttled at first, sent once the rate window has passed

        assertThat(aws.sesOutbox().size()).isEqualTo(2);
        assertThat(aws.calls().all()).filteredOn(c -> "ThrottlingException".equals(c.errorCode())).isNotEmpty();
    }

    @Test
    void injectedSesThrottling_isRetried_andEveryCallIsRecorded() {
        aws.sesAccount().verify("acme.example");
        aws.faults().on(AwsService.SES, "SendEmail").throttle(2);

        platform.email().send(Email.builder().from("a@acme.example").to("b@acme.example").subject("s").text("t").build());

        assertThat(aws.calls().of(AwsService.SES, "SendEmail")).extracting(RecordedCall::errorCode)
                .containsExactly("TooManyRequestsException", "TooManyRequestsException", null);
        assertThat(aws.sesOutbox().size()).isEqualTo(1);
    }

    @Test
    void aVerifiedDomain_coversItsSubdomains_butNotItsParent() {
        aws.sesAccount().verify("mail.acme.example").productionAccess();

        platform.email().send(Email.builder().from("reports@eu.mail.acme.example").to("x@else.example").subject("s").text("t").build());

        assertThatThrownBy(() -> platform.email().send(Email.builder().from("reports@acme.example").to("x@else.example")
                .subject("s").text("t").build())).hasMessageEndingWith("US-EAST-1: reports@acme.example");
        assertThat(aws.sesOutbox().size()).isEqualTo(1);
    }
}
