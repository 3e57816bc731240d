package io.dataplatform.testing.internal.athena;

import io.dataplatform.testing.internal.ServiceErrors;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.InternalServerException;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.ResourceNotFoundException;
import software.amazon.awssdk.services.athena.model.TooManyRequestsException;

/**
 * Athena's errors as the AWS SDK surfaces them: {@code InvalidRequestException} (400) for bad
 * requests, unknown ids and duplicate workgroups, {@code TooManyRequestsException} (400) for
 * throttling, {@code InternalServerException} (500).
 */
public final class AthenaErrors implements ServiceErrors {

    @Override
    public AwsServiceException error(int statusCode, String errorCode, String message) {
        AwsServiceException.Builder builder = switch (errorCode) {
            case "InvalidRequestException" -> InvalidRequestException.builder();
            case "TooManyRequestsException" -> TooManyRequestsException.builder();
            case "InternalServerException" -> InternalServerException.builder();
            case "ResourceNotFoundException" -> ResourceNotFoundException.builder();
            default -> AthenaException.builder();
        };
        return builder.message(message).statusCode(statusCode)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).errorMessage(message).serviceName("Athena")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(statusCode).build()).build())
                .build();
    }

    /** Returns Athena's InvalidRequestException with {@code message}. */
    AwsServiceException invalid(String message) {
        return error(400, "InvalidRequestException", message);
    }

    @Override
    public int throttlingStatus() {
        return 400;
    }

    @Override
    public String throttlingCode() {
        return "TooManyRequestsException";
    }

    @Override
    public String serverErrorCode(int statusCode) {
        return "InternalServerException";
    }
}
