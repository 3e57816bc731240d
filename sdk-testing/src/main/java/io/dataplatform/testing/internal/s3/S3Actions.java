package io.dataplatform.testing.internal.s3;

import io.dataplatform.testing.internal.iam.Wildcards;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The actions of "Actions, resources, and condition keys for Amazon S3", by the resource they act
 * on, and its condition keys: what PutBucketPolicy accepts.
 */
final class S3Actions {
    /** Actions on objects ({@code arn:aws:s3:::bucket/key}). */
    static final Set<String> OBJECT = lower("AbortMultipartUpload", "BypassGovernanceRetention", "DeleteObject",
            "DeleteObjectTagging", "DeleteObjectVersion", "DeleteObjectVersionTagging", "GetObject", "GetObjectAcl",
            "GetObjectAttributes", "GetObjectLegalHold", "GetObjectRetention", "GetObjectTagging", "GetObjectTorrent",
            "GetObjectVersion", "GetObjectVersionAcl", "GetObjectVersionAttributes", "GetObjectVersionForReplication",
            "GetObjectVersionTagging", "GetObjectVersionTorrent", "InitiateReplication", "ListMultipartUploadParts",
            "ObjectOwnerOverrideToBucketOwner", "PutObject", "PutObjectAcl", "PutObjectLegalHold", "PutObjectRetention",
            "PutObjectTagging", "PutObjectVersionAcl", "PutObjectVersionTagging", "ReplicateDelete", "ReplicateObject",
            "ReplicateTags", "RestoreObject");
    /** Actions on buckets ({@code arn:aws:s3:::bucket}). */
    static final Set<String> BUCKET = lower("CreateBucket", "CreateBucketMetadataTableConfiguration", "DeleteBucket",
            "DeleteBucketMetadataTableConfiguration", "DeleteBucketOwnershipControls", "DeleteBucketPolicy",
            "DeleteBucketWebsite", "GetAccelerateConfiguration", "GetAnalyticsConfiguration", "GetBucketAcl",
            "GetBucketCORS", "GetBucketLocation", "GetBucketLogging", "GetBucketMetadataTableConfiguration",
            "GetBucketNotification", "GetBucketObjectLockConfiguration", "GetBucketOwnershipControls", "GetBucketPolicy",
            "GetBucketPolicyStatus", "GetBucketPublicAccessBlock", "GetBucketRequestPayment", "GetBucketTagging",
            "GetBucketVersioning", "GetBucketWebsite", "GetEncryptionConfiguration", "GetIntelligentTieringConfiguration",
            "GetInventoryConfiguration", "GetLifecycleConfiguration", "GetMetricsConfiguration",
            "GetReplicationConfiguration", "ListBucket", "ListBucketMultipartUploads", "ListBucketVersions",
            "PauseReplication", "PutAccelerateConfiguration", "PutAnalyticsConfiguration", "PutBucketAcl",
            "PutBucketCORS", "PutBucketLogging", "PutBucketNotification", "PutBucketObjectLockConfiguration",
            "PutBucketOwnershipControls", "PutBucketPolicy", "PutBucketPublicAccessBlock", "PutBucketRequestPayment",
            "PutBucketTagging", "PutBucketVersioning", "PutBucketWebsite", "PutEncryptionConfiguration",
            "PutIntelligentTieringConfiguration", "PutInventoryConfiguration", "PutLifecycleConfiguration",
            "PutMetricsConfiguration", "PutReplicationConfiguration", "CreateSession");
    /** Actions on other resources (the account, access points, jobs, Storage Lens, Access Grants). */
    static final Set<String> OTHER = lower("ListAllMyBuckets", "CreateJob", "ListJobs", "DescribeJob",
            "UpdateJobPriority", "UpdateJobStatus", "GetJobTagging", "PutJobTagging", "DeleteJobTagging",
            "GetAccountPublicAccessBlock", "PutAccountPublicAccessBlock", "CreateAccessPoint", "DeleteAccessPoint",
            "GetAccessPoint", "ListAccessPoints", "GetAccessPointPolicy", "PutAccessPointPolicy",
            "DeleteAccessPointPolicy", "GetAccessPointPolicyStatus", "PutAccessPointPublicAccessBlock",
            "CreateAccessPointForObjectLambda", "DeleteAccessPointForObjectLambda", "GetAccessPointForObjectLambda",
            "ListAccessPointsForObjectLambda", "CreateMultiRegionAccessPoint", "DeleteMultiRegionAccessPoint",
            "GetMultiRegionAccessPoint", "ListMultiRegionAccessPoints", "GetStorageLensConfiguration",
            "PutStorageLensConfiguration", "DeleteStorageLensConfiguration", "ListStorageLensConfigurations",
            "GetStorageLensDashboard", "CreateAccessGrant", "DeleteAccessGrant", "GetAccessGrant", "ListAccessGrants",
            "GetDataAccess", "ListTagsForResource", "TagResource", "UntagResource");
    /** The service-specific condition keys (compared in lower case); a "/" suffix takes any tag key after it. */
    private static final Set<String> CONDITION_KEYS = lower("s3:AccessGrantsInstanceArn", "s3:AccessPointNetworkOrigin",
            "s3:DataAccessPointAccount", "s3:DataAccessPointArn", "s3:ExistingJobOperation", "s3:ExistingJobPriority",
            "s3:ExistingObjectTag/", "s3:JobSuspendedCause", "s3:LocationConstraint", "s3:RequestJobOperation",
            "s3:RequestJobPriority", "s3:RequestObjectTag/", "s3:RequestObjectTagKeys", "s3:ResourceAccount",
            "s3:TlsVersion", "s3:VersionId", "s3:authType", "s3:delimiter", "s3:max-keys", "s3:object-lock-legal-hold",
            "s3:object-lock-mode", "s3:object-lock-remaining-retention-days", "s3:object-lock-retain-until-date",
            "s3:prefix", "s3:signatureAge", "s3:signatureversion", "s3:x-amz-acl", "s3:x-amz-content-sha256",
            "s3:x-amz-copy-source", "s3:x-amz-grant-full-control", "s3:x-amz-grant-read", "s3:x-amz-grant-read-acp",
            "s3:x-amz-grant-write", "s3:x-amz-grant-write-acp", "s3:x-amz-metadata-directive",
            "s3:x-amz-server-side-encryption", "s3:x-amz-server-side-encryption-aws-kms-key-id",
            "s3:x-amz-server-side-encryption-customer-algorithm", "s3:x-amz-storage-class",
            "s3:x-amz-website-redirect-location", "s3:x-amz-object-ownership", "s3:ObjectCreationOperation",
            "s3:if-match", "s3:if-none-match", "s3:BucketTag/");
    private static final Set<String> ALL = new HashSet<>();

    static {
        Stream.of(OBJECT, BUCKET, OTHER).forEach(ALL::addAll);
    }

    private S3Actions() {
    }

    /** Returns true for "*", and for an {@code s3:} action or wildcard pattern that names at least one S3 action. */
    static boolean isValid(String action) {
        if (action.equals("*")) {
            return true;
        }
        String lower = action.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("s3:")) {
            return false;
        }
        String name = lower.substring(3);
        return ALL.stream().anyMatch(a -> Wildcards.matches(name, a, true));
    }

    /** Returns the actions (without "s3:") a valid pattern covers. */
    static Set<String> covered(String action) {
        String name = action.equals("*") ? "*" : action.substring(3).toLowerCase(Locale.ROOT);
        Set<String> covered = new HashSet<>();
        ALL.stream().filter(a -> Wildcards.matches(name, a, true)).forEach(covered::add);
        return covered;
    }

    /** Returns true for an S3 condition key S3 knows; other services' keys are not S3's to judge. */
    static boolean isKnownConditionKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("s3:")) {
            return true;
        }
        int slash = lower.indexOf('/');
        return CONDITION_KEYS.contains(slash < 0 ? lower : lower.substring(0, slash + 1));
    }

    private static Set<String> lower(String... names) {
        Set<String> set = new HashSet<>();
        for (String n : names) {
            set.add(n.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(set);
    }
}
