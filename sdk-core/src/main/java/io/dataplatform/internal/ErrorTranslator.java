package io.dataplatform.internal;

import io.dataplatform.AccessDeniedException;
import io.dataplatform.DataPlatformException;
import io.dataplatform.InvalidRequestException;
import io.dataplatform.ResourceAlreadyExistsException;
import io.dataplatform.ResourceConflictException;
import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.ServiceUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Maps AWS SDK exceptions onto the SDK's exception tree and decides which are worth retrying. */
final class ErrorTranslator {
    private static final Set<String> NOT_FOUND = Set.of("NoSuchKey", "NoSuchBucket", "NoSuchVersion", "NoSuchUpload",
            "NoSuchBucketPolicy", "EntityNotFoundException", "ResourceNotFoundException", "NotFound",
            "NoSuchPublicAccessBlockConfiguration", "ServerSideEncryptionConfigurationNotFoundError", "NotFoundException");
    private static final Set<String> ALREADY_EXISTS = Set.of("BucketAlreadyOwnedByYou", "BucketAlreadyExists",
            "AlreadyExistsException");
    /**
     * SES answers an exhausted daily sending quota with a throttling error ("Errors related to the
     * sending quotas for your Amazon SES account"); only the next 24 hours can fix it, not a retry.
     */
    private static final String SES_DAILY_QUOTA = "Daily message quota exceeded";
    private static final Set<String> CONFLICT = Set.of("BucketNotEmpty", "OperationAborted",
            "CrawlerRunningException", "CrawlerNotRunningException", "CrawlerStoppingException",
            "ConcurrentModificationException", "ConcurrentRunsExceededException", "IllegalWorkflowStateException",
            "ResourceNumberLimitExceededException");
    private static final Set<String> THROTTLING = Set.of("SlowDown", "Throttling", "ThrottlingException",
            "TooManyRequestsException", "RequestLimitExceeded", "ProvisionedThroughputExceededException");

    private ErrorTranslator() {
    }

    /** Returns true for throttling, 5xx but 501 and client-side I/O failures; false for everything a retry cannot fix. */
    static boolean isRetryable(Throwable error) {
        if (error instanceof AwsServiceException aws) {
            if (aws.awsErrorDetails() != null && aws.awsErrorDetails().errorMessage() != null
                    && aws.awsErrorDetails().errorMessage().startsWith(SES_DAILY_QUOTA)) {
                return false;
            }
            // 501 Not Implemented answers every attempt the same; the AWS SDK does not retry it either.
            return aws.isThrottlingException() || THROTTLING.contains(code(aws))
                    || (aws.statusCode() >= 500 && aws.statusCode() != 501);
        }
        return error instanceof SdkClientException client && (client.retryable() || causedByIo(client));
    }

    /** Connection resets and timeouts reach us as client exceptions caused by an {@link IOException}. */
    private static boolean causedByIo(Throwable error) {
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    static DataPlatformException translate(String service, String operation, String resource, RuntimeException error) {
        String message = service + " " + operation + " on '" + resource + "' failed: " + describe(error);
        if (error instanceof AwsServiceException aws) {
            String code = code(aws);
            if (isRetryable(aws)) {
                return new ServiceUnavailableException(message + " (gave up after retries)", aws);
            }
            if (NOT_FOUND.contains(code) || aws.statusCode() == 404) {
                return new ResourceNotFoundException(message, aws);
            }
            if (ALREADY_EXISTS.contains(code)) {
                return new ResourceAlreadyExistsException(message, aws);
            }
            if (aws.statusCode() == 403 || "AccessDenied".equals(code) || "AccessDeniedException".equals(code)) {
                return new AccessDeniedException(message, aws);
            }
            if (CONFLICT.contains(code) || aws.statusCode() == 409) {
                return new ResourceConflictException(message, aws);
            }
            return new InvalidRequestException(message, aws);
        }
        if (isRetryable(error)) {
            return new ServiceUnavailableException(message + " (gave up after retries)", error);
        }
        return new DataPlatformException(message, error);
    }

    static String describe(Throwable error) {
        if (error instanceof AwsServiceException aws) {
            String code = code(aws);
            String text = aws.awsErrorDetails() != null && aws.awsErrorDetails().errorMessage() != null
                    ? aws.awsErrorDetails().errorMessage() : aws.getMessage();
            return (code.isEmpty() ? "HTTP " + aws.statusCode() : code + " (HTTP " + aws.statusCode() + ")") + ": " + text;
        }
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    private static String code(AwsServiceException aws) {
        return aws.awsErrorDetails() == null || aws.awsErrorDetails().errorCode() == null
                ? "" : aws.awsErrorDetails().errorCode();
    }
}
