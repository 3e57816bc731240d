package io.dataplatform.testing.internal.ses;

import io.dataplatform.testing.internal.ServiceErrors;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.InternalServiceErrorException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * SES v2's errors as the AWS SDK surfaces them (REST-JSON; statuses from the service model):
 * {@code MessageRejected}, {@code BadRequestException}, {@code AlreadyExistsException},
 * {@code LimitExceededException} (400), {@code NotFoundException} (404), {@code TooManyRequestsException}
 * (429), {@code InternalServiceErrorException} (500). Sending over a quota is a {@code ThrottlingException}
 * with "Maximum sending rate exceeded" or "Daily message quota exceeded" ("Errors related to the sending
 * quotas for your Amazon SES account"), which the SDK does not model: a plain {@link SesV2Exception}.
 */
public final class SesErrors implements ServiceErrors {

    @Override
    public AwsServiceException error(int statusCode, String errorCode, String message) {
        AwsServiceException.Builder builder = switch (errorCode) {
            case "MessageRejected" -> MessageRejectedException.builder();
            case "BadRequestException" -> BadRequestException.builder();
            case "AlreadyExistsException" -> AlreadyExistsException.builder();
            case "LimitExceededException" -> LimitExceededException.builder();
            case "NotFoundException" -> NotFoundException.builder();
            case "TooManyRequestsException" -> TooManyRequestsException.builder();
            case "InternalServiceErrorException" -> InternalServiceErrorException.builder();
            case "AccountSuspendedException" -> AccountSuspendedException.builder();
            case "SendingPausedException" -> SendingPausedException.builder();
            case "MailFromDomainNotVerifiedException" -> MailFromDomainNotVerifiedException.builder();
            default -> SesV2Exception.builder();
        };
        return builder.message(message).statusCode(statusCode)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).errorMessage(message).serviceName("SesV2")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(statusCode).build()).build())
                .build();
    }

    AwsServiceException rejected(String message) {
        return error(400, "MessageRejected", message);
    }

    AwsServiceException badRequest(String message) {
        return error(400, "BadRequestException", message);
    }

    AwsServiceException notFound(String message) {
        return error(404, "NotFoundException", message);
    }

    AwsServiceException throttled(String message) {
        return error(400, "ThrottlingException", message);
    }

    @Override
    public int throttlingStatus() {
        return 429;
    }

    @Override
    public String throttlingCode() {
        return "TooManyRequestsException";
    }

    @Override
    public String serverErrorCode(int statusCode) {
        return "InternalServiceErrorException";
    }
}
