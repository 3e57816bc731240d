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

    /**
     * Checks MaxResults against the operation's range as the service model does: a ValidationException naming the
     * bound broken, as Glue answers model constraints ("ValidationException ... when calling the GetTables operation:
     * 1 validation error detected: ... Member must have length less than or equal to 255", boto/boto3#3229).
     */
    public void checkMaxResults(Integer requested, int max) {
        if (requested != null && (requested < 1 || requested > max)) {
            throw validation("1 validation error detected: Value '" + requested + "' at 'maxResults' failed to "
                    + "satisfy constraint: Member must have value " + (requested < 1 ? "greater than or equal to 1"
                    : "less than or equal to " + max));
        }
    }

    /**
     * Checks a Name member (1-255 characters) as the service model does: a ValidationException naming the bound
     * broken, the exception Glue answers length constraints with (boto/boto3#3229).
     */
    public void checkName(String name, String member) {
        if (name == null) {
            throw validation("1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        if (name.isEmpty() || name.length() > 255) {
            throw validation("1 validation error detected: Value '" + name + "' at '" + member + "' failed to satisfy "
                    + "constraint: Member must have length " + (name.isEmpty() ? "greater than or equal to 1"
                    : "less than or equal to 255"));
        }
    }

    AwsServiceException invalid(String message) {
        return error(400, "InvalidInputException", message);
    }
}
