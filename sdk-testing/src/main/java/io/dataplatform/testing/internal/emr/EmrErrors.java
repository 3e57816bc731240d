package io.dataplatform.testing.internal.emr;

import io.dataplatform.testing.internal.ServiceErrors;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.emr.model.EmrException;
import software.amazon.awssdk.services.emr.model.InternalServerErrorException;
import software.amazon.awssdk.services.emr.model.InternalServerException;
import software.amazon.awssdk.services.emr.model.InvalidRequestException;

/**
 * EMR's errors as the AWS SDK surfaces them: {@code InvalidRequestException} (400) for unknown ids,
 * {@code ValidationException} (400) for requests EMR refuses, {@code ThrottlingException} (400) and
 * {@code InternalServerError} (500).
 */
public final class EmrErrors implements ServiceErrors {

    @Override
    public AwsServiceException error(int statusCode, String errorCode, String message) {
        AwsServiceException.Builder builder = switch (errorCode) {
            case "InvalidRequestException" -> InvalidRequestException.builder();
            case "InternalServerError" -> InternalServerErrorException.builder();
            case "InternalServerException" -> InternalServerException.builder();
            default -> EmrException.builder();
        };
        return builder.message(message).statusCode(statusCode)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).errorMessage(message).serviceName("EMR")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(statusCode).build()).build())
                .build();
    }

    /** Returns EMR's InvalidRequestException (unknown cluster or step ids). */
    AwsServiceException invalidRequest(String message) {
        return error(400, "InvalidRequestException", message);
    }

    /** Returns EMR's ValidationException (a request EMR refuses). */
    AwsServiceException validation(String message) {
        return error(400, "ValidationException", message);
    }

    /** Returns a 501 naming what this fake cannot do: it refuses rather than answer differently from EMR. */
    AwsServiceException notImplemented(String message) {
        return error(501, "NotImplemented", message);
    }

    @Override
    public int throttlingStatus() {
        return 400;
    }

    @Override
    public String throttlingCode() {
        return "ThrottlingException";
    }

    @Override
    public String serverErrorCode(int statusCode) {
        return "InternalServerError";
    }
}
