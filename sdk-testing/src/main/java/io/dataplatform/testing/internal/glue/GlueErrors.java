package io.dataplatform.testing.internal.glue;

import io.dataplatform.testing.internal.ServiceErrors;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.ConcurrentModificationException;
import software.amazon.awssdk.services.glue.model.CrawlerNotRunningException;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.CrawlerStoppingException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.InternalServiceException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;

/**
 * Glue's errors as the AWS SDK surfaces them: the modelled exception class for each error code
 * (so raw-SDK code can catch {@code EntityNotFoundException}), HTTP 400 for client errors and
 * {@code ThrottlingException} (400) for throttling, like every JSON-protocol service.
 */
public final class GlueErrors implements ServiceErrors {

    @Override
    public AwsServiceException error(int statusCode, String errorCode, String message) {
        AwsServiceException.Builder builder = switch (errorCode) {
            case "EntityNotFoundException" -> EntityNotFoundException.builder();
            case "AlreadyExistsException" -> AlreadyExistsException.builder();
            case "InvalidInputException" -> InvalidInputException.builder();
            case "ValidationException" -> software.amazon.awssdk.services.glue.model.ValidationException.builder();
            case "CrawlerRunningException" -> CrawlerRunningException.builder();
            case "CrawlerNotRunningException" -> CrawlerNotRunningException.builder();
            case "CrawlerStoppingException" -> CrawlerStoppingException.builder();
            case "ConcurrentModificationException" -> ConcurrentModificationException.builder();
            case "ConcurrentRunsExceededException" ->
                    software.amazon.awssdk.services.glue.model.ConcurrentRunsExceededException.builder();
            case "InternalServiceException" -> InternalServiceException.builder();
            case "IllegalWorkflowStateException" ->
                    software.amazon.awssdk.services.glue.model.IllegalWorkflowStateException.builder();
            default -> GlueException.builder();
        };
        return builder.message(message)
                .statusCode(statusCode)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(errorCode)
                        .errorMessage(message)
                        .serviceName("Glue")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(statusCode).build())
                        .build())
                .build();
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
        return "InternalServiceException";
    }

    AwsServiceException notFound(String message) {
        return error(400, "EntityNotFoundException", message);
    }

    AwsServiceException alreadyExists(String message) {
        return error(400, "AlreadyExistsException", message);
    }

    /**
     * Request validation against the service model (patterns): real Glue answers these with ValidationException,
     * e.g. "ValidationException ... when calling the CreateTable operation: 2 validation errors detected: ..."
     * (moj-analytical-services/etl_manager#90).
     */
    AwsServiceException validation(String message) {
        return error(400, "ValidationException", message);
    }

    AwsServiceException invalid(String message) {
        return error(400, "InvalidInputException", message);
    }
}
