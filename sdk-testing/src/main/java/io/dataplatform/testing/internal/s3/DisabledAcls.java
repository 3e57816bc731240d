package io.dataplatform.testing.internal.s3;

import software.amazon.awssdk.services.s3.model.ObjectOwnership;

/**
 * ACLs are disabled in every fake bucket: S3's default Object Ownership for new buckets is
 * "Bucket owner enforced", under which "all S3 PUT requests must either specify the
 * bucket-owner-full-control canned ACL or not specify an ACL" and anything else fails with 400
 * AccessControlListNotSupported (S3 User Guide, "Troubleshooting" Object Ownership error responses).
 * The other ownership settings, which keep ACLs alive, are not modelled and are refused clearly.
 */
final class DisabledAcls {
    private static final String OWNER_FULL_CONTROL = "bucket-owner-full-control";

    private DisabledAcls() {
    }

    /** Fails a PUT that sets an ACL other than bucket-owner-full-control, canned or by grant headers. */
    static void checkObjectPut(String cannedAcl, String... grants) {
        boolean grantsGiven = false;
        for (String grant : grants) {
            grantsGiven |= grant != null && !grant.isEmpty();
        }
        if (grantsGiven || cannedAcl != null && !cannedAcl.isEmpty() && !OWNER_FULL_CONTROL.equals(cannedAcl)) {
            throw S3Errors.badRequest("AccessControlListNotSupported", "The bucket does not allow ACLs");
        }
    }

    /** Fails a CreateBucket that asks for ACLs (an ACL with enforced ownership, or an ownership that keeps ACLs). */
    static void checkCreateBucket(String cannedAcl, ObjectOwnership ownership, String... grants) {
        if (ownership != null && ownership != ObjectOwnership.BUCKET_OWNER_ENFORCED) {
            throw S3Errors.build(501, "NotImplemented", "FakeAws S3 does not implement Object Ownership '"
                    + ownership + "': its buckets keep S3's default, BucketOwnerEnforced (ACLs disabled)");
        }
        boolean grantsGiven = false;
        for (String grant : grants) {
            grantsGiven |= grant != null && !grant.isEmpty();
        }
        if (grantsGiven || cannedAcl != null && !cannedAcl.isEmpty() && !"private".equals(cannedAcl)) {
            throw S3Errors.badRequest("InvalidBucketAclWithObjectOwnership",
                    "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
        }
    }
}
