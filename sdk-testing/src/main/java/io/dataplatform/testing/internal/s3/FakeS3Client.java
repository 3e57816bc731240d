package io.dataplatform.testing.internal.s3;

import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.internal.Caller;
import io.dataplatform.testing.internal.NotImplemented;
import io.dataplatform.testing.internal.ServiceCalls;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Utilities;
import software.amazon.awssdk.services.s3.model.*;

/**
 * An {@link S3Client} over one {@link S3World}, acting as one {@link Caller}. Every operation goes
 * through {@link ServiceCalls} (recorded, faults applied) and behaves as S3 documents it. Users get
 * it through {@link #create}; operations not implemented here fail with S3's 501 NotImplemented
 * error through the generated {@link UnimplementedS3Operations} (see {@link NotImplemented}). The paginators ({@code listObjectsV2Paginator}, ...) are the interface's defaults, which page
 * through the operations below.
 */
public final class FakeS3Client extends UnimplementedS3Operations {

    private final S3World world;
    private final ServiceCalls calls;
    private final Caller caller;
    private final BucketOperations buckets;
    private final BucketConfigOperations config;
    private final ObjectOperations objects;
    private final DeleteOperations deletes;
    private final CopyOperation copies;
    private final ObjectListing listing;
    private final MultipartOperations multipart;
    private final PartCopyOperation partCopies;
    private final MultipartListing multipartListing;
    private final AttributesOperation attributes;
    private final TaggingOperations tagging;
    private final ListObjectsV1 listingV1;

    /**
     * Returns a client of {@code world} whose calls pass through {@code calls} as {@code caller}, and
     * whose operations this fake does not implement fail with 501 NotImplemented.
     */
    public static S3Client create(S3World world, ServiceCalls calls, Caller caller) {
        return new FakeS3Client(world, calls, caller);
    }

    /** Returns the names of the S3 operations this fake does not implement. */
    public static java.util.Set<String> unimplementedOperations() {
        return OPERATIONS;
    }

    private FakeS3Client(S3World world, ServiceCalls calls, Caller caller) {
        this.world = world;
        this.calls = calls;
        this.caller = caller;
        AccessControl access = new AccessControl(world, caller);
        this.buckets = new BucketOperations(world, access);
        this.config = new BucketConfigOperations(world, access);
        this.objects = new ObjectOperations(world, access);
        this.deletes = new DeleteOperations(world, access);
        this.copies = new CopyOperation(world, access);
        this.listing = new ObjectListing(world, access);
        this.multipart = new MultipartOperations(world, access);
        this.partCopies = new PartCopyOperation(world, access);
        this.multipartListing = new MultipartListing(world, access);
        this.attributes = new AttributesOperation(world, access);
        this.tagging = new TaggingOperations(world, access);
        this.listingV1 = new ListObjectsV1(world, access);
    }

    private <T> T call(String operation, Supplier<T> body) {
        return calls.invoke(AwsService.S3, operation, caller, S3Errors.INSTANCE, body);
    }

    private static void bucket(String bucket) {
        Names.required(bucket, "Bucket");
    }

    private static void object(String bucket, String key) {
        Names.required(bucket, "Bucket");
        Names.required(key, "Key");
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    /** Nothing to release: the world outlives its clients. */
    @Override
    public void close() {
    }

    /** Returns utilities (URLs, URI parsing) for the world's region; they need no network. */
    @Override
    public S3Utilities utilities() {
        return S3Utilities.builder().region(Region.of(world.regionId())).build();
    }

    @Override
    public CreateBucketResponse createBucket(CreateBucketRequest request) {
        bucket(request.bucket());
        return call("CreateBucket", () -> buckets.create(request));
    }

    @Override
    public DeleteBucketResponse deleteBucket(DeleteBucketRequest request) {
        bucket(request.bucket());
        return call("DeleteBucket", () -> buckets.delete(request));
    }

    @Override
    public HeadBucketResponse headBucket(HeadBucketRequest request) {
        bucket(request.bucket());
        return call("HeadBucket", () -> buckets.head(request));
    }

    @Override
    public ListBucketsResponse listBuckets(ListBucketsRequest request) {
        return call("ListBuckets", () -> buckets.list(request));
    }

    @Override
    public GetBucketLocationResponse getBucketLocation(GetBucketLocationRequest request) {
        bucket(request.bucket());
        return call("GetBucketLocation", () -> buckets.location(request));
    }

    @Override
    public PutBucketVersioningResponse putBucketVersioning(PutBucketVersioningRequest request) {
        bucket(request.bucket());
        return call("PutBucketVersioning", () -> buckets.putVersioning(request));
    }

    @Override
    public GetBucketVersioningResponse getBucketVersioning(GetBucketVersioningRequest request) {
        bucket(request.bucket());
        return call("GetBucketVersioning", () -> buckets.versioning(request));
    }

    @Override
    public PutPublicAccessBlockResponse putPublicAccessBlock(PutPublicAccessBlockRequest request) {
        bucket(request.bucket());
        return call("PutPublicAccessBlock", () -> config.putPublicAccessBlock(request));
    }

    @Override
    public GetPublicAccessBlockResponse getPublicAccessBlock(GetPublicAccessBlockRequest request) {
        bucket(request.bucket());
        return call("GetPublicAccessBlock", () -> config.publicAccessBlock(request));
    }

    @Override
    public DeletePublicAccessBlockResponse deletePublicAccessBlock(DeletePublicAccessBlockRequest request) {
        bucket(request.bucket());
        return call("DeletePublicAccessBlock", () -> config.deletePublicAccessBlock(request));
    }

    @Override
    public PutBucketEncryptionResponse putBucketEncryption(PutBucketEncryptionRequest request) {
        bucket(request.bucket());
        return call("PutBucketEncryption", () -> config.putEncryption(request));
    }

    @Override
    public GetBucketEncryptionResponse getBucketEncryption(GetBucketEncryptionRequest request) {
        bucket(request.bucket());
        return call("GetBucketEncryption", () -> config.encryption(request));
    }

    @Override
    public DeleteBucketEncryptionResponse deleteBucketEncryption(DeleteBucketEncryptionRequest request) {
        bucket(request.bucket());
        return call("DeleteBucketEncryption", () -> config.deleteEncryption(request));
    }

    @Override
    public PutBucketPolicyResponse putBucketPolicy(PutBucketPolicyRequest request) {
        bucket(request.bucket());
        return call("PutBucketPolicy", () -> config.putPolicy(request));
    }

    @Override
    public GetBucketPolicyResponse getBucketPolicy(GetBucketPolicyRequest request) {
        bucket(request.bucket());
        return call("GetBucketPolicy", () -> config.policy(request));
    }

    @Override
    public DeleteBucketPolicyResponse deleteBucketPolicy(DeleteBucketPolicyRequest request) {
        bucket(request.bucket());
        return call("DeleteBucketPolicy", () -> config.deletePolicy(request));
    }

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
        object(request.bucket(), request.key());
        return call("PutObject", () -> objects.put(request, body));
    }

    @Override
    public <T> T getObject(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
        object(request.bucket(), request.key());
        return call("GetObject", () -> objects.get(request, transformer));
    }

    @Override
    public HeadObjectResponse headObject(HeadObjectRequest request) {
        object(request.bucket(), request.key());
        return call("HeadObject", () -> objects.head(request));
    }

    @Override
    public DeleteObjectResponse deleteObject(DeleteObjectRequest request) {
        object(request.bucket(), request.key());
        return call("DeleteObject", () -> deletes.delete(request));
    }

    @Override
    public DeleteObjectsResponse deleteObjects(DeleteObjectsRequest request) {
        bucket(request.bucket());
        return call("DeleteObjects", () -> deletes.deleteMany(request));
    }

    @Override
    public CopyObjectResponse copyObject(CopyObjectRequest request) {
        object(request.destinationBucket(), request.destinationKey());
        return call("CopyObject", () -> copies.copy(request));
    }

    @Override
    public ListObjectsV2Response listObjectsV2(ListObjectsV2Request request) {
        bucket(request.bucket());
        return call("ListObjectsV2", () -> listing.listV2(request));
    }

    @Override
    public ListObjectVersionsResponse listObjectVersions(ListObjectVersionsRequest request) {
        bucket(request.bucket());
        return call("ListObjectVersions", () -> listing.listVersions(request));
    }

    @Override
    public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
        object(request.bucket(), request.key());
        return call("CreateMultipartUpload", () -> multipart.create(request));
    }

    @Override
    public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
        object(request.bucket(), request.key());
        return call("UploadPart", () -> multipart.uploadPart(request, body));
    }

    @Override
    public UploadPartCopyResponse uploadPartCopy(UploadPartCopyRequest request) {
        object(request.destinationBucket(), request.destinationKey());
        return call("UploadPartCopy", () -> partCopies.copyPart(request));
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest request) {
        object(request.bucket(), request.key());
        return call("CompleteMultipartUpload", () -> multipart.complete(request));
    }

    @Override
    public AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
        object(request.bucket(), request.key());
        return call("AbortMultipartUpload", () -> multipart.abort(request));
    }

    @Override
    public ListMultipartUploadsResponse listMultipartUploads(ListMultipartUploadsRequest request) {
        bucket(request.bucket());
        return call("ListMultipartUploads", () -> multipartListing.listUploads(request));
    }

    @Override
    public ListPartsResponse listParts(ListPartsRequest request) {
        object(request.bucket(), request.key());
        return call("ListParts", () -> multipartListing.listParts(request));
    }

    @Override
    public GetObjectAttributesResponse getObjectAttributes(GetObjectAttributesRequest request) {
        object(request.bucket(), request.key());
        return call("GetObjectAttributes", () -> attributes.attributes(request));
    }

    @Override
    public GetObjectTaggingResponse getObjectTagging(GetObjectTaggingRequest request) {
        object(request.bucket(), request.key());
        return call("GetObjectTagging", () -> tagging.getObjectTagging(request));
    }

    @Override
    public PutObjectTaggingResponse putObjectTagging(PutObjectTaggingRequest request) {
        object(request.bucket(), request.key());
        return call("PutObjectTagging", () -> tagging.putObjectTagging(request));
    }

    @Override
    public DeleteObjectTaggingResponse deleteObjectTagging(DeleteObjectTaggingRequest request) {
        object(request.bucket(), request.key());
        return call("DeleteObjectTagging", () -> tagging.deleteObjectTagging(request));
    }

    @Override
    public ListObjectsResponse listObjects(ListObjectsRequest request) {
        bucket(request.bucket());
        return call("ListObjects", () -> listingV1.list(request));
    }

    @Override
    public GetBucketTaggingResponse getBucketTagging(GetBucketTaggingRequest request) {
        bucket(request.bucket());
        return call("GetBucketTagging", () -> tagging.getBucketTagging(request));
    }

    @Override
    public PutBucketTaggingResponse putBucketTagging(PutBucketTaggingRequest request) {
        bucket(request.bucket());
        return call("PutBucketTagging", () -> tagging.putBucketTagging(request));
    }

    @Override
    public DeleteBucketTaggingResponse deleteBucketTagging(DeleteBucketTaggingRequest request) {
        bucket(request.bucket());
        return call("DeleteBucketTagging", () -> tagging.deleteBucketTagging(request));
    }

    @Override
    protected <T> T unimplemented(String operation) {
        return NotImplemented.fail(calls, AwsService.S3, caller.arn(), S3Errors.INSTANCE, operation);
    }
}
