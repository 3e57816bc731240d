package io.dataplatform.testing.internal.ses;

import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.internal.Caller;
import io.dataplatform.testing.internal.NotImplemented;
import io.dataplatform.testing.internal.ServiceCalls;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ServiceClientConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.model.CreateEmailIdentityRequest;
import software.amazon.awssdk.services.sesv2.model.CreateEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.DeleteEmailIdentityRequest;
import software.amazon.awssdk.services.sesv2.model.DeleteEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.GetAccountRequest;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityRequest;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.IdentityInfo;
import software.amazon.awssdk.services.sesv2.model.IdentityType;
import software.amazon.awssdk.services.sesv2.model.ListEmailIdentitiesRequest;
import software.amazon.awssdk.services.sesv2.model.ListEmailIdentitiesResponse;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SendQuota;
import software.amazon.awssdk.services.sesv2.model.VerificationStatus;

/**
 * A {@link SesV2Client} over one world's {@link SesWorld}: SendEmail (simple and raw MIME messages,
 * recorded for assertions) under SES's sandbox rules and quotas, email identities
 * (Create/Get/Delete/ListEmailIdentities) and GetAccount. Every call is recorded and subject to the
 * world's faults; operations not implemented here fail with 501 NotImplemented naming the operation,
 * through the generated {@link UnimplementedSesV2Operations}.
 */
public final class FakeSesClient extends UnimplementedSesV2Operations {
    private static final int MAX_PAGE_SIZE = 1000;

    private final SesWorld world;
    private final ServiceCalls calls;
    private final Caller caller;

    /** Returns a client acting as {@code caller}. */
    public static SesV2Client create(SesWorld world, ServiceCalls calls, Caller caller) {
        return new FakeSesClient(world, calls, caller);
    }

    /** Returns the names of the operations this fake does not implement. */
    public static java.util.Set<String> unimplementedOperations() {
        return OPERATIONS;
    }

    private FakeSesClient(SesWorld world, ServiceCalls calls, Caller caller) {
        this.world = world;
        this.calls = calls;
        this.caller = caller;
    }

    private <T> T invoke(String operation, Supplier<T> body) {
        return calls.invoke(AwsService.SES, operation, caller.arn(), world.errors(), body);
    }

    @Override
    protected <T> T unimplemented(String operation) {
        return NotImplemented.fail(calls, AwsService.SES, caller.arn(), world.errors(), operation);
    }

    @Override
    public SendEmailResponse sendEmail(SendEmailRequest request) {
        return invoke("SendEmail", () -> SendEmailResponse.builder().messageId(world.send(request)).build());
    }

    @Override
    public CreateEmailIdentityResponse createEmailIdentity(CreateEmailIdentityRequest request) {
        return invoke("CreateEmailIdentity", () -> {
            SesWorld.Identity identity = world.createIdentity(request.emailIdentity());
            return CreateEmailIdentityResponse.builder()
                    .identityType(identity.domain ? IdentityType.DOMAIN : IdentityType.EMAIL_ADDRESS)
                    .verifiedForSendingStatus(identity.verified).build();
        });
    }

    @Override
    public GetEmailIdentityResponse getEmailIdentity(GetEmailIdentityRequest request) {
        return invoke("GetEmailIdentity", () -> {
            SesWorld.Identity identity = world.identity(request.emailIdentity());
            return GetEmailIdentityResponse.builder()
                    .identityType(identity.domain ? IdentityType.DOMAIN : IdentityType.EMAIL_ADDRESS)
                    .verifiedForSendingStatus(identity.verified)
                    .verificationStatus(identity.verified ? VerificationStatus.SUCCESS : VerificationStatus.PENDING)
                    .feedbackForwardingStatus(true)
                    .build();
        });
    }

    @Override
    public DeleteEmailIdentityResponse deleteEmailIdentity(DeleteEmailIdentityRequest request) {
        return invoke("DeleteEmailIdentity", () -> {
            world.deleteIdentity(request.emailIdentity());
            return DeleteEmailIdentityResponse.builder().build();
        });
    }

    @Override
    public ListEmailIdentitiesResponse listEmailIdentities(ListEmailIdentitiesRequest request) {
        return invoke("ListEmailIdentities", () -> {
            int pageSize = request.pageSize() == null ? MAX_PAGE_SIZE : request.pageSize();
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw world.errors().badRequest("PageSize must be between 1 and " + MAX_PAGE_SIZE + ".");
            }
            List<SesWorld.Identity> all = world.identities();
            int from = 0;
            if (request.nextToken() != null) {
                try {
                    from = Integer.parseInt(request.nextToken());
                } catch (NumberFormatException e) {
                    from = -1;
                }
                if (from < 0 || from > all.size()) {
                    throw world.errors().error(400, "BadRequestException", "Invalid NextToken.");
                }
            }
            int to = Math.min(all.size(), from + pageSize);
            List<IdentityInfo> page = all.subList(from, to).stream().map(i -> IdentityInfo.builder()
                    .identityName(i.name)
                    .identityType(i.domain ? IdentityType.DOMAIN : IdentityType.EMAIL_ADDRESS)
                    .sendingEnabled(i.verified)
                    .verificationStatus(i.verified ? VerificationStatus.SUCCESS : VerificationStatus.PENDING)
                    .build()).toList();
            return ListEmailIdentitiesResponse.builder().emailIdentities(page)
                    .nextToken(to < all.size() ? Integer.toString(to) : null).build();
        });
    }

    @Override
    public GetAccountResponse getAccount(GetAccountRequest request) {
        return invoke("GetAccount", () -> GetAccountResponse.builder()
                .productionAccessEnabled(world.production())
                .sendingEnabled(true)
                .enforcementStatus("HEALTHY")
                .dedicatedIpAutoWarmupEnabled(false)
                .sendQuota(SendQuota.builder().max24HourSend((double) world.max24HourSend())
                        .maxSendRate(world.maxSendRate()).sentLast24Hours((double) world.sentLast24Hours()).build())
                .build());
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public SesV2ServiceClientConfiguration serviceClientConfiguration() {
        return SesV2ServiceClientConfiguration.builder().region(Region.of(world.region())).build();
    }

    @Override
    public void close() {
        // nothing to release: the world lives in memory
    }
}
