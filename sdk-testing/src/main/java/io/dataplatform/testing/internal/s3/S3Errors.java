package io.dataplatform.testing.internal.s3;

import io.dataplatform.testing.internal.ServiceErrors;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.AccessDeniedException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.InvalidObjectStateException;
import software.amazon.awssdk.services.s3.model.InvalidRequestException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectNotInActiveTierErrorException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.TooManyPartsException;
import software.amazon.awssdk.utils.DateUtils;

/**
 * Builds S3's errors the way the SDK unmarshals them from S3's XML error responses: the modelled
 * subclass where the SDK has one, {@link S3Exception} otherwise, always with status, code and message.
 */
final class S3Errors implements ServiceErrors {
    static final S3Errors INSTANCE = new S3Errors();

    private S3Errors() {
    }

    @Override
    public AwsServiceException error(int statusCode, String errorCode, String message) {
        return build(statusCode, errorCode, message);
    }

    /** S3 throttles with HTTP 503 SlowDown ("Please reduce your request rate."). */
    @Override
    public int throttlingStatus() {
        return 503;
    }

    @Override
    public String throttlingCode() {
        return "SlowDown";
    }

    static S3Exception build(int statusCode, String errorCode, String message) {
        AwsErrorDetails details = AwsErrorDetails.builder()
                .errorCode(errorCode).errorMessage(message).serviceName("S3").build();
        // The SDK's client registers its modelled exceptions for every operation by error code alone (S3's
        // protocol factory in DefaultS3Client), so an AccessDenied from GetObject is an AccessDeniedException too.
        S3Exception.Builder builder = switch (errorCode) {
            case "NoSuchKey" -> NoSuchKeyException.builder();
            case "NoSuchBucket" -> NoSuchBucketException.builder();
            case "NoSuchUpload" -> NoSuchUploadException.builder();
            case "BucketAlreadyOwnedByYou" -> BucketAlreadyOwnedByYouException.builder();
            case "BucketAlreadyExists" -> BucketAlreadyExistsException.builder();
            case "InvalidObjectState" -> InvalidObjectStateException.builder();
            case "AccessDenied" -> AccessDeniedException.builder();
            case "InvalidRequest" -> InvalidRequestException.builder();
            case "TooManyParts" -> TooManyPartsException.builder();
            case "ObjectNotInActiveTierError" -> ObjectNotInActiveTierErrorException.builder();
            default -> S3Exception.builder();
        };
        return (S3Exception) builder.statusCode(statusCode).awsErrorDetails(details).message(message).build();
    }

    static S3Exception badRequest(String code, String message) {
        return build(400, code, message);
    }

    static S3Exception accessDenied() {
        return build(403, "AccessDenied", "Access Denied");
    }

    static S3Exception noSuchBucket() {
        return build(404, "NoSuchBucket", "The specified bucket does not exist");
    }

    static S3Exception noSuchKey() {
        return build(404, "NoSuchKey", "The specified key does not exist.");
    }

    static S3Exception noSuchVersion() {
        return build(404, "NoSuchVersion", "The specified version does not exist.");
    }

    static S3Exception noSuchUpload() {
        return build(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, "
                + "or the upload may have been aborted or completed.");
    }

    /**
     * HEAD responses carry no body, so the SDK cannot read an error code from them; it still maps a
     * 404 on HeadObject/HeadBucket to the modelled exception, with no message.
     */
    static S3Exception headNotFound(boolean bucket) {
        AwsErrorDetails details = AwsErrorDetails.builder().errorCode("NotFound").serviceName("S3").build();
        S3Exception.Builder builder = bucket ? NoSuchBucketException.builder() : NoSuchKeyException.builder();
        return (S3Exception) builder.statusCode(404).awsErrorDetails(details).build();
    }

    /** An archived (GLACIER, DEEP_ARCHIVE) object read or copied before a restore. */
    static S3Exception invalidObjectState() {
        return build(403, "InvalidObjectState", "The operation is not valid for the object's storage class");
    }

    /**
     * {@code error} answered for a delete marker by GetObject or HeadObject: S3 adds {@code x-amz-delete-marker: true}
     * to the 404 of a key whose current version is a marker and to the 405 of a version id naming one, with the
     * marker's Last-Modified (GetObject and HeadObject API references, "DeleteMarker"; S3 has sent Last-Modified for
     * delete markers since September 2023). The SDK leaves them in the error's {@code sdkHttpResponse()}.
     */
    static S3Exception onDeleteMarker(S3Exception error, StoredObject marker) {
        SdkHttpResponse http = SdkHttpResponse.builder().statusCode(error.statusCode())
                .putHeader("x-amz-delete-marker", "true")
                .putHeader("Last-Modified", DateUtils.formatRfc822Date(marker.lastModified()))
                .build();
        AwsErrorDetails details = error.awsErrorDetails().toBuilder().sdkHttpResponse(http).build();
        return (S3Exception) error.toBuilder().awsErrorDetails(details).build();
    }

    /** {@code error} with one more header in its HTTP response, keeping those it had. */
    static S3Exception withHeader(S3Exception error, String name, String value) {
        SdkHttpResponse had = error.awsErrorDetails().sdkHttpResponse();
        SdkHttpResponse.Builder http = had == null ? SdkHttpResponse.builder().statusCode(error.statusCode())
                : had.toBuilder();
        AwsErrorDetails details = error.awsErrorDetails().toBuilder().sdkHttpResponse(http.putHeader(name, value).build())
                .build();
        return (S3Exception) error.toBuilder().awsErrorDetails(details).build();
    }

    static S3Exception methodNotAllowed() {
        return build(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    }
}
