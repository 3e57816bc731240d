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

    /**
     * Returns the InvalidRequestException Athena answers a request member breaking its modelled length or pattern
     * with (Athena API reference: QueryExecutionId has 1 to 128 characters matching {@code \S+}, ExecutionParameters
     * at least one item of 1 to 1024 characters, Database 1 to 255 characters), or null when {@code value} keeps them.
     */
    AwsServiceException lengthOrPattern(String member, String value, int min, int max, java.util.regex.Pattern pattern) {
        String broken = value == null ? "must not be null"
                : value.length() < min ? "must have length greater than or equal to " + min
                : value.length() > max ? "must have length less than or equal to " + max
                : pattern != null && !pattern.matcher(value).matches()
                ? "must satisfy regular expression pattern: " + pattern.pattern() : null;
        return broken == null ? null : invalid("1 validation error detected: Value " + (value == null ? "null" : "'" + value
                + "'") + " at '" + member + "' failed to satisfy constraint: Member " + broken);
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
