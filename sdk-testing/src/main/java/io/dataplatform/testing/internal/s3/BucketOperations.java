package io.dataplatform.testing.internal.s3;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.MFADelete;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Bucket lifecycle and versioning: CreateBucket, DeleteBucket, HeadBucket, ListBuckets, location, versioning. */
final class BucketOperations {
    private static final String US_EAST_1 = "us-east-1";

    private final S3World world;
    private final AccessControl access;

    BucketOperations(S3World world, AccessControl access) {
        this.world = world;
        this.access = access;
    }

    CreateBucketResponse create(CreateBucketRequest request) {
        String name = request.bucket();
        Names.checkBucketName(name);
        access.checkIdentityOnly("s3:CreateBucket", "arn:aws:s3:::" + name);
        DisabledAcls.checkCreateBucket(request.aclAsString(), request.objectOwnership(), request.grantFullControl(),
                request.grantRead(), request.grantReadACP(), request.grantWrite(), request.grantWriteACP());
        checkLocation(request.createBucketConfiguration() == null ? null
                : request.createBucketConfiguration().locationConstraintAsString());
        if (Boolean.TRUE.equals(request.objectLockEnabledForBucket())) {
            // S3 would create a versioned bucket with Object Lock (CreateBucket API reference); a plain bucket in its
            // place would let the caller's retention go unenforced, so the fake refuses it as it refuses the lock APIs.
            throw S3Errors.build(501, "NotImplemented", "FakeAws S3 does not implement Object Lock: "
                    + "x-amz-bucket-object-lock-enabled cannot be true");
        }
        // The bucket belongs to the caller's account, which is another than the world's for a cross-account role.
        String owner = access.callerAccount();
        FakeBucket existing = world.addIfAbsent(new FakeBucket(name, owner, world.regionId(), world.now()));
        if (existing != null && !existing.ownerAccount().equals(owner)) {
            throw S3Errors.build(409, "BucketAlreadyExists", "The requested bucket name is not available. The bucket "
                    + "namespace is shared by all users of the system. Please select a different name and try again.");
        }
        if (existing != null && !US_EAST_1.equals(world.regionId())) {
            throw S3Errors.build(409, "BucketAlreadyOwnedByYou",
                    "Your previous request to create the named bucket succeeded and you already own it.");
        }
        // In us-east-1, re-creating a bucket you own returns 200 OK for legacy compatibility
        // (documented on BucketAlreadyOwnedByYou); ACLs are not modelled, so nothing else changes.
        String location = US_EAST_1.equals(world.regionId()) ? "/" + name : "http://" + name + ".s3.amazonaws.com/";
        return CreateBucketResponse.builder().location(location).build();
    }

    DeleteBucketResponse delete(DeleteBucketRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:DeleteBucket", null);
            if (!bucket.objects().isEmpty()) {
                throw S3Errors.build(409, "BucketNotEmpty", bucket.versioning() == VersionState.UNVERSIONED
                        ? "The bucket you tried to delete is not empty"
                        : "The bucket you tried to delete is not empty. You must delete all versions in the bucket.");
            }
            // Only objects, versions and delete markers must go first ("Emptying a general purpose bucket");
            // incomplete multipart uploads go with the bucket (directory buckets, not modelled, differ).
            bucket.uploads().clear();
            world.remove(bucket);
            return status(DeleteBucketResponse.builder(), 204).build();
        });
    }

    HeadBucketResponse head(HeadBucketRequest request) {
        if (world.find(request.bucket()) == null) {
            throw S3Errors.headNotFound(true);
        }
        return world.inBucket(request.bucket(), bucket -> {
            try {
                access.check(bucket, "s3:ListBucket", null);
            } catch (S3Exception denied) {
                // "Regardless of the permissions on the bucket, you will receive a response header with the correct
                // bucket location" (HeadBucket API reference): a 403 still carries x-amz-bucket-region.
                throw S3Errors.withHeader(denied, "x-amz-bucket-region", bucket.region());
            }
            // S3 answers x-amz-access-point-alias: false for a bucket named as itself (the CLI shows
            // "AccessPointAlias": false, as quoted in versitygw#487).
            return HeadBucketResponse.builder().bucketRegion(bucket.region()).accessPointAlias(false).build();
        });
    }

    ListBucketsResponse list(ListBucketsRequest request) {
        // ListAllMyBuckets has no resource of its own; "arn:aws:s3:::*" matches what policies grant it on.
        access.checkIdentityOnly("s3:ListAllMyBuckets", "arn:aws:s3:::*");
        int max = request.maxBuckets() == null ? 10_000 : request.maxBuckets();
        if (max < 1 || max > 10_000) {
            throw S3Errors.badRequest("InvalidArgument", "Argument max-buckets must be an integer between 1 and 10000.");
        }
        String after = request.continuationToken() == null ? "" : Tokens.decode(request.continuationToken());
        List<Bucket> matching = world.all().stream()
                .filter(b -> b.ownerAccount().equals(access.callerAccount()))
                .filter(b -> b.name().compareTo(after) > 0)
                .filter(b -> request.prefix() == null || b.name().startsWith(request.prefix()))
                .filter(b -> request.bucketRegion() == null || b.region().equals(request.bucketRegion()))
                .map(b -> Bucket.builder().name(b.name()).creationDate(b.created()).bucketRegion(b.region()).build())
                .toList();
        List<Bucket> page = matching.subList(0, Math.min(max, matching.size()));
        String next = matching.size() > max ? Tokens.encode(page.get(page.size() - 1).name()) : null;
        return ListBucketsResponse.builder().buckets(page).prefix(request.prefix()).continuationToken(next)
                .owner(Owner.builder().id(access.callerAccount()).build()).build();
    }

    GetBucketLocationResponse location(GetBucketLocationRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:GetBucketLocation", null);
            // us-east-1 buckets report an empty LocationConstraint.
            String constraint = US_EAST_1.equals(bucket.region()) ? null : bucket.region();
            return GetBucketLocationResponse.builder().locationConstraint(constraint).build();
        });
    }

    PutBucketVersioningResponse putVersioning(PutBucketVersioningRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:PutBucketVersioning", null);
            BucketVersioningStatus status = request.versioningConfiguration() == null ? null
                    : request.versioningConfiguration().status();
            if (request.versioningConfiguration() != null
                    && request.versioningConfiguration().mfaDelete() == MFADelete.ENABLED) {
                // MFA delete makes S3 refuse version deletes and versioning changes without an x-amz-mfa token (user
                // guide, "Configuring MFA delete"); accepting it and deleting versions anyway would hide that.
                throw S3Errors.build(501, "NotImplemented", "FakeAws S3 does not implement MFA delete: its buckets "
                        + "keep MFADelete Disabled");
            }
            if (request.versioningConfiguration() != null && request.versioningConfiguration().mfaDelete() != null
                    && request.mfa() == null) {
                // Naming MFADelete (even Disabled) without the x-amz-mfa token is refused as malformed
                // (S3's answers quoted in terraform-provider-aws#26879 and trussworks/terraform-aws-logs#267).
                throw S3Errors.badRequest("MalformedXML", "The XML you provided was not well-formed or did not "
                        + "validate against our published schema");
            }
            if (status == BucketVersioningStatus.ENABLED) {
                bucket.versioning(VersionState.ENABLED);
            } else if (status == BucketVersioningStatus.SUSPENDED) {
                bucket.versioning(VersionState.SUSPENDED);
            } else {
                throw S3Errors.badRequest("MalformedXML", "The XML you provided was not well-formed or did not "
                        + "validate against our published schema");
            }
            return PutBucketVersioningResponse.builder().build();
        });
    }

    GetBucketVersioningResponse versioning(GetBucketVersioningRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:GetBucketVersioning", null);
            return GetBucketVersioningResponse.builder().status(bucket.versioning().status()).build();
        });
    }

    private void checkLocation(String constraint) {
        boolean given = constraint != null && !constraint.isEmpty();
        if (US_EAST_1.equals(world.regionId())) {
            if (given) {
                throw S3Errors.badRequest("InvalidLocationConstraint", "The specified location-constraint is not valid");
            }
        } else if (!given || !constraint.equals(world.regionId())) {
            throw S3Errors.badRequest("IllegalLocationConstraintException", "The " + (given ? constraint : "unspecified")
                    + " location constraint is incompatible for the region specific endpoint this request was sent to.");
        }
    }

    static <B extends SdkResponse.Builder> B status(B builder, int statusCode) {
        builder.sdkHttpResponse(switch (statusCode) {
            case 200 -> Statuses.OK;
            case 204 -> Statuses.NO_CONTENT;
            case 206 -> Statuses.PARTIAL_CONTENT;
            default -> Statuses.of(statusCode);
        });
        return builder;
    }

    /** The responses' HTTP parts are immutable: the common ones are built once, not on every GET. */
    private static final class Statuses {
        static final SdkHttpResponse OK = of(200);
        static final SdkHttpResponse NO_CONTENT = of(204);
        static final SdkHttpResponse PARTIAL_CONTENT = of(206);

        static SdkHttpResponse of(int statusCode) {
            return SdkHttpResponse.builder().statusCode(statusCode).headers(Map.of()).build();
        }
    }
}
